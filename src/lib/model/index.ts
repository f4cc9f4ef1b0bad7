/**
 * The model: validated Inputs → the Dataset the pages render and the files the site publishes.
 * Spec: "How figures are computed" and "Units that change". Rows are indexed by unit once; units are
 * processed bottom-up (engine.ts) so every roll-up reads finished children: O(rows log rows + units ×
 * windows), plus figures over part of a window only for units that moved within it (and those below).
 */
import type { Dataset, Diagnostic, IndicatorRow, Inputs, UnitFigures } from '../types.ts';
import { computeFigures, spanNumber, type ComputeStats, type FigureScope, type UnitRows } from './engine.ts';
import { TRAINING } from './flows.ts';
import { pushRows } from './indicators.ts';
import { latestDataDate, sources } from './meta.ts';
import { activeChildren, buildTree, type Tree } from './tree.ts';
import { buildWindows, termsOf, touchedYears, type Windows } from './windows.ts';

export { INDICATORS, INDICATOR_NAMES } from './dictionary.ts';
export { livesOf } from './lives.ts';
export { pct, roundHalfUp, roundRatio } from './round.ts';
export { coveredOf } from './spans.ts';
export { tile } from './tiling.ts';
export type { ComputeStats, FigureScope } from './engine.ts';

export interface ComputeOptions {
  /** The data folder holds a `DEMO` marker: the data is generated, for illustration. */
  isDemo?: boolean;
  /** Filled with counts of the work done (tests of the cost). */
  stats?: ComputeStats;
  /** 'warnings': only the figures the data check's warnings read; such a Dataset is not for rendering. */
  figures?: FigureScope;
}

function indexRows(inputs: Inputs): Map<string, UnitRows> {
  const byUnit = new Map<string, UnitRows>();
  const get = (id: string): UnitRows => {
    let r = byUnit.get(id);
    if (!r) {
      r = { admissions: [], training: { classes: [], trainees: [], dossiers: [] }, targets: new Map(), members: [] };
      byUnit.set(id, r);
    }
    return r;
  };
  for (const r of inputs.admissions) get(r.unitId).admissions.push(r);
  for (const r of inputs.training) {
    const t = get(r.unitId).training;
    for (const key of TRAINING) if (r[key] !== undefined) t[key].push(r);
  }
  // One target per unit and period (a duplicate is an input error); the later line would win.
  for (const r of inputs.targets) get(r.unitId).targets.set(spanNumber(r.period.from, r.period.to), r);
  for (const r of inputs.members) get(r.unitId).members.push(r);
  return byUnit;
}

const NO_ROWS: UnitRows = {
  admissions: [],
  training: { classes: [], trainees: [], dossiers: [] },
  targets: new Map(),
  members: [],
};

/**
 * The figures of every unit. A function of its own so that the rows index is garbage once they are done:
 * a closure of computeDataset would keep it alive with the Dataset (tens of MB at national size).
 */
function figuresOf(
  inputs: Inputs,
  tree: Tree,
  windows: Windows,
  warnings: Diagnostic[],
  opts: ComputeOptions,
): Map<string, UnitFigures> {
  const rowsByUnit = indexRows(inputs);
  return computeFigures(tree, (id) => rowsByUnit.get(id) ?? NO_ROWS, windows, warnings, opts.stats, opts.figures);
}

export function computeDataset(inputs: Inputs, opts: ComputeOptions = {}): Dataset {
  const terms = termsOf(inputs);
  const windows = buildWindows(touchedYears(inputs), terms);
  const tree = buildTree(inputs.units);
  const modelWarnings: Diagnostic[] = [];
  const figures = figuresOf(inputs, tree, windows, modelWarnings, opts);

  // indicators.csv order: unit id (code point order, locale-free), then window, then indicator.
  // The rows are derived per unit on demand rather than kept: on a national data set they are millions of
  // objects (over 300 MB), while the build only ever streams them once and a page needs one unit's.
  const ids = inputs.units.map((u) => u.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indicatorsOf = (id: string): IndicatorRow[] => {
    const out: IndicatorRow[] = [];
    const uf = figures.get(id);
    if (!uf) return out;
    for (const w of windows.all) {
      const table = w.kind === 'year' ? uf.years : uf.terms;
      const f = table[w.id];
      if (!f) continue;
      const prev = windows.previous.get(w.id);
      pushRows(out, id, f, prev && table[prev.id]);
    }
    return out;
  };
  // Counting derives every row (3 million objects at national size): done when first asked (the data page),
  // not by the check, which never asks.
  let indicatorCount: number | undefined;
  const yearsWithFigures = new Set<string>();
  for (const uf of figures.values()) for (const y in uf.years) yearsWithFigures.add(y);

  const figuresRecord: Record<string, UnitFigures> = {};
  for (const u of inputs.units) figuresRecord[u.id] = figures.get(u.id)!;

  const latest = latestDataDate(inputs);
  const dataset: Omit<Dataset, 'indicators'> = {
    inputs,
    units: inputs.units,
    unitById: tree.unitById,
    childrenOf: tree.childrenOf,
    activeChildren: activeChildren(tree.membersOf),
    predecessorsOf: tree.predecessorsOf,
    roots: tree.roots,
    terms,
    years: windows.years.filter((w) => yearsWithFigures.has(w.id)).map((w) => Number(w.id)),
    figures: figuresRecord,
    indicatorUnitOrder: ids,
    indicatorsOf,
    get indicatorCount() {
      if (indicatorCount === undefined) {
        indicatorCount = 0;
        for (const id of ids) indicatorCount += indicatorsOf(id).length;
      }
      return indicatorCount;
    },
    ...(latest !== undefined ? { latestDataDate: latest } : {}),
    sources: sources(inputs),
    warnings: [...inputs.diagnostics.filter((d) => d.severity === 'warning'), ...modelWarnings],
    isDemo: opts.isDemo ?? false,
  };
  let all: IndicatorRow[] | undefined;
  // Every row at once, made on first use (tests, small programs); the build streams indicatorsOf instead.
  return Object.defineProperty(dataset, 'indicators', {
    enumerable: true,
    get: () => (all ??= ids.flatMap(indicatorsOf)),
  }) as Dataset;
}

/**
 * Every unit's figures, bottom-up: own rows, children's sums month by month, merged predecessors.
 *
 * Cost: each unit is computed once per window, reading its children's finished window figures. A figure
 * over part of a window (a "sub-window") is computed only for a child that was under another parent for
 * part of that window (a move), for the months it was under this one, and for its descendants over
 * those months; memoised by unit and months, so a national build stays linear in units.
 * Units are visited bottom-up; a unit whose children or predecessors are not finished yet (lives under
 * several parents, merges across the tree) finishes them first. A cycle (an input error) gets no figures
 * from the unit that closes it.
 */
import type {
  Diagnostic,
  MemberRow,
  RowOrigin,
  Snapshot,
  TargetRow,
  Unit,
  UnitFigures,
  Window,
  WindowFigures,
} from '../types.ts';
import { BREAKDOWNS, FLOW_KEYS, ownAdmissions, ownTraining, type FlowKey, type Flows, type OwnRows } from './flows.ts';
import { derive, fillMembersAtStart, hasFigures, startFrom } from './indicators.ts';
import { combineSnapshots, combineStart, combineWindow, lifeIn, type PredWindow } from './merge.ts';
import { MAX_ROW_ORIGINS, rollUpFlows, rollUpTarget, type Contribution } from './rollup.ts';
import { clip, count, coveredOf, EMPTY, union, wholeOf, type SpanSet } from './spans.ts';
import { currentParts, samePeriodOf, type CurrentPart } from './same-period.ts';
import { ownSnapshots, summedSnapshots } from './stocks.ts';
import type { Member, Tree } from './tree.ts';
import type { Windows } from './windows.ts';

export interface UnitRows extends OwnRows {
  /** By period (spanNumber). */
  targets: Map<number, TargetRow>;
  members: MemberRow[];
}

/**
 * What is computed: every figure (the site renders them), or only what the data check's warnings read (`npm run
 * check`): the flows, targets and members at the start of years, without the breakdowns of admitted, the other
 * derived indicators and the same period of the previous year.
 */
export type FigureScope = 'all' | 'warnings';

/** Counters for tests (the cost guard counts work, not time). */
export interface ComputeStats {
  /** Figures computed over part of a window (unit × months), each once. */
  subWindows: number;
  /** The same, asked for by the same period of the previous year (partial years only). */
  samePeriods?: number;
}

/** A span as one number (months up to year 2700 stay small integers), for lookups made millions of times. */
export const spanNumber = (from: number, to: number): number => from * 32768 + to;

const NO_FLOWS: Flows = {};

/** The months of a member under its parent inside the window; the window's shared array when whole. */
function within(months: SpanSet, w: Window, whole: SpanSet): SpanSet {
  if (months.length === 1 && months[0]!.from <= w.from && months[0]!.to >= w.to) return whole;
  return clip(months, w.from, w.to);
}

const moved = (m: Member, w: Window): boolean => m.elsewhere.length > 0 && clip(m.elsewhere, w.from, w.to).length > 0;

export function computeFigures(
  tree: Tree,
  rowsOf: (id: string) => UnitRows,
  windows: Windows,
  warnings: Diagnostic[],
  stats?: ComputeStats,
  scope: FigureScope = 'all',
): Map<string, UnitFigures> {
  const all = scope === 'all';
  const figures = new Map<string, UnitFigures>();
  /** Successors only: own window figures and snapshots, before predecessors (what their parents sum). */
  const baseWindows = new Map<string, Map<string, WindowFigures>>();
  const baseSnapshots = new Map<string, Snapshot[]>();
  const busy = new Set<string>();
  /** Unit id → span (spanNumber) → its flows over that span: no key string built per lookup. */
  const subs = new Map<string, Map<number, Flows>>();
  const yearScopes = new Map<number, Window>();
  const termScopes = new Map<number, Window>();

  const predsOf = (u: Unit): Unit[] => (tree.predecessorsOf[u.id] ?? []).map((id) => tree.unitById[id]!);
  const windowOf = (uf: UnitFigures | undefined, w: Window) => uf && (w.kind === 'year' ? uf.years : uf.terms)[w.id];
  const baseWindow = (u: Unit, w: Window): WindowFigures | undefined =>
    baseWindows.get(u.id)?.get(w.id) ?? (baseWindows.has(u.id) ? undefined : windowOf(figures.get(u.id), w));

  /** Part of a window as a window of its own (months = its length), one object per span. */
  const scopeOf = (w: Window, from: number, to: number): Window => {
    if (from === w.from && to === w.to) return w;
    const byKind = w.kind === 'year' ? yearScopes : termScopes;
    const key = spanNumber(from, to);
    let s = byKind.get(key);
    if (!s) byKind.set(key, (s = { kind: w.kind, id: w.id, label: w.label, from, to, months: to - from + 1 }));
    return s;
  };

  function contributions(u: Unit, scope: Window, isWindow: boolean): Contribution[] {
    const out: Contribution[] = [];
    const members = tree.membersOf[u.id];
    if (!members) return out;
    const whole = wholeOf(scope);
    for (const m of members) {
      const present = within(m.months, scope, whole);
      if (present.length === 0) {
        // A child that reported outside its life (an input error the check names) was active after all.
        const f = isWindow && !moved(m, scope) ? baseWindow(m.unit, scope) : undefined;
        if (f && hasFlows(f)) {
          const present = reportedMonths(f, scope);
          out.push({ unit: m.unit, present, flows: f, target: f.target, whole: true, outside: true });
        }
        continue;
      }
      const away = moved(m, scope);
      if (isWindow && !away) {
        const f = baseWindow(m.unit, scope);
        out.push({ unit: m.unit, present, flows: f ?? NO_FLOWS, target: f?.target, whole: true });
      } else out.push({ unit: m.unit, present, flows: flowsOver(m.unit, present, scope), whole: !away });
    }
    return out;
  }

  /** A unit's flows over some months of a window (rules 1–3 on that part, or its children's for it). */
  function flowsOver(u: Unit, part: SpanSet, w: Window): Flows {
    if (part.length === 1) return subFlows(u, scopeOf(w, part[0]!.from, part[0]!.to));
    return mergeSpans(part.map((p) => subFlows(u, scopeOf(w, p.from, p.to))));
  }

  function subFlows(u: Unit, scope: Window): Flows {
    let mine = subs.get(u.id);
    if (!mine) subs.set(u.id, (mine = new Map()));
    const key = spanNumber(scope.from, scope.to);
    const done = mine.get(key);
    if (done) return done;
    if (stats) {
      if (samePeriodWork) stats.samePeriods = (stats.samePeriods ?? 0) + 1;
      else stats.subWindows++;
    }
    mine.set(key, NO_FLOWS); // a cycle (input error) reads nothing
    const rows = rowsOf(u.id);
    const own = ownTraining(rows.training, scope, ownAdmissions(rows.admissions, scope, all));
    const flows = rollUpFlows(u, own, contributions(u, scope, false), scope, undefined, all);
    // Kept explicit: the parent reads them inside a larger window, where "first months" means others.
    for (const k of FLOW_KEYS) {
      const f = flows[k];
      if (f && !f.covered) f.covered = coveredOf(f, scope);
    }
    mine.set(key, flows);
    return flows;
  }

  // Same period of the previous year, for partial years only (same-period.ts), on the memoised sub-windows.
  let samePeriodWork = false;
  const fillSamePeriod = samePeriodOf({
    spanFlows: (u, from, to, w) => {
      samePeriodWork = true;
      const f = subFlows(u, scopeOf(w, from, to));
      samePeriodWork = false;
      return f;
    },
    predecessors: predsOf,
    straddles: (u, from, to) =>
      rowsOf(u.id).admissions.some(({ period: p }) => p.from <= to && p.to >= from && (p.from < from || p.to > to)),
    hasChildren: (u, from, to) => (tree.membersOf[u.id] ?? []).some((m) => clip(m.months, from, to).length > 0),
  });

  function ensure(u: Unit): void {
    if (figures.has(u.id) || busy.has(u.id)) return;
    busy.add(u.id);
    for (const m of tree.membersOf[u.id] ?? []) ensure(m.unit);
    const preds = predsOf(u);
    for (const p of preds) ensure(p);
    figures.set(u.id, compute(u, preds));
    busy.delete(u.id);
  }

  function compute(u: Unit, preds: Unit[]): UnitFigures {
    const rows = rowsOf(u.id);
    const members = tree.membersOf[u.id] ?? [];
    const own = ownSnapshots(rows.members);
    const base =
      own.length > 0 || members.length === 0
        ? own
        : summedSnapshots(members.map((m) => ({ months: m.months, snapshots: snapshotsOf(m.unit) })));
    if (preds.length > 0) baseSnapshots.set(u.id, base);
    const predFigures = preds.map((p) => figures.get(p.id));
    const snapshots = combineSnapshots(
      u,
      base,
      preds.map((p, i) => ({ unit: p, snapshots: predFigures[i]?.snapshots ?? [] })),
    );

    const uf: UnitFigures = { unitId: u.id, years: {}, terms: {}, snapshots };
    const computed = new Map<string, WindowFigures>();
    const bases = preds.length > 0 ? new Map<string, WindowFigures>() : undefined;
    const partial = new Map<string, CurrentPart[]>();
    if (bases) baseWindows.set(u.id, bases);
    for (const w of windows.all) {
      const children = contributions(u, w, true);
      const own = ownTraining(rows.training, w, ownAdmissions(rows.admissions, w, all));
      const flows = rollUpFlows(u, own, children, w, warnings, all);
      const t = rows.targets.get(spanNumber(w.from, w.to));
      const target = rollUpTarget(t && { value: t.target, basis: 'reported', origin: t.origin }, children);
      let f: WindowFigures = { window: w, ...flows };
      if (target) f.target = target;
      const base = f;
      const active: PredWindow[] = [];
      if (bases) {
        if (hasFlows(f)) bases.set(w.id, f);
        preds.forEach((p, i) => {
          const present = lifeIn(p, w);
          if (present.length > 0) active.push({ unit: p, present, figures: windowOf(predFigures[i], w) });
        });
        f = combineWindow(u, f, children, active, all);
      }
      computed.set(w.id, f);
      if (all && w.kind === 'year' && f.admitted && f.admitted.months < w.months) {
        partial.set(w.id, currentParts(f, lifeIn(u, w), children, active, base));
      }
    }
    const startOf =
      preds.length === 0
        ? undefined
        : (year: number) =>
            combineStart(
              u,
              year,
              startFrom(base, year),
              preds.map((p, i) => ({ unit: p, start: predFigures[i]?.years[String(year)]?.membersAtStart })),
            );
    for (const w of windows.all) {
      const f = computed.get(w.id)!;
      const prev = windows.previous.get(w.id);
      if (all) derive(f, prev && computed.get(prev.id), snapshots, startOf);
      else fillMembersAtStart(f, snapshots, startOf);
      const parts = partial.get(w.id);
      if (parts) fillSamePeriod(u, f, parts, prev);
      if (hasFigures(f)) (w.kind === 'year' ? uf.years : uf.terms)[w.id] = f;
    }
    return uf;
  }

  const snapshotsOf = (u: Unit): Snapshot[] => baseSnapshots.get(u.id) ?? figures.get(u.id)?.snapshots ?? [];

  for (const u of tree.bottomUp) ensure(u);
  return figures;
}

const IS_BREAKDOWN = new Set<FlowKey>(BREAKDOWNS);

/** The months a figure's flows cover. */
function reportedMonths(f: Flows, scope: Window): SpanSet {
  let s: SpanSet = EMPTY;
  for (const k of FLOW_KEYS) {
    const x = f[k];
    if (x) s = union(s, coveredOf(x, scope));
  }
  return s;
}

const hasFlows = (f: WindowFigures): boolean => f.target !== undefined || FLOW_KEYS.some((k) => f[k] !== undefined);

/** One child's flows over several separate spans of a window (it left and came back): their sum. */
function mergeSpans(list: readonly Flows[]): Flows {
  const out: Flows = {};
  for (const key of FLOW_KEYS) {
    const parts = list.filter((f) => f[key] !== undefined);
    if (parts.length === 0) continue;
    // A breakdown is known only when every span that has admitted has it (rule 4).
    if (IS_BREAKDOWN.has(key) && list.some((f) => f.admitted && !f[key])) continue;
    let value = 0;
    let covered: SpanSet = EMPTY;
    const rows: RowOrigin[] = [];
    for (const p of parts) {
      const f = p[key]!;
      value += f.value;
      covered = union(covered, f.covered ?? EMPTY);
      for (const o of f.rows) if (rows.length < MAX_ROW_ORIGINS) rows.push(o);
    }
    const first = parts[0]![key]!;
    out[key] = { value, months: count(covered), ofMonths: first.ofMonths, basis: first.basis, rows, covered };
    // (Spans of a sub-window: their flows keep `covered` explicitly, so the union is exact.)
  }
  return out;
}

/**
 * The row behind a published figure, for a warning's file:line: a unit's own row with the largest value (a term
 * summed from years: the year typed wrong), or for a summed figure the row behind its largest child's figure,
 * followed down to a unit's own rows. Candidates are gathered first and resolved in one pass over the input rows,
 * and only when a figure rests on several rows: a national data set has close to a million of them.
 */
import type { AdmissionRow, Dataset, Diagnostic, Flow, RowOrigin, TrainingRow, WindowFigures } from '../types.ts';

export type FlowName = 'admitted' | 'classes' | 'trainees' | 'dossiers';
export const FLOWS: readonly FlowName[] = ['admitted', 'classes', 'trainees', 'dossiers'];
export type LocatedName = FlowName | 'target';

export const FILE_OF: Record<LocatedName, string> = {
  admitted: 'admissions.csv',
  target: 'targets.csv',
  classes: 'training.csv',
  trainees: 'training.csv',
  dossiers: 'training.csv',
};

/** The rows a figure may rest on, and which value of them to compare. */
export interface Candidates {
  rows: readonly RowOrigin[];
  key: LocatedName;
  /** The file to name when no row is known. */
  file: string;
}

export const figuresAt = (d: Dataset, id: string, period: string): WindowFigures | undefined => {
  const uf = d.figures[id];
  return uf?.years[period] ?? uf?.terms[period];
};

/**
 * A window's flow by name. Named reads, not `f[key]`: the many shapes of window figures make a computed key's
 * lookup slow, and the warnings read every unit's every window (national data: millions of reads).
 */
export function flowAt(f: WindowFigures, key: FlowName): Flow | undefined {
  switch (key) {
    case 'admitted':
      return f.admitted;
    case 'classes':
      return f.classes;
    case 'trainees':
      return f.trainees;
    case 'dossiers':
      return f.dossiers;
  }
}

export const figureValue = (f: WindowFigures | undefined, key: LocatedName): number | undefined =>
  f === undefined ? undefined : key === 'target' ? f.target?.value : flowAt(f, key)?.value;

/** Candidate rows behind a flow or target of one unit and window. */
export function behind(d: Dataset, id: string, period: string, key: LocatedName, depth = 0): readonly RowOrigin[] {
  const f = figuresAt(d, id, period);
  if (!f) return [];
  if (key === 'target') {
    if (f.target?.origin) return [f.target.origin];
  } else if (f[key]?.basis === 'reported') {
    return f[key].rows;
  }
  let best: string | undefined;
  let most = -1;
  for (const c of d.childrenOf[id] ?? []) {
    const v = figureValue(figuresAt(d, c, period), key);
    if (v !== undefined && v > most) {
      most = v;
      best = c;
    }
  }
  const down = best !== undefined && depth < 16 ? behind(d, best, period, key, depth + 1) : [];
  return down.length > 0 || key === 'target' ? down : (f[key]?.rows ?? []);
}

const STOCKS_FILE = 'members.csv';
const BREAKDOWNS = new Set(['youth', 'women', 'ethnic_minority', 'college']);

/** Candidates behind any count of indicators.csv (a breakdown rests on the rows of `admitted`). */
export function candidatesOf(d: Dataset, id: string, period: string, indicator: string): Candidates {
  const key: LocatedName | undefined = BREAKDOWNS.has(indicator)
    ? 'admitted'
    : (FLOWS as readonly string[]).includes(indicator) || indicator === 'target'
      ? (indicator as LocatedName)
      : undefined;
  if (key) return { rows: behind(d, id, period, key), key, file: FILE_OF[key] };
  const origin = figuresAt(d, id, period)?.stock?.origin;
  return { rows: origin ? [origin] : [], key: 'target', file: STOCKS_FILE };
}

const lineKey = (o: RowOrigin) => `${o.file}\u001f${o.line}`;

/** file:line of each candidate list: the row with the largest value among several. */
export function resolve(d: Dataset, list: readonly Candidates[]): Pick<Diagnostic, 'file' | 'line'>[] {
  const needed = new Map<string, Set<number>>();
  for (const c of list) {
    if (c.rows.length <= 1 || c.key === 'target') continue;
    for (const o of c.rows) {
      let lines = needed.get(o.file);
      if (!lines) {
        lines = new Set();
        needed.set(o.file, lines);
      }
      lines.add(o.line);
    }
  }
  const rows = new Map<string, AdmissionRow | TrainingRow>();
  if (needed.size > 0) {
    const pick = (r: AdmissionRow | TrainingRow) => {
      if (needed.get(r.origin.file)?.has(r.origin.line)) rows.set(lineKey(r.origin), r);
    };
    for (const r of d.inputs.admissions) pick(r);
    for (const r of d.inputs.training) pick(r);
  }
  return list.map((c) => {
    let best = c.rows[0];
    if (c.rows.length > 1 && c.key !== 'target') {
      let most = -1;
      for (const o of c.rows) {
        const v = (rows.get(lineKey(o)) as Partial<Record<FlowName, number>> | undefined)?.[c.key] ?? -1;
        if (v > most) {
          most = v;
          best = o;
        }
      }
    }
    return best ? { file: best.file, line: best.line } : { file: c.file };
  });
}

/**
 * A unit's own flow figures in one window, from its own rows (rules 1–4 of the spec).
 */
import type { AdmissionRow, Flow, MonthSpan, RowOrigin, TrainingRow, Window } from '../types.ts';
import { storedCovered, type SpanSet } from './spans.ts';
import { tile, type Tiling } from './tiling.ts';

export const BREAKDOWNS = ['youth', 'women', 'ethnicMinority', 'college'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * Training counts are separate flows: each is tiled on the rows that have that column, because an
 * empty cell is "unknown", so a row without `dossiers` is no usable row for dossiers (rule 3) while
 * it may well be the best row for classes. Figures of one window may thus rest on different rows.
 */
export const TRAINING = ['classes', 'trainees', 'dossiers'] as const;
export type TrainingKey = (typeof TRAINING)[number];

export type FlowKey = 'admitted' | Breakdown | TrainingKey;

/** Every flow of a window, in the published order: admitted, its breakdowns, the training counts. */
export const FLOW_KEYS: readonly FlowKey[] = ['admitted', ...BREAKDOWNS, ...TRAINING];

export type Flows = Partial<Record<FlowKey, Flow>>;

/** One unit's rows, indexed once; training rows already split per column. */
export interface OwnRows {
  admissions: AdmissionRow[];
  training: Record<TrainingKey, TrainingRow[]>;
}

const spanOf = (r: { period: { from: number; to: number } }) => r.period;

// Two literals, not a property added later: V8 then keeps `covered` inside the object (no extra store).
const reported = (value: number, months: number, w: Window, rows: RowOrigin[], covered: SpanSet | undefined): Flow =>
  covered
    ? { value, months, ofMonths: w.months, basis: 'reported', rows, covered }
    : { value, months, ofMonths: w.months, basis: 'reported', rows };

/** The months a tiling covers, kept only when they are not the window's first months (spans.coveredOf). */
function coveredBy<T extends { period: MonthSpan }>(t: Tiling<T>, w: MonthSpan): SpanSet | undefined {
  if (t.exact || t.rows.length === 0) return undefined;
  // The usual case, rows end to end from the window's start, needs no span at all.
  let next = w.from;
  let gap = false;
  for (const r of t.rows) {
    if (r.period.from !== next) gap = true;
    next = r.period.to + 1;
  }
  if (!gap) return undefined;
  // Chronological and disjoint already: only neighbours need joining.
  const out: MonthSpan[] = [];
  for (const r of t.rows) {
    const last = out[out.length - 1];
    if (last && last.to + 1 === r.period.from) last.to = r.period.to;
    else out.push({ from: r.period.from, to: r.period.to });
  }
  return storedCovered(out, w);
}

/**
 * Admitted and its breakdowns (unless `breakdowns` is false) from the rows chosen for `admitted`. A breakdown is
 * known only when every chosen row has it (rule 4): a share over part of the rows would be a share of something else.
 */
export function ownAdmissions(rows: readonly AdmissionRow[], w: Window, breakdowns = true): Flows {
  const t = tile(rows, w, spanOf);
  if (!t) return {};
  const origins = t.rows.map((r) => r.origin);
  const covered = coveredBy(t, w);
  let admitted = 0;
  for (const r of t.rows) admitted += r.admitted;
  const out: Flows = { admitted: reported(admitted, t.months, w, origins, covered) };
  if (!breakdowns) return out;
  for (const b of BREAKDOWNS) {
    let sum = 0;
    let known = true;
    for (const r of t.rows) {
      const v = r[b];
      if (v === undefined) {
        known = false;
        break;
      }
      sum += v;
    }
    if (known) out[b] = reported(sum, t.months, w, origins, covered);
  }
  return out;
}

/** The training flows, added to `out` (after the admissions', as published). */
export function ownTraining(rows: OwnRows['training'], w: Window, out: Flows = {}): Flows {
  for (const key of TRAINING) {
    const t = tile(rows[key], w, spanOf);
    if (!t) continue;
    let sum = 0;
    for (const r of t.rows) sum += r[key] ?? 0;
    out[key] = reported(
      sum,
      t.months,
      w,
      t.rows.map((r) => r.origin),
      coveredBy(t, w),
    );
  }
  return out;
}

/** A flow covers its whole window and, when summed, every active child reported. */
export function isComplete(f: Flow | undefined): f is Flow {
  return f !== undefined && f.months === f.ofMonths && (!f.reporting || f.reporting.reported === f.reporting.active);
}

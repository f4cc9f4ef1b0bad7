/**
 * Roll-up (rule 5, refined month by month in "Units that change"): a unit with no usable row of its own
 * for a window gets the sum of its children's figures, labelled `summed`, with how many of its active
 * children reported.
 *
 * - Each flow rolls up on its own: a unit may report its classes itself and have its admitted summed.
 *   Breakdowns follow `admitted`: summed only when admitted is summed and every child that reported
 *   admitted also has the breakdown (the same "all or unknown" as rule 4).
 * - A child counts only in the months it was under the unit: its contribution is its figure over those
 *   months (the engine passes the child's window figure when it was nowhere else in the window).
 *   Active children are those under the unit in some month of the window.
 * - Months of a summed figure: the month rule (spans.ts). With every child there all window long and
 *   reporting from the window's start, this is the least coverage among them, as before.
 * - Targets roll up only when the unit has no target of its own and every active child has one, for
 *   the whole window: a target summed over some children would make the achievement rate look too
 *   high, and a child that moved within the window has one target for two parents, which cannot be split.
 */
import type { Basis, Diagnostic, Flow, RowOrigin, Unit, Window, WindowFigures } from '../types.ts';
import { BREAKDOWNS, type Flows } from './flows.ts';
import { count, coveredOf, monthRule, storedCovered, wholeOf, type Presence, type SpanSet } from './spans.ts';

/** A summed figure keeps at most this many row origins (a province would otherwise carry thousands). */
export const MAX_ROW_ORIGINS = 50;

export type Target = NonNullable<WindowFigures['target']>;

/** One child of a unit in one window (or part of one), over the months it was under the unit. */
export interface Contribution {
  unit: Unit;
  /** The months it was under the unit, inside the window. */
  present: SpanSet;
  flows: Flows;
  /** Its target for the window; undefined also when it moved within the window (not splittable). */
  target?: Target | undefined;
  /** False when it was under another parent for part of the window. */
  whole: boolean;
  /** A child that has figures in a window outside its life (an input error): counted where it reported. */
  outside?: boolean;
}

/** One participant of a sum: what it covers is read from its flow (reporting) or absent (not reporting). */
export interface Piece {
  unitId: string;
  present: SpanSet;
  flow: Flow | undefined;
  /** How many units it stands for: a summed own part counts its children. Default 1, reported when flow. */
  counts?: { reported: number; active: number };
}

export interface Sum {
  value: number;
  reported: number;
  active: number;
  months: number;
  /** As kept on a Flow: absent for the window's first months (spans.coveredOf). */
  covered: SpanSet | undefined;
  rows: RowOrigin[];
  /** The greatest coverage among the reporting pieces, for the "children exceed" check. */
  maxMonths: number;
}

/**
 * Adds up one flow over the items (children or parts), each present in some months of `scope`; undefined
 * when none reports. The usual case (every item there all window, each covering the window's first
 * months) is the least coverage among them, computed without building a single span.
 */
export function addUp<T extends { present: SpanSet }>(
  items: readonly T[],
  flowOf: (item: T) => Flow | undefined,
  scope: Window,
  countsOf?: (item: T) => { reported: number; active: number } | undefined,
): Sum | undefined {
  const whole = wholeOf(scope);
  let value = 0;
  let reported = 0;
  let active = 0;
  let maxMonths = 0;
  let minMonths = Infinity;
  let simple = true;
  let any = false;
  const rows: RowOrigin[] = [];
  for (const it of items) {
    const f = flowOf(it);
    const counts = countsOf?.(it);
    active += counts?.active ?? 1;
    if (it.present !== whole) simple = false;
    if (!f) continue;
    any = true;
    if (f.covered) simple = false;
    reported += counts?.reported ?? 1;
    value += f.value;
    maxMonths = Math.max(maxMonths, f.months);
    minMonths = Math.min(minMonths, f.months);
    if (rows.length < MAX_ROW_ORIGINS) {
      for (const o of f.rows) {
        if (rows.length >= MAX_ROW_ORIGINS) break;
        rows.push(o);
      }
    }
  }
  if (!any) return undefined;
  if (simple) return { value, reported, active, months: minMonths, covered: undefined, rows, maxMonths };
  // Items there all window covering its first months still need no span: they only bound the prefix.
  let wholeThere = false;
  let prefix = scope.months;
  const rest: Presence[] = [];
  for (const it of items) {
    const f = flowOf(it);
    if (it.present === whole && !f?.covered) {
      wholeThere = true;
      if (f) prefix = Math.min(prefix, f.months);
    } else rest.push({ present: it.present, covered: f ? coveredOf(f, scope) : undefined });
  }
  const covered = monthRule(rest, scope, wholeThere ? prefix : -1);
  return { value, reported, active, months: count(covered), covered: storedCovered(covered, scope), rows, maxMonths };
}

export function flowOfSum(s: Sum, scope: Window, basis: Basis): Flow {
  const { value, months, rows, covered } = s;
  const reporting = { reported: s.reported, active: s.active };
  // Two literals, not a property added later: V8 then keeps `covered` inside the object.
  return covered
    ? { value, months, ofMonths: scope.months, basis, reporting, rows, covered }
    : { value, months, ofMonths: scope.months, basis, reporting, rows };
}

/** Breakdowns of a summed `admitted`: known only when every part that reported admitted has them. */
export function sumBreakdowns<T>(parts: readonly T[], flowsOf: (part: T) => Flows, admitted: Flow, out: Flows): void {
  for (const b of BREAKDOWNS) {
    let sum = 0;
    let known = true;
    for (const p of parts) {
      const fl = flowsOf(p);
      if (!fl.admitted) continue;
      const f = fl[b];
      if (!f) {
        known = false;
        break;
      }
      sum += f.value;
    }
    if (known) out[b] = { ...admitted, value: sum };
  }
}

type Label = { text: string; file: string; column: string };
const FLOW_LABEL: Record<'admitted' | 'classes' | 'trainees' | 'dossiers', Label> = {
  admitted: { text: 'số đảng viên kết nạp', file: 'admissions.csv', column: 'admitted' },
  classes: { text: 'số lớp bồi dưỡng', file: 'training.csv', column: 'classes' },
  trainees: { text: 'số học viên', file: 'training.csv', column: 'trainees' },
  dossiers: { text: 'số hồ sơ đề nghị kết nạp', file: 'training.csv', column: 'dossiers' },
};

export const windowPhrase = (w: Window): string =>
  w.kind === 'year' ? `năm ${w.label}` : w.label.toLocaleLowerCase('vi');

/**
 * Fills the flows a unit lacks from its children, in `own` itself (the caller's fresh object), and reports a
 * warning where the unit has its own figure but its children's sum exceeds it (`warnings` given: whole windows
 * only). The check compares like with like: it is skipped when some child covers more months than the unit's own
 * figure. The breakdowns of admitted are summed too unless `breakdowns` is false.
 */
export function rollUpFlows(
  unit: Unit,
  own: Flows,
  children: readonly Contribution[],
  w: Window,
  warnings: Diagnostic[] | undefined,
  breakdowns = true,
): Flows {
  if (children.length === 0) return own;
  for (const key of ['admitted', 'classes', 'trainees', 'dossiers'] as const) {
    const mine = own[key];
    if (mine) {
      if (warnings) warnIfExceeded(unit, mine, key, children, w, warnings);
      continue;
    }
    const summed = addUp(children, (c) => c.flows[key], w);
    if (!summed) continue;
    const flow = flowOfSum(summed, w, 'summed');
    own[key] = flow;
    if (key === 'admitted' && breakdowns) {
      sumBreakdowns(children, (c) => c.flows, flow, own);
    }
  }
  return own;
}

/**
 * The "children exceed" warning: only the children's total and their greatest coverage are needed, so no sum
 * (its months, its rows) is built for the many units that report their own figure.
 */
function warnIfExceeded(
  unit: Unit,
  mine: Flow,
  key: keyof typeof FLOW_LABEL,
  children: readonly Contribution[],
  w: Window,
  warnings: Diagnostic[],
): void {
  let value = 0;
  let maxMonths = 0;
  for (const c of children) {
    const f = c.flows[key];
    if (!f) continue;
    value += f.value;
    maxMonths = Math.max(maxMonths, f.months);
  }
  if (value <= mine.value || maxMonths > mine.months) return;
  const l = FLOW_LABEL[key];
  warnings.push({
    severity: 'warning',
    file: mine.rows[0]?.file ?? l.file,
    line: mine.rows[0]?.line,
    column: l.column,
    value: String(mine.value),
    message:
      `Đơn vị ${unit.label} (${unit.id}), ${windowPhrase(w)}: tổng ${l.text} của các đơn vị trực thuộc ` +
      `(${value}) lớn hơn số của chính đơn vị (${mine.value}). Hãy kiểm tra lại số liệu.`,
  });
}

/** A unit's target: its own, else the sum of its children's when every active child has one all window. */
export function rollUpTarget(own: Target | undefined, children: readonly Contribution[]): Target | undefined {
  if (own) return own;
  if (children.length === 0) return undefined;
  let sum = 0;
  let withTarget = 0;
  for (const c of children) {
    if (c.outside && !c.target) continue;
    if (!c.target || !c.whole) return undefined;
    sum += c.target.value;
    withTarget++;
  }
  return withTarget > 0 ? { value: sum, basis: 'summed' } : undefined;
}

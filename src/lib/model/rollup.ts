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
import { BREAKDOWNS, wholeOf, type FlowKey, type Flows } from './flows.ts';
import { count, monthRule, type Presence, type SpanSet } from './spans.ts';

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
  covered: SpanSet;
  rows: RowOrigin[];
  /** The greatest coverage among the reporting pieces, for the "children exceed" check. */
  maxMonths: number;
}

/** Adds up the pieces of one flow; undefined when none reports. */
export function addUp(pieces: readonly Piece[], scope: Window): Sum | undefined {
  let value = 0;
  let reported = 0;
  let active = 0;
  let maxMonths = 0;
  let any = false;
  const rows: RowOrigin[] = [];
  const presences: Presence[] = [];
  for (const p of pieces) {
    const f = p.flow;
    active += p.counts?.active ?? 1;
    presences.push({ present: p.present, covered: f ? (f.covered ?? p.present) : undefined });
    if (!f) continue;
    any = true;
    reported += p.counts?.reported ?? 1;
    value += f.value;
    maxMonths = Math.max(maxMonths, f.months);
    for (const o of f.rows) {
      if (rows.length >= MAX_ROW_ORIGINS) break;
      rows.push(o);
    }
  }
  if (!any) return undefined;
  let covered = monthRule(presences);
  if (covered.length === 1 && covered[0]!.from === scope.from && covered[0]!.to === scope.to) covered = wholeOf(scope);
  return { value, reported, active, covered, rows, maxMonths };
}

export function flowOfSum(s: Sum, scope: Window, basis: Basis): Flow {
  return {
    value: s.value,
    months: count(s.covered),
    ofMonths: scope.months,
    basis,
    reporting: { reported: s.reported, active: s.active },
    rows: s.rows,
    covered: s.covered,
  };
}

const piecesOf = (children: readonly Contribution[], key: FlowKey): Piece[] =>
  children.map((c) => ({ unitId: c.unit.id, present: c.present, flow: c.flows[key] }));

/** Breakdowns of a summed `admitted`: known only when every part that reported admitted has them. */
export function sumBreakdowns(parts: readonly Flows[], admitted: Flow, out: Flows): void {
  for (const b of BREAKDOWNS) {
    let sum = 0;
    let known = true;
    for (const p of parts) {
      if (!p.admitted) continue;
      const f = p[b];
      if (!f) {
        known = false;
        break;
      }
      sum += f.value;
    }
    if (known) out[b] = { ...admitted, value: sum };
  }
}

const FLOW_LABEL: Record<'admitted' | 'classes' | 'trainees' | 'dossiers', { text: string; file: string; column: string }> =
  {
    admitted: { text: 'số đảng viên kết nạp', file: 'admissions.csv', column: 'admitted' },
    classes: { text: 'số lớp bồi dưỡng', file: 'training.csv', column: 'classes' },
    trainees: { text: 'số học viên', file: 'training.csv', column: 'trainees' },
    dossiers: { text: 'số hồ sơ đề nghị kết nạp', file: 'training.csv', column: 'dossiers' },
  };

export const windowPhrase = (w: Window): string =>
  w.kind === 'year' ? `năm ${w.label}` : w.label.toLocaleLowerCase('vi');

/**
 * Fills the flows a unit lacks from its children, and reports a warning where the unit has its own
 * figure but its children's sum exceeds it (`warnings` given: whole windows only). The check compares
 * like with like: it is skipped when some child covers more months than the unit's own figure.
 */
export function rollUpFlows(
  unit: Unit,
  own: Flows,
  children: readonly Contribution[],
  w: Window,
  warnings: Diagnostic[] | undefined,
): Flows {
  const out: Flows = { ...own };
  if (children.length === 0) return out;
  for (const key of ['admitted', 'classes', 'trainees', 'dossiers'] as const) {
    const mine = own[key];
    if (mine && !warnings) continue;
    const summed = addUp(piecesOf(children, key), w);
    if (!summed) continue;
    if (!mine) {
      const flow = flowOfSum(summed, w, 'summed');
      out[key] = flow;
      if (key === 'admitted') {
        sumBreakdowns(
          children.map((c) => c.flows),
          flow,
          out,
        );
      }
    } else if (summed.value > mine.value && summed.maxMonths <= mine.months) {
      const l = FLOW_LABEL[key];
      warnings!.push({
        severity: 'warning',
        file: mine.rows[0]?.file ?? l.file,
        line: mine.rows[0]?.line,
        column: l.column,
        value: String(mine.value),
        message:
          `Đơn vị ${unit.label} (${unit.id}), ${windowPhrase(w)}: tổng ${l.text} của các đơn vị trực thuộc ` +
          `(${summed.value}) lớn hơn số của chính đơn vị (${mine.value}). Hãy kiểm tra lại số liệu.`,
      });
    }
  }
  return out;
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

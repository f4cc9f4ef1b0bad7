/**
 * Roll-up (rule 5): a unit with no usable row of its own for a window gets the sum of its children's
 * figures, labelled `summed`, with how many of its active children reported.
 *
 * - Each flow rolls up on its own: a unit may report its classes itself and have its admitted summed.
 *   Breakdowns follow `admitted`: summed only when admitted is summed and every child that reported
 *   admitted also has the breakdown (the same "all or unknown" as rule 4).
 * - Active children: those whose active_from..active_to overlaps the window, plus any child that has
 *   a figure there (a unit that reported was active), so `reported` never exceeds `active`.
 * - Months of a summed figure: the least coverage among the reporting children, so a sum of one
 *   7-month and one 12-month figure reads "7/12 tháng", never more complete than its weakest part.
 * - Targets roll up only when the unit has no target of its own and every active child has one: a
 *   target summed over some children would make the achievement rate of the whole look too high.
 * - Children are always finished first (units are processed bottom-up), so "recursively" costs O(units).
 */
import type { Basis, Diagnostic, Flow, RowOrigin, Unit, Window, WindowFigures } from '../types.ts';
import { BREAKDOWNS, type FlowKey, type Flows } from './flows.ts';
import { isActive } from './windows.ts';

/** A summed figure keeps at most this many row origins (a province would otherwise carry thousands). */
export const MAX_ROW_ORIGINS = 50;

export interface Child {
  unit: Unit;
  figures: WindowFigures | undefined;
}

interface Summed {
  flow: Flow;
  /** The greatest coverage among the reporting children, for the "children exceed" check. */
  maxMonths: number;
}

function activeCount(children: readonly Child[], w: Window, has: (c: Child) => boolean): number {
  let n = 0;
  for (const c of children) if (has(c) || isActive(c.unit, w.from, w.to)) n++;
  return n;
}

/** The children's sum of one flow, or undefined when no child has it. */
export function sumChildren(children: readonly Child[], key: FlowKey, w: Window): Summed | undefined {
  let value = 0;
  let reported = 0;
  let months = Infinity;
  let maxMonths = 0;
  const rows: RowOrigin[] = [];
  for (const c of children) {
    const f = c.figures?.[key];
    if (!f) continue;
    reported++;
    value += f.value;
    months = Math.min(months, f.months);
    maxMonths = Math.max(maxMonths, f.months);
    for (const o of f.rows) {
      if (rows.length >= MAX_ROW_ORIGINS) break;
      rows.push(o);
    }
  }
  if (reported === 0) return undefined;
  const active = activeCount(children, w, (c) => c.figures?.[key] !== undefined);
  return {
    flow: { value, months, ofMonths: w.months, basis: 'summed', reporting: { reported, active }, rows },
    maxMonths,
  };
}

/** Breakdowns of a summed `admitted`: known only when every child that reported admitted has them. */
function sumBreakdowns(children: readonly Child[], admitted: Flow, out: Flows): void {
  for (const b of BREAKDOWNS) {
    let sum = 0;
    let known = true;
    for (const c of children) {
      if (!c.figures?.admitted) continue;
      const f = c.figures[b];
      if (!f) {
        known = false;
        break;
      }
      sum += f.value;
    }
    if (known) out[b] = { ...admitted, value: sum };
  }
}

const FLOW_LABEL: Record<'admitted' | 'classes' | 'trainees' | 'dossiers', { text: string; file: string; column: string }> = {
  admitted: { text: 'số đảng viên kết nạp', file: 'admissions.csv', column: 'admitted' },
  classes: { text: 'số lớp bồi dưỡng', file: 'training.csv', column: 'classes' },
  trainees: { text: 'số học viên', file: 'training.csv', column: 'trainees' },
  dossiers: { text: 'số hồ sơ đề nghị kết nạp', file: 'training.csv', column: 'dossiers' },
};

export const windowPhrase = (w: Window): string => (w.kind === 'year' ? `năm ${w.label}` : w.label.toLocaleLowerCase('vi'));

/**
 * Fills the flows a unit lacks from its children, and reports a warning where the unit has its own
 * figure but its children's sum exceeds it. The check compares like with like: it is skipped when
 * some child covers more months than the unit's own figure (a 7-month report below 12-month ones).
 */
export function rollUpFlows(unit: Unit, own: Flows, children: readonly Child[], w: Window, warnings: Diagnostic[]): Flows {
  const out: Flows = { ...own };
  if (children.length === 0) return out;
  for (const key of ['admitted', 'classes', 'trainees', 'dossiers'] as const) {
    const summed = sumChildren(children, key, w);
    if (!summed) continue;
    const mine = own[key];
    if (!mine) {
      out[key] = summed.flow;
      if (key === 'admitted') sumBreakdowns(children, summed.flow, out);
    } else if (summed.flow.value > mine.value && summed.maxMonths <= mine.months) {
      const l = FLOW_LABEL[key];
      warnings.push({
        severity: 'warning',
        file: mine.rows[0]?.file ?? l.file,
        line: mine.rows[0]?.line,
        column: l.column,
        value: String(mine.value),
        message:
          `Đơn vị ${unit.label} (${unit.id}), ${windowPhrase(w)}: tổng ${l.text} của các đơn vị trực thuộc ` +
          `(${summed.flow.value}) lớn hơn số của chính đơn vị (${mine.value}). Hãy kiểm tra lại số liệu.`,
      });
    }
  }
  return out;
}

export type Target = NonNullable<WindowFigures['target']>;

/** A unit's target: its own, else the sum of its children's when every active child has one. */
export function rollUpTarget(own: Target | undefined, children: readonly Child[], w: Window): Target | undefined {
  if (own) return own;
  if (children.length === 0) return undefined;
  let sum = 0;
  let withTarget = 0;
  for (const c of children) {
    const t = c.figures?.target;
    if (!t) continue;
    sum += t.value;
    withTarget++;
  }
  if (withTarget === 0) return undefined;
  if (withTarget < activeCount(children, w, (c) => c.figures?.target !== undefined)) return undefined;
  const basis: Basis = 'summed';
  return { value: sum, basis };
}

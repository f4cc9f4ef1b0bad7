/**
 * References to units from the other files: unit_id must be a unit of units.csv, and the row must fall
 * within the unit's life (a flow or a snapshot inside it, a target overlapping it, a flow not across a move).
 */
import { monthText } from '../periods.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import { covers, lifeText, monthRange, overlaps, splitText } from './life-spans.ts';
import type { IdSuggester } from './suggest.ts';
import type { CheckedUnits, UnitSpan } from './units.ts';

/** How a file's rows must sit in their unit's life. */
export type LifeRule = 'flow' | 'target' | 'snapshot';

export class UnitRefs {
  private readonly valid: Set<string> | undefined;
  private readonly written: IdSuggester | undefined;
  private readonly spans: ReadonlyMap<string, UnitSpan>;

  constructor(units: CheckedUnits | undefined) {
    this.valid = units ? new Set(units.units.map((u) => u.id)) : undefined;
    this.written = units?.written;
    this.spans = units?.spans ?? new Map();
  }

  /**
   * True when the row may be used; reports an unknown unit. Rows of units left out for their own errors are
   * dropped silently.
   */
  check(check: FileCheck, row: RawRow, unitId: string): boolean {
    if (!this.valid || !this.written) return true; // units.csv missing: already reported, nothing to compare with
    if (this.valid.has(unitId)) return true;
    if (this.written.has(unitId)) return false;
    check.error(
      row,
      'unit_id',
      `Không có đơn vị mã ${unitId} trong units.csv${this.written.hint(unitId)}. ` +
        'unit_id phải là một mã trong cột id của units.csv.',
    );
    return false;
  }

  /** True when the unit has bounds or several rows: its rows must be checked against its life. */
  bounded(unitId: string): boolean {
    return this.spans.has(unitId);
  }

  /**
   * True when the months from..to of a row (`text`: its period or date as read) fit the unit's life under
   * `rule`; reports the row otherwise.
   */
  life(
    check: FileCheck,
    row: RawRow,
    field: string,
    unitId: string,
    rule: LifeRule,
    from: number,
    to: number,
    text: string,
  ): boolean {
    const span = this.spans.get(unitId);
    if (span === undefined) return true;
    const ok =
      rule === 'target'
        ? overlaps(span.segments, from, to)
        : covers(span.segments, from, to) && (rule === 'snapshot' || !crossesMove(span, from, to));
    if (ok) return true;
    check.error(row, field, lifeMessage(span, unitId, rule, from, to, text));
    return false;
  }
}

const crossesMove = (span: UnitSpan, from: number, to: number): boolean =>
  span.moves.some((m) => from <= m.before.to && m.after.from <= to);

/** What is wrong with a row that does not fit its unit's life, and how to fix it. */
function lifeMessage(span: UnitSpan, unitId: string, rule: LifeRule, from: number, to: number, text: string): string {
  const where = `${lifeText(span.segments)}, units.csv dòng ${span.lines.join(', ')}`;
  const range = monthRange(from, to);
  const months = range === text ? '' : ` (${range})`;
  if (rule === 'snapshot') {
    return (
      `Số liệu ngày ${text} của đơn vị ${unitId} ` +
      `nằm ngoài thời gian hoạt động của đơn vị (${where}): ` +
      'số đảng viên chỉ ghi cho ngày đơn vị còn hoạt động. ' +
      'Sửa ngày (as_of), hoặc sửa active_from, active_to của đơn vị trong units.csv.'
    );
  }
  if (rule === 'target') {
    return (
      `Chỉ tiêu kỳ ${text}${months} của đơn vị ${unitId} ` +
      'không có tháng nào trong thời gian hoạt động ' +
      `của đơn vị (${where}): chỉ tiêu chỉ giao cho đơn vị đang hoạt động. ` +
      'Sửa kỳ, hoặc sửa active_from, active_to của đơn vị trong units.csv.'
    );
  }
  if (!covers(span.segments, from, to)) {
    return (
      `Kỳ ${text}${months} của đơn vị ${unitId} ` +
      `nằm ngoài thời gian hoạt động của đơn vị (${where}): ` +
      'số liệu chỉ ghi cho các tháng đơn vị hoạt động. ' +
      'Sửa kỳ cho nằm trong thời gian đó, ' +
      'hoặc sửa active_from, active_to của đơn vị trong units.csv.'
    );
  }
  const across = span.moves.filter((m) => from <= m.before.to && m.after.from <= to);
  const m = across[0]!;
  return (
    `Kỳ ${text}${months} của đơn vị ${unitId} gồm các tháng trước và sau khi đơn vị chuyển ` +
    `từ cấp trên ${m.before.value.parent_id} sang ${m.after.value.parent_id} ` +
    `(từ ${monthText(m.after.from)}; units.csv dòng ${m.before.row.line} và ${m.after.row.line}): ` +
    'mỗi dòng số liệu chỉ thuộc một cấp trên, ' +
    `tách thành ${splitText(
      from,
      to,
      across.map((x) => x.before.to),
    )}.`
  );
}

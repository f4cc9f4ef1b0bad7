/** References to units from the other files: unit_id must be a unit of units.csv. */
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import type { IdSuggester } from './suggest.ts';
import type { CheckedUnits } from './units.ts';

export class UnitRefs {
  private readonly valid: Set<string> | undefined;
  private readonly written: IdSuggester | undefined;

  constructor(units: CheckedUnits | undefined) {
    this.valid = units ? new Set(units.units.map((u) => u.id)) : undefined;
    this.written = units?.written;
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
}

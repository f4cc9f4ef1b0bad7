/**
 * The previous publication, as far as the revisions need it: its counts (the indicators revisions.csv covers)
 * and its revisions.csv rows. A national indicators.csv has millions of rows; only the counts are kept, packed
 * per unit into one string of lines `period,indicator,value,months` (ids and numbers hold no comma), so memory
 * stays near the size of those rows as text instead of one object per row.
 */
import { REVISED_INDICATORS, readCsv, type RevisionRow, unguard } from './records.ts';

export interface PreviousPublication {
  /** Where it was read from (a folder or an address), for the printed summary. */
  source: string;
  /** Its counts per unit; undefined when it had no indicators.csv (nothing to compare). */
  indicators?: PreviousIndicators;
  /** Its revisions.csv rows, in file order ([] when it had none). */
  revisions: RevisionRow[];
}

export interface PreviousIndicators {
  /** Unit id → its count rows, packed as lines `period,indicator,value,months\n`, in file order. */
  byUnit: Map<string, string>;
  /** Count rows kept. */
  rows: number;
}

/** The header indicators.csv is published with; a file that starts so is read by the fast path below. */
const STANDARD = 'unit_id,period,indicator,value,months,';

/** Collects the count rows of one or more indicators.csv texts (a whole file, or its parts one after another). */
export class IndicatorIndex {
  private byUnit = new Map<string, string>();
  private rows = 0;
  // Rows of one unit are consecutive in a published file: gathered, then joined once (a flat string).
  private unit: string | undefined;
  private pending: string[] = [];

  private keep(unit: string, line: string): void {
    if (unit !== this.unit) {
      this.flush();
      this.unit = unit;
    }
    this.pending.push(line);
    this.rows++;
  }

  private flush(): void {
    if (this.unit !== undefined && this.pending.length > 0) {
      this.byUnit.set(this.unit, `${this.byUnit.get(this.unit) ?? ''}${this.pending.join('\n')}\n`);
    }
    this.pending = [];
  }

  add(input: string, file: string): void {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.startsWith(STANDARD) && !text.includes('"')) this.addStandard(text);
    else this.addAny(text, file);
    this.flush();
    this.unit = undefined;
  }

  /** Our own file: found by position, without splitting every row (most rows are not counts). */
  private addStandard(text: string): void {
    let start = text.indexOf('\n') + 1;
    while (start > 0 && start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const c1 = text.indexOf(',', start);
      const c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
      const c3 = c2 < 0 ? -1 : text.indexOf(',', c2 + 1);
      const c4 = c3 < 0 ? -1 : text.indexOf(',', c3 + 1);
      const c5 = c4 < 0 ? -1 : text.indexOf(',', c4 + 1);
      if (c5 > 0 && c5 < end && REVISED_INDICATORS.has(text.slice(c2 + 1, c3))) {
        const line = text.slice(c1 + 1, c5);
        // Counts are never negative, so never guarded; anything else is undone cell by cell.
        this.keep(text.slice(start, c1), line.includes("'") ? line.split(',').map(unguard).join(',') : line);
      }
      start = end + 1;
    }
  }

  /** Any other CSV (re-saved by a spreadsheet, columns moved): the full grammar, columns by name. */
  private addAny(text: string, file: string): void {
    let col = { unit: -1, period: -1, indicator: -1, value: -1, months: -1 };
    readCsv(text, file, {
      header: (c) => {
        const at = (name: string) => c.get(name) ?? -1;
        col = {
          unit: at('unit_id'),
          period: at('period'),
          indicator: at('indicator'),
          value: at('value'),
          months: at('months'),
        };
      },
      row: (cells) => {
        const indicator = cells[col.indicator];
        const id = cells[col.unit] ?? '';
        if (indicator === undefined || id === '' || !REVISED_INDICATORS.has(indicator)) return;
        this.keep(id, `${cells[col.period] ?? ''},${indicator},${cells[col.value] ?? ''},${cells[col.months] ?? ''}`);
      },
    });
  }

  finish(): PreviousIndicators {
    this.flush();
    return { byUnit: this.byUnit, rows: this.rows };
  }
}

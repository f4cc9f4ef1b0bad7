/**
 * The previous publication, as far as the revisions need it: its counts (the indicators revisions.csv covers)
 * and its revisions.csv rows. A national indicators.csv has millions of rows; only the counts are kept, packed
 * per unit into one string (`period␟indicator␟value␟months` lines), so memory stays near the size of those
 * rows as text instead of one object per row.
 */
import { REVISED_INDICATORS, readCsv, type RevisionRow } from './records.ts';

export interface PreviousPublication {
  /** Where it was read from (a folder or an address), for the printed summary. */
  source: string;
  /** Its counts per unit; undefined when it had no indicators.csv (nothing to compare). */
  indicators?: PreviousIndicators;
  /** Its revisions.csv rows, in file order ([] when it had none). */
  revisions: RevisionRow[];
}

export interface PreviousIndicators {
  /** Unit id → its count rows, packed (see packRow); in file order. */
  byUnit: Map<string, string>;
  /** Count rows kept. */
  rows: number;
}

/** One previous figure of a unit. */
export interface PreviousFigure {
  period: string;
  indicator: string;
  value: string;
  months: string;
}

const SEP = '\u001f';

const packRow = (f: PreviousFigure): string => f.period + SEP + f.indicator + SEP + f.value + SEP + f.months;

/** A unit's packed rows → its figures, in file order. */
export function unpackFigures(packed: string | undefined): PreviousFigure[] {
  if (!packed) return [];
  const out: PreviousFigure[] = [];
  for (const line of packed.split('\n')) {
    if (line === '') continue;
    const [period = '', indicator = '', value = '', months = ''] = line.split(SEP);
    out.push({ period, indicator, value, months });
  }
  return out;
}

/** Collects the count rows of one or more indicators.csv texts (a whole file, or its parts one after another). */
export class IndicatorIndex {
  private byUnit = new Map<string, string>();
  private rows = 0;

  add(text: string, file: string): void {
    let col = { unit: -1, period: -1, indicator: -1, value: -1, months: -1 };
    // Rows of one unit are consecutive in a published file: gathered, then joined once (a flat string).
    let unit: string | undefined;
    let pending: string[] = [];
    const flush = () => {
      if (unit === undefined || pending.length === 0) return;
      this.byUnit.set(unit, `${this.byUnit.get(unit) ?? ''}${pending.join('\n')}\n`);
      pending = [];
    };
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
        if (indicator === undefined || !REVISED_INDICATORS.has(indicator)) return;
        const id = cells[col.unit] ?? '';
        if (id === '') return;
        if (id !== unit) {
          flush();
          unit = id;
        }
        const value = cells[col.value] ?? '';
        pending.push(packRow({ period: cells[col.period] ?? '', indicator, value, months: cells[col.months] ?? '' }));
        this.rows++;
      },
    });
    flush();
  }

  finish(): PreviousIndicators {
    return { byUnit: this.byUnit, rows: this.rows };
  }
}

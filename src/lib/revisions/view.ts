/**
 * The view model of the page "Lịch sử cập nhật": revisions.csv grouped by build date, newest first; in a date,
 * by unit name (Vietnamese order), then as the file lists them. Text only: the page renders, links, nothing else.
 */
import { fmtCount, fmtDate, viCollator } from '../format/index.ts';
import type { Dataset } from '../types.ts';
import { figureText, indicatorLabel, windowLabel, windowMonths } from './labels.ts';
import { parseRevisions, type RevisionRow } from './records.ts';

export interface HistoryRow {
  unitId: string;
  /** The unit's full name; its id when the unit is gone from units.csv. */
  unitName: string;
  /** Link to the unit's page, when it still has one. */
  href?: string;
  period: string;
  /** `2020`, `Nhiệm kỳ 2020–2025`. */
  windowLabel: string;
  indicator: string;
  indicatorLabel: string;
  /** `53 (7/12 tháng)`. */
  oldText: string;
  /** `54`; `—` when withdrawn. */
  newText: string;
  withdrawn: boolean;
  /** The build's warning about the revision ("tăng 10 lần: có thể nhập sai"). */
  note?: string;
}

export interface HistoryGroup {
  /** ISO date. */
  date: string;
  /** `01/12/2026`. */
  dateLabel: string;
  /** `3 số liệu được điều chỉnh, 1 số liệu bị rút bỏ`. */
  caption: string;
  rows: HistoryRow[];
  /** Rows of this date left out by `maxRows`. */
  omitted: number;
}

export interface HistoryView {
  groups: HistoryGroup[];
  /** Rows in the file. */
  total: number;
  /** Shown when the file has no row. */
  emptyText: string;
}

export interface HistoryOptions {
  /** The unit page's address (e.g. from src/lib/site/href.ts); no link when it returns undefined. */
  href?: (unitId: string) => string | undefined;
  /** At most this many rows per date (a national rebuild may revise thousands); the rest are counted. */
  maxRows?: number;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function caption(rows: readonly RevisionRow[]): string {
  const withdrawn = rows.filter((r) => r.new_value === '').length;
  const revised = rows.length - withdrawn;
  const parts: string[] = [];
  if (revised) parts.push(`${fmtCount(revised)} số liệu được điều chỉnh`);
  if (withdrawn) parts.push(`${fmtCount(withdrawn)} số liệu bị rút bỏ`);
  return parts.join(', ');
}

export function revisionHistory(
  input: string | readonly RevisionRow[],
  dataset: Pick<Dataset, 'unitById' | 'terms'>,
  opts: HistoryOptions = {},
): HistoryView {
  const rows = typeof input === 'string' ? parseRevisions(input) : input;
  const byDate = new Map<string, RevisionRow[]>();
  for (const r of rows) {
    const list = byDate.get(r.revised_on);
    if (list) list.push(r);
    else byDate.set(r.revised_on, [r]);
  }
  const max = opts.maxRows ?? Infinity;
  const groups: HistoryGroup[] = [...byDate.keys()]
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((date) => {
      const list = byDate.get(date)!;
      const named = list.map((r, i) => ({ r, i, name: dataset.unitById[r.unit_id]?.name ?? r.unit_id }));
      named.sort((a, b) => viCollator.compare(a.name, b.name) || byCodePoint(a.r.unit_id, b.r.unit_id) || a.i - b.i);
      const shown = named.slice(0, max).map(({ r, name }): HistoryRow => {
        const of = windowMonths(r.period, dataset.terms);
        const href = dataset.unitById[r.unit_id] ? opts.href?.(r.unit_id) : undefined;
        return {
          unitId: r.unit_id,
          unitName: name,
          ...(href ? { href } : {}),
          period: r.period,
          windowLabel: windowLabel(r.period, dataset.terms),
          indicator: r.indicator,
          indicatorLabel: indicatorLabel(r.indicator),
          oldText: figureText(r.old_value, r.old_months, of),
          newText: figureText(r.new_value, r.new_months, of),
          withdrawn: r.new_value === '',
          ...(r.note ? { note: r.note } : {}),
        };
      });
      return {
        date,
        dateLabel: fmtDate(date),
        caption: caption(list),
        rows: shown,
        omitted: list.length - shown.length,
      };
    });
  return {
    groups,
    total: rows.length,
    emptyText: 'Chưa có số liệu nào được điều chỉnh hay rút bỏ kể từ lần công bố đầu tiên.',
  };
}

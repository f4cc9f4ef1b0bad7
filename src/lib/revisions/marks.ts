/**
 * The marks a unit page puts on the figures revised on the latest date of revisions.csv:
 * "đã điều chỉnh 01/12/2026: 38 → 39". What a page says of revisions comes from this file alone, so a rebuild
 * of the same data (which adds no row) shows the same marks.
 */
import { fmtDate } from '../format/index.ts';
import type { Term } from '../types.ts';
import { figureText, windowMonths } from './labels.ts';
import { parseRevisions, type RevisionRow } from './records.ts';

export interface RevisionMark {
  period: string;
  indicator: string;
  /** ISO date of the revision. */
  date: string;
  /** Visible text, short: `đã điều chỉnh 01/12/2026: 38 → 39`. */
  text: string;
  /** A full sentence for `title` or a screen reader: `Số liệu đã được điều chỉnh ngày 01/12/2026, trước là 38.` */
  label: string;
}

/** The key of a mark in a unit's marks: `2020|admitted`. */
export const markKey = (period: string, indicator: string): string => `${period}|${indicator}`;

const rowsOf = (input: string | readonly RevisionRow[]) => (typeof input === 'string' ? parseRevisions(input) : input);

/** The latest `revised_on` of the file (ISO dates compare as text). */
export function latestRevisionDate(rows: readonly RevisionRow[]): string | undefined {
  let latest: string | undefined;
  for (const r of rows) if (latest === undefined || r.revised_on > latest) latest = r.revised_on;
  return latest;
}

/**
 * Every unit's marks: unit id → mark key → mark. A figure revised twice on that date (two builds in one day)
 * shows the first old value and the last new one, and no mark when they end where they began. Withdrawn
 * figures have nothing left on the page to mark.
 */
export function indexRevisionMarks(
  input: string | readonly RevisionRow[],
  terms: readonly Term[] = [],
): Map<string, Map<string, RevisionMark>> {
  const rows = rowsOf(input);
  const latest = latestRevisionDate(rows);
  const spans = new Map<string, { unitId: string; first: RevisionRow; last: RevisionRow }>();
  for (const r of rows) {
    if (r.revised_on !== latest) continue;
    const key = `${r.unit_id}\u001f${markKey(r.period, r.indicator)}`;
    const s = spans.get(key);
    if (s) s.last = r;
    else spans.set(key, { unitId: r.unit_id, first: r, last: r });
  }
  const out = new Map<string, Map<string, RevisionMark>>();
  for (const { unitId, first, last } of spans.values()) {
    if (last.new_value === '') continue;
    if (first.old_value === last.new_value && first.old_months === last.new_months) continue;
    const of = windowMonths(last.period, terms);
    const before = figureText(first.old_value, first.old_months, of);
    const after = figureText(last.new_value, last.new_months, of);
    const day = fmtDate(last.revised_on);
    const mark: RevisionMark = {
      period: last.period,
      indicator: last.indicator,
      date: last.revised_on,
      text: `đã điều chỉnh ${day}: ${before} → ${after}`,
      label: `Số liệu đã được điều chỉnh ngày ${day}: trước là ${before}, nay là ${after}.`,
    };
    let unit = out.get(unitId);
    if (!unit) {
      unit = new Map();
      out.set(unitId, unit);
    }
    unit.set(markKey(mark.period, mark.indicator), mark);
  }
  return out;
}

let cached: { input: string | readonly RevisionRow[]; index: Map<string, Map<string, RevisionMark>> } | undefined;

/**
 * One unit's marks, keyed by markKey(period, indicator). Pages call this once per unit with the same text or
 * rows: the index is built once and reused while the input stays the same.
 */
export function revisionMarks(
  input: string | readonly RevisionRow[],
  unitId: string,
  terms: readonly Term[] = [],
): ReadonlyMap<string, RevisionMark> {
  if (cached?.input !== input) cached = { input, index: indexRevisionMarks(input, terms) };
  return cached.index.get(unitId) ?? new Map();
}

/**
 * The marks of the figures revised on the latest date of revisions.csv (src/lib/revisions/marks.ts), looked up
 * by the views that show those figures: one optional `revision` text on a cell or card.
 */
import { markKey, type RevisionMark } from '../../revisions/marks.ts';

/** One unit's marks, keyed markKey(period, indicator); empty when nothing was revised. */
export type RevisionMarks = ReadonlyMap<string, RevisionMark>;

/** `x` with the mark of (period, indicator), when there is one. */
export function withRevision<T extends object>(
  x: T,
  marks: RevisionMarks | undefined,
  period: string | number | undefined,
  indicator: string,
): T {
  const mark = period === undefined ? undefined : marks?.get(markKey(String(period), indicator));
  return mark ? { ...x, revision: mark.text } : x;
}

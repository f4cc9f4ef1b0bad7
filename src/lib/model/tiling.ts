/**
 * Choosing the rows of one unit that make up a flow figure in one window (spec, "How figures are computed" 1–3).
 *
 * 1. A row whose period is exactly the window is used alone.
 * 2. Otherwise, among the rows lying wholly inside the window, the set of non-overlapping rows covering
 *    the most months; ties → fewer rows; then the later ones.
 * 3. A row reaching outside the window is never used. No usable row → undefined (no figure, never 0).
 *
 * "Later" is made precise as: list each set's rows from the latest down, ordered by end month, then
 * start month, then position in the file; the set whose list is greater at the first difference wins.
 * So a report for 2020-02..2020-07 beats one for 2020-01..2020-06, and of two rows with the same
 * months (`2020` and `2020-01..2020-12`) the one further down the file wins. The same rule picks
 * among several rows that are exactly the window.
 *
 * Step 2 is weighted interval scheduling, solved by dynamic programming over the rows sorted by end:
 * best(i) = better(best(i−1), best(p(i)) + row i), p(i) found by binary search. The order above is
 * preserved when the same latest row is added to two sets, which is what makes the DP exact.
 * Sets are persistent lists sharing their tails, so a tie is settled by walking both lists only down
 * to their first difference or shared node (in practice a step or two).
 */
import type { MonthIndex } from '../types.ts';

export interface Span {
  from: MonthIndex;
  to: MonthIndex;
}

export interface Tiling<T> {
  /** The rows used, in chronological order. */
  rows: T[];
  /** Months they cover (never a month twice). */
  months: number;
  /** True when a row was exactly the window (rule 1). */
  exact: boolean;
}

/** A chosen set as a persistent list from the latest row down; sets sharing a tail share nodes. */
interface Chain {
  /** Index into the sorted candidates. */
  k: number;
  months: number;
  count: number;
  prev: Chain | null;
}

/**
 * Rows for one flow of one unit in one window. `spanOf` gives a row's months; rows later in the
 * array count as later in the file. O(n log n) for n rows.
 */
export function tile<T>(rows: readonly T[], window: Span, spanOf: (row: T) => Span): Tiling<T> | undefined {
  // A first pass without allocating: most unit-windows have a row that is the window, or no row inside it.
  let exact = -1;
  let inside = 0;
  for (let i = 0; i < rows.length; i++) {
    const { from, to } = spanOf(rows[i]!);
    if (from < window.from || to > window.to) continue;
    if (from === window.from && to === window.to) exact = i;
    inside++;
  }
  if (exact >= 0) {
    const { from, to } = spanOf(rows[exact]!);
    return { rows: [rows[exact]!], months: to - from + 1, exact: true };
  }
  if (inside === 0) return undefined;
  const cand: { row: T; from: number; to: number; idx: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const { from, to } = spanOf(row);
    if (from >= window.from && to <= window.to) cand.push({ row, from, to, idx: i });
  }
  const n = cand.length;
  sortCandidates(cand);

  /** Positive when candidate a is later than candidate b. */
  const later = (a: number, b: number): number => {
    const x = cand[a]!;
    const y = cand[b]!;
    return x.to - y.to || x.from - y.from || x.idx - y.idx;
  };
  /** True when set a is strictly better than set b. */
  const better = (a: Chain | null, b: Chain | null): boolean => {
    const am = a?.months ?? 0;
    const bm = b?.months ?? 0;
    if (am !== bm) return am > bm;
    const ac = a?.count ?? 0;
    const bc = b?.count ?? 0;
    if (ac !== bc) return ac < bc;
    // Same size: walk both from the latest row down; shared tails end the walk early.
    while (a !== b && a && b) {
      const c = later(a.k, b.k);
      if (c !== 0) return c > 0;
      a = a.prev;
      b = b.prev;
    }
    return false;
  };

  const best: (Chain | null)[] = new Array(n + 1);
  best[0] = null;
  for (let i = 0; i < n; i++) {
    const c = cand[i]!;
    // p = how many candidates end before this one starts (they are a prefix, being sorted by end).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cand[mid]!.to < c.from) lo = mid + 1;
      else hi = mid;
    }
    const base = best[lo] ?? null;
    const withRow: Chain = {
      k: i,
      months: (base?.months ?? 0) + (c.to - c.from + 1),
      count: (base?.count ?? 0) + 1,
      prev: base,
    };
    const without = best[i] ?? null;
    best[i + 1] = better(withRow, without) ? withRow : without;
  }

  const chosen: T[] = [];
  const top = best[n] ?? null;
  for (let node: Chain | null = top; node; node = node.prev) chosen.push(cand[node.k]!.row);
  chosen.reverse();
  return { rows: chosen, months: top ? top.months : 0, exact: false };
}

type Candidate = { from: number; to: number; idx: number };

const byEnd = (a: Candidate, b: Candidate): number => a.to - b.to || a.from - b.from || a.idx - b.idx;

/**
 * By end, start, then file position. A window holds a handful of candidates, mostly in order already (a term's
 * years): sorted in place by insertion, which allocates nothing (Array.prototype.sort copies); more by sort.
 */
function sortCandidates(cand: Candidate[]): void {
  if (cand.length > 16) {
    cand.sort(byEnd);
    return;
  }
  for (let i = 1; i < cand.length; i++) {
    const c = cand[i]!;
    let j = i - 1;
    while (j >= 0 && byEnd(cand[j]!, c) > 0) {
      cand[j + 1] = cand[j]!;
      j--;
    }
    cand[j + 1] = c;
  }
}

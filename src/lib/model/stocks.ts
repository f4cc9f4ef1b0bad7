/**
 * Stocks: members.csv rows as snapshots, their roll-up, and the snapshots a window uses.
 *
 * Roll-up of stocks: a unit with no snapshot of its own gets, for each date, the sum of its children's
 * snapshots of that exact date, but only on dates where every child under it then has one. Members at
 * a date cannot be added across dates, and a sum over some children would understate the stock.
 * A field of a summed snapshot is known only when every child's snapshot has it.
 */
import { daysInMonth, monthIndex } from '../periods.ts';
import type { MemberRow, MonthIndex, Snapshot, Window } from '../types.ts';
import { pct } from './round.ts';
import type { SpanSet } from './spans.ts';

export const STOCK_FIELDS = [
  'members',
  'probationary',
  'women',
  'ethnicMinority',
  'grassrootsOrgs',
  'branches',
  'villages',
  'villagesWithBranch',
  'villagesWithoutMembers',
] as const;
export type StockField = (typeof STOCK_FIELDS)[number];

/** The number written by the digits of `s` from `at`, `n` of them (ISO dates are validated: digits there). */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

// Read from the characters, not through substrings: these run per snapshot and window on every unit.
export const monthOfDate = (iso: string): MonthIndex => monthIndex(digits(iso, 0, 4), digits(iso, 5, 2));

/** `2020-12-31` → 20201231: ISO dates compare as these numbers do. */
const dateNumber = (iso: string): number => digits(iso, 0, 4) * 10_000 + digits(iso, 5, 2) * 100 + digits(iso, 8, 2);

export function withShare(s: Snapshot): Snapshot {
  if (s.members !== undefined && s.ethnicMinority !== undefined) {
    const share = pct(s.ethnicMinority, s.members);
    if (share !== undefined) s.ethnicMinorityPct = share;
  }
  return s;
}

/** The unit's own snapshots, oldest first. */
export function ownSnapshots(rows: readonly MemberRow[]): Snapshot[] {
  const out = rows.map((r) => {
    const s: Snapshot = { asOf: r.asOf, basis: 'reported', origin: r.origin };
    for (const f of STOCK_FIELDS) {
      const v = r[f];
      if (v !== undefined) s[f] = v;
    }
    return withShare(s);
  });
  return out.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

/**
 * A unit's snapshots summed from its children: at each date, the children under the unit in that
 * date's month, when every one of them has a snapshot of that date (a child that moved counts under
 * the parent it had then).
 */
export function summedSnapshots(children: readonly { months: SpanSet; snapshots: readonly Snapshot[] }[]): Snapshot[] {
  const byDate = new Map<string, { parts: Snapshot[]; who: Set<number> }>();
  children.forEach((c, i) => {
    for (const s of c.snapshots) {
      if (!has(c.months, monthOfDate(s.asOf))) continue;
      const at = byDate.get(s.asOf);
      if (at) {
        at.parts.push(s);
        at.who.add(i);
      } else byDate.set(s.asOf, { parts: [s], who: new Set([i]) });
    }
  });
  const out: Snapshot[] = [];
  for (const [asOf, { parts, who }] of byDate) {
    const m = monthOfDate(asOf);
    // Skip the date when a child under the unit then has no snapshot of that date.
    let missing = false;
    for (let i = 0; i < children.length && !missing; i++) missing = !who.has(i) && has(children[i]!.months, m);
    if (missing) continue;
    const s: Snapshot = { asOf, basis: 'summed' };
    for (const f of STOCK_FIELDS) {
      let sum = 0;
      let known = true;
      for (const p of parts) {
        const v = p[f];
        if (v === undefined) {
          known = false;
          break;
        }
        sum += v;
      }
      if (known) s[f] = sum;
    }
    out.push(withShare(s));
  }
  return out.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

const has = (s: SpanSet, m: MonthIndex): boolean => s.some((x) => x.from <= m && m <= x.to);

const inWindow = (s: Snapshot, w: Window): boolean => {
  const m = monthOfDate(s.asOf);
  return m >= w.from && m <= w.to;
};

/** The latest snapshot dated inside the window (snapshots oldest first). */
export function latestIn(snapshots: readonly Snapshot[], w: Window): Snapshot | undefined {
  for (let i = snapshots.length - 1; i >= 0; i--) if (inWindow(snapshots[i]!, w)) return snapshots[i];
  return undefined;
}

/**
 * Members at the start of a year (snapshots oldest first): the snapshot with a `members` count dated closest to
 * 1 January, within 1 December of the year before .. 31 January. At equal distance (31 Dec and 2 Jan) the earlier
 * one wins: a year-end report is the usual "đầu năm" figure, and it is not yet touched by the year.
 */
export function startOfYear(snapshots: readonly Snapshot[], year: number): Snapshot | undefined {
  // Numbers rather than strings and Date: this runs for every unit and year. 1 December .. 31 January.
  const lo = (year - 1) * 10_000 + 1201;
  const hi = year * 10_000 + 131;
  // Oldest first: the first snapshot from 1 December on by bisection, then only those up to 31 January.
  let from = 0;
  let to = snapshots.length;
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (dateNumber(snapshots[mid]!.asOf) < lo) from = mid + 1;
    else to = mid;
  }
  let best: Snapshot | undefined;
  let bestDist = Infinity;
  for (let i = from; i < snapshots.length; i++) {
    const s = snapshots[i]!;
    const k = dateNumber(s.asOf);
    if (k > hi) break;
    if (s.members === undefined) continue;
    // Days to 1 January: from a December day d, 32 − d (31 December: 1); from a January day d, d − 1.
    const day = k % 100;
    const d = k > hi - 100 ? day - 1 : 32 - day;
    if (d < bestDist) {
      best = s;
      bestDist = d;
    }
  }
  return best;
}

export interface StockChange {
  value: number;
  from: Snapshot;
  to: Snapshot;
}

/**
 * A count's change over a window: latest minus earliest snapshot inside it that has the count. Needs
 * two different dates: with one snapshot there is no change to tell (not 0).
 */
export function changeIn(snapshots: readonly Snapshot[], w: Window, field: StockField): StockChange | undefined {
  let first: Snapshot | undefined;
  let last: Snapshot | undefined;
  for (const s of snapshots) {
    if (s[field] === undefined || !inWindow(s, w)) continue;
    first ??= s;
    last = s;
  }
  if (!first || !last || first.asOf === last.asOf) return undefined;
  return { value: last[field]! - first[field]!, from: first, to: last };
}

/** ISO date of the last day of a month. */
export function lastDayOf(m: MonthIndex): string {
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  return `${y}-${String(mo).padStart(2, '0')}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
}

/**
 * Facts about the data as a whole: the "data up to" date and the sources cited.
 */
import type { Inputs } from '../types.ts';
import { lastDayOf } from './stocks.ts';

/**
 * The last day of the latest month any admissions or training row reaches, or the latest snapshot
 * date, whichever is later. Targets are left out: a target for next year is no data about it.
 */
export function latestDataDate(inputs: Inputs): string | undefined {
  let month = -Infinity;
  for (const r of inputs.admissions) if (r.period.to > month) month = r.period.to;
  for (const r of inputs.training) if (r.period.to > month) month = r.period.to;
  let date = month === -Infinity ? undefined : lastDayOf(month);
  for (const r of inputs.members) if (date === undefined || r.asOf > date) date = r.asOf;
  return date;
}

const collator = new Intl.Collator('vi');

/** Distinct `source` texts of all data rows with how many rows cite each, most cited first. */
export function sources(inputs: Inputs): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (s: string | undefined) => {
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  };
  for (const r of inputs.admissions) add(r.source);
  for (const r of inputs.targets) add(r.source);
  for (const r of inputs.training) add(r.source);
  for (const r of inputs.members) add(r.source);
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort(
      (a, b) =>
        b.count - a.count || collator.compare(a.text, b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
}

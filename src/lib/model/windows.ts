/**
 * The windows figures are computed for: calendar years and congress terms.
 */
import { DEFAULT_TERMS, termWindow, yearOf, yearWindow } from '../periods.ts';
import type { Inputs, MonthIndex, Term, Window } from '../types.ts';

export interface Windows {
  years: Window[];
  terms: Window[];
  /** Years ascending, then terms in chronological order: the order of indicators.csv. */
  all: Window[];
  /** The window a change is measured against: year Y−1, or the term before in time. */
  previous: Map<string, Window>;
}

/** The terms in force: terms.csv when it gave any, else the spec's defaults; chronological. */
export function termsOf(inputs: Inputs): Term[] {
  const terms = inputs.terms.length > 0 ? inputs.terms : DEFAULT_TERMS;
  return [...terms].sort((a, b) => a.from - b.from);
}

/**
 * Every calendar year touched by a row of admissions, targets, training or members (a range
 * 2019-11..2020-02 touches both years). units.csv is left out: an `active_from` is no figure.
 * Years not touched are not windows, so a stray old row does not create a run of empty years.
 */
export function touchedYears(inputs: Inputs): number[] {
  const years = new Set<number>();
  const addSpan = (from: MonthIndex, to: MonthIndex) => {
    for (let y = yearOf(from), last = yearOf(to); y <= last; y++) years.add(y);
  };
  for (const r of inputs.admissions) addSpan(r.period.from, r.period.to);
  for (const r of inputs.targets) addSpan(r.period.from, r.period.to);
  for (const r of inputs.training) addSpan(r.period.from, r.period.to);
  for (const r of inputs.members) years.add(Number(r.asOf.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

export function buildWindows(years: readonly number[], terms: readonly Term[]): Windows {
  const yearWindows = years.map(yearWindow);
  const termWindows = terms.map(termWindow);
  const previous = new Map<string, Window>();
  const byYear = new Map(yearWindows.map((w) => [Number(w.id), w]));
  for (const w of yearWindows) {
    const prev = byYear.get(Number(w.id) - 1);
    if (prev) previous.set(w.id, prev);
  }
  termWindows.forEach((w, i) => {
    const prev = termWindows[i - 1];
    if (prev) previous.set(w.id, prev);
  });
  return { years: yearWindows, terms: termWindows, all: [...yearWindows, ...termWindows], previous };
}

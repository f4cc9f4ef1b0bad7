/**
 * How a revision reads in Vietnamese, shared by the printed summary, the history page and the marks on unit
 * pages: the window, the indicator, and a figure with its months ("53 (7/12 tháng)").
 */
import { DASH, fmtCount, fmtRange } from '../format/index.ts';
import { INDICATORS } from '../model/dictionary.ts';
import type { Term } from '../types.ts';

const YEAR = /^\d{4}$/;

const termOf = (period: string, terms: readonly Term[]) => terms.find((t) => t.id === period);

/** Months in a window: 12 for a year, the term's length for a known term. */
export function windowMonths(period: string, terms: readonly Term[]): number | undefined {
  if (YEAR.test(period)) return 12;
  const t = termOf(period, terms);
  return t ? t.to - t.from + 1 : undefined;
}

/** A table cell: `2020`, `Nhiệm kỳ 2020–2025`. */
export function windowLabel(period: string, terms: readonly Term[]): string {
  if (YEAR.test(period)) return period;
  return termOf(period, terms)?.name ?? `Nhiệm kỳ ${fmtRange(period)}`;
}

/** Inside a sentence: `năm 2020`, `nhiệm kỳ 2020–2025`. */
export function windowPhrase(period: string, terms: readonly Term[]): string {
  if (YEAR.test(period)) return `năm ${period}`;
  return lowerFirst(windowLabel(period, terms));
}

/** Inside a sentence: `Lớp bồi dưỡng nhận thức về Đảng` → `lớp bồi dưỡng …` (Đảng keeps its capital). */
export const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

export function indicatorLabel(indicator: string): string {
  return (INDICATORS as Record<string, { label: string } | undefined>)[indicator]?.label ?? indicator;
}

/**
 * A published count with its months when it covers part of its window: `53 (7/12 tháng)`, `7.335`;
 * `—` for no figure (a withdrawn one's new value).
 */
export function figureText(value: string, months: string, ofMonths: number | undefined): string {
  if (value === '') return DASH;
  const n = Number(value);
  const shown = Number.isFinite(n) ? fmtCount(n) : value;
  if (months === '') return shown;
  if (ofMonths === undefined) return `${shown} (${months} tháng)`;
  return Number(months) < ofMonths ? `${shown} (${months}/${ofMonths} tháng)` : shown;
}

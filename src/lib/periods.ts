/**
 * Months, periods and windows: the arithmetic every other module shares.
 * A month is one integer (year * 12 + month - 1) so that ranges, overlaps and counts are plain integer maths.
 */
import type { MonthIndex, Period, Term, Window } from './types.ts';

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => (m % 12) + 1;
/** `2020-07` */
export const monthText = (m: MonthIndex): string => `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
/** Inclusive count of months from..to. */
export const monthSpan = (from: MonthIndex, to: MonthIndex): number => to - from + 1;

const YEAR_RE = /^(\d{4})$/;
const MONTH_ISO_RE = /^(\d{4})-(\d{1,2})$/;
const MONTH_VN_RE = /^(\d{1,2})\/(\d{4})$/;

/** Parses `YYYY-MM` or `MM/YYYY`; undefined when not a real month. */
export function parseMonth(text: string): MonthIndex | undefined {
  const s = text.trim();
  let y: number, m: number;
  let r = MONTH_ISO_RE.exec(s);
  if (r) {
    y = Number(r[1]);
    m = Number(r[2]);
  } else if ((r = MONTH_VN_RE.exec(s))) {
    y = Number(r[2]);
    m = Number(r[1]);
  } else return undefined;
  if (m < 1 || m > 12 || y < 1900 || y > 2200) return undefined;
  return monthIndex(y, m);
}

const DATE_ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Parses `YYYY-MM-DD` or `DD/MM/YYYY` into ISO `YYYY-MM-DD`; undefined when not a real calendar date (31/02 is not).
 */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let y: number, m: number, d: number;
  let r = DATE_ISO_RE.exec(s);
  if (r) {
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  } else if ((r = DATE_VN_RE.exec(s))) {
    y = Number(r[3]);
    m = Number(r[2]);
    d = Number(r[1]);
  } else return undefined;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a `period` cell: `YYYY`, `YYYY-MM` (or `MM/YYYY`), `YYYY-MM..YYYY-MM`, or a term id.
 * Returns a string (Vietnamese) describing what is wrong when it is not one of those.
 */
export function parsePeriod(text: string, termsById: ReadonlyMap<string, Term>): Period | string {
  const s = text.trim();
  const term = termsById.get(s);
  if (term) return { kind: 'term', text: s, from: term.from, to: term.to, termId: term.id };
  const r = YEAR_RE.exec(s);
  if (r) {
    const y = Number(r[1]);
    if (y < 1900 || y > 2200) return 'năm không hợp lệ';
    return { kind: 'year', text: s, from: monthIndex(y, 1), to: monthIndex(y, 12) };
  }
  const parts = s.split('..');
  if (parts.length === 2) {
    const from = parseMonth(parts[0]!);
    const to = parseMonth(parts[1]!);
    if (from === undefined || to === undefined) return 'khoảng tháng phải có dạng YYYY-MM..YYYY-MM với tháng có thật';
    if (to < from) return 'tháng kết thúc đứng trước tháng bắt đầu';
    return { kind: 'range', text: `${monthText(from)}..${monthText(to)}`, from, to };
  }
  const m = parseMonth(s);
  if (m !== undefined) return { kind: 'month', text: monthText(m), from: m, to: m };
  return 'kỳ phải là năm (YYYY), tháng (YYYY-MM), khoảng tháng (YYYY-MM..YYYY-MM) hoặc mã nhiệm kỳ trong terms.csv';
}

/** The spec's default terms, used when terms.csv is absent. */
export const DEFAULT_TERMS: readonly Term[] = [
  { id: '2010-2015', name: 'Nhiệm kỳ 2010–2015', from: monthIndex(2011, 1), to: monthIndex(2015, 12), isDefault: true },
  { id: '2015-2020', name: 'Nhiệm kỳ 2015–2020', from: monthIndex(2016, 1), to: monthIndex(2020, 12), isDefault: true },
  { id: '2020-2025', name: 'Nhiệm kỳ 2020–2025', from: monthIndex(2021, 1), to: monthIndex(2025, 12), isDefault: true },
  { id: '2025-2030', name: 'Nhiệm kỳ 2025–2030', from: monthIndex(2026, 1), to: monthIndex(2030, 12), isDefault: true },
];

export function yearWindow(year: number): Window {
  return {
    kind: 'year',
    id: String(year),
    label: String(year),
    from: monthIndex(year, 1),
    to: monthIndex(year, 12),
    months: 12,
  };
}

export function termWindow(term: Term): Window {
  return {
    kind: 'term',
    id: term.id,
    label: term.name,
    from: term.from,
    to: term.to,
    months: monthSpan(term.from, term.to),
  };
}

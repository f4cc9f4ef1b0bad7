/**
 * Months as closed intervals, for the lives of units (units.csv bounds) and the months a row covers.
 * An open side (no active_from, no active_to) is -Infinity or Infinity, so comparisons need no special case.
 */
import { monthIndex, monthText } from '../periods.ts';

export interface Span {
  from: number;
  to: number;
}

/** The first month of the communes founded in the 2025 reorganisation; districts ended the month before. */
export const REORG_START = monthIndex(2025, 7);

/** Orders by start (an open start first); never NaN, unlike `a.from - b.from` on two open starts. */
export const byStart = (a: Span, b: Span): number => (a.from === b.from ? 0 : a.from < b.from ? -1 : 1);

/** The union of spans, sorted, with touching spans (one ends in M, the next starts in M + 1) merged. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort(byStart);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

/** The merged segment holding month `m`, if any. */
export function segmentAt(segments: readonly Span[], m: number): Span | undefined {
  for (const s of segments) if (s.from <= m && m <= s.to) return s;
  return undefined;
}

/** True when every month from..to lies in one segment. */
export function covers(segments: readonly Span[], from: number, to: number): boolean {
  const s = segmentAt(segments, from);
  return s !== undefined && to <= s.to;
}

/** True when some month from..to lies in a segment. */
export function overlaps(segments: readonly Span[], from: number, to: number): boolean {
  for (const s of segments) if (s.from <= to && from <= s.to) return true;
  return false;
}

export const spansOverlap = (a: readonly Span[], b: readonly Span[]): boolean =>
  a.some((s) => overlaps(b, s.from, s.to));

/** `2025-07` or `2025-01..2025-06`. */
export const monthRange = (from: number, to: number): string =>
  from === to ? monthText(from) : `${monthText(from)}..${monthText(to)}`;

/** A life or a row's bounds in words: `từ 2025-07`, `đến 2025-06`, `2020-01..2025-06`. */
export function spanText(s: Span): string {
  if (s.from === -Infinity) return s.to === Infinity ? 'không giới hạn thời gian' : `đến ${monthText(s.to)}`;
  return s.to === Infinity ? `từ ${monthText(s.from)}` : monthRange(s.from, s.to);
}

export const lifeText = (segments: readonly Span[]): string => segments.map(spanText).join(', ');

/** `A và B`, `A, B và C`. */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/** from..to cut after each month in `cuts` (the last months before moves): `2025-01..2025-06 và 2025-07..2025-12`. */
export function splitText(from: number, to: number, cuts: readonly number[]): string {
  const parts: string[] = [];
  let start = from;
  for (const cut of cuts) {
    parts.push(monthRange(start, cut));
    start = cut + 1;
  }
  parts.push(monthRange(start, to));
  return joinAnd(parts);
}

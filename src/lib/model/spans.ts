/**
 * Sets of months as ascending, disjoint, non-adjacent spans: what a figure covers, when a child was
 * under a parent. A window has at most a few spans, so every operation is linear in them. Functions
 * return one of their inputs unchanged when the result equals it, so that figures sharing coverage
 * share one array (a national build holds millions of flows).
 */
import type { MonthIndex, MonthSpan } from '../types.ts';

export type SpanSet = readonly MonthSpan[];

export const EMPTY: SpanSet = Object.freeze([]) as SpanSet;

const wholes = new WeakMap<MonthSpan, SpanSet>();
/** The whole of a window (or part of one) as a span set, one shared array per window object. */
export function wholeOf(w: MonthSpan): SpanSet {
  let s = wholes.get(w);
  if (!s) wholes.set(w, (s = [{ from: w.from, to: w.to }]));
  return s;
}

/**
 * The months a flow covers. A flow of a window keeps no `covered` when it covers the window's first
 * `months` months (the whole, or a year so far: nearly every flow), so millions of flows carry no array;
 * figures over part of a window always keep theirs.
 */
export function coveredOf(f: { months: number; covered?: SpanSet | undefined }, scope: MonthSpan): SpanSet {
  if (f.covered) return f.covered;
  if (f.months >= scope.to - scope.from + 1) return wholeOf(scope);
  return f.months <= 0 ? EMPTY : [{ from: scope.from, to: scope.from + f.months - 1 }];
}

/** What a flow of `scope` keeps as `covered`: nothing for the window's first months (see coveredOf). */
export function storedCovered(s: SpanSet, scope: MonthSpan): SpanSet | undefined {
  if (s.length === 0 || (s.length === 1 && s[0]!.from === scope.from)) return undefined;
  // Shared by value: tens of thousands of flows have a handful of patterns (rows missing the same month).
  let key = '';
  for (const x of s) key += `${x.from}:${x.to},`;
  let kept = interned.get(key);
  if (!kept) interned.set(key, (kept = Object.freeze(s.map((x) => Object.freeze({ from: x.from, to: x.to })))));
  return kept;
}

const interned = new Map<string, SpanSet>();

export function count(s: SpanSet): number {
  let n = 0;
  for (const x of s) n += x.to - x.from + 1;
  return n;
}

export function sameSet(a: SpanSet, b: SpanSet): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.from !== b[i]!.from || a[i]!.to !== b[i]!.to) return false;
  return true;
}

/** Spans of possibly unsorted, overlapping or adjacent pieces, normalised. */
export function normalise(pieces: readonly MonthSpan[]): SpanSet {
  if (pieces.length <= 1) return pieces.length === 0 ? EMPTY : [{ from: pieces[0]!.from, to: pieces[0]!.to }];
  const sorted = [...pieces].sort((a, b) => a.from - b.from);
  const out: MonthSpan[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.from <= last.to + 1) last.to = Math.max(last.to, p.to);
    else out.push({ from: p.from, to: p.to });
  }
  return out;
}

/** The months of `s` inside from..to. */
export function clip(s: SpanSet, from: MonthIndex, to: MonthIndex): SpanSet {
  let inside = true;
  for (const x of s) if (x.from < from || x.to > to) inside = false;
  if (inside) return s;
  const out: MonthSpan[] = [];
  for (const x of s) {
    const f = Math.max(x.from, from);
    const t = Math.min(x.to, to);
    if (f <= t) out.push({ from: f, to: t });
  }
  return out.length === 0 ? EMPTY : out;
}

export function intersect(a: SpanSet, b: SpanSet): SpanSet {
  if (a === b) return a;
  const out: MonthSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const f = Math.max(x.from, y.from);
    const t = Math.min(x.to, y.to);
    if (f <= t) out.push({ from: f, to: t });
    if (x.to < y.to) i++;
    else j++;
  }
  if (sameSet(out, a)) return a;
  if (sameSet(out, b)) return b;
  return out.length === 0 ? EMPTY : out;
}

export function union(a: SpanSet, b: SpanSet): SpanSet {
  if (a === b || b.length === 0) return a;
  if (a.length === 0) return b;
  const u = normalise([...a, ...b]);
  return sameSet(u, a) ? a : sameSet(u, b) ? b : u;
}

/** The months of `a` not in `b`. */
export function minus(a: SpanSet, b: SpanSet): SpanSet {
  if (a === b) return EMPTY;
  if (b.length === 0) return a;
  const out: MonthSpan[] = [];
  let j = 0;
  for (const x of a) {
    let from = x.from;
    while (j < b.length && b[j]!.to < from) j++;
    let k = j;
    while (k < b.length && b[k]!.from <= x.to) {
      const y = b[k]!;
      if (y.from > from) out.push({ from, to: y.from - 1 });
      from = Math.max(from, y.to + 1);
      k++;
    }
    if (from <= x.to) out.push({ from, to: x.to });
  }
  return sameSet(out, a) ? a : out.length === 0 ? EMPTY : out;
}

/** One participant of the month rule: the months it was there, and what its figure covers (reporting only). */
export interface Presence {
  present: SpanSet;
  /** Undefined: present but not reporting. */
  covered: SpanSet | undefined;
}

/**
 * The month rule of a sum (spec, "Months of a summed figure"): a month of `scope` is covered when at
 * least one participant (child, predecessor) was there and every reporting participant there covers it.
 * One pass per participant over its months, on a reused buffer: no allocation but the result.
 * `prefix` ≥ 0 stands for participants there all window whose figures cover its first `prefix` months.
 */
export function monthRule(parts: readonly Presence[], scope: MonthSpan, prefix = -1): SpanSet {
  const n = scope.to - scope.from + 1;
  if (buffer.length < n) buffer = new Uint8Array(Math.max(n, buffer.length * 2));
  const state = buffer; // bit 1: someone there; bit 2: a reporting one there does not cover it
  if (prefix < 0) state.fill(0, 0, n);
  else {
    // Participants there all window, the reporting ones covering its first `prefix` months at least.
    state.fill(1, 0, Math.min(prefix, n));
    state.fill(3, Math.min(prefix, n), n);
  }
  for (const p of parts) {
    let j = 0;
    const cov = p.covered;
    for (const x of p.present) {
      const from = Math.max(x.from, scope.from);
      const to = Math.min(x.to, scope.to);
      for (let m = from; m <= to; m++) {
        let bits = 1;
        if (cov) {
          while (j < cov.length && cov[j]!.to < m) j++;
          if (j >= cov.length || cov[j]!.from > m) bits = 3;
        }
        state[m - scope.from]! |= bits;
      }
    }
  }
  const out: MonthSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] !== 1) continue;
    const last = out[out.length - 1];
    if (last && last.to === scope.from + i - 1) last.to++;
    else out.push({ from: scope.from + i, to: scope.from + i });
  }
  if (out.length === 1 && out[0]!.from === scope.from && out[0]!.to === scope.to) return wholeOf(scope);
  return out.length === 0 ? EMPTY : out;
}

let buffer = new Uint8Array(64);

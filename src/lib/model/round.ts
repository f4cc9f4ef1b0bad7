/**
 * Rounding of published figures: half away from zero (what a reader means by "half up", and what
 * Excel's ROUND does) to two decimals. Every figure is a ratio of whole numbers, so it is rounded
 * from the integers themselves: 12477/200 is exactly 62.385 and rounds to 62.39, whereas the double
 * 62.385 is 62.38499… and `Math.round(x * 100) / 100` would give 62.38.
 */

/** `num / den` rounded half away from zero to `digits` decimals; undefined when `den` is 0 or a value is not finite. */
export function roundRatio(num: number, den: number, digits = 2): number | undefined {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den === 0) return undefined;
  if (!Number.isInteger(num) || !Number.isInteger(den)) return roundHalfUp(num / den, digits);
  const scale = 10 ** digits;
  const negative = num < 0 !== den < 0 && num !== 0;
  const n = Math.abs(num);
  const d = Math.abs(den);
  // floor((2·n·scale + d) / (2·d)) is n·scale/d rounded half up, in integers.
  const top = 2 * n * scale + d;
  let q: number;
  if (top <= Number.MAX_SAFE_INTEGER) {
    q = Math.floor(top / (2 * d));
    // The float quotient may round up across an integer near 2^53: correct it exactly.
    if (q * 2 * d > top) q -= 1;
  } else {
    q = Number((2n * BigInt(n) * BigInt(scale) + BigInt(d)) / (2n * BigInt(d)));
  }
  return (negative ? -q : q) / scale;
}

/** `part / whole × 100`, rounded half up to two decimals; undefined when `whole` is 0. */
export const pct = (part: number, whole: number): number | undefined => roundRatio(part * 100, whole);

/**
 * Half-away-from-zero rounding of an arbitrary double, for values that are not a ratio of integers.
 * Works on the shortest decimal text of the number (`62.385`), not on its binary expansion.
 */
export function roundHalfUp(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  if (abs >= 1e21) return x;
  if (abs < 10 ** -(digits + 2)) return 0;
  const shifted = Math.round(Number(`${abs}e${digits}`));
  const r = Number(`${shifted}e-${digits}`);
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * Seeded pseudo-random numbers for the demo generator: mulberry32, with independent streams keyed by
 * (seed, stream name, index) so that one unit's numbers do not depend on how many numbers other units drew.
 */

/** 32-bit string/number hash (FNV-1a then a murmur3 finaliser), stable across runs and platforms. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f; // separator between parts
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1): mulberry32. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform real in [a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Uniform integer in [a, b] (inclusive). */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Poisson by Knuth's method; fine for the small means used here (a grassroots unit admits 0–15 a year). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Number of successes in n trials of probability p (n is small here). */
  binomial(n: number, p: number): number {
    if (n > 200) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal())));
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** Index drawn with probability proportional to `weights` (whose sum is `total`). */
  weighted(weights: readonly number[], total: number): number {
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/** An independent stream for one purpose and one item, e.g. `stream(seed, 'adm', unitIndex)`. */
export function stream(seed: number, name: string, index = 0): Rng {
  return new Rng(hash32(seed, name, index));
}

/** Splits `total` items into `bins` counts, each at least `min`, at random (deterministic for a given rng). */
export function distribute(rng: Rng, total: number, bins: number, min: number): number[] {
  if (bins * min > total) throw new Error(`cannot split ${total} into ${bins} bins of at least ${min}`);
  const weights = Array.from({ length: bins }, () => rng.uniform(0.55, 1.45));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - bins * min;
  const counts = weights.map((w) => min + Math.floor((w / sum) * spare));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % bins, left--) counts[i]!++;
  return counts;
}

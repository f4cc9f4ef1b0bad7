/** "Did you mean": the closest written id to one that is not among them. */
import { closest, editDistance } from './columns.ts';

/** The ids written in units.csv, and a "did you mean" for an id that is not among them. */
export class IdSuggester {
  readonly ids: Set<string>;
  private lower: Map<string, string> | undefined;
  private readonly cache = new Map<string, string>();
  // Edit distance against every id is costly on national data: a fixed budget of comparisons per run.
  private budget = 2_000_000;

  constructor(ids: Iterable<string>) {
    this.ids = new Set(ids);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** ` (có phải ý bạn là X?)` or ''. */
  hint(id: string): string {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    if (!this.lower) {
      this.lower = new Map();
      for (const u of this.ids) this.lower.set(u.toLowerCase(), u);
    }
    let hint = '';
    const sameLetters = this.lower.get(id.toLowerCase());
    if (sameLetters !== undefined) {
      hint = ` (mã phân biệt chữ hoa, chữ thường: có phải ý bạn là ${sameLetters}?)`;
    } else if (this.budget > 0 && this.ids.size > 0) {
      this.budget -= this.ids.size;
      const best = closest(id, [...this.ids]);
      // Only a near miss is worth naming: one edit in a short id, about a third of a long one.
      const near = editDistance(id, best) <= Math.max(1, Math.floor(id.length / 3));
      if (near) hint = ` (có phải ý bạn là ${best}?)`;
    }
    this.cache.set(id, hint);
    return hint;
  }
}

/**
 * Slugs (URL segments): given in `slug`, or derived from the latest row's short_name or name. Two units
 * may not share one, except that derived slugs of units of different levels, or whose lives do not overlap
 * (an ended district and the new commune of the same name), are told apart by the level's word
 * (`phu-binh-huyen`, `phu-binh-xa`); only the units involved change, so every other slug stays as it was.
 */
import type { Level } from '../types.ts';
import type { FileCheck } from './file-check.ts';
import { spansOverlap } from './life-spans.ts';
import type { AcceptedUnits, UnitRows } from './unit-lives.ts';
import { slugFromName } from './values.ts';

const LEVEL_WORD: Record<Level, string> = {
  province: 'tinh',
  district: 'huyen',
  commune: 'xa',
  grassroots: 'co-so',
  branch: 'chi-bo',
};

interface Claim {
  id: string;
  unit: UnitRows;
  slug: string;
  explicit: boolean;
  /** The column the slug comes from, where an error about it is shown. */
  from: string;
}

/** Two units of one level alive in the same month: one unit typed twice, most likely. */
const aliveTogether = (a: UnitRows, b: UnitRows): boolean =>
  a.level === b.level && spansOverlap(a.segments, b.segments);

/** Slugs of the units; adds the ids without a usable slug to `bad`. */
export function assignSlugs(check: FileCheck, accepted: AcceptedUnits, bad: Set<string>): Map<string, string> {
  const groups = new Map<string, Claim[]>();
  const claims: Claim[] = [];
  for (const [id, unit] of accepted) {
    const u = unit.latest.value;
    const slug = u.slug ?? slugFromName(u.short_name ?? u.name);
    const from = u.slug !== undefined ? 'slug' : u.short_name !== undefined ? 'short_name' : 'name';
    if (slug === '') {
      check.error(
        unit.latest.row,
        from,
        'Không tạo được slug (đoạn địa chỉ trang) từ tên này: ghi slug trong cột slug, ' +
          'chỉ gồm chữ thường không dấu, chữ số và gạch ngang.',
      );
      bad.add(id);
      continue;
    }
    const claim: Claim = { id, unit, slug, explicit: u.slug !== undefined, from };
    claims.push(claim);
    const group = groups.get(slug);
    if (group === undefined) groups.set(slug, [claim]);
    else group.push(claim);
  }

  // Units sharing a derived slug that may be told apart get their level's word; the others keep the clash.
  const clash = new Map<Claim, Claim>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const apart: Claim[] = [];
    for (const c of group) {
      const other = apart.find((a) => a.explicit || c.explicit || aliveTogether(a.unit, c.unit));
      if (other) clash.set(c, other);
      else apart.push(c);
    }
    if (apart.length > 1) for (const c of apart) c.slug = `${c.slug}-${LEVEL_WORD[c.unit.level]}`;
  }

  const taken = new Map<string, Claim>();
  const slugOf = new Map<string, string>();
  for (const c of claims) {
    const other = clash.get(c) ?? taken.get(c.slug);
    if (other) {
      const addColumn = check.cols.index.has('slug') ? '' : ' (thêm cột slug)';
      const line = other.unit.latest.row.line;
      check.error(
        c.unit.latest.row,
        c.from,
        `Slug ${c.slug} trùng với đơn vị ${other.id} ở dòng ${line} ` +
          `(dòng ${line} và dòng ${c.unit.latest.row.line}): ` +
          'hai đơn vị không được có cùng địa chỉ trang. ' +
          `Ghi slug khác cho một đơn vị${addColumn}.`,
      );
      bad.add(c.id);
      continue;
    }
    taken.set(c.slug, c);
    slugOf.set(c.id, c.slug);
  }
  return slugOf;
}

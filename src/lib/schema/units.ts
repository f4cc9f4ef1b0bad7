/**
 * units.csv as a whole: unique ids, the tree (unit-tree.ts), unique slugs; the units that pass, with every
 * ancestor passing too, become the typed units.
 */
import type { Unit } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import { unitSchema } from './rows.ts';
import { IdSuggester } from './suggest.ts';
import { checkParents, findCycles, keptUnits } from './unit-tree.ts';
import type { AcceptedUnits } from './unit-tree.ts';
import { slugFromName } from './values.ts';

export interface CheckedUnits {
  units: Unit[];
  /** Every id written in units.csv, rows with errors included: for "did you mean" and silent drops. */
  written: IdSuggester;
}

export function checkUnits(check: FileCheck): CheckedUnits {
  const file = check.file;
  const { written, duplicates } = writtenUnits(check);
  const ids = new IdSuggester(written.keys());
  const accepted: AcceptedUnits = new Map();
  check.run(unitSchema, (value, row) => {
    if (!duplicates.has(row)) accepted.set(value.id, { value, row }); // kept below, once parents and slugs are checked
  });

  const inCycle = findCycles(check, accepted);
  const bad = new Set<string>(inCycle);
  checkParents(check, accepted, written, ids, inCycle, bad);
  const slugOf = assignSlugs(check, accepted, bad);

  const isOk = keptUnits(accepted, bad);
  const units: Unit[] = [];
  for (const [id, { value: u, row }] of accepted) {
    if (!isOk(id)) continue;
    check.keep(row);
    units.push({
      id,
      name: u.name,
      shortName: u.short_name,
      label: u.short_name ?? u.name,
      level: u.level,
      parentId: u.parent_id,
      kind: u.kind,
      activeFrom: u.active_from,
      activeTo: u.active_to,
      slug: slugOf.get(id)!,
      note: u.note,
      origin: { file, line: row.line },
    });
  }
  return { units, written: ids };
}

/**
 * Every id written in the file, even on rows with other errors: a child of a broken unit is not "orphaned",
 * and a duplicate id is reported whatever else is wrong with either row.
 */
function writtenUnits(check: FileCheck): { written: Map<string, RawRow>; duplicates: Set<RawRow> } {
  const idIdx = check.cols.index.get('id');
  const written = new Map<string, RawRow>();
  const duplicates = new Set<RawRow>();
  if (idIdx === undefined) return { written, duplicates };
  for (const row of check.rows) {
    const id = row.cells[idIdx] ?? '';
    if (id === '') continue;
    const first = written.get(id);
    if (first === undefined) written.set(id, row);
    else {
      duplicates.add(row);
      check.error(
        row,
        'id',
        `Trùng mã đơn vị: mã ${id} đã dùng ở dòng ${first.line} ` +
          `(dòng ${first.line} và dòng ${row.line}). Mỗi đơn vị cần một mã riêng.`,
      );
    }
  }
  return { written, duplicates };
}

/** Slugs: given or derived; unique across all units. Adds the ids without a usable slug to `bad`. */
function assignSlugs(check: FileCheck, accepted: AcceptedUnits, bad: Set<string>): Map<string, string> {
  const slugs = new Map<string, { id: string; line: number }>();
  const slugOf = new Map<string, string>();
  for (const [id, a] of accepted) {
    const u = a.value;
    const slug = u.slug ?? slugFromName(u.short_name ?? u.name);
    const from = u.slug !== undefined ? 'slug' : u.short_name !== undefined ? 'short_name' : 'name';
    if (slug === '') {
      check.error(
        a.row,
        from,
        'Không tạo được slug (đoạn địa chỉ trang) từ tên này: ghi slug trong cột slug, ' +
          'chỉ gồm chữ thường không dấu, chữ số và gạch ngang.',
      );
      bad.add(id);
      continue;
    }
    const other = slugs.get(slug);
    if (other) {
      const addColumn = check.cols.index.has('slug') ? '' : ' (thêm cột slug)';
      check.error(
        a.row,
        from,
        `Slug ${slug} trùng với đơn vị ${other.id} ở dòng ${other.line} ` +
          `(dòng ${other.line} và dòng ${a.row.line}): ` +
          'hai đơn vị không được có cùng địa chỉ trang. ' +
          `Ghi slug khác cho một đơn vị${addColumn}.`,
      );
      bad.add(id);
      continue;
    }
    slugs.set(slug, { id, line: a.row.line });
    slugOf.set(id, slug);
  }
  return slugOf;
}

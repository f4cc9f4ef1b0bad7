/**
 * The tree of units.csv: no cycles, every parent known and of a higher level. Works on the rows that passed
 * their schema, keyed by id; all linear in the number of units.
 */
import { LEVEL_RANK } from '../types.ts';
import type { Unit } from '../types.ts';
import type { Accepted, FileCheck } from './file-check.ts';
import type { UnitInput } from './rows.ts';
import type { IdSuggester } from './suggest.ts';

export const LEVEL_VI: Record<Unit['level'], string> = {
  province: 'tỉnh',
  district: 'huyện',
  grassroots: 'cơ sở',
  branch: 'chi bộ',
};

export type AcceptedUnits = Map<string, Accepted<UnitInput>>;

/**
 * Reports every loop of parents (once, at its first row) and returns the ids in one. Checked before the
 * levels: a cycle always breaks the level rule too, and one message that names the loop is clearer.
 */
export function findCycles(check: FileCheck, accepted: AcceptedUnits): Set<string> {
  const inCycle = new Set<string>();
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of accepted.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && accepted.has(id) && !state.has(id)) {
      state.set(id, 1);
      path.push(id);
      id = accepted.get(id)!.value.parent_id;
    }
    if (id !== undefined && state.get(id) === 1) {
      const loop = path.slice(path.indexOf(id));
      for (const u of loop) inCycle.add(u);
      const rows = loop.map((u) => accepted.get(u)!.row);
      const firstRow = rows.reduce((a, b) => (b.line < a.line ? b : a));
      const steps = loop.map((u) => `${u} (dòng ${accepted.get(u)!.row.line})`).join(' → ');
      const message =
        loop.length === 1
          ? `Đơn vị ${id} ghi cấp trên là chính nó: ` +
            'parent_id phải là mã của một đơn vị cấp cao hơn.'
          : `Vòng lặp cấp trên: ${steps} → ${loop[0]}. ` +
            'Một đơn vị không thể nằm dưới chính nó; ' +
            'sửa parent_id của một trong các dòng này.';
      check.error(firstRow, 'parent_id', message);
    }
    for (const u of path) state.set(u, 2);
  }
  return inCycle;
}

/**
 * Each parent must be a unit of the file (a written id on a broken row is not reported again) and of a
 * higher level. Adds the ids that fail to `bad`.
 */
export function checkParents(
  check: FileCheck,
  accepted: AcceptedUnits,
  written: ReadonlyMap<string, unknown>,
  ids: IdSuggester,
  inCycle: ReadonlySet<string>,
  bad: Set<string>,
): void {
  for (const [id, { value: u, row }] of accepted) {
    if (inCycle.has(id) || u.parent_id === undefined) continue;
    const parent = accepted.get(u.parent_id);
    if (!parent) {
      if (!written.has(u.parent_id)) {
        check.error(
          row,
          'parent_id',
          `Không có đơn vị mã ${u.parent_id} trong ${check.file}${ids.hint(u.parent_id)}. ` +
            'parent_id phải là mã (cột id) của một đơn vị cấp trên có trong tệp.',
        );
      }
      bad.add(id);
      continue;
    }
    if (LEVEL_RANK[parent.value.level] >= LEVEL_RANK[u.level]) {
      check.error(
        row,
        'parent_id',
        `Cấp trên ${u.parent_id} (dòng ${parent.row.line}) là cấp ${LEVEL_VI[parent.value.level]}, ` +
          `không cao hơn cấp ${LEVEL_VI[u.level]} của đơn vị này: ` +
          'cấp trên phải là cấp cao hơn (tỉnh > huyện > cơ sở > chi bộ).',
      );
      bad.add(id);
    }
  }
}

/** A unit is kept when it and all its ancestors are; depth is bounded by the levels. */
export function keptUnits(accepted: AcceptedUnits, bad: ReadonlySet<string>): (id: string) => boolean {
  const ok = new Map<string, boolean>();
  const isOk = (id: string): boolean => {
    const known = ok.get(id);
    if (known !== undefined) return known;
    const a = accepted.get(id);
    const parent = a?.value.parent_id;
    const r = a !== undefined && !bad.has(id) && (parent === undefined || isOk(parent));
    ok.set(id, r);
    return r;
  };
  return isOk;
}

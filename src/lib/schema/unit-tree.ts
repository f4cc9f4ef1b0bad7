/**
 * The tree of units.csv: no cycles, every parent known and of a higher level. Works on the units whose rows
 * passed their schema, keyed by id; a unit with several rows (lives) has a parent per row, and every one is
 * checked. All linear in the number of rows.
 */
import { LEVEL_RANK } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import type { IdSuggester } from './suggest.ts';
import { LEVEL_VI } from './unit-lives.ts';
import type { AcceptedUnits, UnitRows } from './unit-lives.ts';

/** The parents of a unit over its life, each with the row that names it (first row per parent). */
function parentsOf(unit: UnitRows): { id: string; row: RawRow }[] {
  const out: { id: string; row: RawRow }[] = [];
  for (const r of unit.rows) {
    const p = r.value.parent_id;
    if (p !== undefined && !out.some((e) => e.id === p)) out.push({ id: p, row: r.row });
  }
  return out;
}

/**
 * Reports every loop of parents (once, at its first row) and returns the ids in one. Checked before the
 * levels: a cycle always breaks the level rule too, and one message that names the loop is clearer.
 * A depth-first walk over every row's parent; with one row per unit it follows each chain once.
 */
export function findCycles(check: FileCheck, accepted: AcceptedUnits): Set<string> {
  const inCycle = new Set<string>();
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of accepted.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    /** The row of each unit on the path that leads to the next one. */
    const via: RawRow[] = [];
    const stack = [{ edges: parentsOf(accepted.get(start)!), i: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = top.edges[top.i++];
      if (edge === undefined) {
        state.set(path.pop()!, 2);
        stack.pop();
        via.pop();
        continue;
      }
      const next = accepted.get(edge.id);
      if (next === undefined) continue;
      const s = state.get(edge.id);
      if (s === 2) continue;
      via[path.length - 1] = edge.row;
      if (s === 1) {
        const at = path.indexOf(edge.id);
        reportLoop(check, path.slice(at), via.slice(at, path.length), inCycle);
        continue;
      }
      state.set(edge.id, 1);
      path.push(edge.id);
      stack.push({ edges: parentsOf(next), i: 0 });
    }
  }
  return inCycle;
}

function reportLoop(check: FileCheck, loop: string[], rows: RawRow[], inCycle: Set<string>): void {
  for (const u of loop) inCycle.add(u);
  const firstRow = rows.reduce((a, b) => (b.line < a.line ? b : a));
  const steps = loop.map((u, i) => `${u} (dòng ${rows[i]!.line})`).join(' → ');
  const message =
    loop.length === 1
      ? `Đơn vị ${loop[0]} ghi cấp trên là chính nó: parent_id phải là mã của một đơn vị cấp cao hơn.`
      : `Vòng lặp cấp trên: ${steps} → ${loop[0]}. ` +
        'Một đơn vị không thể nằm dưới chính nó; ' +
        'sửa parent_id của một trong các dòng này.';
  check.error(firstRow, 'parent_id', message);
}

/**
 * Each parent must be a unit of the file (a written id on a broken row is not reported again) and of a
 * higher level; a commune's parent is a province. Adds the ids that fail to `bad`.
 */
export function checkParents(
  check: FileCheck,
  accepted: AcceptedUnits,
  written: ReadonlyMap<string, unknown>,
  ids: IdSuggester,
  inCycle: ReadonlySet<string>,
  bad: Set<string>,
): void {
  for (const [id, unit] of accepted) {
    if (inCycle.has(id)) continue;
    for (const { value: u, row } of unit.rows) {
      if (u.parent_id === undefined) continue;
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
      if (LEVEL_RANK[parent.level] >= LEVEL_RANK[u.level]) {
        check.error(row, 'parent_id', levelMessage(u.level, u.parent_id, parent));
        bad.add(id);
      }
    }
  }
}

const OLD_TIERS = 'tỉnh > huyện > cơ sở > chi bộ';

function levelMessage(level: UnitRows['level'], parentId: string, parent: UnitRows): string {
  const where = `Cấp trên ${parentId} (dòng ${parent.rows[0]!.row.line}) là cấp ${LEVEL_VI[parent.level]}`;
  if (level === 'commune') {
    return (
      `${where}: đảng bộ cấp xã (xã, phường, đặc khu) trực thuộc tỉnh, ` +
      'nên parent_id phải là mã của một đảng bộ tỉnh.'
    );
  }
  // The old wording where no commune is involved: messages about existing data stay as they were.
  const tiers = parent.level === 'commune' ? 'tỉnh > huyện, xã > cơ sở > chi bộ' : OLD_TIERS;
  return `${where}, không cao hơn cấp ${LEVEL_VI[level]} của đơn vị này: cấp trên phải là cấp cao hơn (${tiers}).`;
}

/** A unit is kept when it and all its ancestors (over its whole life) are; depth is bounded by the levels. */
export function keptUnits(accepted: AcceptedUnits, bad: ReadonlySet<string>): (id: string) => boolean {
  const ok = new Map<string, boolean>();
  const isOk = (id: string): boolean => {
    const known = ok.get(id);
    if (known !== undefined) return known;
    const unit = accepted.get(id);
    // Cycles are in `bad`, so the walk up always ends.
    const r =
      unit !== undefined &&
      !bad.has(id) &&
      unit.rows.every((row) => row.value.parent_id === undefined || isOk(row.value.parent_id));
    ok.set(id, r);
    return r;
  };
  return isOk;
}

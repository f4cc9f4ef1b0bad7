/**
 * units.csv as a whole: ids (one row per unit, or one row per period of its life), lives (unit-lives.ts),
 * the tree (unit-tree.ts), slugs (unit-slugs.ts), successors. The units that pass, with every ancestor
 * passing too, become the typed units.
 */
import { monthText } from '../periods.ts';
import type { Unit, UnitLife } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { Accepted, FileCheck } from './file-check.ts';
import { REORG_START, spanText } from './life-spans.ts';
import type { Span } from './life-spans.ts';
import { unitSchema } from './rows.ts';
import type { UnitInput } from './rows.ts';
import { IdSuggester } from './suggest.ts';
import { checkParentLives, checkSuccessors, groupLives } from './unit-lives.ts';
import type { LifeRow, UnitRows } from './unit-lives.ts';
import { assignSlugs } from './unit-slugs.ts';
import { checkParents, findCycles, keptUnits } from './unit-tree.ts';

/** The months a unit is active and its moves, for checking the rows of the other files against its life. */
export interface UnitSpan {
  segments: Span[];
  /** Each move to another parent: the rows before and after it (the move is after the first one's end). */
  moves: { before: LifeRow; after: LifeRow }[];
  /** units.csv lines of the unit's rows. */
  lines: number[];
}

export interface CheckedUnits {
  units: Unit[];
  /** Every id written in units.csv, rows with errors included: for "did you mean" and silent drops. */
  written: IdSuggester;
  /** Units with bounds or several rows; units absent here are active in every month. */
  spans: Map<string, UnitSpan>;
  /** Districts (not armed forces or agencies) with no end: warned when the data reach past 2025-06. */
  openDistricts: { id: string; row: RawRow }[];
}

export function checkUnits(check: FileCheck): CheckedUnits {
  const { written, duplicates, rowsOf } = writtenUnits(check);
  const ids = new IdSuggester(written.keys());
  const byId = new Map<string, Accepted<UnitInput>[]>();
  check.run(unitSchema, (value, row) => {
    if (duplicates.has(row)) return;
    const list = byId.get(value.id);
    if (list === undefined) byId.set(value.id, [{ value, row }]);
    else list.push({ value, row });
  });
  const bad = new Set<string>();
  // A unit with a broken row has a gap in its life: left out (the row's own error says why).
  for (const [id, list] of byId) if (list.length < (rowsOf.get(id) ?? 0)) bad.add(id);

  const accepted = groupLives(check, byId, bad);
  const inCycle = findCycles(check, accepted);
  for (const id of inCycle) bad.add(id);
  checkParents(check, accepted, written, ids, inCycle, bad);
  checkParentLives(check, accepted, (id, r) => inCycle.has(id) || inCycle.has(r.value.parent_id!), bad);
  checkSuccessors(check, accepted, written, ids, bad);
  const slugOf = assignSlugs(check, accepted, bad);

  const isOk = keptUnits(accepted, bad);
  const units: Unit[] = [];
  const spans = new Map<string, UnitSpan>();
  const openDistricts: CheckedUnits['openDistricts'] = [];
  for (const [id, unit] of accepted) {
    const succ = unit.latest.value.successor_id;
    if (!isOk(id) || (succ !== undefined && !isOk(succ))) continue;
    for (const r of unit.rows) check.keep(r.row);
    units.push(toUnit(check.file, unit, slugOf.get(id)!));
    const span = spanOf(unit);
    if (span) spans.set(id, span);
    if (isDistrictAfterReorg(unit)) {
      const open = unit.latest.to === Infinity && unit.latest.from < REORG_START;
      if (open) openDistricts.push({ id, row: unit.latest.row });
      else warnDistrict(check, id, unit.latest.row, spanText(unit.latest));
    }
  }
  return { units, written: ids, spans, openDistricts };
}

/**
 * Every id written in the file, even on rows with other errors: a child of a broken unit is not "orphaned",
 * and a duplicate id is reported whatever else is wrong with either row. A later row of an id is a period of
 * its life when it has bounds (active_from or active_to); without, it is a duplicate.
 */
function writtenUnits(check: FileCheck): {
  written: Map<string, RawRow>;
  duplicates: Set<RawRow>;
  rowsOf: Map<string, number>;
} {
  const idIdx = check.cols.index.get('id');
  const fromIdx = check.cols.index.get('active_from');
  const toIdx = check.cols.index.get('active_to');
  const written = new Map<string, RawRow>();
  const duplicates = new Set<RawRow>();
  const rowsOf = new Map<string, number>();
  if (idIdx === undefined) return { written, duplicates, rowsOf };
  for (const row of check.rows) {
    const id = row.cells[idIdx] ?? '';
    if (id === '') continue;
    const first = written.get(id);
    if (first === undefined) written.set(id, row);
    else {
      const bounded = (fromIdx !== undefined && row.cells[fromIdx]) || (toIdx !== undefined && row.cells[toIdx]);
      if (!bounded) {
        duplicates.add(row);
        check.error(
          row,
          'id',
          `Trùng mã đơn vị: mã ${id} đã dùng ở dòng ${first.line} ` +
            `(dòng ${first.line} và dòng ${row.line}). Mỗi đơn vị cần một mã riêng.`,
        );
        continue;
      }
    }
    rowsOf.set(id, (rowsOf.get(id) ?? 0) + 1);
  }
  return { written, duplicates, rowsOf };
}

const finite = (m: number): number | undefined => (Number.isFinite(m) ? m : undefined);

/** The typed unit: the latest row's facts, the life's first and last months, and every life when several. */
function toUnit(file: string, unit: UnitRows, slug: string): Unit {
  const u = unit.latest.value;
  const out: Unit = {
    id: unit.id,
    name: u.name,
    shortName: u.short_name,
    label: u.short_name ?? u.name,
    level: unit.level,
    parentId: u.parent_id,
    kind: u.kind,
    activeFrom: finite(unit.rows[0]!.from),
    activeTo: finite(unit.latest.to),
    slug,
    note: u.note,
    origin: { file, line: unit.latest.row.line },
  };
  // Set only when present, so that a unit of one row and no successor is the same object as before lives.
  if (unit.rows.length > 1) out.lives = unit.rows.map((r) => toLife(file, r));
  if (u.successor_id !== undefined) out.successorId = u.successor_id;
  if (u.source !== undefined) out.source = u.source;
  return out;
}

function toLife(file: string, r: LifeRow): UnitLife {
  const u = r.value;
  return {
    from: finite(r.from),
    to: finite(r.to),
    parentId: u.parent_id,
    name: u.name,
    shortName: u.short_name,
    label: u.short_name ?? u.name,
    origin: { file, line: r.row.line },
  };
}

function spanOf(unit: UnitRows): UnitSpan | undefined {
  const first = unit.rows[0]!;
  if (unit.rows.length === 1 && first.from === -Infinity && first.to === Infinity) return undefined;
  const moves: UnitSpan['moves'] = [];
  for (let i = 1; i < unit.rows.length; i++) {
    const before = unit.rows[i - 1]!;
    const after = unit.rows[i]!;
    if (before.to + 1 === after.from && before.value.parent_id !== after.value.parent_id) moves.push({ before, after });
  }
  return { segments: unit.segments, moves, lines: unit.rows.map((r) => r.row.line) };
}

const isDistrictAfterReorg = (unit: UnitRows): boolean =>
  unit.level === 'district' &&
  unit.latest.value.kind !== 'armed_forces' &&
  unit.latest.value.kind !== 'agency' &&
  unit.latest.to >= REORG_START;

/** A district still active after 2025-06: districts ended then, except the armed forces' and agencies'. */
export function warnDistrict(check: FileCheck, id: string, row: RawRow, why: string): void {
  check.warn(
    row,
    'active_to',
    `Đơn vị cấp huyện ${id} còn hoạt động sau ${monthText(REORG_START - 1)} (${why}), ` +
      'trong khi các đảng bộ cấp huyện kết thúc 06/2025 khi sắp xếp lại tổ chức. ' +
      'Nếu đơn vị đã kết thúc, ghi active_to là 2025-06 ' +
      '(và successor_id nếu hợp nhất vào đơn vị khác); ' +
      'nếu là đảng bộ quân sự, công an hoặc khối cơ quan, ' +
      'ghi kind là armed_forces hoặc agency.',
  );
}

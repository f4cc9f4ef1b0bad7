/**
 * A unit's life in rows of units.csv: the rows of one id, oldest first, with one level and no overlap;
 * the default start of a commune; each row within its parent's life; successor_id.
 */
import { monthText } from '../periods.ts';
import { LEVEL_RANK } from '../types.ts';
import type { Level } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { Accepted, FileCheck } from './file-check.ts';
import { REORG_START, byStart, lifeText, mergeSpans, segmentAt, spanText } from './life-spans.ts';
import type { Span } from './life-spans.ts';
import type { UnitInput } from './rows.ts';
import type { IdSuggester } from './suggest.ts';

export const LEVEL_VI: Record<Level, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  grassroots: 'cơ sở',
  branch: 'chi bộ',
};

/** One row of a unit's life: its typed value, where it is, and its months (open sides infinite). */
export interface LifeRow extends Span {
  value: UnitInput;
  row: RawRow;
}

export interface UnitRows {
  id: string;
  /** The latest row's level (every row must agree). */
  level: Level;
  /** Oldest first. */
  rows: LifeRow[];
  latest: LifeRow;
  /** The months the unit is active, merged. */
  segments: Span[];
}

export type AcceptedUnits = Map<string, UnitRows>;

/**
 * Groups the rows that passed their schema by id: sorted oldest first, the commune's default start applied,
 * then one level and no overlap. Adds the ids that fail to `bad`.
 */
export function groupLives(
  check: FileCheck,
  byId: ReadonlyMap<string, Accepted<UnitInput>[]>,
  bad: Set<string>,
): AcceptedUnits {
  const out: AcceptedUnits = new Map();
  for (const [id, list] of byId) {
    const rows: LifeRow[] = list.map(({ value, row }) => ({
      value,
      row,
      from: value.active_from ?? -Infinity,
      to: value.active_to ?? Infinity,
    }));
    rows.sort((a, b) => byStart(a, b) || a.row.line - b.row.line);
    const latest = rows[rows.length - 1]!;
    const level = latest.value.level;
    if (level === 'commune' && !communeStart(check, id, rows[0]!)) bad.add(id);
    let reach: LifeRow | undefined; // the row reaching furthest so far
    for (const r of rows) {
      if (r.value.level !== level) {
        check.error(
          r.row,
          'level',
          `Đơn vị ${id} ghi cấp ${LEVEL_VI[r.value.level]} ở dòng này nhưng cấp ${LEVEL_VI[level]} ` +
            `ở dòng ${latest.row.line}: các dòng của một đơn vị phải cùng cấp (level). ` +
            'Sửa level cho giống nhau; nếu đơn vị đổi cấp, dùng một mã mới.',
        );
        bad.add(id);
      }
      if (reach !== undefined && r.from <= reach.to) {
        check.error(
          r.row,
          'active_from',
          `Các dòng của đơn vị ${id} chồng thời gian: dòng ${reach.row.line} (${spanText(reach)}) ` +
            `và dòng ${r.row.line} (${spanText(r)}). ` +
            'Mỗi dòng của một đơn vị là một giai đoạn riêng: ' +
            'active_from của giai đoạn sau phải sau active_to của giai đoạn trước.',
        );
        bad.add(id);
      }
      if (reach === undefined || r.to > reach.to) reach = r;
    }
    out.set(id, { id, level, rows, latest, segments: mergeSpans(rows) });
  }
  return out;
}

/** A commune with no active_from starts in 2025-07, with a warning; false when that contradicts its end. */
function communeStart(check: FileCheck, id: string, first: LifeRow): boolean {
  if (first.value.active_from !== undefined) return true;
  if (first.to < REORG_START) {
    check.error(
      first.row,
      'active_to',
      `Đơn vị cấp xã ${id} không ghi active_from ` +
        `nên được coi là bắt đầu từ ${monthText(REORG_START)}, ` +
        `nhưng active_to (${monthText(first.to)}) đứng trước tháng đó. Ghi active_from của đơn vị.`,
    );
    return false;
  }
  first.from = REORG_START;
  check.warn(
    first.row,
    'active_from',
    `Đơn vị cấp xã ${id} không ghi active_from: ` +
      `coi là bắt đầu hoạt động từ ${monthText(REORG_START)}, ` +
      'khi các đảng bộ xã, phường, đặc khu mới được thành lập. ' +
      'Nếu khác, ghi tháng bắt đầu vào active_from.',
  );
  return true;
}

/**
 * Each row must lie within its parent's life: a unit still active after its parent ended, or active before its
 * parent began, is an error naming both rows (so that no unit is left without a parent). Rows whose parent is
 * unknown, in a cycle or of the wrong level are reported elsewhere.
 */
export function checkParentLives(
  check: FileCheck,
  accepted: AcceptedUnits,
  skip: (id: string, r: LifeRow) => boolean,
  bad: Set<string>,
): void {
  for (const [id, unit] of accepted) {
    for (const r of unit.rows) {
      const pid = r.value.parent_id;
      const parent = pid === undefined ? undefined : accepted.get(pid);
      if (pid === undefined || parent === undefined || skip(id, r)) continue;
      if (LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) continue; // a wrong parent: reported as such
      const seg = segmentAt(parent.segments, r.from);
      if (seg === undefined) {
        const next = parent.rows.find((p) => p.from > r.from) ?? parent.rows[0]!;
        const since = r.from === -Infinity ? 'không ghi active_from' : `bắt đầu từ ${monthText(r.from)}`;
        check.error(
          r.row,
          'active_from',
          `Đơn vị ${id} (dòng ${r.row.line}) ${since}, khi cấp trên ${pid} chưa hoạt động ` +
            `(cấp trên hoạt động ${lifeText(parent.segments)}, dòng ${next.row.line}): ` +
            'một đơn vị chỉ nằm dưới cấp trên trong thời gian cấp trên hoạt động. ' +
            `Ghi active_from cho dòng này (từ ${monthText(next.from)}), ` +
            'hoặc ghi cấp trên khác cho giai đoạn trước đó.',
        );
        bad.add(id);
      } else if (r.to > seg.to) {
        const last = parent.rows.find((p) => p.to === seg.to)!;
        const open = 'vẫn hoạt động (không ghi active_to)';
        const until = r.to === Infinity ? open : `hoạt động đến ${monthText(r.to)}`;
        check.error(
          r.row,
          'active_to',
          `Đơn vị ${id} (dòng ${r.row.line}) ${until} sau khi cấp trên ${pid} ngừng hoạt động ` +
            `(${monthText(seg.to)}, dòng ${last.row.line}): ` +
            'không đơn vị nào được nằm dưới một đơn vị đã kết thúc. ' +
            'Ghi active_to cho dòng này; nếu đơn vị chuyển sang cấp trên mới, ' +
            'thêm một dòng cùng mã với active_from và parent_id mới.',
        );
        bad.add(id);
      }
    }
  }
}

/**
 * successor_id (the row checks, not itself and only with active_to, are in the schema): on the unit's latest
 * row, a known unit, of the same level, active in the month after the end.
 */
export function checkSuccessors(
  check: FileCheck,
  accepted: AcceptedUnits,
  written: ReadonlyMap<string, unknown>,
  ids: IdSuggester,
  bad: Set<string>,
): void {
  for (const [id, unit] of accepted) {
    for (const r of unit.rows) {
      const sid = r.value.successor_id;
      if (sid === undefined) continue;
      if (r !== unit.latest) {
        check.error(
          r.row,
          'successor_id',
          `successor_id chỉ ghi ở dòng của giai đoạn cuối cùng của đơn vị ${id}: ` +
            'dòng này kết thúc ' +
            `${monthText(r.to)} nhưng đơn vị còn hoạt động ở dòng ${unit.latest.row.line}. ` +
            'Chuyển successor_id sang dòng đó, hoặc để trống.',
        );
        bad.add(id);
        continue;
      }
      const succ = accepted.get(sid);
      if (succ === undefined) {
        if (!written.has(sid)) {
          check.error(
            r.row,
            'successor_id',
            `Không có đơn vị mã ${sid} trong ${check.file}${ids.hint(sid)}. ` +
              'successor_id phải là mã (cột id) của đơn vị mà đơn vị này hợp nhất vào.',
          );
        }
        bad.add(id);
        continue;
      }
      if (succ.level !== unit.level) {
        check.error(
          r.row,
          'successor_id',
          `Đơn vị kế tiếp ${sid} (dòng ${succ.latest.row.line}) là cấp ${LEVEL_VI[succ.level]}, ` +
            `khác cấp ${LEVEL_VI[unit.level]} của đơn vị này: ` +
            'đơn vị hợp nhất vào phải cùng cấp. Sửa successor_id.',
        );
        bad.add(id);
        continue;
      }
      const after = r.to + 1;
      if (segmentAt(succ.segments, after) === undefined) {
        check.error(
          r.row,
          'successor_id',
          `Đơn vị kế tiếp ${sid} (dòng ${succ.latest.row.line}) ` +
            `không hoạt động trong tháng ${monthText(after)}, ` +
            `tháng ngay sau khi đơn vị này ngừng hoạt động (active_to ${monthText(r.to)}); ` +
            `${sid} hoạt động ${lifeText(succ.segments)}. ` +
            'Đơn vị hợp nhất vào phải đang hoạt động từ tháng đó: ' +
            `sửa successor_id, hoặc active_from, active_to của ${sid}.`,
        );
        bad.add(id);
      }
    }
  }
}

/**
 * One zod schema per file. Input: the row object built from the cells, one string per known column
 * (lower-case names; '' for an empty or absent cell). Output: the typed row. Each schema lists its fields
 * with their parsers (values.ts), then the checks between fields of the same row. Checks that need other
 * rows or other files (unique ids, parents, duplicates, unit existence) are in validate.ts.
 */
import { z } from 'zod';
import type { Term } from '../types.ts';
import {
  Invalid,
  idField,
  kindField,
  levelField,
  optionalCount,
  optionalMonth,
  optionalRef,
  optionalText,
  periodField,
  requiredCount,
  requiredDate,
  requiredMonth,
  requiredText,
  slugField,
  unitRef,
  yearOrTermField,
} from './values.ts';
import type { FieldParser } from './values.ts';
import { objectBuilder, objectReader } from './shape.ts';

type Fields = Record<string, FieldParser<unknown>>;
type Parsed<F extends Fields> = { [K in keyof F]: Exclude<ReturnType<F[K]>, Invalid> };
/** Reports a problem between fields; `field` is where it is shown (undefined: the row as a whole). */
type Report<F extends Fields> = (field: (keyof F & string) | undefined, message: string) => void;
/**
 * Checks between the fields of one row. Also run when some cells failed (so that one run reports every
 * problem): those fields are then undefined, and `valid(field)` is false for them.
 */
type Refine<F extends Fields> = (
  row: Parsed<F>,
  report: Report<F>,
  valid: (field: keyof F & string) => boolean,
) => void;

const allValid = () => true;

/** A problem of one row as the schema reports it: the column (its known name), or undefined for the row. */
export interface RowIssue {
  field: string | undefined;
  message: string;
}

/**
 * One row straight from its cells, without zod: the value safeParse gives, or undefined with `issues` filled
 * as safeParse's issues would be (same order, messages and columns). `index` gives each key's cell.
 */
export type CellReader<T> = (cells: readonly string[], issues: RowIssue[]) => T | undefined;

/**
 * Where a key's cell is: its index, undefined when the file has no such column (the row object then holds ''),
 * or false when the row object would not have the key at all (zod would then fail the row on its shape).
 */
export type CellIndex = (key: string) => number | undefined | false;

/** The schemas made by rowSchema → their reader from cells. */
const readers = new WeakMap<z.ZodType, (indexOf: CellIndex) => CellReader<unknown> | undefined>();

/**
 * The direct reader of a rowSchema schema, or undefined (another schema, or a key the row object would lack).
 * A row object of strings, one per key, always passes zod's shape check (every column a string), so the shape
 * check can be skipped: what is left is the transform, run here on the cells themselves, without the row object,
 * zod's copy of it and its result wrapper. This runs on every row of national data.
 */
export function cellReader<S extends z.ZodType>(schema: S, indexOf: CellIndex): CellReader<z.output<S>> | undefined {
  return readers.get(schema)?.(indexOf) as CellReader<z.output<S>> | undefined;
}

/**
 * A zod schema for one file's rows: the shape is checked by zod (every column a string), the cells are read
 * by their parsers in one pass, and every cell's problem becomes an issue whose path is its column.
 * One transform per row rather than one per cell keeps 500 000 rows within the time budget.
 */
export function rowSchema<F extends Fields>(fields: F, refine?: Refine<F>) {
  const keys = Object.keys(fields) as (keyof F & string)[];
  const parsers = keys.map((k) => fields[k]!);
  const shape = Object.fromEntries(keys.map((k) => [k, z.string()])) as { [K in keyof F]: z.ZodString };
  const read = objectReader(keys);
  const build = objectBuilder(keys);
  // Scratch space reused by every row: the values are copied into the row object before the next row.
  const cells: string[] = new Array(keys.length);
  const values: unknown[] = new Array(keys.length);
  // Problems found by `refine` on the current row; one stable `report` instead of a closure per row.
  const problems: RowIssue[] = [];
  const report: Report<F> = (field, message) => {
    problems.push({ field, message });
  };
  /** The row from `cells` (filled by the caller); its problems, in order, go to `issue`. */
  const parseCells = (issue: (field: string | undefined, message: string) => void): Parsed<F> | undefined => {
    let failedFields: Set<string> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const v = parsers[i]!(cells[i]!);
      if (v instanceof Invalid) {
        issue(keys[i]!, v.message);
        failedFields ??= new Set();
        failedFields.add(keys[i]!);
        values[i] = undefined;
      } else values[i] = v;
    }
    const row = build(values) as Parsed<F>;
    let failed = failedFields !== undefined;
    if (refine) {
      refine(row, report, failedFields ? (f) => !failedFields.has(f) : allValid);
      if (problems.length > 0) {
        for (const { field, message } of problems) issue(field, message);
        problems.length = 0;
        failed = true;
      }
    }
    return failed ? undefined : row;
  };
  const schema = z.object(shape).transform((raw, ctx): Parsed<F> => {
    read(raw, cells);
    const row = parseCells((field, message) => {
      const input = field === undefined ? raw : (raw as Record<string, string>)[field];
      ctx.issues.push({ code: 'custom', message, input, path: field === undefined ? [] : [field] });
    });
    return row ?? z.NEVER;
  });
  readers.set(schema, (indexOf) => {
    const index = keys.map(indexOf);
    if (index.includes(false)) return undefined;
    let issues: RowIssue[] = [];
    const issue = (field: string | undefined, message: string) => {
      issues.push({ field, message });
    };
    return (row, out) => {
      for (let i = 0; i < index.length; i++) {
        const at = index[i] as number | undefined;
        cells[i] = at === undefined ? '' : (row[at] ?? '');
      }
      issues = out;
      return parseCells(issue);
    };
  });
  return schema;
}

const fmt = (n: number) => n.toLocaleString('vi-VN');
const atMost = (what: string, value: number, of: string, total: number) =>
  `${what} (${fmt(value)}) lớn hơn ${of} (${fmt(total)}): đây là một phần của ${of} nên phải nhỏ hơn hoặc bằng.`;

export const unitSchema = rowSchema(
  {
    id: idField('mã đơn vị (ví dụ QN.BL)'),
    name: requiredText('tên đầy đủ của đơn vị (ví dụ Đảng bộ huyện Bình Liêu)'),
    short_name: optionalText,
    level: levelField,
    parent_id: optionalRef,
    kind: kindField,
    active_from: optionalMonth,
    active_to: optionalMonth,
    successor_id: optionalRef,
    slug: slugField,
    source: optionalText,
    note: optionalText,
  },
  (u, report, valid) => {
    if (u.active_from !== undefined && u.active_to !== undefined && u.active_to < u.active_from) {
      report('active_to', 'Tháng ngừng hoạt động (active_to) đứng trước tháng bắt đầu hoạt động (active_from).');
    }
    // level is undefined only when its cell failed: nothing to compare then.
    if (u.level === 'province' && u.parent_id !== undefined) {
      report(
        'parent_id',
        'Đảng bộ tỉnh là cấp cao nhất trong dữ liệu nên không có cấp trên: ' +
          'để trống parent_id, hoặc sửa cột level.',
      );
    }
    if (u.successor_id !== undefined && u.active_to === undefined && valid('active_to')) {
      report(
        'successor_id',
        'successor_id chỉ ghi cho đơn vị đã ngừng hoạt động (hợp nhất vào đơn vị khác), ' +
          'nhưng dòng này không có active_to. ' +
          'Ghi tháng ngừng hoạt động vào active_to, hoặc để trống successor_id.',
      );
    }
    if (u.successor_id !== undefined && u.successor_id === u.id) {
      report(
        'successor_id',
        'Đơn vị không thể hợp nhất vào chính nó: ' +
          'successor_id phải là mã của một đơn vị khác ' +
          '(đơn vị nhận lại đơn vị này khi nó ngừng hoạt động).',
      );
    }
    if (u.level !== undefined && u.level !== 'province' && u.parent_id === undefined) {
      report('parent_id', 'Ô bắt buộc đang trống: đơn vị không phải cấp tỉnh cần mã đơn vị cấp trên (parent_id).');
    }
  },
);
export type UnitInput = z.output<typeof unitSchema>;

export const termSchema = rowSchema(
  {
    id: idField('mã nhiệm kỳ (ví dụ 2020-2025)'),
    name: optionalText,
    from: requiredMonth('tháng bắt đầu nhiệm kỳ'),
    to: requiredMonth('tháng kết thúc nhiệm kỳ'),
    note: optionalText,
  },
  (t, report) => {
    if (t.to < t.from) {
      report('to', 'Tháng kết thúc (to) đứng trước tháng bắt đầu (from) của nhiệm kỳ.');
    }
  },
);
export type TermInput = z.output<typeof termSchema>;

const ADMISSION_PARTS = [
  ['youth', 'Số đảng viên trẻ (18–30 tuổi)'],
  ['women', 'Số đảng viên nữ'],
  ['ethnic_minority', 'Số người dân tộc thiểu số'],
  ['college', 'Số người có trình độ cao đẳng trở lên'],
] as const;

export const admissionSchema = (termsById: ReadonlyMap<string, Term>, brokenTerms?: ReadonlySet<string>) =>
  rowSchema(
    {
      unit_id: unitRef,
      period: periodField(termsById, brokenTerms),
      admitted: requiredCount('số người được kết nạp'),
      youth: optionalCount,
      women: optionalCount,
      ethnic_minority: optionalCount,
      college: optionalCount,
      source: optionalText,
      note: optionalText,
    },
    (r, report) => {
      for (let i = 0; i < ADMISSION_PARTS.length; i++) {
        const [key, what] = ADMISSION_PARTS[i]!;
        const v = r[key];
        if (v !== undefined && v > r.admitted) report(key, atMost(what, v, 'số kết nạp (admitted)', r.admitted));
      }
    },
  );
export type AdmissionInput = z.output<ReturnType<typeof admissionSchema>>;

export const targetSchema = (termsById: ReadonlyMap<string, Term>, brokenTerms?: ReadonlySet<string>) =>
  rowSchema({
    unit_id: unitRef,
    period: yearOrTermField(termsById, brokenTerms),
    target: requiredCount('chỉ tiêu kết nạp được giao'),
    source: optionalText,
    note: optionalText,
  });
export type TargetInput = z.output<ReturnType<typeof targetSchema>>;

export const trainingSchema = (termsById: ReadonlyMap<string, Term>, brokenTerms?: ReadonlySet<string>) =>
  rowSchema(
    {
      unit_id: unitRef,
      period: periodField(termsById, brokenTerms),
      classes: optionalCount,
      trainees: optionalCount,
      dossiers: optionalCount,
      source: optionalText,
      note: optionalText,
    },
    (r, report, valid) => {
      const given = !valid('classes') || !valid('trainees') || !valid('dossiers'); // a bad cell is not an empty one
      if (!given && r.classes === undefined && r.trainees === undefined && r.dossiers === undefined) {
        report(
          undefined,
          'Dòng không có số liệu nào: cần ít nhất một trong các cột classes (số lớp), ' +
            'trainees (số học viên), dossiers (số hồ sơ).',
        );
      }
    },
  );
export type TrainingInput = z.output<ReturnType<typeof trainingSchema>>;

const MEMBER_PARTS = [
  ['probationary', 'Số đảng viên dự bị'],
  ['women', 'Số đảng viên nữ'],
  ['ethnic_minority', 'Số đảng viên dân tộc thiểu số'],
] as const;

export const memberSchema = rowSchema(
  {
    unit_id: unitRef,
    as_of: requiredDate,
    members: optionalCount,
    probationary: optionalCount,
    women: optionalCount,
    ethnic_minority: optionalCount,
    grassroots_orgs: optionalCount,
    branches: optionalCount,
    villages: optionalCount,
    villages_with_branch: optionalCount,
    villages_without_members: optionalCount,
    source: optionalText,
    note: optionalText,
  },
  (r, report) => {
    if (r.members !== undefined) {
      for (let i = 0; i < MEMBER_PARTS.length; i++) {
        const [key, what] = MEMBER_PARTS[i]!;
        const v = r[key];
        if (v !== undefined && v > r.members) {
          report(key, atMost(what, v, 'tổng số đảng viên (members)', r.members));
        }
      }
    }
    const withBranch = r.villages_with_branch ?? 0;
    const without = r.villages_without_members ?? 0;
    if (r.villages !== undefined && withBranch + without > r.villages) {
      report(
        r.villages_without_members !== undefined ? 'villages_without_members' : 'villages_with_branch',
        `Số thôn có chi bộ (${fmt(withBranch)}) cộng số thôn chưa có đảng viên (${fmt(without)}) ` +
          `là ${fmt(withBranch + without)}, lớn hơn tổng số thôn (villages = ${fmt(r.villages)}).`,
      );
    }
  },
);
export type MemberInput = z.output<typeof memberSchema>;

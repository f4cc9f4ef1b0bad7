/**
 * The files of rows keyed by unit and period (or date): admissions, targets, training, members. One table
 * says what tells them apart (schema, key column, wording, typed row); one checker runs them all: each row
 * through its schema, then its unit must exist and its key be unique for the unit.
 */
import type { z } from 'zod';
import type { AdmissionRow, MemberRow, Period, TargetRow, Term, TrainingRow } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import type { FileCheck } from './file-check.ts';
import { monthIndex } from '../periods.ts';
import type { LifeRule, UnitRefs } from './refs.ts';
import { admissionSchema, memberSchema, targetSchema, trainingSchema } from './rows.ts';
import type { AdmissionInput, MemberInput, TargetInput, TrainingInput } from './rows.ts';
import { toAdmission, toMember, toTarget, toTraining } from './typed-rows.ts';
import { Invalid, periodField, requiredDate, unitRef, yearOrTermField } from './values.ts';
import type { FieldParser } from './values.ts';

/** The terms in force, which the period cells are read against. */
export interface TermContext {
  byId: ReadonlyMap<string, Term>;
  /** Ids written in terms.csv on rows with errors: a period naming one points there. */
  broken: ReadonlySet<string>;
}

interface KeyedInputs {
  'admissions.csv': AdmissionInput;
  'targets.csv': TargetInput;
  'training.csv': TrainingInput;
  'members.csv': MemberInput;
}
/** The typed row each keyed file yields. */
export interface KeyedRows {
  'admissions.csv': AdmissionRow;
  'targets.csv': TargetRow;
  'training.csv': TrainingRow;
  'members.csv': MemberRow;
}
export type KeyedFileName = keyof KeyedRows;

/** A numeric key and its text, read straight from a cell. */
type CellKey = { key: number; text: string } | undefined;

/** The column that, with unit_id, must be unique; read from a typed row, or from the cell of a failed row. */
interface KeyColumn<V> {
  field: 'period' | 'as_of';
  /** `kỳ` or `ngày`, for the duplicate message. */
  per: string;
  key: (v: V) => number;
  text: (v: V) => string;
  cell: (terms: TermContext) => (cell: string) => CellKey;
  /** The first and last month a key stands for. */
  first: (key: number) => number;
  last: (key: number) => number;
}

interface KeyedFile<V, R> {
  schema: (terms: TermContext) => z.ZodType<V>;
  key: KeyColumn<V>;
  /** What a row is, before its key, in the duplicate message: `kỳ 2020 của đơn vị BL`. */
  what: string;
  /** How a row must sit in its unit's life. */
  life: LifeRule;
  toRow: (v: V, file: string, line: number) => R;
}

const periodKey = (p: Period) => p.from * 4096 + (p.to - p.from);
const keyOfPeriod = (p: Period | Invalid): CellKey =>
  p instanceof Invalid ? undefined : { key: periodKey(p), text: p.text };

/** `2020-12-31` → 20201231, from the digits directly (no substrings on every row). */
function dateKey(iso: string): number {
  let n = 0;
  for (let i = 0; i < iso.length; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) n = n * 10 + d;
  }
  return n;
}

type PeriodReader = (termsById: ReadonlyMap<string, Term>, brokenTerms?: ReadonlySet<string>) => FieldParser<Period>;

const periodColumn = (reader: PeriodReader): KeyColumn<{ period: Period }> => ({
  field: 'period',
  per: 'kỳ',
  key: (v) => periodKey(v.period),
  text: (v) => v.period.text,
  cell: (terms) => {
    const read = reader(terms.byId, terms.broken);
    return (cell) => keyOfPeriod(read(cell));
  },
  first: (key) => Math.floor(key / 4096),
  last: (key) => Math.floor(key / 4096) + (key % 4096),
});

/** 20201231 → the month of 2020-12. */
const monthOfDateKey = (key: number) => monthIndex(Math.floor(key / 10000), Math.floor(key / 100) % 100);

const dateColumn: KeyColumn<{ as_of: string }> = {
  field: 'as_of',
  per: 'ngày',
  key: (v) => dateKey(v.as_of),
  text: (v) => v.as_of,
  cell: () => (cell) => {
    const d = requiredDate(cell);
    return d instanceof Invalid ? undefined : { key: dateKey(d), text: d };
  },
  first: monthOfDateKey,
  last: monthOfDateKey,
};

const KEYED_FILES: { [N in KeyedFileName]: KeyedFile<KeyedInputs[N], KeyedRows[N]> } = {
  'admissions.csv': {
    schema: (t) => admissionSchema(t.byId, t.broken),
    key: periodColumn(periodField),
    what: 'kỳ',
    life: 'flow',
    toRow: toAdmission,
  },
  'targets.csv': {
    schema: (t) => targetSchema(t.byId, t.broken),
    key: periodColumn(yearOrTermField),
    what: 'chỉ tiêu kỳ',
    life: 'target',
    toRow: toTarget,
  },
  'training.csv': {
    schema: (t) => trainingSchema(t.byId, t.broken),
    key: periodColumn(periodField),
    what: 'kỳ',
    life: 'flow',
    toRow: toTraining,
  },
  'members.csv': {
    schema: () => memberSchema,
    key: dateColumn,
    what: 'số liệu ngày',
    life: 'snapshot',
    toRow: toMember,
  },
};

export const isKeyedFile = (name: string): name is KeyedFileName => Object.hasOwn(KEYED_FILES, name);

/** The first line seen per unit and numeric key (a period's months, or a date): no string built per row. */
type Seen = Map<string, Map<number, number>>;

/**
 * The checker of one keyed file's rows; `add` gets the typed row of each row that passes. A row that failed
 * on another column is still checked for its unit and its key, so one run reports every problem (and a
 * later duplicate of it is still found).
 */
export function keyedChecker<N extends KeyedFileName>(
  name: N,
  check: FileCheck,
  terms: TermContext,
  unitRefs: UnitRefs,
  add: (row: KeyedRows[N]) => void,
): (row: RawRow) => void {
  const spec: KeyedFile<KeyedInputs[N], KeyedRows[N]> = KEYED_FILES[name];
  const schema = spec.schema(terms);
  const { field, per } = spec.key;
  const keyCell = spec.key.cell(terms);
  const what = (unitId: string, text: string) => `${spec.what} ${text} của đơn vị ${unitId}`;
  const seen: Seen = new Map();
  const file = check.file;
  const unitIdx = check.cols.index.get('unit_id');
  const keyIdx = check.cols.index.get(field);
  // Most units are active in every month: one Map lookup, no months computed.
  const inLife = (row: RawRow, unitId: string, key: number, text: string) =>
    !unitRefs.bounded(unitId) ||
    unitRefs.life(check, row, field, unitId, spec.life, spec.key.first(key), spec.key.last(key), text);
  return (row) => {
    const v = check.parse(schema, row);
    if (v !== undefined) {
      const unitId = v.unit_id;
      if (!unitRefs.check(check, row, unitId)) return;
      const key = spec.key.key(v);
      if (duplicate(check, seen, unitId, key, row, field, () => what(unitId, spec.key.text(v)), per)) return;
      if (!inLife(row, unitId, key, spec.key.text(v))) return;
      add(spec.toRow(v, file, row.line));
      check.keep(row);
      return;
    }
    if (unitIdx === undefined || keyIdx === undefined) return;
    const unitId = unitRef(row.cells[unitIdx] ?? '');
    const k = keyCell(row.cells[keyIdx] ?? '');
    if (unitId instanceof Invalid || k === undefined) return;
    const known = unitRefs.check(check, row, unitId);
    const again = duplicate(check, seen, unitId, k.key, row, field, () => what(unitId, k.text), per);
    if (known && !again) inLife(row, unitId, k.key, k.text);
  };
}

/** Reports a second row with the same unit and key (naming the first row's line); true when `row` is it. */
function duplicate(
  check: FileCheck,
  seen: Seen,
  unitId: string,
  key: number,
  row: RawRow,
  field: string,
  what: () => string,
  per: string,
): boolean {
  let byKey = seen.get(unitId);
  if (byKey === undefined) {
    byKey = new Map();
    seen.set(unitId, byKey);
  }
  const first = byKey.get(key);
  if (first === undefined) {
    byKey.set(key, row.line);
    return false;
  }
  check.error(
    row,
    field,
    `Trùng dòng: ${what()} đã có ở dòng ${first} (dòng ${first} và dòng ${row.line}). ` +
      `Mỗi đơn vị chỉ có một dòng cho mỗi ${per}; xoá hoặc gộp một trong hai dòng.`,
  );
  return true;
}

/**
 * Parsed rows → typed, validated Inputs. Each row goes through its file's zod schema; rows that pass are
 * then checked against each other and against the other files (unique ids, parents and levels, cycles,
 * slugs, term overlaps, unit existence, duplicate periods). Every problem of every file is collected; a
 * row with an error is left out of the typed output, and the run goes on so later checks still report.
 * All cross-row checks go through Maps keyed by id: linear in the number of rows.
 * Two entry points, same checks: Validator takes rows as the parser streams them (loadInputs), validate()
 * takes tables already parsed whole (tests, small data).
 */
import type { z } from 'zod';
import { DEFAULT_TERMS, parsePeriod } from '../periods.ts';
import { LEVEL_RANK } from '../types.ts';
import type { AdmissionRow, CleanTable, Diagnostic, Inputs, MemberRow, Period, Term, TargetRow, TrainingRow, Unit } from '../types.ts';
import type { RawRow, RawTable, RowSink } from '../ingest/parse.ts';
import { exactCopy } from '../ingest/parse.ts';
import { DATA_FILES, dataFileName } from '../ingest/folder.ts';
import type { DataFileName } from '../ingest/folder.ts';
import { FILE_COLUMNS, mapColumns, closest, editDistance } from './columns.ts';
import type { ColumnMap } from './columns.ts';
import { admissionSchema, memberSchema, targetSchema, termSchema, trainingSchema, unitSchema } from './rows.ts';
import type { AdmissionInput, MemberInput, TargetInput, TermInput, TrainingInput, UnitInput } from './rows.ts';
import { Invalid, periodField, requiredDate, slugFromName, unitRef, yearOrTermField } from './values.ts';
import { rowBuilder } from './shape.ts';

export interface ValidateOptions {
  /** Terms used when terms.csv is absent (the spec's defaults unless given). */
  defaultTerms?: readonly Term[];
}

const LEVEL_VI: Record<Unit['level'], string> = { province: 'tỉnh', district: 'huyện', grassroots: 'cơ sở', branch: 'chi bộ' };

/** A row that passed its schema, with where it came from. */
interface Accepted<T> {
  value: T;
  row: RawRow;
}

/** One file being validated: its header, column map, and the diagnostics helper that knows both. */
class FileCheck {
  readonly file: string;
  readonly name: DataFileName;
  readonly header: string[];
  readonly cols: ColumnMap;
  readonly out: Diagnostic[];
  /** Rows held until the whole file is read (units.csv, terms.csv: their checks need every row). */
  readonly rows: RawRow[] = [];
  /** Rows that made it into the typed output, with the named columns as written, for re-publishing. */
  private readonly kept: RawRow[] = [];
  private keptInOrder = true;
  private readonly toObject: (cells: readonly string[]) => Record<string, string>;
  private readonly unnamedReported = new Set<number>();
  private readonly identity: boolean;

  constructor(file: string, name: DataFileName, header: string[], headerLine: number, out: Diagnostic[]) {
    this.file = file;
    this.name = name;
    this.header = header;
    this.out = out;
    this.cols = mapColumns(header, headerLine, file, name);
    out.push(...this.cols.diagnostics);
    this.toObject = rowBuilder(FILE_COLUMNS[name].known.map((f) => [f, this.cols.index.get(f)] as const));
    this.identity = this.cols.keep.length === header.length && this.cols.keep.every((c, i) => c === i);
  }

  /** An error at a row, in a column (by its known lower-case name) when given. */
  error(row: RawRow, field: string | undefined, message: string): void {
    const d: Diagnostic = { severity: 'error', file: this.file, line: row.line, message };
    const idx = field === undefined ? undefined : this.cols.index.get(field);
    if (idx !== undefined) {
      d.column = this.header[idx] ?? field;
      d.columnNumber = idx + 1;
      d.value = row.cells[idx] ?? '';
    } else if (field !== undefined) {
      d.column = field;
    }
    this.out.push(d);
  }

  /** Runs the schema on one row: its typed value, or undefined once its errors are reported. */
  parse<S extends z.ZodType>(schema: S, row: RawRow): z.output<S> | undefined {
    if (this.cols.unnamed.length > 0) this.checkUnnamed(row);
    const res = schema.safeParse(this.toObject(row.cells));
    if (res.success) return res.data;
    for (const issue of res.error.issues) {
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      // A missing required column is reported once for the header, not once per row.
      if (field !== undefined && this.cols.missing.has(field)) continue;
      this.error(row, field, issue.message);
    }
    return undefined;
  }

  /** Runs the schema on every held row; `use` gets each row that passes. */
  run<S extends z.ZodType>(schema: S, use: (value: z.output<S>, row: RawRow) => void): void {
    for (const row of this.rows) {
      const v = this.parse(schema, row);
      if (v !== undefined) use(v, row);
    }
  }

  /** Marks a row as part of the output: a copy of its named cells goes to the re-published table. */
  keep(row: RawRow): void {
    const cells = this.identity && row.cells.length === this.header.length ? exactCopy(row.cells) : this.cols.keep.map((i) => row.cells[i] ?? '');
    const last = this.kept[this.kept.length - 1];
    if (last !== undefined && last.line > row.line) this.keptInOrder = false;
    this.kept.push({ line: row.line, cells });
  }

  /** The rows that passed every check, in file order, with the named columns as written. */
  clean(): CleanTable {
    if (!this.keptInOrder) this.kept.sort((a, b) => a.line - b.line);
    return { file: this.name, columns: this.cols.keep.map((i) => this.header[i] ?? ''), rows: this.kept.map((r) => r.cells) };
  }

  /** Data under a column without a name would be lost: reported once per column. */
  private checkUnnamed(row: RawRow): void {
    for (const i of this.cols.unnamed) {
      if (this.unnamedReported.has(i) || (row.cells[i] ?? '') === '') continue;
      this.unnamedReported.add(i);
      this.out.push({
        severity: 'error',
        file: this.file,
        line: row.line,
        columnNumber: i + 1,
        value: row.cells[i],
        message: `Ô này nằm ở cột thứ ${i + 1} nhưng cột đó không có tên ở dòng tiêu đề. Đặt tên cột, hoặc xoá dữ liệu thừa.`,
      });
    }
  }
}

/** The order files are validated in: periods need the terms, every other file needs the units. */
export const VALIDATION_ORDER: readonly DataFileName[] = ['terms.csv', 'units.csv', 'admissions.csv', 'targets.csv', 'training.csv', 'members.csv'];

/**
 * Validates the files of one folder as they are parsed. Feed the files in VALIDATION_ORDER: for each,
 * parse into `sink(name, file)` (see parseRows), then call `end(name)`; finally `finish()`.
 * terms.csv and units.csv are held and checked whole at their end; the rows of the other files are
 * checked one by one as they arrive and only what passes is kept, so half a million rows never sit in
 * memory twice.
 */
export class Validator {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly checks = new Map<DataFileName, FileCheck>();
  private readonly defaultTerms: readonly Term[];
  private settled = false;
  private terms: Term[] = [];
  private termsById = new Map<string, Term>();
  private brokenTerms = new Set<string>();
  private units: Unit[] | undefined;
  private unitRefs = new UnitRefs(undefined);
  private readonly admissions: AdmissionRow[] = [];
  private readonly targets: TargetRow[] = [];
  private readonly training: TrainingRow[] = [];
  private readonly members: MemberRow[] = [];

  constructor(opts: ValidateOptions = {}) {
    this.defaultTerms = opts.defaultTerms ?? DEFAULT_TERMS;
  }

  /** Where the parser sends the rows of one file (`file`: the name as found in the folder). */
  sink(name: DataFileName, file: string): RowSink {
    const held = name === 'terms.csv' || name === 'units.csv';
    if (held && this.settled) throw new Error(`${name} phải được kiểm tra trước các tệp số liệu (VALIDATION_ORDER).`);
    if (!held) this.settle();
    let take: ((row: RawRow) => void) | undefined;
    return {
      header: (cells, line) => {
        const check = new FileCheck(file, name, exactCopy(cells), line, this.diagnostics);
        this.checks.set(name, check);
        take = held ? (row) => check.rows.push({ line: row.line, cells: exactCopy(row.cells) }) : this.rowChecker(name, check);
      },
      row: (line, cells) => take?.({ line, cells }),
    };
  }

  /** After the last row of a file. */
  end(name: DataFileName): void {
    if (name === 'units.csv') this.settle();
  }

  finish(): Inputs {
    this.settle();
    const tables: CleanTable[] = [];
    for (const name of DATA_FILES) {
      const check = this.checks.get(name);
      if (check) tables.push(check.clean());
    }
    return {
      units: this.units ?? [],
      terms: this.terms,
      admissions: this.admissions,
      targets: this.targets,
      training: this.training,
      members: this.members,
      tables,
      diagnostics: sortDiagnostics(this.diagnostics),
    };
  }

  /** Checks terms.csv and units.csv as wholes (once): the other files are checked against them. */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const termsCheck = this.checks.get('terms.csv');
    this.terms = checkTerms(termsCheck, this.defaultTerms);
    this.termsById = new Map(this.terms.map((t) => [t.id, t] as const));
    this.brokenTerms = writtenIds(termsCheck, 'id');
    for (const t of this.terms) this.brokenTerms.delete(t.id);
    const unitsCheck = this.checks.get('units.csv');
    // Without an id column (missing, or the whole header misread) there is nothing to check references against.
    const result = unitsCheck?.cols.index.has('id') ? checkUnits(unitsCheck) : undefined;
    this.units = result?.units;
    this.unitRefs = new UnitRefs(result);
    // The held rows are no longer needed: only the kept copies are.
    termsCheck?.rows.splice(0);
    unitsCheck?.rows.splice(0);
  }

  private rowChecker(name: DataFileName, check: FileCheck): (row: RawRow) => void {
    const { termsById, brokenTerms, unitRefs } = this;
    const file = check.file;
    switch (name) {
      case 'admissions.csv': {
        const period = periodField(termsById, brokenTerms);
        return keyedChecker(check, admissionSchema(termsById, brokenTerms), unitRefs, {
          field: 'period',
          unitId: (v) => v.unit_id,
          key: (v) => periodKey(v.period),
          text: (v) => v.period.text,
          keyCell: (cell) => keyOfPeriod(period(cell)),
          what: (unitId, text) => `kỳ ${text} của đơn vị ${unitId}`,
          per: 'kỳ',
          add: (v, row) => this.admissions.push(toAdmission(v, file, row.line)),
        });
      }
      case 'targets.csv': {
        const period = yearOrTermField(termsById, brokenTerms);
        return keyedChecker(check, targetSchema(termsById, brokenTerms), unitRefs, {
          field: 'period',
          unitId: (v) => v.unit_id,
          key: (v) => periodKey(v.period),
          text: (v) => v.period.text,
          keyCell: (cell) => keyOfPeriod(period(cell)),
          what: (unitId, text) => `chỉ tiêu kỳ ${text} của đơn vị ${unitId}`,
          per: 'kỳ',
          add: (v, row) => this.targets.push(toTarget(v, file, row.line)),
        });
      }
      case 'training.csv': {
        const period = periodField(termsById, brokenTerms);
        return keyedChecker(check, trainingSchema(termsById, brokenTerms), unitRefs, {
          field: 'period',
          unitId: (v) => v.unit_id,
          key: (v) => periodKey(v.period),
          text: (v) => v.period.text,
          keyCell: (cell) => keyOfPeriod(period(cell)),
          what: (unitId, text) => `kỳ ${text} của đơn vị ${unitId}`,
          per: 'kỳ',
          add: (v, row) => this.training.push(toTraining(v, file, row.line)),
        });
      }
      case 'members.csv':
        return keyedChecker(check, memberSchema, unitRefs, {
          field: 'as_of',
          unitId: (v) => v.unit_id,
          key: (v) => dateKey(v.as_of),
          text: (v) => v.as_of,
          keyCell: (cell) => {
            const d = requiredDate(cell);
            return d instanceof Invalid ? undefined : { key: dateKey(d), text: d };
          },
          what: (unitId, text) => `số liệu ngày ${text} của đơn vị ${unitId}`,
          per: 'ngày',
          add: (v, row) => this.members.push(toMember(v, file, row.line)),
        });
      default:
        throw new Error(`${name}: not a file of rows keyed by unit`);
    }
  }
}

/** Validates tables already parsed whole (tests, small data): the same checks as loadInputs' streaming. */
export function validate(tables: readonly RawTable[], opts: ValidateOptions = {}): Inputs {
  const byName = new Map<DataFileName, RawTable>();
  for (const t of tables) {
    const name = dataFileName(t.file);
    if (name && !byName.has(name)) byName.set(name, t);
  }
  const v = new Validator(opts);
  for (const name of VALIDATION_ORDER) {
    const t = byName.get(name);
    if (!t) continue;
    const sink = v.sink(name, t.file);
    if (t.headerLine > 0) {
      sink.header(t.header, t.headerLine);
      for (const row of t.rows) sink.row(row.line, row.cells);
    }
    v.end(name);
  }
  return v.finish();
}

/** The first line seen per unit and numeric key (a period's months, or a date): no string built per row. */
type Seen = Map<string, Map<number, number>>;

const periodKey = (p: Period) => p.from * 4096 + (p.to - p.from);
/** `2020-12-31` → 20201231, from the digits directly (no substrings on every row). */
function dateKey(iso: string): number {
  let n = 0;
  for (let i = 0; i < iso.length; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) n = n * 10 + d;
  }
  return n;
}
const keyOfPeriod = (p: Period | Invalid) => (p instanceof Invalid ? undefined : { key: periodKey(p), text: p.text });

interface KeyedSpec<T> {
  /** The column that, with unit_id, must be unique (`period`, `as_of`). */
  field: string;
  unitId: (v: T) => string;
  key: (v: T) => number;
  text: (v: T) => string;
  /** The same key read straight from the cell, for a row that failed on some other column. */
  keyCell: (cell: string) => { key: number; text: string } | undefined;
  what: (unitId: string, text: string) => string;
  /** `kỳ` or `ngày`, for the duplicate message. */
  per: string;
  add: (v: T, row: RawRow) => void;
}

/**
 * The files of rows keyed by unit and period (or date): each row through the schema, then the unit must
 * exist and the key be unique. A row that failed on another column is still checked for its unit and its
 * key, so one run reports every problem (and a later duplicate of it is still found).
 */
function keyedChecker<S extends z.ZodType>(check: FileCheck, schema: S, unitRefs: UnitRefs, spec: KeyedSpec<z.output<S>>): (row: RawRow) => void {
  const seen: Seen = new Map();
  const unitIdx = check.cols.index.get('unit_id');
  const keyIdx = check.cols.index.get(spec.field);
  return (row) => {
    const v = check.parse(schema, row);
    if (v !== undefined) {
      const unitId = spec.unitId(v);
      if (!unitRefs.check(check, row, unitId)) return;
      if (duplicate(check, seen, unitId, spec.key(v), row, spec.field, () => spec.what(unitId, spec.text(v)), spec.per)) return;
      spec.add(v, row);
      check.keep(row);
      return;
    }
    if (unitIdx === undefined || keyIdx === undefined) return;
    const unitId = unitRef(row.cells[unitIdx] ?? '');
    const k = spec.keyCell(row.cells[keyIdx] ?? '');
    if (unitId instanceof Invalid || k === undefined) return;
    unitRefs.check(check, row, unitId);
    duplicate(check, seen, unitId, k.key, row, spec.field, () => spec.what(unitId, k.text), spec.per);
  };
}

/** Reports a second row with the same unit and key (naming the first row's line); true when `row` is the duplicate. */
function duplicate(check: FileCheck, seen: Seen, unitId: string, key: number, row: RawRow, field: string, what: () => string, per: string): boolean {
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
  check.error(row, field, `Trùng dòng: ${what()} đã có ở dòng ${first} (dòng ${first} và dòng ${row.line}). Mỗi đơn vị chỉ có một dòng cho mỗi ${per}; xoá hoặc gộp một trong hai dòng.`);
  return true;
}

/* ---------- terms.csv ---------- */

/** Every non-empty value written in a column, whatever else is wrong with its row. */
function writtenIds(check: FileCheck | undefined, field: string): Set<string> {
  const out = new Set<string>();
  const idx = check?.cols.index.get(field);
  if (check && idx !== undefined) for (const row of check.rows) if (row.cells[idx]) out.add(row.cells[idx]);
  return out;
}

function checkTerms(check: FileCheck | undefined, defaults: readonly Term[]): Term[] {
  if (!check) return defaults.map((t) => ({ ...t }));
  const seen = new Map<string, RawRow>();
  const candidates: { term: Term; row: RawRow }[] = [];
  check.run(termSchema, (v, row) => {
    if (typeof parsePeriod(v.id, new Map()) !== 'string') {
      check.error(row, 'id', 'Mã nhiệm kỳ trùng dạng với một năm hoặc tháng (YYYY, YYYY-MM, YYYY-MM..YYYY-MM) nên cột period không phân biệt được: dùng mã như 2020-2025.');
      return;
    }
    const first = seen.get(v.id);
    if (first) {
      check.error(row, 'id', `Trùng mã nhiệm kỳ: ${v.id} đã có ở dòng ${first.line} (dòng ${first.line} và dòng ${row.line}). Mỗi nhiệm kỳ cần một mã riêng.`);
      return;
    }
    seen.set(v.id, row);
    candidates.push({ term: toTerm(v), row }); // kept below, once overlaps are known
  });
  // Overlap: sorted by start, each term must begin after every earlier one has ended.
  candidates.sort((a, b) => a.term.from - b.term.from || a.row.line - b.row.line);
  const terms: Term[] = [];
  let last: { term: Term; row: RawRow } | undefined;
  for (const c of candidates) {
    if (last && c.term.from <= last.term.to) {
      check.error(
        c.row,
        'from',
        `Nhiệm kỳ ${c.term.id} chồng lên nhiệm kỳ ${last.term.id} (dòng ${last.row.line}): các nhiệm kỳ không được trùng tháng nào; nhiệm kỳ sau phải bắt đầu sau tháng kết thúc của nhiệm kỳ trước.`,
      );
      continue;
    }
    last = c;
    terms.push(c.term);
    check.keep(c.row);
  }
  return terms;
}

function toTerm(v: TermInput): Term {
  return { id: v.id, name: v.name ?? `Nhiệm kỳ ${v.id.replace('-', '–')}`, from: v.from, to: v.to };
}

/* ---------- units.csv ---------- */

function checkUnits(check: FileCheck): { units: Unit[]; written: IdSuggester } {
  const file = check.file;
  const idIdx = check.cols.index.get('id');
  // Every id written in the file, even on rows with other errors: a child of a broken unit is not "orphaned",
  // and a duplicate id is reported whatever else is wrong with either row.
  const written = new Map<string, RawRow>();
  const duplicates = new Set<RawRow>();
  if (idIdx !== undefined) {
    for (const row of check.rows) {
      const id = row.cells[idIdx] ?? '';
      if (id === '') continue;
      const first = written.get(id);
      if (first === undefined) written.set(id, row);
      else {
        duplicates.add(row);
        check.error(row, 'id', `Trùng mã đơn vị: mã ${id} đã dùng ở dòng ${first.line} (dòng ${first.line} và dòng ${row.line}). Mỗi đơn vị cần một mã riêng.`);
      }
    }
  }
  const ids = new IdSuggester(written.keys());
  const accepted = new Map<string, Accepted<UnitInput>>();
  check.run(unitSchema, (value, row) => {
    if (!duplicates.has(row)) accepted.set(value.id, { value, row }); // kept below, once parents and slugs are checked
  });

  // Cycles first (a cycle always breaks the level rule too; one message that names the loop is clearer).
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
      const message =
        loop.length === 1
          ? `Đơn vị ${id} ghi cấp trên là chính nó: parent_id phải là mã của một đơn vị cấp cao hơn.`
          : `Vòng lặp cấp trên: ${loop.map((u) => `${u} (dòng ${accepted.get(u)!.row.line})`).join(' → ')} → ${loop[0]}. Một đơn vị không thể nằm dưới chính nó; sửa parent_id của một trong các dòng này.`;
      check.error(firstRow, 'parent_id', message);
    }
    for (const u of path) state.set(u, 2);
  }

  const bad = new Set<string>(inCycle);
  for (const [id, { value: u, row }] of accepted) {
    if (inCycle.has(id) || u.parent_id === undefined) continue;
    const parent = accepted.get(u.parent_id);
    if (!parent) {
      if (!written.has(u.parent_id)) {
        check.error(row, 'parent_id', `Không có đơn vị mã ${u.parent_id} trong ${file}${ids.hint(u.parent_id)}. parent_id phải là mã (cột id) của một đơn vị cấp trên có trong tệp.`);
      }
      bad.add(id);
      continue;
    }
    if (LEVEL_RANK[parent.value.level] >= LEVEL_RANK[u.level]) {
      check.error(
        row,
        'parent_id',
        `Cấp trên ${u.parent_id} (dòng ${parent.row.line}) là cấp ${LEVEL_VI[parent.value.level]}, không cao hơn cấp ${LEVEL_VI[u.level]} của đơn vị này: cấp trên phải là cấp cao hơn (tỉnh > huyện > cơ sở > chi bộ).`,
      );
      bad.add(id);
    }
  }

  // Slugs: given or derived; unique across all units.
  const slugs = new Map<string, Accepted<UnitInput>>();
  const slugOf = new Map<string, string>();
  for (const [id, a] of accepted) {
    const u = a.value;
    const slug = u.slug ?? slugFromName(u.short_name ?? u.name);
    const from = u.slug !== undefined ? 'slug' : u.short_name !== undefined ? 'short_name' : 'name';
    if (slug === '') {
      check.error(a.row, from, 'Không tạo được slug (đoạn địa chỉ trang) từ tên này: ghi slug trong cột slug, chỉ gồm chữ thường không dấu, chữ số và gạch ngang.');
      bad.add(id);
      continue;
    }
    const other = slugs.get(slug);
    if (other) {
      check.error(
        a.row,
        from,
        `Slug ${slug} trùng với đơn vị ${other.value.id} ở dòng ${other.row.line} (dòng ${other.row.line} và dòng ${a.row.line}): hai đơn vị không được có cùng địa chỉ trang. Ghi slug khác cho một đơn vị${check.cols.index.has('slug') ? '' : ' (thêm cột slug)'}.`,
      );
      bad.add(id);
      continue;
    }
    slugs.set(slug, a);
    slugOf.set(id, slug);
  }

  // A unit is kept when it and all its ancestors are; depth is bounded by the four levels.
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

/** The ids written in units.csv, and a "did you mean" for an id that is not among them. */
class IdSuggester {
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
    if (sameLetters !== undefined) hint = ` (mã phân biệt chữ hoa, chữ thường: có phải ý bạn là ${sameLetters}?)`;
    else if (this.budget > 0 && this.ids.size > 0) {
      this.budget -= this.ids.size;
      const best = closest(id, [...this.ids]);
      // Only a near miss is worth naming: one edit in a short id, about a third of a long one.
      if (editDistance(id, best) <= Math.max(1, Math.floor(id.length / 3))) hint = ` (có phải ý bạn là ${best}?)`;
    }
    this.cache.set(id, hint);
    return hint;
  }
}

/** Unit references from the other files: must exist in units.csv. */
class UnitRefs {
  private readonly valid: Set<string> | undefined;
  private readonly written: IdSuggester | undefined;

  constructor(units: { units: Unit[]; written: IdSuggester } | undefined) {
    this.valid = units ? new Set(units.units.map((u) => u.id)) : undefined;
    this.written = units?.written;
  }

  /** True when the row may be used; reports an unknown unit. Rows of units left out for their own errors are dropped silently. */
  check(check: FileCheck, row: RawRow, unitId: string): boolean {
    if (!this.valid || !this.written) return true; // units.csv missing: already reported, nothing to compare with
    if (this.valid.has(unitId)) return true;
    if (this.written.has(unitId)) return false;
    check.error(row, 'unit_id', `Không có đơn vị mã ${unitId} trong units.csv${this.written.hint(unitId)}. unit_id phải là một mã trong cột id của units.csv.`);
    return false;
  }
}

/* ---------- typed rows ---------- */

// Typed rows are built as one literal with every field (undefined when unknown): one allocation, and one
// object shape per file, which keeps the model's loops over half a million rows monomorphic.

function toAdmission(v: AdmissionInput, file: string, line: number): AdmissionRow {
  return {
    unitId: v.unit_id,
    period: v.period,
    admitted: v.admitted,
    youth: v.youth,
    women: v.women,
    ethnicMinority: v.ethnic_minority,
    college: v.college,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

function toTarget(v: TargetInput, file: string, line: number): TargetRow {
  return { unitId: v.unit_id, period: v.period, target: v.target, source: v.source, note: v.note, origin: { file, line } };
}

function toTraining(v: TrainingInput, file: string, line: number): TrainingRow {
  return {
    unitId: v.unit_id,
    period: v.period,
    classes: v.classes,
    trainees: v.trainees,
    dossiers: v.dossiers,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

function toMember(v: MemberInput, file: string, line: number): MemberRow {
  return {
    unitId: v.unit_id,
    asOf: v.as_of,
    members: v.members,
    probationary: v.probationary,
    women: v.women,
    ethnicMinority: v.ethnic_minority,
    grassrootsOrgs: v.grassroots_orgs,
    branches: v.branches,
    villages: v.villages,
    villagesWithBranch: v.villages_with_branch,
    villagesWithoutMembers: v.villages_without_members,
    source: v.source,
    note: v.note,
    origin: { file, line },
  };
}

/** Folder-level first, then by file (contract order), line, column. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const order = (f: string) => {
    const name = dataFileName(f);
    return name ? DATA_FILES.indexOf(name) : -1;
  };
  return list
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        order(a.d.file) - order(b.d.file) ||
        (a.d.line ?? 0) - (b.d.line ?? 0) ||
        (a.d.columnNumber ?? 0) - (b.d.columnNumber ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.d);
}

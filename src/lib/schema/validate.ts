/**
 * Parsed tables → typed, validated Inputs. Each row goes through its file's zod schema; rows that pass are
 * then checked against each other and against the other files (unique ids, parents and levels, cycles,
 * slugs, term overlaps, unit existence, duplicate periods). Every problem of every file is collected; a
 * row with an error is left out of the typed output, and the run goes on so later checks still report.
 * All cross-row checks go through Maps keyed by id: linear in the number of rows.
 */
import type { z } from 'zod';
import { DEFAULT_TERMS, parsePeriod } from '../periods.ts';
import { LEVEL_RANK } from '../types.ts';
import type { AdmissionRow, CleanTable, Diagnostic, Inputs, MemberRow, Period, Term, TargetRow, TrainingRow, Unit } from '../types.ts';
import type { RawRow, RawTable } from '../ingest/parse.ts';
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
  index: number;
}

/** One file being validated: its table, column map, and the diagnostics helper that knows both. */
class FileCheck {
  readonly table: RawTable;
  readonly name: DataFileName;
  readonly cols: ColumnMap;
  readonly out: Diagnostic[];
  /** 1 for each row (by index) that made it into the typed output, for the re-published clean table. */
  readonly kept: Uint8Array;

  constructor(table: RawTable, name: DataFileName, out: Diagnostic[]) {
    this.table = table;
    this.name = name;
    this.out = out;
    this.cols = mapColumns(table, name);
    this.kept = new Uint8Array(table.rows.length);
    out.push(...this.cols.diagnostics);
  }

  /** An error at a row, in a column (by its known lower-case name) when given. */
  error(row: RawRow, field: string | undefined, message: string): void {
    const d: Diagnostic = { severity: 'error', file: this.table.file, line: row.line, message };
    const idx = field === undefined ? undefined : this.cols.index.get(field);
    if (idx !== undefined) {
      d.column = this.table.header[idx] ?? field;
      d.columnNumber = idx + 1;
      d.value = row.cells[idx] ?? '';
    } else if (field !== undefined) {
      d.column = field;
    }
    this.out.push(d);
  }

  /**
   * Runs the schema on every row and hands each row that passes to `use`, which returns whether the row
   * is kept in the output. Streaming (rather than collecting the parsed rows first) keeps short-lived
   * objects short-lived: on 500 000 rows that halves the garbage collector's work.
   */
  run<S extends z.ZodType>(schema: S, use: (value: z.output<S>, row: RawRow, index: number) => boolean, onInvalid?: (row: RawRow) => void): void {
    const toObject = rowBuilder(FILE_COLUMNS[this.name].known.map((f) => [f, this.cols.index.get(f)] as const));
    const rows = this.table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const res = schema.safeParse(toObject(row.cells));
      if (res.success) {
        if (use(res.data, row, r)) this.kept[r] = 1;
        continue;
      }
      for (const issue of res.error.issues) {
        const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
        // A missing required column is reported once for the header, not once per row.
        if (field !== undefined && this.cols.missing.has(field)) continue;
        this.error(row, field, issue.message);
      }
      onInvalid?.(row);
    }
  }

  /** The rows that passed every check, with the named columns as written, for re-publishing. */
  clean(): CleanTable {
    const keep = this.cols.keep;
    const width = this.table.header.length;
    const identity = keep.length === width && keep.every((c, i) => c === i);
    const rows: string[][] = [];
    this.table.rows.forEach((row, r) => {
      if (this.kept[r] !== 1) return;
      // The common case (no unnamed columns, no short rows) shares the parsed cells instead of copying them.
      rows.push(identity && row.cells.length === width ? row.cells : keep.map((i) => row.cells[i] ?? ''));
    });
    return { file: this.name, columns: keep.map((i) => this.table.header[i] ?? ''), rows };
  }
}

export function validate(tables: readonly RawTable[], opts: ValidateOptions = {}): Inputs {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<DataFileName, FileCheck>();
  for (const t of tables) {
    const name = dataFileName(t.file);
    if (name && !byName.has(name)) byName.set(name, new FileCheck(t, name, diagnostics));
  }

  const terms = checkTerms(byName.get('terms.csv'), opts.defaultTerms ?? DEFAULT_TERMS);
  const termsById = new Map(terms.map((t) => [t.id, t] as const));
  const unitsCheck = byName.get('units.csv');
  const unitsResult = unitsCheck ? checkUnits(unitsCheck) : undefined;
  const units = unitsResult?.units;
  const unitRefs = new UnitRefs(unitsResult);

  const admissions: AdmissionRow[] = [];
  const admissionsCheck = byName.get('admissions.csv');
  if (admissionsCheck) {
    const period = periodField(termsById);
    checkKeyed(admissionsCheck, admissionSchema(termsById), unitRefs, {
      field: 'period',
      key: (v) => ({ unitId: v.unit_id, key: periodKey(v.period), text: v.period.text }),
      keyCell: (cell) => keyOfPeriod(period(cell)),
      what: (unitId, text) => `kỳ ${text} của đơn vị ${unitId}`,
      per: 'kỳ',
      add: (v, row) => admissions.push(toAdmission(v, admissionsCheck.table.file, row.line)),
    });
  }

  const targets: TargetRow[] = [];
  const targetsCheck = byName.get('targets.csv');
  if (targetsCheck) {
    const period = yearOrTermField(termsById);
    checkKeyed(targetsCheck, targetSchema(termsById), unitRefs, {
      field: 'period',
      key: (v) => ({ unitId: v.unit_id, key: periodKey(v.period), text: v.period.text }),
      keyCell: (cell) => keyOfPeriod(period(cell)),
      what: (unitId, text) => `chỉ tiêu kỳ ${text} của đơn vị ${unitId}`,
      per: 'kỳ',
      add: (v, row) => targets.push(toTarget(v, targetsCheck.table.file, row.line)),
    });
  }

  const training: TrainingRow[] = [];
  const trainingCheck = byName.get('training.csv');
  if (trainingCheck) {
    const period = periodField(termsById);
    checkKeyed(trainingCheck, trainingSchema(termsById), unitRefs, {
      field: 'period',
      key: (v) => ({ unitId: v.unit_id, key: periodKey(v.period), text: v.period.text }),
      keyCell: (cell) => keyOfPeriod(period(cell)),
      what: (unitId, text) => `kỳ ${text} của đơn vị ${unitId}`,
      per: 'kỳ',
      add: (v, row) => training.push(toTraining(v, trainingCheck.table.file, row.line)),
    });
  }

  const members: MemberRow[] = [];
  const membersCheck = byName.get('members.csv');
  if (membersCheck) {
    checkKeyed(membersCheck, memberSchema, unitRefs, {
      field: 'as_of',
      key: (v) => ({ unitId: v.unit_id, key: dateKey(v.as_of), text: v.as_of }),
      keyCell: (cell) => {
        const d = requiredDate(cell);
        return d instanceof Invalid ? undefined : { key: dateKey(d), text: d };
      },
      what: (unitId, text) => `số liệu ngày ${text} của đơn vị ${unitId}`,
      per: 'ngày',
      add: (v, row) => members.push(toMember(v, membersCheck.table.file, row.line)),
    });
  }

  const tablesOut: CleanTable[] = [];
  for (const name of DATA_FILES) {
    const check = byName.get(name);
    if (check) tablesOut.push(check.clean());
  }

  return {
    units: units ?? [],
    terms,
    admissions,
    targets,
    training,
    members,
    tables: tablesOut,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** Rows seen so far per unit and numeric key (a period's months, or a date): no string built per row. */
type Seen = Map<string, Map<number, RawRow>>;

const periodKey = (p: Period) => p.from * 4096 + (p.to - p.from);
const dateKey = (iso: string) => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
const keyOfPeriod = (p: Period | Invalid) => (p instanceof Invalid ? undefined : { key: periodKey(p), text: p.text });

interface KeyedSpec<T> {
  /** The column that, with unit_id, must be unique (`period`, `as_of`). */
  field: string;
  key: (v: T) => { unitId: string; key: number; text: string };
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
function checkKeyed<S extends z.ZodType>(check: FileCheck, schema: S, unitRefs: UnitRefs, spec: KeyedSpec<z.output<S>>): void {
  const seen: Seen = new Map();
  const unitIdx = check.cols.index.get('unit_id');
  const keyIdx = check.cols.index.get(spec.field);
  check.run(
    schema,
    (v, row) => {
      const k = spec.key(v);
      if (!unitRefs.check(check, row, k.unitId)) return false;
      if (duplicate(check, seen, k.unitId, k.key, row, spec.field, () => spec.what(k.unitId, k.text), spec.per)) return false;
      spec.add(v, row);
      return true;
    },
    (row) => {
      if (unitIdx === undefined || keyIdx === undefined) return;
      const unitId = unitRef(row.cells[unitIdx] ?? '');
      const k = spec.keyCell(row.cells[keyIdx] ?? '');
      if (unitId instanceof Invalid || k === undefined) return;
      unitRefs.check(check, row, unitId);
      duplicate(check, seen, unitId, k.key, row, spec.field, () => spec.what(unitId, k.text), spec.per);
    },
  );
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
    byKey.set(key, row);
    return false;
  }
  check.error(row, field, `Trùng dòng: ${what()} đã có ở dòng ${first.line} (dòng ${first.line} và dòng ${row.line}). Mỗi đơn vị chỉ có một dòng cho mỗi ${per}; xoá hoặc gộp một trong hai dòng.`);
  return true;
}

/* ---------- terms.csv ---------- */

function checkTerms(check: FileCheck | undefined, defaults: readonly Term[]): Term[] {
  if (!check) return defaults.map((t) => ({ ...t }));
  const seen = new Map<string, RawRow>();
  const candidates: { term: Term; row: RawRow; index: number }[] = [];
  check.run(termSchema, (v, row, index) => {
    if (typeof parsePeriod(v.id, new Map()) !== 'string') {
      check.error(row, 'id', 'Mã nhiệm kỳ trùng dạng với một năm hoặc tháng (YYYY, YYYY-MM, YYYY-MM..YYYY-MM) nên cột period không phân biệt được: dùng mã như 2020-2025.');
      return false;
    }
    const first = seen.get(v.id);
    if (first) {
      check.error(row, 'id', `Trùng mã nhiệm kỳ: ${v.id} đã có ở dòng ${first.line} (dòng ${first.line} và dòng ${row.line}). Mỗi nhiệm kỳ cần một mã riêng.`);
      return false;
    }
    seen.set(v.id, row);
    candidates.push({ term: toTerm(v), row, index });
    return false; // kept below, once overlaps are known
  });
  // Overlap: sorted by start, each term must begin after every earlier one has ended.
  candidates.sort((a, b) => a.term.from - b.term.from || a.row.line - b.row.line);
  const terms: Term[] = [];
  let last: { term: Term; row: RawRow; index: number } | undefined;
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
    check.kept[c.index] = 1;
  }
  return terms;
}

function toTerm(v: TermInput): Term {
  return { id: v.id, name: v.name ?? `Nhiệm kỳ ${v.id.replace('-', '–')}`, from: v.from, to: v.to };
}

/* ---------- units.csv ---------- */

function checkUnits(check: FileCheck): { units: Unit[]; written: IdSuggester } {
  const file = check.table.file;
  const idIdx = check.cols.index.get('id');
  // Every id written in the file, even on rows with other errors: a child of a broken unit is not "orphaned",
  // and a duplicate id is reported whatever else is wrong with either row.
  const written = new Map<string, RawRow>();
  const duplicates = new Set<RawRow>();
  if (idIdx !== undefined) {
    for (const row of check.table.rows) {
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
  check.run(unitSchema, (value, row, index) => {
    if (!duplicates.has(row)) accepted.set(value.id, { value, row, index });
    return false; // kept below, once parents and slugs are checked
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
  for (const [id, { value: u, row, index }] of accepted) {
    if (!isOk(id)) continue;
    check.kept[index] = 1;
    const unit: Unit = { id, name: u.name, label: u.short_name ?? u.name, level: u.level, slug: slugOf.get(id)!, origin: { file, line: row.line } };
    if (u.short_name !== undefined) unit.shortName = u.short_name;
    if (u.parent_id !== undefined) unit.parentId = u.parent_id;
    if (u.kind !== undefined) unit.kind = u.kind;
    if (u.active_from !== undefined) unit.activeFrom = u.active_from;
    if (u.active_to !== undefined) unit.activeTo = u.active_to;
    if (u.note !== undefined) unit.note = u.note;
    units.push(unit);
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

function toAdmission(v: AdmissionInput, file: string, line: number): AdmissionRow {
  const r: AdmissionRow = { unitId: v.unit_id, period: v.period, admitted: v.admitted, origin: { file, line } };
  if (v.youth !== undefined) r.youth = v.youth;
  if (v.women !== undefined) r.women = v.women;
  if (v.ethnic_minority !== undefined) r.ethnicMinority = v.ethnic_minority;
  if (v.college !== undefined) r.college = v.college;
  if (v.source !== undefined) r.source = v.source;
  if (v.note !== undefined) r.note = v.note;
  return r;
}

function toTarget(v: TargetInput, file: string, line: number): TargetRow {
  const r: TargetRow = { unitId: v.unit_id, period: v.period, target: v.target, origin: { file, line } };
  if (v.source !== undefined) r.source = v.source;
  if (v.note !== undefined) r.note = v.note;
  return r;
}

function toTraining(v: TrainingInput, file: string, line: number): TrainingRow {
  const r: TrainingRow = { unitId: v.unit_id, period: v.period, origin: { file, line } };
  if (v.classes !== undefined) r.classes = v.classes;
  if (v.trainees !== undefined) r.trainees = v.trainees;
  if (v.dossiers !== undefined) r.dossiers = v.dossiers;
  if (v.source !== undefined) r.source = v.source;
  if (v.note !== undefined) r.note = v.note;
  return r;
}

function toMember(v: MemberInput, file: string, line: number): MemberRow {
  const r: MemberRow = { unitId: v.unit_id, asOf: v.as_of, origin: { file, line } };
  if (v.members !== undefined) r.members = v.members;
  if (v.probationary !== undefined) r.probationary = v.probationary;
  if (v.women !== undefined) r.women = v.women;
  if (v.ethnic_minority !== undefined) r.ethnicMinority = v.ethnic_minority;
  if (v.grassroots_orgs !== undefined) r.grassrootsOrgs = v.grassroots_orgs;
  if (v.branches !== undefined) r.branches = v.branches;
  if (v.villages !== undefined) r.villages = v.villages;
  if (v.villages_with_branch !== undefined) r.villagesWithBranch = v.villages_with_branch;
  if (v.villages_without_members !== undefined) r.villagesWithoutMembers = v.villages_without_members;
  if (v.source !== undefined) r.source = v.source;
  if (v.note !== undefined) r.note = v.note;
  return r;
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

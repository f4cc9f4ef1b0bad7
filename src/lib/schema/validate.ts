/**
 * Parsed rows → typed, validated Inputs. Each row goes through its file's zod schema; rows that pass are
 * then checked against each other and against the other files (unique ids, lives, parents and levels,
 * cycles, slugs, successors, term overlaps, unit existence, duplicate periods, rows inside their unit's
 * life). Every problem of every file is collected; a row with an error is left out of the typed output,
 * and the run goes on so later checks still report.
 * All cross-row checks go through Maps keyed by id: linear in the number of rows.
 * Two entry points, same checks: Validator takes rows as the parser streams them (loadInputs), validate()
 * takes tables already parsed whole (tests, small data).
 * The checks themselves: terms.ts; units.ts with unit-lives.ts, unit-tree.ts, unit-slugs.ts; keyed.ts (the
 * files keyed by unit) with refs.ts (their unit and its life).
 */
import { DEFAULT_TERMS, monthText, parseMonth } from '../periods.ts';
import type { CleanTable, Diagnostic, Inputs, Term } from '../types.ts';
import type { RawRow, RawTable, RowSink } from '../ingest/parse.ts';
import { exactCopy } from '../ingest/parse.ts';
import { DATA_FILES, dataFileName } from '../ingest/names.ts';
import type { DataFileName } from '../ingest/names.ts';
import { FileCheck } from './file-check.ts';
import { isKeyedFile, keyedChecker } from './keyed.ts';
import type { KeyedFileName, KeyedRows, TermContext } from './keyed.ts';
import { UnitRefs } from './refs.ts';
import { checkTerms, writtenIds } from './terms.ts';
import { checkUnits, warnDistrict } from './units.ts';
import type { CheckedUnits } from './units.ts';
import { REORG_START } from './life-spans.ts';

export interface ValidateOptions {
  /** Terms used when terms.csv is absent (the spec's defaults unless given). */
  defaultTerms?: readonly Term[];
}

/** The order files are validated in: periods need the terms, every other file needs the units. */
export const VALIDATION_ORDER: readonly DataFileName[] = [
  'terms.csv',
  'units.csv',
  'admissions.csv',
  'targets.csv',
  'training.csv',
  'members.csv',
];

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
  private termContext: TermContext = { byId: new Map(), broken: new Set() };
  private units: CheckedUnits | undefined;
  private unitRefs = new UnitRefs(undefined);
  private readonly rows: { [N in KeyedFileName]: KeyedRows[N][] } = {
    'admissions.csv': [],
    'targets.csv': [],
    'training.csv': [],
    'members.csv': [],
  };

  constructor(opts: ValidateOptions = {}) {
    this.defaultTerms = opts.defaultTerms ?? DEFAULT_TERMS;
  }

  /** Where the parser sends the rows of one file (`file`: the name as found in the folder). */
  sink(name: DataFileName, file: string): RowSink {
    const held = name === 'terms.csv' || name === 'units.csv';
    if (held && this.settled) {
      throw new Error(`${name} phải được kiểm tra trước các tệp số liệu (VALIDATION_ORDER).`);
    }
    if (!held) this.settle();
    let take: ((row: RawRow) => void) | undefined;
    return {
      header: (cells, line) => {
        const check = new FileCheck(file, name, exactCopy(cells), line, this.diagnostics);
        this.checks.set(name, check);
        take = held
          ? (row) => check.rows.push({ line: row.line, cells: exactCopy(row.cells) })
          : this.rowChecker(name, check);
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
    this.warnOpenDistricts();
    const tables: CleanTable[] = [];
    for (const name of DATA_FILES) {
      const check = this.checks.get(name);
      if (check) tables.push(check.clean());
    }
    return {
      units: this.units?.units ?? [],
      terms: this.terms,
      admissions: this.rows['admissions.csv'],
      targets: this.rows['targets.csv'],
      training: this.rows['training.csv'],
      members: this.rows['members.csv'],
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
    const broken = writtenIds(termsCheck, 'id');
    for (const t of this.terms) broken.delete(t.id);
    this.termContext = { byId: new Map(this.terms.map((t) => [t.id, t] as const)), broken };
    const unitsCheck = this.checks.get('units.csv');
    // Without an id column (missing, or the whole header misread) there is nothing to check references against.
    const result = unitsCheck?.cols.index.has('id') ? checkUnits(unitsCheck) : undefined;
    this.units = result;
    this.unitRefs = new UnitRefs(result);
    // The held rows are no longer needed: only the kept copies are.
    termsCheck?.rows.splice(0);
    unitsCheck?.rows.splice(0);
  }

  /**
   * A district with no end is active in every month; once the data reach past 2025-06 (when districts ended)
   * that is most likely a missing active_to. Data that end earlier say nothing either way: no warning.
   */
  private warnOpenDistricts(): void {
    const check = this.checks.get('units.csv');
    const open = this.units?.openDistricts ?? [];
    if (!check || open.length === 0) return;
    let reach = -Infinity;
    for (const r of this.rows['admissions.csv']) if (r.period.to > reach) reach = r.period.to;
    for (const r of this.rows['training.csv']) if (r.period.to > reach) reach = r.period.to;
    let lastDate = '';
    for (const r of this.rows['members.csv']) if (r.asOf > lastDate) lastDate = r.asOf;
    const month = lastDate === '' ? undefined : parseMonth(lastDate.slice(0, 7));
    if (month !== undefined && month > reach) reach = month;
    if (reach < REORG_START) return;
    const why = `không ghi active_to, và số liệu có đến ${monthText(reach)}`;
    for (const d of open) warnDistrict(check, d.id, d.row, why);
  }

  private rowChecker(name: DataFileName, check: FileCheck): (row: RawRow) => void {
    if (!isKeyedFile(name)) throw new Error(`${name}: not a file of rows keyed by unit`);
    const out: KeyedRows[typeof name][] = this.rows[name];
    return keyedChecker(name, check, this.termContext, this.unitRefs, (r) => out.push(r));
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

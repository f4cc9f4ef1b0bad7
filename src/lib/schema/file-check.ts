/**
 * One file being validated: its header and column map, the rows held for whole-file checks, the rows kept
 * for re-publishing, and the diagnostics helper that locates a problem by line and column.
 */
import type { z } from 'zod';
import type { CleanTable, Diagnostic } from '../types.ts';
import type { RawRow } from '../ingest/parse.ts';
import { exactCopy } from '../ingest/parse.ts';
import type { DataFileName } from '../ingest/folder.ts';
import { FILE_COLUMNS, mapColumns } from './columns.ts';
import type { ColumnMap } from './columns.ts';
import { cellReader } from './rows.ts';
import type { CellIndex, CellReader, RowIssue } from './rows.ts';
import { rowBuilder } from './shape.ts';

/** A row that passed its schema, with where it came from. */
export interface Accepted<T> {
  value: T;
  row: RawRow;
}

export class FileCheck {
  readonly file: string;
  readonly name: DataFileName;
  readonly header: string[];
  readonly cols: ColumnMap;
  readonly out: Diagnostic[];
  /** Rows held until the whole file is read (units.csv, terms.csv: their checks need every row). */
  readonly rows: RawRow[] = [];
  /**
   * Rows that made it into the typed output, with the named columns as written, for re-publishing, and their
   * lines (two arrays, not an object per row: national data keeps 780,000 of them).
   */
  private readonly kept: string[][] = [];
  private readonly keptLines: number[] = [];
  private keptInOrder = true;
  private readonly toObject: (cells: readonly string[]) => Record<string, string>;
  private readonly unnamedReported = new Set<number>();
  private readonly identity: boolean;
  /** Each schema's direct reader (rows.ts cellReader), or null: run through zod. */
  private readonly readers = new Map<z.ZodType, CellReader<unknown> | null>();
  private readonly issues: RowIssue[] = [];
  /** Where a known column's cell is, as toObject reads it; false for a key toObject does not write. */
  private readonly cellIndex: CellIndex;

  constructor(file: string, name: DataFileName, header: string[], headerLine: number, out: Diagnostic[]) {
    this.file = file;
    this.name = name;
    this.header = header;
    this.out = out;
    this.cols = mapColumns(header, headerLine, file, name);
    out.push(...this.cols.diagnostics);
    this.toObject = rowBuilder(FILE_COLUMNS[name].known.map((f) => [f, this.cols.index.get(f)] as const));
    const known = new Set(FILE_COLUMNS[name].known);
    this.cellIndex = (key) => (known.has(key) ? this.cols.index.get(key) : false);
    this.identity = this.cols.keep.length === header.length && this.cols.keep.every((c, i) => c === i);
  }

  /** An error at a row, in a column (by its known lower-case name) when given. */
  error(row: RawRow, field: string | undefined, message: string): void {
    this.report('error', row, field, message);
  }

  /** A warning at a row: printed, does not fail the run; the row is kept. */
  warn(row: RawRow, field: string | undefined, message: string): void {
    this.report('warning', row, field, message);
  }

  /** Runs the schema on one row: its typed value, or undefined once its errors are reported. */
  parse<S extends z.ZodType>(schema: S, row: RawRow): z.output<S> | undefined {
    if (this.cols.unnamed.length > 0) this.checkUnnamed(row);
    let read = this.readers.get(schema);
    if (read === undefined) {
      read = cellReader(schema, this.cellIndex) ?? null;
      this.readers.set(schema, read);
    }
    if (read !== null) {
      const v = read(row.cells, this.issues);
      if (v !== undefined) return v as z.output<S>;
      for (const { field, message } of this.issues) this.issue(row, field, message);
      this.issues.length = 0;
      return undefined;
    }
    const res = schema.safeParse(this.toObject(row.cells));
    if (res.success) return res.data;
    for (const issue of res.error.issues) {
      this.issue(row, typeof issue.path[0] === 'string' ? issue.path[0] : undefined, issue.message);
    }
    return undefined;
  }

  /** A schema's problem with a row, unless it is about a missing required column (reported once, for the header). */
  private issue(row: RawRow, field: string | undefined, message: string): void {
    if (field !== undefined && this.cols.missing.has(field)) return;
    this.error(row, field, message);
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
    const cells =
      this.identity && row.cells.length === this.header.length
        ? exactCopy(row.cells)
        : this.cols.keep.map((i) => row.cells[i] ?? '');
    const n = this.keptLines.length;
    if (n > 0 && this.keptLines[n - 1]! > row.line) this.keptInOrder = false;
    this.kept.push(cells);
    this.keptLines.push(row.line);
  }

  /** The rows that passed every check, in file order, with the named columns as written. */
  clean(): CleanTable {
    let rows = this.kept.slice();
    if (!this.keptInOrder) {
      // A stable sort by line, as of the rows themselves.
      const order = rows.map((_, i) => i).sort((a, b) => this.keptLines[a]! - this.keptLines[b]!);
      rows = order.map((i) => this.kept[i]!);
    }
    return { file: this.name, columns: this.cols.keep.map((i) => this.header[i] ?? ''), rows };
  }

  private report(severity: Diagnostic['severity'], row: RawRow, field: string | undefined, message: string): void {
    const d: Diagnostic = { severity, file: this.file, line: row.line, message };
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
        message:
          `Ô này nằm ở cột thứ ${i + 1} nhưng cột đó không có tên ở dòng tiêu đề. ` +
          'Đặt tên cột, hoặc xoá dữ liệu thừa.',
      });
    }
  }
}

/**
 * A table's sources → one row stream into the validator, and back from the validator's locations to the user's.
 * One source goes as it is (a CSV file streamed, a sheet's rows under the key `file › sheet`). Several (a table
 * with reports from bao-cao/) go as one stream: one header holding every source's columns, and each row's line
 * made unique as (source + 1) × 10,000,000 + its line, so that the validator's checks across rows (a duplicate
 * period in two files) work unchanged; the Locator turns such lines back into file, sheet, row and cell, in the
 * diagnostics' fields and in their messages ("dòng 5 của bao-cao/a.csv").
 */
import type { Diagnostic } from '../types.ts';
import { DATA_FILES } from './names.ts';
import type { DataFileName } from './names.ts';
import { parseRows, parseTable } from './parse.ts';
import type { RawRow, RowSink } from './parse.ts';
import { sourceLabel } from './sources.ts';
import type { SourceAccess, TableSource } from './sources.ts';

const BASE = 10_000_000;

/** What the validator needs of a loader: a sink per table (see Validator.sink). */
export interface SinkFactory {
  sink(name: DataFileName, file: string): RowSink;
}

/**
 * The schema's check of a header on its own (schema/columns.ts mapColumns, passed in by load.ts: ingest sits below
 * the schema): its problems, and the required columns it lacks.
 */
export type HeaderCheck = (
  header: readonly string[],
  line: number,
  file: string,
  name: DataFileName,
) => { missing: ReadonlySet<string>; diagnostics: Diagnostic[] };

export interface FeedResult {
  /** Data rows handed to the validator (0: the table counts as absent). */
  rows: number;
  bytes: number;
  /** Decoding and parsing problems of the CSV sources, at their own locations. */
  diagnostics: Diagnostic[];
  /** Rows are missing for a reason already reported (an empty file, a report without a required column). */
  explained: boolean;
}

interface Buffered {
  source: TableSource;
  header: string[];
  headerLine: number;
  rows: RawRow[];
}

interface Merged {
  sources: TableSource[];
  headerLines: number[];
  /** Per source: unified column index → the source's column index, or -1. */
  toSource: number[][];
  /** Unified column index → the source that brought it. */
  owner: number[];
}

/** Maps the validator's locations back to the sources', and orders diagnostics by table, source, row, column. */
export class Locator {
  private readonly sheets = new Map<string, TableSource>();
  private readonly merged = new Map<string, Merged>();
  private readonly order = new Map<string, number>();

  register(table: DataFileName, sources: readonly TableSource[]): void {
    sources.forEach((s, i) => {
      this.order.set(sourceLabel(s), DATA_FILES.indexOf(table) * 1000 + i);
    });
  }

  /** A diagnostic at the user's location (a copy when anything changes). */
  locate = (d: Diagnostic): Diagnostic => {
    const m = this.merged.get(d.file);
    if (m !== undefined && d.line !== undefined && d.line >= BASE) return this.fromMerged(d, m);
    const sheet = this.sheets.get(d.file);
    if (sheet !== undefined) return withCell({ ...d, file: sheet.file, sheet: sheet.sheet });
    return d;
  };

  /** Folder problems first, then by table (contract order), source, row, column; else as found. */
  sort(list: readonly Diagnostic[]): Diagnostic[] {
    const rank = (d: Diagnostic) => {
      const known = this.order.get(sourceLabel(d));
      if (known !== undefined) return known;
      const i = DATA_FILES.indexOf(d.file as DataFileName);
      return i < 0 ? -1 : i * 1000;
    };
    return list
      .map((d, i) => ({ d, i, r: rank(d) }))
      .sort(
        (a, b) =>
          a.r - b.r ||
          (a.d.line ?? 0) - (b.d.line ?? 0) ||
          (a.d.columnNumber ?? 0) - (b.d.columnNumber ?? 0) ||
          a.i - b.i,
      )
      .map((x) => x.d);
  }

  private fromMerged(d: Diagnostic, m: Merged): Diagnostic {
    let s = Math.floor(d.line! / BASE) - 1;
    let line = d.line! % BASE;
    const col = d.columnNumber === undefined ? undefined : d.columnNumber - 1;
    // A header problem of a column belongs to the source that brought the column.
    if (line === m.headerLines[s] && s === 0 && col !== undefined && m.toSource[0]![col]! < 0) {
      s = m.owner[col]!;
      line = m.headerLines[s]!;
    }
    const src = m.sources[s]!;
    const own = col === undefined ? -1 : (m.toSource[s]![col] ?? -1);
    const out: Diagnostic = { ...d, file: src.file, line, message: this.rewrite(d.message, m, s) };
    delete out.sheet;
    if (src.sheet !== undefined) out.sheet = src.sheet;
    if (own >= 0) out.columnNumber = own + 1;
    else delete out.columnNumber;
    return withCell(out);
  }

  /** `dòng 20000005` → `dòng 5`, naming the source when it is not the diagnostic's own. */
  private rewrite(message: string, m: Merged, self: number): string {
    return message.replace(/dòng (\d{8,})/g, (all, n: string) => {
      const v = Number(n);
      const s = Math.floor(v / BASE) - 1;
      const src = m.sources[s];
      if (src === undefined) return all;
      return `dòng ${v % BASE}${s === self ? '' : ` của ${sourceLabel(src)}`}`;
    });
  }

  /** For feedTable. */
  addSheet(key: string, source: TableSource): void {
    this.sheets.set(key, source);
  }

  addMerged(key: string, merged: Merged): void {
    this.merged.set(key, merged);
  }
}

/** `C4` for column 3, row 4, when the diagnostic is in a sheet and has both. */
function withCell(d: Diagnostic): Diagnostic {
  if (d.sheet !== undefined && d.line !== undefined && d.columnNumber !== undefined) {
    d.cell = `${columnLetters(d.columnNumber)}${d.line}`;
  } else delete d.cell;
  return d;
}

/** 1 → A, 27 → AA, as a spreadsheet names its columns. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Holds the header back until the first data row: a table with its header and no rows counts as absent (an
 * untouched sheet or CSV of the template changes nothing), so the validator never hears of it.
 */
function deferHeader(sink: RowSink): RowSink {
  let pending: { cells: string[]; line: number } | undefined;
  return {
    header: (cells, line) => {
      pending = { cells, line };
    },
    row: (line, cells) => {
      if (pending) {
        sink.header(pending.cells, pending.line);
        pending = undefined;
      }
      sink.row(line, cells);
    },
  };
}

/** Streams the sources of one table into the validator (`name` in VALIDATION_ORDER, before its `end`). */
export async function feedTable(
  access: SourceAccess,
  name: DataFileName,
  sources: readonly TableSource[],
  validator: SinkFactory,
  locator: Locator,
  checkHeader: HeaderCheck,
): Promise<FeedResult> {
  locator.register(name, sources);
  const result: FeedResult = { rows: 0, bytes: 0, diagnostics: [], explained: false };
  if (sources.length === 1 && sources[0]!.rows === undefined) {
    const src = sources[0]!;
    const read = await access.readText(src.file);
    const parsed = parseRows(read.text, src.file, deferHeader(validator.sink(name, src.file)));
    result.rows = parsed.rows;
    result.bytes = read.bytes;
    result.explained = parsed.headerLine === 0;
    result.diagnostics.push(...read.diagnostics, ...parsed.diagnostics);
    return result;
  }
  const buffered: Buffered[] = [];
  for (const source of sources) {
    if (source.rows !== undefined) {
      buffered.push({ source, ...source.rows });
      continue;
    }
    const read = await access.readText(source.file);
    const t = parseTable(read.text, source.file, read.encoding);
    result.bytes += read.bytes;
    if (t.headerLine === 0) result.explained = true;
    result.diagnostics.push(...read.diagnostics, ...t.diagnostics);
    buffered.push({ source, header: t.header, headerLine: t.headerLine, rows: t.rows });
  }
  const used = buffered.filter((b) => b.rows.length > 0);
  if (used.length === 0) return result;
  if (used.length === 1) {
    result.rows = feedOne(name, used[0]!, validator, locator);
    return result;
  }
  // A source without a required column (a report whose header has `admited`) would fail on every row in the
  // merged stream: its header is checked on its own instead, and its rows are left out.
  const complete = used.filter((b) => {
    const cols = checkHeader(b.header, b.headerLine, b.source.file, name);
    if (cols.missing.size === 0) return true;
    result.explained = true;
    const sheet = b.source.sheet;
    result.diagnostics.push(...cols.diagnostics.map((d) => withCell(sheet === undefined ? d : { ...d, sheet })));
    return false;
  });
  if (complete.length === 1) {
    result.rows = feedOne(name, complete[0]!, validator, locator);
    return result;
  }
  if (complete.length > 1) result.rows = feedMerged(name, complete, validator, locator);
  return result;
}

function feedOne(name: DataFileName, b: Buffered, validator: SinkFactory, locator: Locator): number {
  const key = sourceLabel(b.source);
  if (b.source.sheet !== undefined) locator.addSheet(key, b.source);
  const sink = validator.sink(name, key);
  sink.header(b.header, b.headerLine);
  for (const r of b.rows) sink.row(r.line, r.cells);
  return b.rows.length;
}

/** Several sources as one stream under the table's own name (see the module comment). */
function feedMerged(name: DataFileName, used: Buffered[], validator: SinkFactory, locator: Locator): number {
  const header: string[] = [];
  const owner: number[] = [];
  const slots = new Map<string, number[]>(); // lower-case name → unified columns with that name, in order
  const toSource: number[][] = [];
  const fromSource: number[][] = [];
  used.forEach((b, s) => {
    const seen = new Map<string, number>();
    const from: number[] = [];
    b.header.forEach((h, i) => {
      const lower = h.toLowerCase();
      // The k-th column of a name in this source goes to the k-th unified column of that name; unnamed ones apart.
      const k = lower === '' ? -1 : (seen.get(lower) ?? 0);
      if (lower !== '') seen.set(lower, k + 1);
      const list = lower === '' ? [] : (slots.get(lower) ?? []);
      let u = k >= 0 ? list[k] : undefined;
      if (u === undefined) {
        u = header.length;
        header.push(h);
        owner.push(s);
        if (lower !== '') slots.set(lower, [...list, u]);
      }
      from[i] = u;
    });
    fromSource.push(from);
  });
  used.forEach((_, s) => {
    const to = new Array<number>(header.length).fill(-1);
    fromSource[s]!.forEach((u, i) => {
      to[u] = i;
    });
    toSource.push(to);
  });
  locator.addMerged(name, {
    sources: used.map((b) => b.source),
    headerLines: used.map((b) => b.headerLine),
    toSource,
    owner,
  });
  const sink = validator.sink(name, name);
  sink.header(header, BASE + used[0]!.headerLine);
  let rows = 0;
  used.forEach((b, s) => {
    const from = fromSource[s]!;
    for (const r of b.rows) {
      const cells = new Array<string>(header.length).fill('');
      for (let i = 0; i < from.length; i++) cells[from[i]!] = r.cells[i] ?? '';
      sink.row((s + 1) * BASE + r.line, cells);
      rows++;
    }
  });
  return rows;
}

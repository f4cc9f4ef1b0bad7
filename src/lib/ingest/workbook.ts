/**
 * An Excel workbook (.xlsx) → its sheets as line-numbered rows of cleaned text cells, the same rows a CSV file
 * gives: row numbers as the spreadsheet shows them, cell i of a row in column i + 1 (A = 1), typed cells turned into
 * the contract's text forms by sheet-cells.ts. exceljs does the zip and XML work (formulas come with the value saved
 * with them, date cells as dates at midnight UTC); this module only says which sheets are wanted, checks what the
 * streaming reader gave, and turns a file that is not a workbook into a Vietnamese error.
 */
import type { Row } from 'exceljs';
import type { Diagnostic } from '../types.ts';
import type { DataFileName } from './folder.ts';
import type { RawRow } from './parse.ts';
import { cleanCell } from './parse.ts';
import { cellText, columnKind, tableOfSheet } from './sheet-cells.ts';
import type { ColumnKind, SheetCell } from './sheet-cells.ts';

/** One sheet read as a table: header and data rows (rows whose cells are all empty are left out). */
export interface SheetTable {
  sheet: string;
  table: DataFileName;
  header: string[];
  /** Row number of the header; 0 for a sheet with no non-empty row. */
  headerLine: number;
  rows: RawRow[];
}

/** A sheet that is not read as a table, with its first non-empty row (to spot a misspelt sheet name). */
export interface OtherSheet {
  sheet: string;
  firstRow: string[];
}

export interface WorkbookContent {
  tables: SheetTable[];
  others: OtherSheet[];
  diagnostics: Diagnostic[];
}

/**
 * Which table a sheet holds: `position` is its place among the workbook's tabs (0 = first), `name` its name.
 * Undefined: not a table (instructions, lists for drop-downs).
 */
export type SheetPicker = (name: string, position: number) => DataFileName | undefined;

/**
 * The sheets a workbook holds: a workbook named after a table (`admissions.xlsx`, `own`) is that table in its first
 * sheet; any other holds one table per sheet named after it (`Kết nạp`, `admissions`).
 */
export function sheetPicker(own: DataFileName | undefined): SheetPicker {
  return (name, position) => (own !== undefined ? (position === 0 ? own : undefined) : tableOfSheet(name));
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
// Byte searches without Node's Buffer: the check page reads workbooks in the browser.
const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
function includes(b: Uint8Array, sig: number[]): boolean {
  const first = sig[0];
  for (let i = b.indexOf(first!); i >= 0 && i + sig.length <= b.length; i = b.indexOf(first!, i + 1)) {
    if (sig.every((x, k) => b[i + k] === x)) return true;
  }
  return false;
}

/** Reads the sheets one by one as the zip streams (workbook-stream.ts, Node only); throws when it cannot. */
export type StreamSheets = (bytes: Uint8Array, pick: SheetPicker) => Promise<WorkbookContent>;

/** Why the bytes cannot be read as an .xlsx workbook, in Vietnamese with what to do; undefined when they can. */
export function notAWorkbook(bytes: Uint8Array, file: string): string | undefined {
  const save =
    'Mở tệp bằng Excel hoặc LibreOffice rồi "Lưu thành" kiểu "Sổ làm việc Excel (.xlsx)", không đặt mật khẩu.';
  if (startsWith(bytes, OLE)) {
    // Encrypted OOXML is an OLE container holding a stream named EncryptionInfo (UTF-16 in the directory).
    if (includes(bytes, utf16le('EncryptionInfo'))) {
      return (
        `Tệp ${file} được đặt mật khẩu nên không đọc được. ` +
        'Gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.'
      );
    }
    return `Tệp ${file} là bảng tính Excel kiểu cũ (.xls, Excel 97–2003), không phải .xlsx. ${save}`;
  }
  if (!startsWith(bytes, ZIP)) {
    return `Tệp ${file} không phải sổ làm việc Excel (.xlsx): có thể là tệp khác bị đổi đuôi thành .xlsx. ${save}`;
  }
  // An OpenDocument file (.ods) is a zip too, whose first entry names its type; any other zip goes to the reader,
  // which tells a broken or truncated workbook.
  if (
    includes(
      bytes.subarray(0, 200),
      [...'opendocument'].map((c) => c.charCodeAt(0)),
    )
  ) {
    return `Tệp ${file} là bảng tính OpenDocument (.ods), không phải .xlsx. ${save}`;
  }
  return undefined;
}

/**
 * Reads the wanted sheets of a workbook: a big one streamed when `opts.stream` is given (Node), else loaded whole
 * (the browser). Never throws for bad bytes: they become one error naming the file.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  pick: SheetPicker,
  opts: { stream?: StreamSheets; streamFromBytes?: number } = {},
): Promise<WorkbookContent> {
  const out: WorkbookContent = { tables: [], others: [], diagnostics: [] };
  const problem = notAWorkbook(bytes, file);
  if (problem) {
    out.diagnostics.push({ severity: 'error', file, message: problem });
    return out;
  }
  try {
    let streamed: WorkbookContent | undefined;
    // A small workbook is loaded whole at once (cheap, and its text decoded whole); a big one is streamed.
    if (opts.stream && bytes.byteLength >= (opts.streamFromBytes ?? STREAM_FROM_BYTES)) {
      try {
        streamed = await opts.stream(bytes, pick);
      } catch {
        // Read again below, whole: a file that is really broken fails there too, and is reported.
      }
    }
    const content = streamed !== undefined && trustworthy(streamed) ? streamed : await loadSheets(bytes, pick);
    out.tables.push(...content.tables);
    out.others.push(...content.others);
  } catch (error) {
    out.diagnostics.push({
      severity: 'error',
      file,
      message:
        `Không đọc được sổ làm việc ${file} (${(error as Error).message ?? String(error)}): tệp có thể bị hỏng ` +
        'hoặc chưa lưu xong. Mở lại bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi chạy lại.',
    });
  }
  return out;
}

/**
 * exceljs's streaming reader decodes the zip's text in chunks of 16 KiB and turns a character split between two of
 * them into U+FFFD (exceljs issue 2084: "Đảng" read as "��ảng"), and loses the sheets' names when a sheet comes in
 * the zip before the workbook's list of sheets. Either way the whole file is loaded at once instead (more memory,
 * but the text is decoded whole). A U+FFFD written in the cell itself only costs that slower read.
 */
function trustworthy(content: WorkbookContent): boolean {
  const bad = (s: string) => s.includes('\uFFFD');
  for (const t of content.tables) {
    if (bad(t.sheet) || t.header.some(bad)) return false;
    for (const r of t.rows) for (const c of r.cells) if (bad(c)) return false;
  }
  return !content.others.some((o) => bad(o.sheet) || o.firstRow.some(bad));
}

/** Workbooks from this size on are streamed: loaded whole, a national table would take gigabytes. */
const STREAM_FROM_BYTES = 2 << 20;

/** The whole workbook at once, sheets in tab order. */
async function loadSheets(bytes: Uint8Array, pick: SheetPicker): Promise<WorkbookContent> {
  const out: WorkbookContent = { tables: [], others: [], diagnostics: [] };
  // Loaded when a workbook is read: the check of a CSV folder is spared loading exceljs (half a second).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let position = 0;
  for (const ws of wb.worksheets) {
    const rows: Row[] = [];
    ws.eachRow((row) => rows.push(row));
    await takeSheet(ws.name, pick(ws.name, position++), rows, out);
  }
  return out;
}

type Rows = AsyncIterable<Row> | Iterable<Row>;

export async function takeSheet(name: string, table: DataFileName | undefined, rows: Rows, out: WorkbookContent) {
  if (table) out.tables.push(await readSheet(rows, name, table));
  else out.others.push({ sheet: name, firstRow: await firstRow(rows) });
}

async function readSheet(ws: Rows, sheet: string, table: DataFileName): Promise<SheetTable> {
  const out: SheetTable = { sheet, table, header: [], headerLine: 0, rows: [] };
  let kinds: ColumnKind[] = [];
  for await (const row of ws) {
    const values = row.values as unknown[];
    if (out.headerLine === 0) {
      const header = textCells(values, []);
      if (header === undefined) continue;
      out.header = header;
      out.headerLine = row.number;
      kinds = header.map((h) => columnKind(table, h.toLowerCase()));
      continue;
    }
    const cells = textCells(values, kinds, row);
    if (cells !== undefined) out.rows.push({ line: row.number, cells });
  }
  // Cells right of the last named column: unnamed columns, an error where they hold data (as in CSV).
  let width = out.header.length;
  for (const r of out.rows) if (r.cells.length > width) width = r.cells.length;
  while (out.header.length < width) out.header.push('');
  return out;
}

async function firstRow(ws: Rows): Promise<string[]> {
  let first: string[] | undefined;
  // The whole sheet is read (the zip is one stream); only its first non-empty row is kept.
  for await (const row of ws) first ??= textCells(row.values as unknown[], []);
  return first ?? [];
}
/** exceljs's 1-based row values → cleaned texts from column A; undefined when every cell is empty. */
function textCells(values: unknown[], kinds: readonly ColumnKind[], row?: Row): string[] | undefined {
  const n = values.length - 1;
  if (n <= 0) return undefined;
  const cells = new Array<string>(n);
  let empty = true;
  for (let c = 0; c < n; c++) {
    const v = values[c + 1];
    let value = plain(v);
    // exceljs gives a formula's saved date (=DATE(2024;3;1)) as its serial number: the cell's format says date.
    if (typeof value === 'number' && row !== undefined && isFormula(v) && isDateFormat(row.getCell(c + 1).numFmt)) {
      value = serialToDate(value);
    }
    const text = cellText(value, kinds[c] ?? 'text');
    const cleaned = text === '' ? text : cleanCell(text);
    if (cleaned !== '') empty = false;
    cells[c] = cleaned;
  }
  return empty ? undefined : cells;
}

const isFormula = (v: unknown) => typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

/** A number format that shows a date: d, m or y outside quoted text and [colour] or [locale] parts. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[dmy]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel's day count (1900 system; 25569 is 1970-01-01) → that day at midnight UTC. */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));

/** An exceljs cell value → a plain value: a formula by its saved result, rich text and links by their text. */
function plain(v: unknown): SheetCell {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v as SheetCell;
  const o = v as Record<string, unknown>;
  if ('result' in o) return plain(o.result);
  if ('formula' in o || 'sharedFormula' in o) return undefined; // no value saved with the formula
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
  if ('text' in o) return plain(o.text);
  if (typeof o.error === 'string') return o.error;
  return String(v);
}

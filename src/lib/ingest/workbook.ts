/**
 * An Excel workbook (.xlsx) → its sheets as line-numbered rows of cleaned text cells, the same rows a CSV file
 * gives: row numbers as the spreadsheet shows them, cell i of a row in column i + 1 (A = 1), typed cells turned into
 * the contract's text forms by sheet-cells.ts. read-excel-file does the zip and XML work (formulas come as the value
 * saved with them, date cells as dates at midnight UTC); this module only says which sheets are wanted and turns a
 * file that is not a workbook into a Vietnamese error.
 */
import readXlsxFile from 'read-excel-file/node';
import type { Diagnostic } from '../types.ts';
import type { DataFileName } from './folder.ts';
import type { RawRow } from './parse.ts';
import { cleanCell } from './parse.ts';
import { cellText, columnKind } from './sheet-cells.ts';
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

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Why the bytes cannot be read as an .xlsx workbook, in Vietnamese with what to do; undefined when they can. */
export function notAWorkbook(bytes: Uint8Array, file: string): string | undefined {
  const save =
    'Mở tệp bằng Excel hoặc LibreOffice rồi "Lưu thành" kiểu "Sổ làm việc Excel (.xlsx)", không đặt mật khẩu.';
  if (startsWith(bytes, OLE)) {
    // Encrypted OOXML is an OLE container holding a stream named EncryptionInfo (UTF-16 in the directory).
    const marker = Buffer.from('EncryptionInfo', 'utf16le');
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) {
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
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).includes('opendocument')) {
    return `Tệp ${file} là bảng tính OpenDocument (.ods), không phải .xlsx. ${save}`;
  }
  return undefined;
}

/** Reads the wanted sheets of a workbook. Never throws for bad bytes: they become one error naming the file. */
export async function readWorkbook(bytes: Uint8Array, file: string, pick: SheetPicker): Promise<WorkbookContent> {
  const out: WorkbookContent = { tables: [], others: [], diagnostics: [] };
  const problem = notAWorkbook(bytes, file);
  if (problem) {
    out.diagnostics.push({ severity: 'error', file, message: problem });
    return out;
  }
  let sheets: { sheet: string; data: SheetCell[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as typeof sheets;
  } catch (error) {
    out.diagnostics.push({
      severity: 'error',
      file,
      message:
        `Không đọc được sổ làm việc ${file} (${(error as Error).message ?? String(error)}): tệp có thể bị hỏng ` +
        'hoặc chưa lưu xong. Mở lại bằng Excel hoặc LibreOffice, lưu thành .xlsx rồi chạy lại.',
    });
    return out;
  }
  sheets.forEach(({ sheet, data }, position) => {
    const table = pick(sheet, position);
    if (table) out.tables.push(readSheet(data, sheet, table));
    else out.others.push({ sheet, firstRow: firstRow(data) });
  });
  return out;
}

/** The sheet's rows from row 1 (index 0) → the header (its first non-empty row) and the data rows below it. */
function readSheet(data: SheetCell[][], sheet: string, table: DataFileName): SheetTable {
  const out: SheetTable = { sheet, table, header: [], headerLine: 0, rows: [] };
  let kinds: ColumnKind[] = [];
  for (let r = 0; r < data.length; r++) {
    if (out.headerLine === 0) {
      const header = textCells(data[r]!, []);
      if (header === undefined) continue;
      out.header = header;
      out.headerLine = r + 1;
      kinds = header.map((h) => columnKind(table, h.toLowerCase()));
      continue;
    }
    const cells = textCells(data[r]!, kinds);
    if (cells !== undefined) out.rows.push({ line: r + 1, cells });
  }
  // Cells right of the last named column: unnamed columns, an error where they hold data (as in CSV).
  let width = out.header.length;
  for (const r of out.rows) if (r.cells.length > width) width = r.cells.length;
  while (out.header.length < width) out.header.push('');
  return out;
}

function firstRow(data: SheetCell[][]): string[] {
  for (const row of data) {
    const cells = textCells(row, []);
    if (cells !== undefined) return cells;
  }
  return [];
}

/** A row's values from column A → cleaned texts, trailing empty cells dropped; undefined when every cell is empty. */
function textCells(values: readonly SheetCell[], kinds: readonly ColumnKind[]): string[] | undefined {
  let n = values.length;
  while (n > 0 && (values[n - 1] === null || values[n - 1] === undefined || values[n - 1] === '')) n--;
  if (n === 0) return undefined;
  const cells = new Array<string>(n);
  let empty = true;
  for (let c = 0; c < n; c++) {
    const text = cellText(values[c], kinds[c] ?? 'text');
    const cleaned = text === '' ? text : cleanCell(text);
    if (cleaned !== '') empty = false;
    cells[c] = cleaned;
  }
  return empty ? undefined : cells;
}

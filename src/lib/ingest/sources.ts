/**
 * Where each table comes from: a CSV file, a workbook named after the table (its first sheet), a sheet named after
 * the table in any workbook, and the files of `bao-cao/` (reports from the units below, which add rows). Workbooks
 * are read here, all of them (through `access`: from a folder, big ones in worker threads, side by side; or from
 * bytes on the check page), since their sheets come in any order and the tables are checked in a fixed one; CSV files
 * are only named, and read when their turn comes. The same table
 * given twice at the top is an error naming both.
 */
import type { Diagnostic } from '../types.ts';
import type { TextFile } from './decode.ts';
import { DATA_FILES, REPORTS_DIR, dataFileName, isWorkbookName } from './names.ts';
import type { DataFileName, DataFolderListing } from './names.ts';
import { parseRows } from './parse.ts';
import { TABLE_SHEET_NAMES, tableOfSheet } from './sheet-cells.ts';
import type { OtherSheet, SheetTable, WorkbookContent } from './workbook.ts';

export interface TableSource {
  table: DataFileName;
  /** Path from the data folder, with `/`: `admissions.csv`, `du-lieu.xlsx`, `bao-cao/binh-lieu.xlsx`. */
  file: string;
  /** The sheet, for a workbook. */
  sheet?: string;
  /** The sheet's rows (already read); undefined for a CSV file. */
  rows?: SheetTable;
  /** From `bao-cao/`: adds to the table instead of being a second copy of it. */
  report: boolean;
}

/** `admissions.csv`, `du-lieu.xlsx › Kết nạp`: how messages name a source. */
export const sourceLabel = (s: { file: string; sheet?: string }): string =>
  s.sheet === undefined ? s.file : `${s.file} › ${s.sheet}`;

export interface WorkbookProgress {
  file: string;
  bytes: number;
  rows: number;
  ms: number;
}

export interface CollectedSources {
  /** Per table, in reading order: the top-level source first (if any), then the reports. */
  byTable: Map<DataFileName, TableSource[]>;
  diagnostics: Diagnostic[];
  /** Lines for the check's output: sheets left aside, and why. */
  notes: string[];
}

export interface CollectOptions {
  /**
   * Each table's known and required columns (the schema's, passed in by load.ts: ingest sits below the schema),
   * to warn of a sheet whose name is not a table's but whose header is.
   */
  columns?: (table: DataFileName) => { known: readonly string[]; required: readonly string[] };
}

/** Every source of every table in the folder; the workbooks among them are read. */
export async function collectSources(
  listing: DataFolderListing,
  access: SourceAccess,
  onWorkbook?: (p: WorkbookProgress) => void,
  opts: CollectOptions = {},
): Promise<CollectedSources> {
  const out: CollectedSources = { byTable: new Map(), diagnostics: [], notes: [] };
  const top = new Map<DataFileName, TableSource[]>();
  const add = (s: TableSource) => {
    const map = s.report ? out.byTable : top;
    const list = map.get(s.table) ?? [];
    list.push(s);
    map.set(s.table, list);
  };

  for (const name of DATA_FILES) {
    const entry = listing.files.get(name);
    if (entry !== undefined) add({ table: name, file: entry, report: false });
  }
  const reports = listing.hasReports ? await access.listReports() : [];
  const books = [...listing.workbooks, ...reports.filter((rel) => isWorkbookName(rel.slice(rel.lastIndexOf('/') + 1)))];
  const reads = access.readWorkbooks(books);
  const ctx: WorkbookContext = { add, out, reads, onWorkbook, columns: opts.columns };
  for (const entry of listing.workbooks) await addWorkbook(entry, false, ctx);
  // Reports in name order, CSV files and workbooks alike.
  for (const rel of reports) {
    if (reads.has(rel)) await addWorkbook(rel, true, ctx);
    else addReport(rel, add, out);
  }

  const byTable = new Map<DataFileName, TableSource[]>();
  for (const name of DATA_FILES) {
    const first = await oneAtTop(access, top.get(name) ?? [], out.diagnostics);
    const list = [...(first ? [first] : []), ...(out.byTable.get(name) ?? [])];
    if (list.length > 0) byTable.set(name, list);
  }
  out.byTable = byTable;
  return out;
}

/**
 * The one top-level source of a table: the same table given twice is an error naming both. A CSV file with only its
 * header beside a filled-in sheet counts as absent, as an untouched sheet does (those never get here).
 */
async function oneAtTop(
  access: SourceAccess,
  list: TableSource[],
  diagnostics: Diagnostic[],
): Promise<TableSource | undefined> {
  let given = list;
  if (list.length > 1) {
    given = [];
    for (const s of list) if (s.rows !== undefined || (await hasDataRow(access, s.file))) given.push(s);
  }
  const [first, ...others] = given;
  for (const s of others) {
    const name = TABLE_SHEET_NAMES[s.table];
    diagnostics.push({
      severity: 'error',
      file: s.file,
      ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
      message:
        `Bảng ${name.en} (${name.vi}) có ở hai nơi: ${sourceLabel(first!)} và ${sourceLabel(s)}. ` +
        'Mỗi bảng chỉ được có một nơi trong thư mục dữ liệu: giữ lại một (xoá tệp thừa, hoặc đổi tên trang ' +
        `thừa), hoặc đưa báo cáo của đơn vị cấp dưới vào thư mục ${REPORTS_DIR}/.`,
    });
  }
  return first;
}

async function hasDataRow(access: SourceAccess, file: string): Promise<boolean> {
  const read = await access.readText(file);
  let rows = 0;
  parseRows(read.text, file, { header: () => {}, row: () => void rows++ });
  return rows > 0;
}

/** A CSV file of bao-cao/: named after a table, it adds to that table; otherwise it is left aside, with a warning. */
function addReport(rel: string, add: (s: TableSource) => void, out: CollectedSources): void {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const table = dataFileName(base);
  if (table) add({ table, file: rel, report: true });
  else if (base.toLowerCase().endsWith('.csv')) {
    out.diagnostics.push({
      severity: 'warning',
      file: rel,
      message:
        `Tệp ${rel} không mang tên một bảng nên bị bỏ qua. Trong ${REPORTS_DIR}/ tệp CSV phải mang tên bảng ` +
        `(${DATA_FILES.join(', ')}), có thể đặt trong thư mục con của từng đơn vị ` +
        `(${REPORTS_DIR}/binh-lieu/admissions.csv).`,
    });
  }
}

/** The table a workbook's own name stands for: `admissions.xlsx`, `Kết nạp.xlsx`. */
export function tableOfWorkbook(file: string): DataFileName | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.(xlsx|xlsm)$/i, '');
  return tableOfSheet(base);
}

interface WorkbookContext {
  add: (s: TableSource) => void;
  out: CollectedSources;
  reads: Map<string, Promise<WorkbookRead>>;
  onWorkbook: ((p: WorkbookProgress) => void) | undefined;
  columns: CollectOptions['columns'];
}

async function addWorkbook(file: string, report: boolean, ctx: WorkbookContext): Promise<void> {
  const { add, out, reads, onWorkbook, columns } = ctx;
  const own = tableOfWorkbook(file);
  const { content, bytes, ms } = await reads.get(file)!;
  out.diagnostics.push(...content.diagnostics);
  let rows = 0;
  for (const t of content.tables) {
    rows += t.rows.length;
    // A sheet with only its header (an untouched template) counts as absent.
    if (t.rows.length > 0) add({ table: t.table, file, sheet: t.sheet, rows: t, report });
  }
  if (content.others.length > 0) {
    const names = content.others.map((o) => `"${o.sheet}"`).join(', ');
    out.notes.push(`${file}: bỏ qua trang ${names} (không phải bảng số liệu).`);
    for (const o of content.others) {
      const looks = columns && looksLike(o, columns);
      if (looks) out.diagnostics.push(misnamed(file, o, looks, own));
    }
  }
  onWorkbook?.({ file, bytes, rows, ms });
}

export interface WorkbookRead {
  content: WorkbookContent;
  bytes: number;
  ms: number;
}

/** How the sources reach the files: a folder on disk (folder.ts), or files dropped on the check page. */
export interface SourceAccess {
  /** A CSV file's text (decoding warnings in its diagnostics). */
  readText(file: string): Promise<TextFile>;
  /** Starts reading the workbooks (all at once or a few at a time); each result is awaited in listing order. */
  readWorkbooks(files: readonly string[]): Map<string, Promise<WorkbookRead>>;
  /** Every file under bao-cao/, as paths from the data folder with `/`, in name order. */
  listReports(): Promise<string[]>;
}

/** The table whose required columns all head the sheet (the one with most known columns there), if any. */
function looksLike(o: OtherSheet, columns: NonNullable<CollectOptions['columns']>): DataFileName | undefined {
  const cols = new Set(o.firstRow.map((c) => c.toLowerCase()));
  let best: DataFileName | undefined;
  let bestHits = 0;
  for (const name of DATA_FILES) {
    const spec = columns(name);
    if (!spec.required.every((c) => cols.has(c))) continue;
    const hits = spec.known.filter((c) => cols.has(c)).length;
    if (hits > bestHits) [best, bestHits] = [name, hits];
  }
  return best;
}

function misnamed(file: string, o: OtherSheet, table: DataFileName, own: DataFileName | undefined): Diagnostic {
  const name = TABLE_SHEET_NAMES[table];
  const fix =
    own !== undefined
      ? `Sổ ${file} mang tên bảng nên chỉ trang đầu tiên được đọc: chuyển số liệu sang một tệp hoặc trang khác.`
      : `Nếu đây là số liệu cần đọc, đổi tên trang thành "${name.vi}" (hoặc "${name.en}").`;
  return {
    severity: 'warning',
    file,
    sheet: o.sheet,
    message: `Trang "${o.sheet}" có các cột của bảng ${name.en} (${name.vi}) nhưng không được đọc. ${fix}`,
  };
}

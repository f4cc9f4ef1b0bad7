/**
 * A data folder → decoded, parsed tables. Knows which file names the contract defines, which are required,
 * and the `DEMO` marker that tells the site it is showing generated, illustrative data.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../types.ts';
import { decodeBytes } from './decode.ts';
import type { DecodedText } from './decode.ts';
import { parseTable } from './parse.ts';
import { TABLE_SHEET_NAMES } from './sheet-cells.ts';
import type { RawTable } from './parse.ts';

/** The files of the contract, in the order they are read and reported (terms before the periods that use them). */
export const DATA_FILES = ['units.csv', 'terms.csv', 'admissions.csv', 'targets.csv', 'training.csv', 'members.csv'] as const;
export type DataFileName = (typeof DATA_FILES)[number];
export const REQUIRED_FILES: readonly DataFileName[] = ['units.csv', 'admissions.csv'];
/** Names of the marker file; its content does not matter. */
const DEMO_MARKERS = new Set(['demo', 'demo.txt', 'demo.md']);

export interface FileProgress {
  file: string;
  bytes: number;
  rows: number;
  ms: number;
}

export interface DataFolder {
  dir: string;
  /** Only the files that exist, in DATA_FILES order. */
  tables: RawTable[];
  isDemo: boolean;
  /** Folder problems (missing or ignored files) and each table's decoding and parsing problems. */
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** Called after each file is read and parsed (for progress lines on big data). */
  onFile?: (progress: FileProgress) => void;
}

/** The canonical name a folder entry stands for (file names are matched case-insensitively: `Units.CSV` works). */
export function dataFileName(entry: string): DataFileName | undefined {
  const lower = entry.toLowerCase();
  return (DATA_FILES as readonly string[]).includes(lower) ? (lower as DataFileName) : undefined;
}

export interface DataFolderListing {
  dir: string;
  /** Canonical name → the entry as found in the folder (names match case-insensitively). */
  files: Map<DataFileName, string>;
  isDemo: boolean;
  /** Workbooks (.xlsx, .xlsm) in the folder, in name order: each may hold tables (see sources.ts). */
  workbooks: string[];
  /** The folder has a `bao-cao/` subfolder of reports from the units below. */
  hasReports: boolean;
  /** Missing required files, ignored files, a folder that does not exist. */
  diagnostics: Diagnostic[];
}

/** The subfolder of reports collected from the units below: its files add rows to the tables. */
export const REPORTS_DIR = 'bao-cao';

/** A workbook the reader takes (Excel's lock files `~$…` and LibreOffice's `.~lock…` are not workbooks). */
export function isWorkbookName(entry: string): boolean {
  const lower = entry.toLowerCase();
  return /\.(xlsx|xlsm)$/.test(lower) && !lower.startsWith('~$') && !lower.startsWith('.~lock');
}

/** Which data files the folder holds, without reading them. */
export async function listDataFolder(dir: string): Promise<DataFolderListing> {
  const diagnostics: Diagnostic[] = [];
  const found = new Map<DataFileName, string>();
  let entries: string[];
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
    entries = (await readdir(dir)).sort();
  } catch {
    diagnostics.push({
      severity: 'error',
      file: dir,
      message: `Không tìm thấy thư mục dữ liệu ${dir}. Đặt các tệp CSV vào thư mục data/ hoặc chỉ đường dẫn bằng biến môi trường DATA_DIR.`,
    });
    return { dir, files: found, isDemo: false, workbooks: [], hasReports: false, diagnostics };
  }

  let isDemo = false;
  const workbooks: string[] = [];
  let hasReports = false;
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    const known = dataFileName(entry);
    if (known) {
      const other = found.get(known);
      if (other !== undefined) {
        diagnostics.push({
          severity: 'error',
          file: entry,
          message: `Thư mục có hai tệp cùng tên ${known} (${other} và ${entry}, chỉ khác chữ hoa/thường). Giữ lại một tệp.`,
        });
        continue;
      }
      found.set(known, entry);
    } else if (DEMO_MARKERS.has(lower)) {
      isDemo = true;
    } else if (isWorkbookName(entry)) {
      workbooks.push(entry);
    } else if (lower === REPORTS_DIR && (await stat(join(dir, entry))).isDirectory()) {
      hasReports = true;
    } else if (lower.endsWith('.csv')) {
      diagnostics.push({
        severity: 'warning',
        file: entry,
        message: `Tệp ${entry} không thuộc bộ dữ liệu nên bị bỏ qua. Các tệp được đọc: ${DATA_FILES.join(', ')}.`,
      });
    } else if (/\.(xls|ods)$/.test(lower) && !lower.startsWith('~$') && !lower.startsWith('.~lock')) {
      diagnostics.push({
        severity: 'warning',
        file: entry,
        message:
          `Tệp bảng tính ${entry} không được đọc: chỉ đọc tệp CSV và sổ làm việc Excel .xlsx. ` +
          'Mở tệp rồi "Lưu thành" kiểu "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8".',
      });
    }
  }

  // A required table may also come from a workbook or the reports: then loadInputs decides once they are read.
  if (workbooks.length === 0 && !hasReports) diagnostics.push(...missingRequired(new Set(found.keys()), dir));
  return { dir, files: found, isDemo, workbooks, hasReports, diagnostics };
}

/** An error for each required table not among `present`. */
export function missingRequired(present: ReadonlySet<DataFileName>, dir: string): Diagnostic[] {
  return REQUIRED_FILES.filter((name) => !present.has(name)).map((name) => ({
    severity: 'error' as const,
    file: name,
    message:
      `Thiếu tệp bắt buộc ${name} trong thư mục ${dir} ` +
      `(hoặc trang "${TABLE_SHEET_NAMES[name].vi}" trong một sổ làm việc .xlsx).`,
  }));
}

/** Reads one data file as text (decoding warnings in `diagnostics`). */
export async function readDataFile(dir: string, entry: string): Promise<{ text: string; bytes: number; encoding: DecodedText['encoding']; diagnostics: Diagnostic[] }> {
  const bytes = await readFile(join(dir, entry));
  const decoded = decodeBytes(bytes, entry);
  return { text: decoded.text, bytes: bytes.byteLength, encoding: decoded.encoding, diagnostics: decoded.diagnostics };
}

/** Reads and parses every data file of the folder into tables (all rows in memory; loadInputs streams instead). */
export async function readDataFolder(dir: string, opts: ReadOptions = {}): Promise<DataFolder> {
  const listing = await listDataFolder(dir);
  const diagnostics = [...listing.diagnostics];
  const tables: RawTable[] = [];
  for (const name of DATA_FILES) {
    const entry = listing.files.get(name);
    if (entry === undefined) continue;
    const t0 = performance.now();
    const read = await readDataFile(dir, entry);
    const table = parseTable(read.text, entry, read.encoding);
    diagnostics.push(...read.diagnostics, ...table.diagnostics);
    tables.push(table);
    opts.onFile?.({ file: entry, bytes: read.bytes, rows: table.rows.length, ms: performance.now() - t0 });
  }
  return { dir, tables, isDemo: listing.isDemo, diagnostics };
}

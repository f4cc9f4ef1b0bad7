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
import type { RawTable } from './parse.ts';

/** The files of the contract, in the order they are read and reported (terms before the periods that use them). */
export const DATA_FILES = [
  'units.csv',
  'terms.csv',
  'admissions.csv',
  'targets.csv',
  'training.csv',
  'members.csv',
] as const;
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
  /** Missing required files, ignored files, a folder that does not exist. */
  diagnostics: Diagnostic[];
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
      message:
        `Không tìm thấy thư mục dữ liệu ${dir}. ` +
        'Đặt các tệp CSV vào thư mục data/ ' +
        'hoặc chỉ đường dẫn bằng biến môi trường DATA_DIR.',
    });
    return { dir, files: found, isDemo: false, diagnostics };
  }

  let isDemo = false;
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    const known = dataFileName(entry);
    if (known) {
      const other = found.get(known);
      if (other !== undefined) {
        diagnostics.push({
          severity: 'error',
          file: entry,
          message:
            `Thư mục có hai tệp cùng tên ${known} (${other} và ${entry}, chỉ khác chữ hoa/thường). ` +
            'Giữ lại một tệp.',
        });
        continue;
      }
      found.set(known, entry);
    } else if (DEMO_MARKERS.has(lower)) {
      isDemo = true;
    } else if (lower.endsWith('.csv')) {
      diagnostics.push({
        severity: 'warning',
        file: entry,
        message: `Tệp ${entry} không thuộc bộ dữ liệu nên bị bỏ qua. Các tệp được đọc: ${DATA_FILES.join(', ')}.`,
      });
    } else if (/\.(xlsx|xlsm|xls|ods)$/.test(lower) && !lower.startsWith('~$') && !lower.startsWith('.~lock')) {
      diagnostics.push({
        severity: 'warning',
        file: entry,
        message:
          `Tệp bảng tính ${entry} không được đọc: trang chỉ đọc tệp CSV. ` +
          'Trong Excel chọn "Lưu thành" → "CSV UTF-8".',
      });
    }
  }

  for (const name of REQUIRED_FILES) {
    if (!found.has(name)) {
      const message = `Thiếu tệp bắt buộc ${name} trong thư mục ${dir}.`;
      diagnostics.push({ severity: 'error', file: name, message });
    }
  }
  return { dir, files: found, isDemo, diagnostics };
}

/** Reads one data file as text (decoding warnings in `diagnostics`). */
export async function readDataFile(dir: string, entry: string): Promise<DecodedText & { bytes: number }> {
  const bytes = await readFile(join(dir, entry));
  return { ...decodeBytes(bytes, entry), bytes: bytes.byteLength };
}

/** What parsing one file gave: how many rows, and the problems of its structure. */
export interface ParsedFile {
  rows: number;
  diagnostics: Diagnostic[];
}

/**
 * The one loop over a folder's data files, behind readDataFolder and loadInputs: reads each listed file in
 * `order` and hands its text to `parse` (which keeps what it needs: whole tables, or rows streamed into the
 * validator). Returns the folder's diagnostics, then each file's decoding and parsing ones, in that order.
 */
export async function readEachFile(
  listing: DataFolderListing,
  order: readonly DataFileName[],
  parse: (name: DataFileName, entry: string, read: DecodedText) => ParsedFile,
  onFile?: (progress: FileProgress) => void,
): Promise<Diagnostic[]> {
  const diagnostics = [...listing.diagnostics];
  for (const name of order) {
    const entry = listing.files.get(name);
    if (entry === undefined) continue;
    const t0 = performance.now();
    const read = await readDataFile(listing.dir, entry);
    const parsed = parse(name, entry, read);
    diagnostics.push(...read.diagnostics, ...parsed.diagnostics);
    onFile?.({ file: entry, bytes: read.bytes, rows: parsed.rows, ms: performance.now() - t0 });
  }
  return diagnostics;
}

/** Reads and parses every data file of the folder into tables (all rows in memory; loadInputs streams instead). */
export async function readDataFolder(dir: string, opts: ReadOptions = {}): Promise<DataFolder> {
  const listing = await listDataFolder(dir);
  const tables: RawTable[] = [];
  const parse = (_name: DataFileName, entry: string, read: DecodedText) => {
    const table = parseTable(read.text, entry, read.encoding);
    tables.push(table);
    return { rows: table.rows.length, diagnostics: table.diagnostics };
  };
  const diagnostics = await readEachFile(listing, DATA_FILES, parse, opts.onFile);
  return { dir, tables, isDemo: listing.isDemo, diagnostics };
}

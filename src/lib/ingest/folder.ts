/**
 * A data folder → decoded, parsed tables. Knows which file names the contract defines, which are required,
 * and the `DEMO` marker that tells the site it is showing generated, illustrative data.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../types.ts';
import { decodeFile } from './decode.ts';
import type { TextFile } from './decode.ts';
import { DATA_FILES, REPORTS_DIR, classifyEntries, missingRequired } from './names.ts';
import type { DataFileName, DataFolderListing } from './names.ts';
import { unpackRows } from './packed.ts';
import type { PackedRows } from './packed.ts';
import { parseTable } from './parse.ts';
import type { RawTable } from './parse.ts';
import { tableOfWorkbook } from './sources.ts';
import type { SourceAccess, WorkbookRead } from './sources.ts';
import { readWorkbook, sheetPicker } from './workbook.ts';
import type { WorkbookContent } from './workbook.ts';
import { streamSheets } from './workbook-stream.ts';

// The names are the browser's too (names.ts); here, for the importers of this module.
export { DATA_FILES, REQUIRED_FILES, dataFileName } from './names.ts';
export type { DataFileName, DataFolderListing } from './names.ts';

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

/** Which data files the folder holds, without reading them. */
export async function listDataFolder(dir: string): Promise<DataFolderListing> {
  let entries: string[];
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
    entries = (await readdir(dir)).sort();
  } catch {
    const message =
      `Không tìm thấy thư mục dữ liệu ${dir}. ` +
      'Đặt các tệp CSV vào thư mục data/ hoặc chỉ đường dẫn bằng biến môi trường DATA_DIR.';
    const diagnostics: Diagnostic[] = [{ severity: 'error', file: dir, message }];
    return { dir, files: new Map(), isDemo: false, workbooks: [], hasReports: false, diagnostics };
  }
  const dirs = new Set<string>();
  for (const e of entries) if (e.toLowerCase() === REPORTS_DIR && (await stat(join(dir, e))).isDirectory()) dirs.add(e);
  const listing = classifyEntries(dir, entries, dirs);
  // A required table may also come from a workbook or the reports: then loadInputs decides once they are read.
  const { files, workbooks, hasReports } = listing;
  if (workbooks.length === 0 && !hasReports) listing.diagnostics.push(...missingRequired(new Set(files.keys()), dir));
  return listing;
}

/** Reads one data file as text (decoding warnings in `diagnostics`). */
export async function readDataFile(dir: string, entry: string): Promise<TextFile> {
  return decodeFile(await readFile(join(dir, entry)), entry);
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

/** The folder's files for collectSources: texts decoded, workbooks read (big ones in worker threads), reports. */
export function folderAccess(dir: string, opts: { workerFromBytes?: number } = {}): SourceAccess {
  return {
    readText: (file) => readDataFile(dir, file),
    readWorkbooks: (files) => readAll(dir, files, opts.workerFromBytes ?? WORKER_FROM_BYTES),
    listReports: () => listTree(join(dir, REPORTS_DIR), REPORTS_DIR),
  };
}

async function listTree(abs: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(abs)).sort()) {
    const st = await stat(join(abs, e));
    if (st.isDirectory()) out.push(...(await listTree(join(abs, e), `${rel}/${e}`)));
    else out.push(`${rel}/${e}`);
  }
  return out;
}

/** Workbooks of at least this size are read in a worker thread, several at once (one per core). */
const WORKER_FROM_BYTES = 1 << 20;
// A path, not `new URL(…, import.meta.url)`, which Vite would take for a browser worker to bundle.
const WORKER_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'workbook-worker.ts');

/** Starts reading every workbook, as many at once as there are cores; each result is awaited in listing order. */
function readAll(dir: string, files: readonly string[], workerFrom: number): Map<string, Promise<WorkbookRead>> {
  const slots = Math.max(1, availableParallelism());
  let running = 0;
  const waiting: (() => void)[] = [];
  const out = new Map<string, Promise<WorkbookRead>>();
  for (const file of files) {
    out.set(
      file,
      (async () => {
        if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
        running++;
        const t0 = performance.now();
        try {
          const read = await readWorkbookFile(join(dir, file), file, tableOfWorkbook(file), workerFrom);
          return { ...read, ms: performance.now() - t0 };
        } catch (error) {
          // Not the bytes (readWorkbook reports those) but the reading itself: a file that cannot be opened.
          const message = `Không đọc được tệp ${file} (${(error as Error).message ?? String(error)}).`;
          const content = { tables: [], others: [], diagnostics: [{ severity: 'error' as const, file, message }] };
          return { content, bytes: 0, ms: performance.now() - t0 };
        } finally {
          running--;
          waiting.shift()?.();
        }
      })(),
    );
  }
  return out;
}

async function readWorkbookFile(
  path: string,
  file: string,
  own: DataFileName | undefined,
  workerFrom: number,
): Promise<Omit<WorkbookRead, 'ms'>> {
  if ((await stat(path)).size >= workerFrom) {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { path, file, own } });
    return new Promise<Omit<WorkbookRead, 'ms'>>((resolve, reject) => {
      worker.once('message', (m: { content: WorkbookContent; packed: PackedRows[]; bytes: number }) => {
        for (const [i, t] of m.content.tables.entries()) t.rows = unpackRows(m.packed[i]!);
        resolve({ content: m.content, bytes: m.bytes });
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`luồng đọc dừng với mã ${code}`)));
    }).finally(() => void worker.terminate());
  }
  const bytes = await readFile(path);
  const content = await readWorkbook(bytes, file, sheetPicker(own), { stream: streamSheets });
  return { content, bytes: bytes.byteLength };
}

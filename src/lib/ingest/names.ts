/**
 * The contract's file names and how the entries of a data folder are told apart (tables, workbooks, the DEMO
 * marker, bao-cao/), without touching a disk: the folder reader and the browser's check page share it.
 */
import type { Diagnostic } from '../types.ts';
import { TABLE_SHEET_NAMES } from './sheet-cells.ts';

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

/** The listing of a folder's entries (sorted; `dirs`: those that are folders), required tables not yet checked. */
export function classifyEntries(dir: string, entries: readonly string[], dirs: ReadonlySet<string>): DataFolderListing {
  const diagnostics: Diagnostic[] = [];
  const found = new Map<DataFileName, string>();
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
          message:
            `Thư mục có hai tệp cùng tên ${known} (${other} và ${entry}, chỉ khác chữ hoa/thường). ` +
            'Giữ lại một tệp.',
        });
        continue;
      }
      found.set(known, entry);
    } else if (DEMO_MARKERS.has(lower)) {
      isDemo = true;
    } else if (isWorkbookName(entry)) {
      workbooks.push(entry);
    } else if (lower === REPORTS_DIR && dirs.has(entry)) {
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

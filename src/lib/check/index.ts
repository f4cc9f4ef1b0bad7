/**
 * Files given as bytes (dropped on the check page, or a test's) → what `npm run check` and the build make of them:
 * the same listing, sources, decoding, workbook reading, validation and model as a data folder (ingest, schema,
 * model), with no Node API, so the browser runs it. The workbook reader (exceljs, about 1 MB) is imported only when
 * a workbook is among the files. A unit below the board checks its own tables against the site's published units
 * and terms: given as `opts.units` / `opts.terms`, they stand in for the tables the files do not hold.
 */
// First: before the schema modules build their parsers (see strict-csp.ts).
import './strict-csp.ts';
import type { Dataset, Diagnostic, Inputs } from '../types.ts';
import { decodeFile } from '../ingest/decode.ts';
import { classifyEntries } from '../ingest/names.ts';
import type { DataFileName } from '../ingest/names.ts';
import { collectSources, tableOfWorkbook } from '../ingest/sources.ts';
import type { SourceAccess, TableSource, WorkbookRead } from '../ingest/sources.ts';
import { computeDataset } from '../model/index.ts';
import { FILE_COLUMNS } from '../schema/columns.ts';
import { validateSources } from '../schema/sources.ts';
import { checkSummary } from './summary.ts';
import type { CheckSummary } from './summary.ts';

export interface CheckFile {
  name: string;
  bytes: Uint8Array;
}

export interface CheckOptions {
  /** The site's published units.csv, used when the files hold no units table. */
  units?: Uint8Array;
  /** The site's published terms.csv (absent when the site uses the default terms), likewise. */
  terms?: Uint8Array;
}

export interface CheckResult {
  /** Errors and warnings of reading, validation and the model, at the user's file, sheet, row and cell. */
  diagnostics: Diagnostic[];
  inputs: Inputs;
  /** What the build would compute, when there is no error. */
  dataset?: Dataset;
  summary?: CheckSummary;
  /** The site's tables that stood in for missing ones, with the name messages give them. */
  published: { table: DataFileName; label: string }[];
  /** Sheets of a workbook left aside, and why. */
  notes: string[];
}

/** How a published table is named in messages (it is never one of the user's files). */
const PUBLISHED_LABEL: Partial<Record<DataFileName, string>> = {
  'units.csv': 'units.csv (đã công bố trên trang)',
  'terms.csv': 'terms.csv (đã công bố trên trang)',
};

/** What the files are called in messages where a folder would be named. */
const FILES_LABEL = 'các tệp đã chọn';

export async function checkFiles(files: readonly CheckFile[], opts: CheckOptions = {}): Promise<CheckResult> {
  const bytesOf = new Map<string, Uint8Array>();
  // A browser hands files without folders; the same name twice is one file given twice: the last one counts.
  for (const f of files) bytesOf.set(f.name, f.bytes);
  const published: CheckResult['published'] = [];
  const listing = classifyEntries(FILES_LABEL, [...bytesOf.keys()].sort(), new Set());
  const access: SourceAccess = {
    readText: async (file) => decodeFile(bytesOf.get(file) ?? new Uint8Array(), file),
    readWorkbooks: (names) => readWorkbooks(names, bytesOf),
    listReports: async () => [],
  };
  const sources = await collectSources(listing, access, undefined, { columns: (t) => FILE_COLUMNS[t] });
  const own = [...sources.byTable.keys()];
  for (const [table, bytes] of [
    ['units.csv', opts.units],
    ['terms.csv', opts.terms],
  ] as const) {
    if (bytes === undefined || sources.byTable.has(table)) continue;
    const file = PUBLISHED_LABEL[table]!;
    bytesOf.set(file, bytes);
    sources.byTable.set(table, [{ table, file, report: false } satisfies TableSource]);
    published.push({ table, label: file });
  }
  // Against the site's units the files are a report from a unit below: its tables add to the board's, which
  // holds the required ones. Otherwise they are a whole data set, as the build requires it.
  // With no table at all, one error says so instead of one per required table.
  const report = published.some((p) => p.table === 'units.csv');
  const checkRequired = !report && own.length > 0;
  const { inputs, locator } = await validateSources(listing, sources, access, { checkRequired });
  const diagnostics = [...inputs.diagnostics];
  // Nothing read and nothing said why (a workbook that is not one says so itself).
  if (own.length === 0 && !diagnostics.some((d) => d.severity === 'error')) diagnostics.unshift(noTables(files));
  const result: CheckResult = { diagnostics, inputs, published, notes: sources.notes };
  if (diagnostics.some((d) => d.severity === 'error')) return result;
  const dataset = computeDataset(inputs);
  result.diagnostics = locator.sort([...diagnostics, ...dataset.warnings.map(locator.locate)]);
  result.dataset = dataset;
  result.summary = checkSummary(dataset, new Set(published.map((p) => p.table)));
  return result;
}

function readWorkbooks(names: readonly string[], bytesOf: Map<string, Uint8Array>): Map<string, Promise<WorkbookRead>> {
  const out = new Map<string, Promise<WorkbookRead>>();
  for (const file of names) {
    out.set(
      file,
      (async () => {
        const t0 = performance.now();
        // Only here: the reader and exceljs load when a workbook is given.
        const { readWorkbook, sheetPicker } = await import('../ingest/workbook.ts');
        const bytes = bytesOf.get(file) ?? new Uint8Array();
        const content = await readWorkbook(bytes, file, sheetPicker(tableOfWorkbook(file)));
        return { content, bytes: bytes.byteLength, ms: performance.now() - t0 };
      })(),
    );
  }
  return out;
}

function noTables(files: readonly CheckFile[]): Diagnostic {
  const names = files.map((f) => f.name).join(', ') || '(không có tệp)';
  return {
    severity: 'error',
    file: names,
    message:
      'Không thấy bảng số liệu nào trong các tệp đã chọn. Tệp CSV phải mang tên bảng (admissions.csv, ' +
      'targets.csv, …); sổ làm việc .xlsx mang tên bảng hoặc có trang mang tên bảng ("Kết nạp", "Chỉ tiêu", …), ' +
      'như mẫu nhập liệu data/mau-nhap-lieu.xlsx.',
  };
}

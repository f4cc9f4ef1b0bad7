/**
 * A data folder → validated Inputs, and (re-exported from diagnostics.ts) the one text format for diagnostics that
 * the CLI, the build and the tests share: `file:line:column [header] "value": message`.
 */
import type { Dataset, Diagnostic, Inputs } from './types.ts';
import { REQUIRED_FILES, listDataFolder, missingRequired } from './ingest/folder.ts';
import type { DataFileName, FileProgress } from './ingest/folder.ts';
import { Locator, feedTable } from './ingest/feed.ts';
import { collectSources, sourceLabel } from './ingest/sources.ts';
import { FILE_COLUMNS, mapColumns } from './schema/columns.ts';
import { VALIDATION_ORDER, Validator } from './schema/validate.ts';

export interface LoadOptions {
  /** Called after each file is read and checked (for progress lines on big data). */
  onFile?: (progress: FileProgress) => void;
  /** Lines for the check's output that are neither errors nor warnings (sheets of a workbook left aside). */
  onNote?: (line: string) => void;
}

/** Each loaded Inputs' way back from the validator's locations to the user's (model warnings carry them too). */
const locators = new WeakMap<Inputs, Locator>();

/** A diagnostic about rows of `inputs` (a model warning) at the user's file, sheet, row and cell. */
export function locateDiagnostic(inputs: Inputs, d: Diagnostic): Diagnostic {
  return locators.get(inputs)?.locate(d) ?? d;
}

/**
 * Reads and validates every table of the folder, from CSV files, workbooks and the reports of bao-cao/;
 * diagnostics of reading and of validation, sorted by table, source and line. Each CSV file is validated while it
 * is parsed, so only the rows that pass are kept in memory.
 */
export async function loadInputs(dir: string, opts: LoadOptions = {}): Promise<Inputs & { isDemo: boolean }> {
  const listing = await listDataFolder(dir);
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  const sources = await collectSources(listing, (p) => opts.onFile?.(p), { columns: (t) => FILE_COLUMNS[t] });
  diagnostics.push(...sources.diagnostics);
  for (const note of sources.notes) opts.onNote?.(note);
  const validator = new Validator();
  const locator = new Locator();
  for (const name of VALIDATION_ORDER) {
    const list = sources.byTable.get(name);
    if (list === undefined) continue;
    const t0 = performance.now();
    const fed = await feedTable(dir, name, list, validator, locator, mapColumns);
    validator.end(name);
    // The validator kept what passed: a sheet's rows as read are no longer needed.
    for (const s of list) if (s.rows) s.rows.rows = [];
    diagnostics.push(...fed.diagnostics);
    // A required table with only its header counts as absent (an empty file, say, is already reported as such).
    if (fed.rows === 0 && REQUIRED_FILES.includes(name) && !fed.explained) {
      diagnostics.push(headerOnly(name, list.map(sourceLabel)));
    }
    // Workbooks were reported as they were read; a table of several sources is named by all of them.
    if (list.length > 1 || list[0]!.sheet === undefined) {
      const file = list.map(sourceLabel).join(' + ');
      opts.onFile?.({ file, bytes: fed.bytes, rows: fed.rows, ms: performance.now() - t0 });
    }
  }
  // With workbooks or reports, the folder listing could not tell which tables exist.
  if (listing.workbooks.length > 0 || listing.hasReports) {
    diagnostics.push(...missingRequired(new Set(sources.byTable.keys()), dir));
  }
  const inputs = validator.finish();
  const all = [...diagnostics, ...inputs.diagnostics.map(locator.locate)];
  const out = { ...inputs, diagnostics: locator.sort(all), isDemo: listing.isDemo };
  locators.set(out, locator);
  return out;
}

function headerOnly(name: DataFileName, labels: string[]): Diagnostic {
  return {
    severity: 'error',
    file: name,
    message:
      `Bảng bắt buộc ${name.replace(/\.csv$/, '')} chỉ có dòng tiêu đề, chưa có dòng số liệu nào ` +
      `(${labels.join(', ')}): bảng coi như thiếu. Nhập số liệu vào bảng rồi chạy lại.`,
  };
}

// The one formatter lives with the grouping, in a module a browser page can import too.
export { formatDiagnostic, formatLocation } from './diagnostics.ts';

/** A data folder → the Dataset the pages render (errors stay in `dataset.inputs.diagnostics`; the check decides). */
export async function loadDataset(dir: string, opts: LoadOptions = {}): Promise<Dataset> {
  // Imported here, not at the top: `npm run check` loads this file and needs none of the model.
  const { computeDataset } = await import('./model/index.ts');
  const inputs = await loadInputs(dir, opts);
  return computeDataset(inputs, { isDemo: inputs.isDemo });
}

/**
 * A data folder → validated Inputs, and (re-exported from diagnostics.ts) the one text format for diagnostics that
 * the CLI, the build and the tests share: `file:line:column [header] "value": message`.
 */
import type { Dataset, Diagnostic, Inputs } from './types.ts';
import { folderAccess, listDataFolder } from './ingest/folder.ts';
import type { DataFileName, FileProgress } from './ingest/folder.ts';
import type { Locator } from './ingest/feed.ts';
import { collectSources } from './ingest/sources.ts';
import { FILE_COLUMNS } from './schema/columns.ts';
import { validateSources } from './schema/sources.ts';

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
  const access = folderAccess(dir);
  const columns = (t: DataFileName) => FILE_COLUMNS[t];
  const sources = await collectSources(listing, access, (p) => opts.onFile?.(p), { columns });
  for (const note of sources.notes) opts.onNote?.(note);
  // With workbooks or reports, the folder listing could not tell which tables exist.
  const checkRequired = listing.workbooks.length > 0 || listing.hasReports;
  const { inputs, locator } = await validateSources(listing, sources, access, {
    checkRequired,
    ...(opts.onFile ? { onFile: opts.onFile } : {}),
  });
  const out = { ...inputs, isDemo: listing.isDemo };
  locators.set(out, locator);
  return out;
}

// The one formatter lives with the grouping, in a module a browser page can import too.
export { formatDiagnostic } from './diagnostics.ts';

/** A data folder → the Dataset the pages render (errors stay in `dataset.inputs.diagnostics`; the check decides). */
export async function loadDataset(dir: string, opts: LoadOptions = {}): Promise<Dataset> {
  // Imported here, not at the top: `npm run check` loads this file and needs none of the model.
  const { computeDataset } = await import('./model/index.ts');
  const inputs = await loadInputs(dir, opts);
  return computeDataset(inputs, { isDemo: inputs.isDemo });
}

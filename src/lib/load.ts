/**
 * A data folder → validated Inputs, and the one text format for diagnostics that the CLI, the build and
 * the tests share: `file:line:column [header] "value": message`.
 */
import type { Dataset, Diagnostic, Inputs } from './types.ts';
import { listDataFolder, readEachFile } from './ingest/folder.ts';
import type { FileProgress } from './ingest/folder.ts';
import { parseRows } from './ingest/parse.ts';
import { VALIDATION_ORDER, Validator, sortDiagnostics } from './schema/validate.ts';

export interface LoadOptions {
  /** Called after each file is read and checked (for progress lines on big data). */
  onFile?: (progress: FileProgress) => void;
}

/**
 * Reads and validates every file of the folder; diagnostics of reading and of validation, sorted by file
 * and line. Each file is validated while it is parsed, so only the rows that pass are kept in memory.
 */
export async function loadInputs(dir: string, opts: LoadOptions = {}): Promise<Inputs & { isDemo: boolean }> {
  const listing = await listDataFolder(dir);
  const validator = new Validator();
  const diagnostics = await readEachFile(
    listing,
    VALIDATION_ORDER,
    (name, entry, read) => {
      const parsed = parseRows(read.text, entry, validator.sink(name, entry));
      validator.end(name);
      return parsed;
    },
    opts.onFile,
  );
  const inputs = validator.finish();
  return { ...inputs, diagnostics: sortDiagnostics([...diagnostics, ...inputs.diagnostics]), isDemo: listing.isDemo };
}

const MAX_VALUE = 80;

/**
 * `admissions.csv:12:3 [admitted] "12a": Không phải số nguyên không âm. …`
 * Line and column number are 1-based, as an editor and a spreadsheet count them; parts that do not apply are left out
 * (`units.csv: Thiếu tệp …`, `terms.csv:4: Nhiệm kỳ … chồng lên …`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) {
    where += `:${d.line}`;
    if (d.columnNumber !== undefined) where += `:${d.columnNumber}`;
  }
  if (d.column !== undefined && d.column !== '') where += ` [${d.column}]`;
  if (d.value !== undefined) {
    const v = d.value.length > MAX_VALUE ? `${d.value.slice(0, MAX_VALUE)}…` : d.value;
    where += ` ${JSON.stringify(v)}`;
  }
  return `${where}: ${d.message}`;
}

/** A data folder → the Dataset the pages render (errors stay in `dataset.inputs.diagnostics`; the check decides). */
export async function loadDataset(dir: string, opts: LoadOptions = {}): Promise<Dataset> {
  // Imported here, not at the top: `npm run check` loads this file and needs none of the model.
  const { computeDataset } = await import('./model/index.ts');
  const inputs = await loadInputs(dir, opts);
  return computeDataset(inputs, { isDemo: inputs.isDemo });
}

/**
 * A data folder → validated Inputs, and the one text format for diagnostics that the CLI, the build and
 * the tests share: `file:line:column [header] "value": message`.
 */
import type { Dataset, Diagnostic, Inputs } from './types.ts';
import { computeDataset } from './model/index.ts';
import { readDataFolder } from './ingest/folder.ts';
import type { ReadOptions } from './ingest/folder.ts';
import { sortDiagnostics, validate } from './schema/validate.ts';

export type LoadOptions = ReadOptions;

/** Reads and validates every file of the folder; diagnostics of reading and of validation, sorted by file and line. */
export async function loadInputs(dir: string, opts: LoadOptions = {}): Promise<Inputs & { isDemo: boolean }> {
  const folder = await readDataFolder(dir, opts);
  const inputs = validate(folder.tables);
  return { ...inputs, diagnostics: sortDiagnostics([...folder.diagnostics, ...inputs.diagnostics]), isDemo: folder.isDemo };
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
  const inputs = await loadInputs(dir, opts);
  return computeDataset(inputs, { isDemo: inputs.isDemo });
}

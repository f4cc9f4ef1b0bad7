/**
 * The collected sources of a data set → validated Inputs: each table fed to the validator in VALIDATION_ORDER,
 * required tables checked, every diagnostic at the user's file, sheet, row and cell. The one path from sources to
 * Inputs, for a folder on disk (load.ts) and for the files dropped on the check page (check/).
 */
import type { Diagnostic, Inputs } from '../types.ts';
import { Locator, feedTable } from '../ingest/feed.ts';
import type { FileProgress } from '../ingest/folder.ts';
import { REQUIRED_FILES, missingRequired } from '../ingest/names.ts';
import type { DataFileName, DataFolderListing } from '../ingest/names.ts';
import { sourceLabel } from '../ingest/sources.ts';
import type { CollectedSources, SourceAccess } from '../ingest/sources.ts';
import { mapColumns } from './columns.ts';
import { VALIDATION_ORDER, Validator } from './validate.ts';
import type { ValidateOptions } from './validate.ts';

export interface SourcesOptions extends ValidateOptions {
  /** Called after each table of several sources (or a CSV file) is read and checked. */
  onFile?: (progress: FileProgress) => void;
  /** Report the required tables missing among the sources (the folder listing has done it when it could). */
  checkRequired: boolean;
}

/** Validated Inputs (diagnostics sorted, at the user's locations) and the Locator that placed them. */
export async function validateSources(
  listing: DataFolderListing,
  sources: CollectedSources,
  access: SourceAccess,
  opts: SourcesOptions,
): Promise<{ inputs: Inputs; locator: Locator }> {
  const diagnostics: Diagnostic[] = [...listing.diagnostics, ...sources.diagnostics];
  const validator = new Validator(opts.defaultTerms ? { defaultTerms: opts.defaultTerms } : {});
  const locator = new Locator();
  for (const name of VALIDATION_ORDER) {
    const list = sources.byTable.get(name);
    if (list === undefined) continue;
    const t0 = performance.now();
    const fed = await feedTable(access, name, list, validator, locator, mapColumns);
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
  if (opts.checkRequired) diagnostics.push(...missingRequired(new Set(sources.byTable.keys()), listing.dir));
  const inputs = validator.finish();
  const all = [...diagnostics, ...inputs.diagnostics.map(locator.locate)];
  return { inputs: { ...inputs, diagnostics: locator.sort(all) }, locator };
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

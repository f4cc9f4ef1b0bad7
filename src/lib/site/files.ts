/**
 * Files a page produces besides its HTML: the CSV of each chart, a unit's indicators.
 * The page that already computed a chart writes its CSV at once, instead of Astro rendering one more route per
 * file (six per unit: most of the build time on a national data set). scripts/build.ts points this at the folder
 * Astro is building into; `astro dev` has no such folder and the downloads are then missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../publish/csv.ts';
import type { IndicatorRow } from '../types.ts';
import { sitePath } from './href.ts';
import type { CsvData } from './view.ts';

declare global {
  // eslint-disable-next-line no-var
  var __PDV_FILES_DIR__: string | undefined;
}

const made = new Set<string>();
const dirs = new Set<string>();

/** Writes `content` to `relPath` (relative to the site root) in the build's output folder; once per path. */
export function emitFile(relPath: string, content: string | Uint8Array): void {
  const dir = globalThis.__PDV_FILES_DIR__;
  if (!dir || made.has(relPath)) return;
  made.add(relPath);
  const file = path.join(dir, relPath);
  if (!file.startsWith(dir + path.sep)) throw new Error(`emitFile: ${relPath} escapes the output folder`);
  const parent = path.dirname(file);
  if (!dirs.has(parent)) {
    mkdirSync(parent, { recursive: true });
    dirs.add(parent);
  }
  writeFileSync(file, content);
}

/** The CSV behind a chart or table, at the address its download link points to (an href() link). */
export function emitCsv(link: string, csv: CsvData): void {
  if (!globalThis.__PDV_FILES_DIR__) return;
  emitFile(sitePath(link), toCsv(csv.columns, csv.rows));
}

export const INDICATOR_CSV_COLUMNS = ['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis'];

/** A unit's rows of indicators.csv, at its download link. */
export function emitIndicatorsCsv(link: string, rows: readonly IndicatorRow[]): void {
  if (!globalThis.__PDV_FILES_DIR__) return;
  emitFile(
    sitePath(link),
    toCsv(INDICATOR_CSV_COLUMNS, rows.map((r) => [r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis])),
  );
}

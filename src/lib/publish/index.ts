/**
 * The files the site publishes under `data/` (spec, "What the site publishes for download"):
 * - each validated input table, re-written as clean CSV (UTF-8 with BOM, same columns);
 * - `indicators.csv`, header `unit_id,period,indicator,value,months,of_months,basis`;
 * - `indicators.json`: the same rows for programs, in column form (`{"columns": [the seven names], "rows": [[…], …]}`,
 *   one row per line): an array of objects would repeat the seven keys on millions of rows and more than double
 *   the file on a national data set. `value` is a JSON number (or the string `ahead`/`behind` for pace_status),
 *   `months`/`of_months` are null where the CSV cell is empty. The formula guard is a spreadsheet
 *   matter and does not apply to JSON: a change of −3 is the number -3 there.
 *
 * Rows come in the dataset's order (unit id, window, indicator), so two runs write identical bytes.
 * Files are written in chunks of about 1 MB: the national indicators run to millions of rows. A file that would pass
 * 25 MiB is published as parts between provinces, listed in `NAME.parts.json` (parts.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CleanTable, Dataset, IndicatorRow } from '../types.ts';
import { csvLine } from './csv.ts';
import { csvLayout, jsonLayout, type PartRecord, provinceOf, writeParted } from './parts.ts';

export { csvCell, csvLine, formatNumber, guard, toCsv } from './csv.ts';

export const INDICATOR_COLUMNS = ['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis'] as const;

/** The column naming each row's unit: `unit_id`, or `id` in units.csv; none in terms.csv (never split). */
function unitColumn(t: CleanTable): number {
  const names = t.columns.map((c) => c.trim().toLowerCase());
  const i = names.indexOf('unit_id');
  if (i >= 0) return i;
  return path.basename(t.file).toLowerCase().startsWith('units.') ? names.indexOf('id') : -1;
}

function* tableRecords(t: CleanTable): Generator<PartRecord> {
  const col = unitColumn(t);
  for (const r of t.rows) yield col >= 0 ? { unitId: r[col] ?? '', text: csvLine(r) } : { text: csvLine(r) };
}

/** Every indicator row, unit by unit, in the published order, without holding them all at once. */
function* indicatorRows(dataset: Dataset): Generator<IndicatorRow> {
  for (const id of dataset.indicatorUnitOrder) yield* dataset.indicatorsOf(id);
}

const cells = (r: IndicatorRow) => [r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis] as const;

function* indicatorCsv(dataset: Dataset): Generator<PartRecord> {
  for (const r of indicatorRows(dataset)) yield { unitId: r.unit_id, text: csvLine(cells(r)) };
}

function* indicatorJson(dataset: Dataset): Generator<PartRecord> {
  for (const r of indicatorRows(dataset)) yield { unitId: r.unit_id, text: JSON.stringify(cells(r)) };
}

export interface PublishOptions {
  /** Largest published file in bytes (PART_LIMIT); tests set a small one to see the parts. */
  partLimit?: number;
  /** Receives the warnings of the split (a part still over the limit), in Vietnamese. */
  onWarning?: (message: string) => void;
}

/**
 * Writes the published data files into `outDir` (created if needed); returns their paths. A file over the limit
 * is written as parts with a `NAME.parts.json` (parts.ts).
 */
export async function publishData(dataset: Dataset, outDir: string, options: PublishOptions = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const parts = { limit: options.partLimit, provinceOf: provinceOf(dataset.units) };
  const written: string[] = [];
  const write = async (...args: Parameters<typeof writeParted>) => {
    const result = await writeParted(...args);
    written.push(...result.files);
    for (const w of result.warnings) options.onWarning?.(w);
  };
  for (const t of dataset.inputs.tables) {
    await write(outDir, path.basename(t.file), csvLayout(csvLine(t.columns)), () => tableRecords(t), parts);
  }
  await write(outDir, 'indicators.csv', csvLayout(csvLine(INDICATOR_COLUMNS)), () => indicatorCsv(dataset), parts);
  const jsonHead = `{"columns":${JSON.stringify(INDICATOR_COLUMNS)},"rows":[`;
  await write(outDir, 'indicators.json', jsonLayout(jsonHead), () => indicatorJson(dataset), parts);
  return written;
}

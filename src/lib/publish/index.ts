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
 * Files are written in chunks of about 1 MB: the national indicators run to millions of rows.
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset, IndicatorRow } from '../types.ts';
import { BOM, csvLine } from './csv.ts';

export { BOM, csvCell, csvLine, formatNumber, guard, toCsv, type Cell } from './csv.ts';

export const INDICATOR_COLUMNS = ['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis'] as const;

const CHUNK = 1 << 20;

/** Writes the strings a generator yields, batched into ~1 MB writes. */
async function writeChunked(file: string, parts: Iterable<string>): Promise<void> {
  const fh = await open(file, 'w');
  try {
    let buf = '';
    for (const p of parts) {
      buf += p;
      if (buf.length >= CHUNK) {
        await fh.write(buf);
        buf = '';
      }
    }
    if (buf) await fh.write(buf);
  } finally {
    await fh.close();
  }
}

function* tableLines(columns: readonly string[], rows: readonly (readonly string[])[]): Generator<string> {
  yield BOM + csvLine(columns);
  for (const r of rows) yield csvLine(r);
}

/** Every indicator row, unit by unit, in the published order, without holding them all at once. */
function* indicatorRows(dataset: Dataset): Generator<IndicatorRow> {
  for (const id of dataset.indicatorUnitOrder) yield* dataset.indicatorsOf(id);
}

function* indicatorCsv(rows: Iterable<IndicatorRow>): Generator<string> {
  yield BOM + csvLine(INDICATOR_COLUMNS);
  for (const r of rows) yield csvLine([r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis]);
}

function* indicatorJson(rows: Iterable<IndicatorRow>): Generator<string> {
  yield `{"columns":${JSON.stringify(INDICATOR_COLUMNS)},"rows":[`;
  let first = true;
  for (const r of rows) {
    yield (first ? '\n' : ',\n') + JSON.stringify([r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis]);
    first = false;
  }
  yield '\n]}\n';
}

/** Writes the published data files into `outDir` (created if needed); returns their paths. */
export async function publishData(dataset: Dataset, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, parts: Iterable<string>) => {
    const file = path.join(outDir, name);
    await writeChunked(file, parts);
    written.push(file);
  };
  for (const t of dataset.inputs.tables) await write(path.basename(t.file), tableLines(t.columns, t.rows));
  await write('indicators.csv', indicatorCsv(indicatorRows(dataset)));
  await write('indicators.json', indicatorJson(indicatorRows(dataset)));
  return written;
}

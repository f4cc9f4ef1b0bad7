/**
 * The files the site publishes under `data/` (spec, "What the site publishes for download"):
 * - each validated input table, re-written as clean CSV (UTF-8 with BOM, same columns);
 * - `indicators.csv`, header `unit_id,period,indicator,value,months,of_months,basis`;
 * - `indicators.json`: the same rows for programs, in column form with the four text columns coded:
 *   ```
 *   {"columns":["unit_id","period","indicator","value","months","of_months","basis"],
 *   "dictionary":{"unit_id":["T01",…],"period":["2010",…],"indicator":["admitted",…],"basis":["reported",…]},
 *   "rows":[
 *   [0,0,25,123265,null,null,2],
 *   …
 *   ]}
 *   ```
 *   one row a line, each cell of `unit_id`, `period`, `indicator` and `basis` the index (from 0) of its text in
 *   that column's `dictionary` list. Objects would repeat the seven keys on millions of rows, and the text cells
 *   written out were most of the file on a national data set (203 MB in column form, 85 MB coded). `value` is a JSON
 *   number (or the string `ahead`/`behind` for pace_status), `months`/`of_months` are null where the CSV cell is
 *   empty. The formula guard is a spreadsheet matter and does not apply to JSON: a change of −3 is -3 there.
 *   Decoding, in JavaScript (`doc` the parsed file, or one of its parts):
 *   ```
 *   const { columns, dictionary, rows } = doc;
 *   const decode = (row) => row.map((v, i) => (dictionary[columns[i]] ? dictionary[columns[i]][v] : v));
 *   const table = rows.map(decode); // ['T01', '2010', 'members', 123265, null, null, 'combined']
 *   ```
 *   The dictionary is one for the whole file and is repeated in each part (parts.ts copies byte ranges of the
 *   whole file under the same head), so the parts' rows, in order, are the whole file's: `unit_id` lists every
 *   unit in the rows' order (so a row's unit index never decreases), `period` the years then the terms the rows
 *   use, `indicator` those used in the data dictionary's order (model/dictionary.ts), `basis` those used.
 *
 * Rows come in the dataset's order (unit id, window, indicator), so two runs write identical bytes.
 * Files are written in chunks of about 1 MB: the national indicators run to millions of rows. A file that would pass
 * 25 MiB is published as parts between provinces, listed in `NAME.parts.json` (parts.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { INDICATORS } from '../model/dictionary.ts';
import type { Basis, CleanTable, Dataset, IndicatorRow } from '../types.ts';
import { csvCell, csvLine, EOL } from './csv.ts';
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

/** The columns of indicators.json whose cells are indexes into the head's `dictionary`. */
const CODED = ['unit_id', 'period', 'indicator', 'basis'] as const;
type Coded = (typeof CODED)[number];

/** The periods, indicators and bases the rows use, gathered while indicators.csv is written (no extra pass). */
type Used = Record<Exclude<Coded, 'unit_id'>, Set<string>>;

/**
 * csvCell, remembered for the few texts the millions of rows repeat (ids, periods, indicators, bases), and at once
 * for a count (a whole number ≥ 0 is written as its digits: no sign to guard, no exponent, nothing to quote).
 */
function cellWriter(): (value: IndicatorRow[keyof IndicatorRow]) => string {
  const texts = new Map<string, string>();
  return (value) => {
    if (typeof value === 'number')
      return value >= 0 && value < 1e21 && Number.isInteger(value) ? String(value) : csvCell(value);
    if (value === null) return '';
    let cell = texts.get(value);
    if (cell === undefined) {
      cell = csvCell(value);
      texts.set(value, cell);
    }
    return cell;
  };
}

function* indicatorCsv(dataset: Dataset, used: Used): Generator<PartRecord> {
  const c = cellWriter();
  for (const r of indicatorRows(dataset)) {
    used.period.add(r.period);
    used.indicator.add(r.indicator);
    used.basis.add(r.basis);
    const row = `${c(r.unit_id)},${c(r.period)},${c(r.indicator)},${c(r.value)},`;
    yield { unitId: r.unit_id, text: `${row}${c(r.months)},${c(r.of_months)},${c(r.basis)}${EOL}` };
  }
}

const BASES: readonly Basis[] = ['reported', 'summed', 'combined'];

/** `used` in the order of `known`, anything else after it by code point: the same data gives the same lists. */
function inOrder(used: Set<string>, known: readonly string[]): string[] {
  const rank = new Map(known.map((k, i) => [k, i]));
  const at = (x: string) => rank.get(x) ?? known.length;
  return [...used].sort((a, b) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** indicators.json's lists: every unit, in the rows' order; the periods (years, then terms), indicators, bases used. */
function dictionaryOf(dataset: Dataset, used: Used): Record<Coded, string[]> {
  const years = [...dataset.years].sort((a, b) => a - b).map(String);
  const terms = [...dataset.terms].sort((a, b) => a.from - b.from).map((t) => t.id);
  return {
    unit_id: dataset.indicatorUnitOrder,
    period: inOrder(used.period, [...years, ...terms]),
    indicator: inOrder(used.indicator, Object.keys(INDICATORS)),
    basis: inOrder(used.basis, BASES),
  };
}

/** The head of indicators.json (and of each of its parts), up to the `[` of its rows; the lists a line each. */
function jsonHead(dictionary: Record<Coded, string[]>): string {
  const lists = CODED.map((c) => `${JSON.stringify(c)}:${JSON.stringify(dictionary[c])}`).join(',\n');
  return `{"columns":${JSON.stringify(INDICATOR_COLUMNS)},\n"dictionary":{\n${lists}},\n"rows":[`;
}

function* indicatorJson(dataset: Dataset, dictionary: Record<Coded, string[]>): Generator<PartRecord> {
  const [unit, period, indicator, basis] = CODED.map((c) => new Map(dictionary[c].map((v, i) => [v, i])));
  // JSON.stringify of the row's array: faster than writing the line by hand (measured).
  for (const r of indicatorRows(dataset)) {
    const row = [
      unit!.get(r.unit_id),
      period!.get(r.period),
      indicator!.get(r.indicator),
      r.value,
      r.months,
      r.of_months,
      basis!.get(r.basis),
    ];
    yield { unitId: r.unit_id, text: JSON.stringify(row) };
  }
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
  const used: Used = { period: new Set(), indicator: new Set(), basis: new Set() };
  const csvHead = csvLayout(csvLine(INDICATOR_COLUMNS));
  await write(outDir, 'indicators.csv', csvHead, () => indicatorCsv(dataset, used), parts);
  const dictionary = dictionaryOf(dataset, used);
  const json = jsonLayout(jsonHead(dictionary));
  await write(outDir, 'indicators.json', json, () => indicatorJson(dataset, dictionary), parts);
  return written;
}

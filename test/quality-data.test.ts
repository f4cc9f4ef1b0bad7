/**
 * Quality gates on the published data files of the built sites (no browser):
 * - every cell of every published CSV (dist/data/*.csv and each chart's CSV download) that would begin with
 *   = + - @ tab or CR carries the leading `'` of the formula guard, and the CSV parses cleanly;
 * - the hostile values reach the published files intact (guarded where the spec says, verbatim otherwise);
 * - the JSON files (search index, compare data, indicators) parse and hold the raw strings.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorRows, type IndicatorsDoc } from './helpers/published.ts';
import { filesWithExt, HOSTILE, HOSTILE_ALL, sites, type Sites } from './helpers/sites.ts';

const DANGEROUS = /^[=+\-@\t\r]/;

async function parseCsv(file: string): Promise<{ rows: string[][]; errors: string[] }> {
  const text = await readFile(file, 'utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return { rows: parsed.data, errors: parsed.errors.map((e) => `${e.type} ${e.code} row ${e.row}: ${e.message}`) };
}

/** A cell the guard protected: its `'` followed by what would begin a formula. */
const GUARDED = /^'[=+\-@\t\r]/;

interface CsvCheck {
  files: number;
  cells: number;
  /** Cells that carry the guard: the check met values that needed it. */
  guarded: number;
  problems: string[];
  cellsOf: Map<string, string[][]>;
}

/** Every problem of the CSV files of a build, and how many files and cells were checked. */
async function csvProblems(dir: string): Promise<CsvCheck> {
  const files = await filesWithExt(dir, '.csv');
  let cells = 0;
  let guarded = 0;
  const problems: string[] = [];
  const cellsOf = new Map<string, string[][]>();
  for (const file of files) {
    const rel = path.relative(dir, file);
    const { rows, errors } = await parseCsv(file);
    cellsOf.set(rel, rows);
    problems.push(...errors.map((e) => `${rel}: ${e}`));
    const width = rows[0]?.length ?? 0;
    if (width === 0) problems.push(`${rel}: no header`);
    rows.forEach((row, i) => {
      if (row.length !== width) problems.push(`${rel}:${i + 1}: ${row.length} cells, header has ${width}`);
      row.forEach((cell, j) => {
        cells++;
        if (GUARDED.test(cell)) guarded++;
        if (DANGEROUS.test(cell)) problems.push(`${rel}:${i + 1}:${j + 1}: unguarded cell ${JSON.stringify(cell)}`);
      });
    });
  }
  return { files: files.length, cells, guarded, problems, cellsOf };
}

let s: Sites;
beforeAll(() => {
  s = sites();
});

describe('published CSV files: formula guard on every cell', () => {
  it('the check flags, by file:line:cell, an unguarded cell and a short row of a CSV file on disk', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pdv-csv-'));
    try {
      await mkdir(path.join(dir, 'data'));
      await writeFile(path.join(dir, 'data', 'a.csv'), '\uFEFFunit,value,note\r\nA,\'-2,x\r\nB,"=1+1",y\r\nC,z\r\n');
      const { files, cells, guarded, problems } = await csvProblems(dir);
      // 3 + 3 + 3 + 2 cells; `'-2` carries the guard, `=1+1` does not; the last row lacks a cell.
      expect([files, cells, guarded]).toEqual([1, 11, 1]);
      const file = `data${path.sep}a.csv`;
      expect(problems).toEqual([`${file}:3:2: unguarded cell "=1+1"`, `${file}:4: 2 cells, header has 3`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const name of ['hostile', 'root', 'demo'] as const) {
    it(`${name} build: every cell of every CSV is guarded and every row has the header's width`, async () => {
      const { files, cells, guarded, problems } = await csvProblems(s[name].dir);
      const counts = `${files} CSV files, ${cells} cells checked, ${guarded} guarded, ${problems.length} problems`;
      console.log(`[csv] ${name}: ${counts}`);
      expect(files).toBeGreaterThan(5);
      // Every build publishes cells that need the guard (negative changes such as `'-2`, hostile values): a check
      // that met none would prove nothing.
      expect(guarded).toBeGreaterThan(0);
      expect(problems.slice(0, 30), problems.slice(0, 30).join('\n')).toEqual([]);
    });
  }

  it('hostile build: hostile values are published intact, with the guard where they begin with = + - @', async () => {
    const { cellsOf, guarded } = await csvProblems(s.hostile.dir);
    const inputs = new Set<string>();
    const isInput = (file: string) => file.startsWith(`data${path.sep}`);
    for (const [file, rows] of cellsOf) if (isInput(file)) for (const r of rows) for (const c of r) inputs.add(c);
    const expected = [...HOSTILE.unitNames, ...HOSTILE.shortNames, ...HOSTILE.sources, ...HOSTILE.termNames];
    const missing = expected.map((v) => (DANGEROUS.test(v) ? `'${v}` : v)).filter((v) => !inputs.has(v));
    const dangerous = expected.filter((v) => DANGEROUS.test(v)).length;
    console.log(`[csv] hostile: ${expected.length} values looked up in the published inputs, ${dangerous} guarded`);
    expect(missing).toEqual([]);
    expect(guarded).toBeGreaterThanOrEqual(dangerous);
    // The per-chart downloads name units too: each hostile short name is in some chart CSV, guarded if needed.
    const chartCells = new Set<string>();
    for (const [file, rows] of cellsOf) if (!isInput(file)) for (const r of rows) for (const c of r) chartCells.add(c);
    const inCharts = HOSTILE.shortNames.filter((v) => [...chartCells].some((c) => c.includes(v)));
    expect(inCharts.length).toBeGreaterThan(0);
  });
});

describe('published JSON files', () => {
  it('hostile build: the search index, compare data and indicators parse and hold the raw strings', async () => {
    const read = async (rel: string) => JSON.parse(await readFile(path.join(s.hostile.dir, rel), 'utf8')) as unknown;
    const strings = (v: unknown, out: string[] = []): string[] => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) for (const x of v) strings(x, out);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
      return out;
    };
    const search = strings(await read('tim-kiem.json'));
    for (const v of [...HOSTILE.unitNames, ...HOSTILE.shortNames]) {
      expect(search, `search index lacks ${v}`).toContain(v);
    }
    const compare = strings(await read('so-sanh/du-lieu.json'));
    // The compare page lists the district level: both hostile districts, by short name.
    expect(compare).toContain(HOSTILE.shortNames[1]);
    expect(compare).toContain(HOSTILE.shortNames[2]);
    // indicators.json: column form, text cells coded, raw unit ids in the dictionary, numbers as JSON numbers
    // (never guarded: the guard is for CSV).
    const indicators = (await read('data/indicators.json')) as IndicatorsDoc;
    expect(Object.keys(indicators)).toEqual(['columns', 'dictionary', 'rows']);
    expect(indicators.columns).toEqual(['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis']);
    for (const r of indicators.rows) expect(r.length).toBe(7);
    const rows = indicatorRows(indicators);
    const row = (unit: string, period: string, indicator: string) =>
      rows.find((r) => r[0] === unit && r[1] === period && r[2] === indicator);
    // test/fixtures/hostile: D1 admitted 12 in 2020 against a target of 10 (12 / 10 = 120%), 15 in 2021 (+3).
    expect(row('D1', '2020', 'admitted')).toEqual(['D1', '2020', 'admitted', 12, 12, 12, 'reported']);
    expect(row('D1', '2020', 'target_achieved_pct')?.[3]).toBe(120);
    expect(row('D1', '2021', 'admitted_change')?.[3]).toBe(3);
    // D2: 4 in the first half of 2021 against 9: 4 / 9 = 44.44%, behind the 50% pace.
    expect(row('D2', '2021', 'admitted')).toEqual(['D2', '2021', 'admitted', 4, 6, 12, 'reported']);
    expect(row('D2', '2021', 'target_achieved_pct')?.[3]).toBe(44.44);
    expect(row('D2', '2021', 'pace_status')?.[3]).toBe('behind');
    // Nothing escaped twice, nothing HTML-escaped in data meant for programs.
    const all = [...search, ...compare];
    const meant = (x: string) => HOSTILE_ALL.some((h) => h.includes('&lt;') && x.includes(h));
    expect(all.filter((x) => /&lt;|&gt;|&quot;|&#\d+;/.test(x) && !meant(x))).toEqual([]);
  });
});

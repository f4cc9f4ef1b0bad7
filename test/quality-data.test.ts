/**
 * Quality gates on the published data files of the built sites (no browser):
 * - every cell of every published CSV (dist/data/*.csv and each chart's CSV download) that would begin with
 *   = + - @ tab or CR carries the leading `'` of the formula guard, and the CSV parses cleanly;
 * - the hostile values reach the published files intact (guarded where the spec says, verbatim otherwise);
 * - the JSON files (search index, compare data, indicators) parse and hold the raw strings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesWithExt, HOSTILE, HOSTILE_ALL, sites, type Sites } from './helpers/sites.ts';

const DANGEROUS = /^[=+\-@\t\r]/;

async function parseCsv(file: string): Promise<{ rows: string[][]; errors: string[] }> {
  const text = await readFile(file, 'utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return { rows: parsed.data, errors: parsed.errors.map((e) => `${e.type} ${e.code} row ${e.row}: ${e.message}`) };
}

/** Every problem of the CSV files of a build, and how many files and cells were checked. */
async function csvProblems(dir: string): Promise<{ files: number; cells: number; problems: string[]; cellsOf: Map<string, string[][]> }> {
  const files = await filesWithExt(dir, '.csv');
  let cells = 0;
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
        if (DANGEROUS.test(cell)) problems.push(`${rel}:${i + 1}:${j + 1}: unguarded cell ${JSON.stringify(cell)}`);
      });
    });
  }
  return { files: files.length, cells, problems, cellsOf };
}

let s: Sites;
beforeAll(() => {
  s = sites();
});

describe('published CSV files: formula guard on every cell', () => {
  it('the check catches an unguarded cell', async () => {
    const rows = Papa.parse<string[]>('a,b\r\n"=1+1",x\r\n', { skipEmptyLines: true }).data;
    expect(rows.flat().filter((c) => DANGEROUS.test(c))).toEqual(['=1+1']);
  });

  for (const name of ['hostile', 'root', 'demo'] as const) {
    it(`${name} build: every cell of every CSV is guarded and every row has the header's width`, async () => {
      const { files, cells, problems } = await csvProblems(s[name].dir);
      console.log(`[csv] ${name}: ${files} CSV files, ${cells} cells checked, ${problems.length} problems`);
      expect(files).toBeGreaterThan(5);
      expect(problems.slice(0, 30), problems.slice(0, 30).join('\n')).toEqual([]);
    });
  }

  it('hostile build: hostile values are published intact, with the guard where they begin with = + - @', async () => {
    const { cellsOf } = await csvProblems(s.hostile.dir);
    const inputs = new Set<string>();
    for (const [file, rows] of cellsOf) if (file.startsWith(`data${path.sep}`)) for (const r of rows) for (const c of r) inputs.add(c);
    const expected = [...HOSTILE.unitNames, ...HOSTILE.shortNames, ...HOSTILE.sources, ...HOSTILE.termNames];
    const missing = expected.map((v) => (DANGEROUS.test(v) ? `'${v}` : v)).filter((v) => !inputs.has(v));
    console.log(`[csv] hostile: ${expected.length} hostile values looked up in the published inputs, ${expected.filter((v) => DANGEROUS.test(v)).length} of them guarded`);
    expect(missing).toEqual([]);
    // The per-chart downloads name units too: each hostile short name is in some chart CSV, guarded if needed.
    const chartCells = new Set<string>();
    for (const [file, rows] of cellsOf) if (!file.startsWith(`data${path.sep}`)) for (const r of rows) for (const c of r) chartCells.add(c);
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
    for (const v of [...HOSTILE.unitNames, ...HOSTILE.shortNames]) expect(search, `search index lacks ${v}`).toContain(v);
    const compare = strings(await read('so-sanh/du-lieu.json'));
    // The compare page lists the district level: both hostile districts, by short name.
    expect(compare).toContain(HOSTILE.shortNames[1]);
    expect(compare).toContain(HOSTILE.shortNames[2]);
    expect(await read('data/indicators.json')).toBeTruthy();
    // Nothing escaped twice, nothing HTML-escaped in data meant for programs.
    const all = [...search, ...compare];
    expect(all.filter((x) => /&lt;|&gt;|&quot;|&#\d+;/.test(x) && !HOSTILE_ALL.some((h) => h.includes('&lt;') && x.includes(h)))).toEqual([]);
  });
});

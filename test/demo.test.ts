/**
 * The demo generator (npm run demo): deterministic to the byte, the promised sizes, and data that the
 * data check accepts with no error (and, for the model, without a "children exceed" warning).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingSink, MemorySink } from '../src/lib/demo/csv.ts';
import { DEMO_FILES, DEMO_SOURCE, generateDemo } from '../src/lib/demo/generate.ts';
import { PRESETS } from '../src/lib/demo/presets.ts';
import { writeDemo } from '../src/lib/demo/write.ts';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-demo-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(path.join(dir, name)));
  return out;
}

describe('npm run demo', () => {
  it('writes the same bytes for the same seed, and different data for another seed', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const c = path.join(tmp, 'c');
    writeDemo(a, PRESETS.province, 1);
    writeDemo(b, PRESETS.province, 1);
    writeDemo(c, PRESETS.province, 2);
    const [ta, tb, tc] = await Promise.all([readTree(a), readTree(b), readTree(c)]);
    expect([...ta.keys()]).toEqual(['DEMO', ...DEMO_FILES].sort());
    expect([...tb.keys()]).toEqual([...ta.keys()]);
    for (const [name, bytes] of ta) expect(Buffer.compare(bytes, tb.get(name)!), name).toBe(0);
    expect(ta.get('DEMO')!.length).toBe(0);
    expect(ta.get('admissions.csv')!.equals(tc.get('admissions.csv')!)).toBe(false);
  });

  it('gives the file sink and the in-memory sink the same text', async () => {
    const mem = new MemorySink();
    generateDemo(PRESETS.district, 1, mem);
    const dir = path.join(tmp, 'mem');
    writeDemo(dir, PRESETS.district, 1);
    for (const f of DEMO_FILES) expect(await readFile(path.join(dir, f), 'utf8'), f).toBe(mem.files[f]);
  });

  it('runs as a command: npm run demo -- --preset district --out DIR --seed 3', async () => {
    const dir = path.join(tmp, 'cli');
    const script = path.resolve(import.meta.dirname, '../scripts/demo.ts');
    const run = spawnSync(process.execPath, [script, '--preset', 'district', '--out', dir, '--seed', '3'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/25 cơ sở/);
    const mem = new MemorySink();
    generateDemo(PRESETS.district, 3, mem);
    expect(await readFile(path.join(dir, 'admissions.csv'), 'utf8')).toBe(mem.files['admissions.csv']);
    const bad = spawnSync(process.execPath, [script, '--preset', 'planet', '--out', dir], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Cách dùng/);
  });

  it('refuses to overwrite a folder of real data', async () => {
    const dir = path.join(tmp, 'real');
    writeDemo(dir, PRESETS.district, 1);
    await rm(path.join(dir, 'DEMO'));
    expect(() => writeDemo(dir, PRESETS.district, 1)).toThrow(/DEMO/);
    expect(() => writeDemo(dir, PRESETS.district, 1, true)).not.toThrow();
  });

  it('removes a terms.csv left in a demo folder (the default terms apply)', async () => {
    const dir = path.join(tmp, 'terms');
    writeDemo(dir, PRESETS.district, 1);
    await writeFile(path.join(dir, 'terms.csv'), 'id,name,from,to\n');
    writeDemo(dir, PRESETS.district, 1);
    expect(existsSync(path.join(dir, 'terms.csv'))).toBe(false);
  });
});

describe('demo presets', () => {
  const lines = (text: string) => text.trimEnd().split('\n').slice(1);

  it('district: 1 province, 1 district, 25 grassroots', () => {
    const mem = new MemorySink();
    const stats = generateDemo(PRESETS.district, 1, mem);
    expect(stats.units).toEqual({ province: 1, district: 1, grassroots: 25, branch: 0 });
    expect(lines(mem.files['units.csv']!)).toHaveLength(27);
    expect(stats.rows['admissions.csv']).toBe(lines(mem.files['admissions.csv']!).length);
  });

  it('province: 10 districts, 250 grassroots, 2011–2026 with a partial current year, monthly rows, a dissolved unit', () => {
    const mem = new MemorySink();
    const stats = generateDemo(PRESETS.province, 1, mem);
    expect(stats.units).toEqual({ province: 1, district: 10, grassroots: 250, branch: 0 });
    const adm = lines(mem.files['admissions.csv']!);
    const periods = adm.map((l) => l.split(',')[1]!);
    expect(periods).toContain('2011');
    expect(periods).toContain('2025');
    expect(periods).toContain('2026-01..2026-09'); // the current year, reported through September
    expect(periods.some((p) => /^2026-0[1-9]$/.test(p))).toBe(true); // monthly rows
    expect(periods.some((p) => /^\d{4}-\d{2}$/.test(p) && p < '2026')).toBe(true);
    expect(periods).toContain('2020-2025'); // a term total beside the yearly figures
    expect(periods.some((p) => p > '2027')).toBe(false);
    const units = lines(mem.files['units.csv']!);
    expect(units.filter((l) => /,2025-06,/.test(l))).toHaveLength(1); // active_to: dissolved in the 2025 reorganisation
    expect(units.filter((l) => /,2025-07,,/.test(l))).toHaveLength(1); // active_from: the commune founded then
    expect(stats.rows['targets.csv']).toBeGreaterThan(100);
    expect(mem.files['targets.csv']).toMatch(/^MH,2025-2030,\d+,/m);
    expect(stats.rows['members.csv']).toBeGreaterThan(16 * 250 * 0.9);
    expect(mem.files['members.csv']).toMatch(/,2026-06-30,/); // a mid-year snapshot
    expect(stats.rows['training.csv']).toBeGreaterThan(50);
    // Every data row says it is generated.
    for (const f of DEMO_FILES.filter((f) => f !== 'units.csv')) {
      expect(lines(mem.files[f]!).every((l) => l.includes(`"${DEMO_SOURCE}"`)), f).toBe(true);
    }
    // A grassroots unit admits 0–15 a year; breakdowns never exceed the admitted.
    for (const l of adm) {
      const [id, period, admitted, ...rest] = l.split(',');
      const n = Number(admitted);
      if (id!.split('.').length === 3 && /^\d{4}$/.test(period!)) expect(n).toBeLessThanOrEqual(15);
      for (const x of rest.slice(0, 4)) if (x !== '' && /^\d+$/.test(x)) expect(Number(x)).toBeLessThanOrEqual(n);
    }
  });

  it('national: 34 provinces, 700 districts, 10,000 grassroots, ≥ 500,000 admission rows, ≥ 150,000 member rows', () => {
    const sink = new CountingSink();
    const stats = generateDemo(PRESETS.national, 1, sink);
    expect(stats.units).toEqual({ province: 34, district: 700, grassroots: 10_000, branch: 0 });
    expect(stats.rows['admissions.csv']).toBeGreaterThanOrEqual(500_000);
    expect(stats.rows['members.csv']).toBeGreaterThanOrEqual(150_000);
    expect(sink.rows).toEqual(stats.rows);
  });
});

describe('demo data passes the data check', () => {
  for (const preset of ['district', 'province'] as const) {
    it(`${preset}: no error, no warning, flagged as demo`, async () => {
      const dir = path.join(tmp, `check-${preset}`);
      writeDemo(dir, PRESETS[preset], 1);
      expect((await stat(path.join(dir, 'DEMO'))).size).toBe(0);
      const inputs = await loadInputs(dir);
      const errors = inputs.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.slice(0, 5)).toEqual([]);
      expect(inputs.isDemo).toBe(true);
      expect(inputs.units).toHaveLength(PRESETS[preset].grassroots + PRESETS[preset].districts + 1);
      // District and province rows are never less than their children's sum: no "children exceed" warning.
      const dataset = computeDataset(inputs, { isDemo: inputs.isDemo });
      expect(dataset.warnings.slice(0, 5)).toEqual([]);
      expect(dataset.isDemo).toBe(true);
    });
  }
});

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
import { CountingSink, MemorySink, type CsvSink } from '../src/lib/demo/csv.ts';
import { DEMO_FILES, DEMO_SOURCE, generateDemo } from '../src/lib/demo/generate.ts';
import { PRESETS, type PresetName } from '../src/lib/demo/presets.ts';
import { writeDemo } from '../src/lib/demo/write.ts';
import { loadInputs } from '../src/lib/load.ts';
import { FILE_COLUMNS } from '../src/lib/schema/columns.ts';
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
    const args = [script, '--preset', 'district', '--out', dir, '--seed', '3'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
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

  it('district: 1 province, 1 district, 25 grassroots; 6 new communes from 07/2025', () => {
    const mem = new MemorySink();
    const stats = generateDemo(PRESETS.district, 1, mem);
    // By hand, for one rural district of 25: 3 agencies (10%, rounded), 3 schools (12%), 1 enterprise (5%),
    // so 18 old communes, in round(18 / 3) = 6 new ones.
    expect(stats.units).toEqual({ province: 1, district: 1, commune: 6, grassroots: 25, branch: 0 });
    // The 2 agencies besides the health centre end; the health centre, 3 schools and the enterprise move.
    expect(stats.after).toEqual({ province: 1, district: 0, commune: 6, grassroots: 5, branch: 0 });
    // One row per unit (1 + 1 + 25 + 6) and a second row for each of the 5 that moved.
    expect(lines(mem.files['units.csv']!)).toHaveLength(38);
    expect(stats.rows['admissions.csv']).toBe(lines(mem.files['admissions.csv']!).length);
  });

  it('province: 10 districts, 250 grassroots, 2011–2026 with a partial current year, monthly rows', () => {
    const mem = new MemorySink();
    const stats = generateDemo(PRESETS.province, 1, mem);
    // 7 territorial districts and 3 blocs (agencies, military, police), as before the reorganisation.
    expect(stats.before).toEqual({ province: 1, district: 10, commune: 0, grassroots: 250, branch: 0 });
    const adm = lines(mem.files['admissions.csv']!);
    const periods = adm.map((l) => l.split(',')[1]!);
    expect(periods).toContain('2011');
    expect(periods).toContain('2025');
    expect(periods).toContain('2026-01..2026-09'); // the current year, reported through September
    expect(periods.some((p) => /^2026-0[1-9]$/.test(p))).toBe(true); // monthly rows
    expect(periods.some((p) => /^\d{4}-\d{2}$/.test(p) && p < '2026')).toBe(true);
    expect(periods).toContain('2020-2025'); // a term total beside the yearly figures
    expect(periods.some((p) => p > '2027')).toBe(false);
    expect(stats.rows['targets.csv']).toBeGreaterThan(100);
    expect(mem.files['targets.csv']).toMatch(/^MH,2025-2030,\d+,/m);
    expect(stats.rows['members.csv']).toBeGreaterThan(16 * 250 * 0.9);
    expect(mem.files['members.csv']).toMatch(/,2026-06-30,/); // a mid-year snapshot
    expect(stats.rows['training.csv']).toBeGreaterThan(50);
    // Every data row says it is generated.
    for (const f of DEMO_FILES.filter((f) => f !== 'units.csv')) {
      expect(
        lines(mem.files[f]!).every((l) => l.includes(`"${DEMO_SOURCE}"`)),
        f,
      ).toBe(true);
    }
    // A grassroots unit admits 0–15 a year; breakdowns never exceed the admitted.
    for (const l of adm) {
      const [id, period, admitted, ...rest] = l.split(',');
      const n = Number(admitted);
      if (id!.split('.').length === 3 && /^\d{4}$/.test(period!)) expect(n).toBeLessThanOrEqual(15);
      for (const x of rest.slice(0, 4)) if (x !== '' && /^\d+$/.test(x)) expect(Number(x)).toBeLessThanOrEqual(n);
    }
  });

  it('national: 63 provinces, 700 districts, 10,000 grassroots, ≥ 500,000 admission, ≥ 150,000 member rows', () => {
    const sink = new CountingSink();
    const stats = generateDemo(PRESETS.national, 1, sink);
    expect(stats.before).toEqual({ province: 63, district: 700, commune: 0, grassroots: 10_000, branch: 0 });
    expect(stats.after.province).toBe(34);
    expect(stats.rows['admissions.csv']).toBeGreaterThanOrEqual(500_000);
    expect(stats.rows['members.csv']).toBeGreaterThanOrEqual(150_000);
    expect(sink.rows).toEqual(stats.rows);
  });
});

// The data check learns the reorganisation's columns and level (successor_id, commune) in issue 10, from another
// branch: until both are merged this cannot pass, and runs as soon as the check knows successor_id.
const checkKnowsReorg = FILE_COLUMNS['units.csv'].known.includes('successor_id');

describe.skipIf(!checkKnowsReorg)('demo data passes the data check', () => {
  for (const preset of ['district', 'province'] as const) {
    it(`${preset}: no error, no warning, flagged as demo`, async () => {
      const dir = path.join(tmp, `check-${preset}`);
      writeDemo(dir, PRESETS[preset], 1);
      expect((await stat(path.join(dir, 'DEMO'))).size).toBe(0);
      const inputs = await loadInputs(dir);
      const errors = inputs.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.slice(0, 5)).toEqual([]);
      expect(inputs.isDemo).toBe(true);
      const stats = generateDemo(PRESETS[preset], 1, new CountingSink());
      expect(inputs.units).toHaveLength(Object.values(stats.units).reduce((a, b) => a + b, 0));
      // District and province rows are never less than their children's sum: no "children exceed" warning.
      const dataset = computeDataset(inputs, { isDemo: inputs.isDemo });
      expect(dataset.warnings.slice(0, 5)).toEqual([]);
      expect(dataset.isDemo).toBe(true);
    });
  }
});

/* ---------------- The 2025 reorganisation ---------------- */

const REORG = '2025-07';
/** A month `YYYY-MM` as a number of months, so that intervals compare. */
const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const AFTER = month(REORG);

interface RowLife {
  from: number;
  to: number;
  parent: string;
  level: string;
  kind: string;
  successor: string;
}

/** The months of a `period` cell: a year, a month, a range, or a default term (2020-2025 is 2021-01..2025-12). */
function periodMonths(p: string): [number, number] {
  const term = /^(\d{4})-(\d{4})$/.exec(p);
  if (term) return [month(`${Number(term[1]) + 1}-01`), month(`${term[2]}-12`)];
  if (/^\d{4}$/.test(p)) return [month(`${p}-01`), month(`${p}-12`)];
  const [a, b = a] = p.split('..');
  return [month(a!), month(b!)];
}

/**
 * Collects units.csv by column name (units.csv comes first), then checks every other row as it is written, so
 * that the national preset needs no memory for its rows: each flow row within one row of its unit's life (so never
 * across a move), each snapshot within the life, each target overlapping it. Keeps the first problems.
 */
class ReorgCheck implements CsvSink {
  readonly lives = new Map<string, RowLife[]>();
  readonly problems: string[] = [];
  readonly rows: Record<string, string[][]> = {};
  private file = '';
  private columns: readonly string[] = [];
  private index = new Map<string, number>();

  begin(file: string, columns: readonly string[]): void {
    this.file = file;
    this.columns = columns;
    this.index = new Map(columns.map((c, i) => [c, i]));
    this.rows[file] = [];
  }

  private problem(text: string): void {
    if (this.problems.length < 10) this.problems.push(`${this.file}: ${text}`);
  }

  row(cells: readonly (string | number | undefined)[]): void {
    const v = (name: string) => String(cells[this.index.get(name)!] ?? '');
    if (this.file === 'units.csv') {
      const life: RowLife = {
        from: v('active_from') ? month(v('active_from')) : -Infinity,
        to: v('active_to') ? month(v('active_to')) : Infinity,
        parent: v('parent_id'),
        level: v('level'),
        kind: v('kind'),
        successor: v('successor_id'),
      };
      const id = v('id');
      this.lives.set(id, [...(this.lives.get(id) ?? []), life]);
      this.rows[this.file]!.push(this.columns.map((c) => v(c)));
      return;
    }
    const id = v('unit_id');
    const lives = this.lives.get(id);
    if (!lives) {
      this.problem(`unknown unit ${id}`);
      return;
    }
    if (this.file === 'members.csv') {
      const asOf = v('as_of');
      const m = /^\d{4}/.test(asOf) ? month(asOf) : month(`${asOf.slice(6, 10)}-${asOf.slice(3, 5)}`);
      if (!lives.some((l) => l.from <= m && m <= l.to)) this.problem(`${id} ${asOf} outside its life`);
      return;
    }
    const [a, b] = periodMonths(v('period'));
    if (this.file === 'targets.csv') {
      if (!lives.some((l) => l.from <= b && a <= l.to)) this.problem(`${id} ${v('period')} outside its life`);
      return;
    }
    if (!lives.some((l) => l.from <= a && b <= l.to)) this.problem(`${id} ${v('period')} not within one row's life`);
    if (a < AFTER && b >= AFTER && lives.length > 1) this.problem(`${id} ${v('period')} spans its move`);
    if (this.file === 'admissions.csv' && b >= month('2026-01')) this.rows[this.file]!.push([id, v('period')]);
  }

  end(): void {}
}

/** Checks of units.csv alone: lives, parents, successors, what ends and what starts in 2025. */
function checkUnits(c: ReorgCheck): void {
  const at = (id: string, m: number) => c.lives.get(id)?.find((l) => l.from <= m && m <= l.to);
  for (const [id, lives] of c.lives) {
    const sorted = [...lives].sort((x, y) => x.from - y.from);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.from, `${id}: rows overlap`).toBeGreaterThan(sorted[i - 1]!.to);
      expect(sorted[i]!.level, `${id}: one level`).toBe(sorted[0]!.level);
    }
    if (lives.length === 2) {
      // A move: the first row ends 2025-06, the second starts 2025-07 under another parent.
      expect([lives[0]!.to, lives[1]!.from], id).toEqual([AFTER - 1, AFTER]);
      expect(lives[1]!.parent, id).not.toBe(lives[0]!.parent);
    }
    expect(lives.length, id).toBeLessThanOrEqual(2);
    // Each row lies within its parent's life (both ends, so no unit is left without a parent).
    for (const l of lives) {
      if (!l.parent) continue;
      for (const m of [l.from, l.to]) {
        const edge = Number.isFinite(m) ? m : m < 0 ? month('2011-01') : month('2026-09');
        expect(at(l.parent, edge), `${id}: parent ${l.parent} not active at ${edge}`).toBeDefined();
      }
    }
    const latest = lives.at(-1)!;
    if (latest.successor) {
      // successor_id: on an ended unit, another unit of the same level active the month after.
      expect(latest.successor).not.toBe(id);
      expect(Number.isFinite(latest.to), id).toBe(true);
      expect(at(latest.successor, latest.to + 1)?.level, `${id} → ${latest.successor}`).toBe(latest.level);
    }
    const first = lives[0]!;
    if (first.level === 'grassroots' && first.kind === 'commune') expect(latest.to, id).toBe(AFTER - 1);
    if (first.level === 'district' && first.kind !== 'agency' && first.kind !== 'armed_forces') {
      expect(latest.to, id).toBe(AFTER - 1);
    }
    if (first.level === 'commune') {
      expect(first.from, id).toBe(AFTER);
      expect(c.lives.get(first.parent)![0]!.level).toBe('province');
    }
  }
}

describe('demo presets: the 2025 reorganisation', () => {
  const run = (preset: PresetName) => {
    const c = new ReorgCheck();
    generateDemo(PRESETS[preset], 1, c);
    return c;
  };
  const cache = new Map<PresetName, ReorgCheck>();
  const check = (preset: PresetName) => cache.get(preset) ?? cache.set(preset, run(preset)).get(preset)!;
  const count = (c: ReorgCheck, test: (first: RowLife, id: string) => boolean) =>
    [...c.lives].filter(([id, l]) => test(l[0]!, id)).length;

  for (const preset of ['district', 'province', 'national'] as const) {
    it(`${preset}: every row of every file within its unit's life and parents, no flow row across a move`, () => {
      const c = check(preset);
      expect(c.problems).toEqual([]);
      checkUnits(c);
    });

    it(`${preset}: about one new commune for three old commune committees, each taking over organisations`, () => {
      const c = check(preset);
      const olds = count(c, (l) => l.level === 'grassroots' && l.kind === 'commune');
      const communes = count(c, (l) => l.level === 'commune');
      // Groups of 2 to 4 neighbouring old communes: between a quarter and a half as many.
      expect(communes / olds).toBeGreaterThan(0.25);
      expect(communes / olds).toBeLessThan(0.5);
      const movedUnder = new Set([...c.lives.values()].filter((l) => l.length === 2).map((l) => l[1]!.parent));
      expect([...movedUnder].some((id) => c.lives.get(id)![0]!.level === 'commune')).toBe(true);
      // The running year: the new communes report 2026 by month or as one range through September.
      const rows2026 = c.rows['admissions.csv']!.filter(([id]) => c.lives.get(id!)![0]!.level === 'commune');
      expect(rows2026.some(([, p]) => p === '2026-01..2026-09')).toBe(true);
      expect(rows2026.some(([, p]) => p === '2026-09')).toBe(true);
    });
  }

  it('national: 63 provinces until 06/2025, 34 from 07/2025; each ended one has a successor province', () => {
    const c = check('national');
    const provinces = [...c.lives].filter(([, l]) => l[0]!.level === 'province');
    expect(provinces).toHaveLength(63);
    const ended = provinces.filter(([, l]) => Number.isFinite(l.at(-1)!.to));
    // 63 − 34 = 29 merged into others, as in 2025.
    expect(ended).toHaveLength(29);
    for (const [id, l] of ended) {
      expect(l.at(-1)!.to, id).toBe(AFTER - 1);
      const successor = c.lives.get(l.at(-1)!.successor);
      expect(successor?.[0]?.level, id).toBe('province');
      expect(Number.isFinite(successor!.at(-1)!.to), `${id}'s successor goes on`).toBe(false);
    }
    // The committees of the agencies, military and police of a province that goes on go on too.
    const going = new Set(provinces.filter(([, l]) => !Number.isFinite(l.at(-1)!.to)).map(([id]) => id));
    const blocs = [...c.lives].filter(([, l]) => l[0]!.level === 'district' && going.has(l[0]!.parent));
    const isBloc = (l: RowLife[]) => l[0]!.kind === 'agency' || l[0]!.kind === 'armed_forces';
    expect(blocs.filter(([, l]) => isBloc(l))).toHaveLength(34 * 3);
    expect(blocs.every(([, l]) => isBloc(l) === !Number.isFinite(l.at(-1)!.to))).toBe(true);
  });
});

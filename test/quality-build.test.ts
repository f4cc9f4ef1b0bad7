/**
 * The build as a maintainer runs it, checked on the shared build of data/ at `/` (`root`, built once per run by
 * test/helpers/global-setup.ts):
 * - reproducible: one more build of the same data gives a byte-identical dist/ (the only build of this file;
 *   with PDV_SITES_DIR, rebuild the shared sites after changing the code, or this compares two versions);
 * - publishes the validated inputs and the indicators (CSV and JSON);
 * - lossless: a build over broken data exits non-zero, names the error's place, and leaves the previous dist/
 *   as it was (the check stops it before Astro runs, so this costs no full build).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorRows, type IndicatorsDoc } from './helpers/published.ts';
import { buildSite, hashTree, root, runScript } from './helpers/site.ts';
import { sites, type BuiltSite } from './helpers/sites.ts';

let tmp: string;
let site: BuiltSite;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-build-'));
  site = sites().root;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('gives byte-identical dist/ for the same data', async () => {
    // Built over a copy of the shared build: the previous publication is then the site itself, whatever it was
    // built over (src/lib/revisions), and a rebuild of the same data over its own publication changes no byte.
    const again = path.join(tmp, 'again');
    await cp(site.dir, again, { recursive: true });
    await buildSite(site.data, again, site.base);
    const [ha, hb] = await Promise.all([hashTree(site.dir), hashTree(again)]);
    expect(ha.size).toBeGreaterThan(10);
    const differing = [...ha].filter(([file, hash]) => hb.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect([...hb.keys()]).toEqual([...ha.keys()]);
  });

  it('publishes the validated inputs and the indicators', async () => {
    const out = path.join(site.dir, 'data');
    const indicators = await readFile(path.join(out, 'indicators.csv'), 'utf8');
    const lines = indicators.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe('unit_id,period,indicator,value,months,of_months,basis');
    // Phú Bình 2020 (seed article): 31 admitted by the end of August, of a target of 253: 31 / 253 = 12.25%.
    expect(indicators).toMatch(/^TN\.PB,2020,target_achieved_pct,12\.25,/m);
    expect(indicators).toMatch(/^TN\.PB,2020,admitted,31,8,12,reported\r?$/m);
    const admissions = await readFile(path.join(out, 'admissions.csv'));
    expect([...admissions.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // indicators.json: the same rows in column form, text cells coded, numbers as JSON numbers, empty cells null.
    const json = JSON.parse(await readFile(path.join(out, 'indicators.json'), 'utf8')) as IndicatorsDoc;
    expect(Object.keys(json)).toEqual(['columns', 'dictionary', 'rows']);
    expect(json.columns).toEqual(['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis']);
    const rows = lines.slice(1).filter((l) => l !== '');
    const decoded = indicatorRows(json);
    expect(decoded.length).toBe(rows.length);
    for (const r of decoded) expect(r.length).toBe(7);
    // Row for row the CSV's (its cells here hold no comma, quote or line break; the guard's quote dropped).
    const cell = (c: unknown) => (c === null ? '' : String(c));
    const unguard = (c: string) => (c.startsWith("'") ? c.slice(1) : c);
    expect(decoded.map((r) => r.map(cell).join(','))).toEqual(rows.map((l) => l.split(',').map(unguard).join(',')));
    const row = (unit: string, period: string, indicator: string) =>
      decoded.find((r) => r[0] === unit && r[1] === period && r[2] === indicator);
    expect(row('TN.PB', '2020', 'admitted')).toEqual(['TN.PB', '2020', 'admitted', 31, 8, 12, 'reported']);
    expect(row('TN.PB', '2020', 'target')).toEqual(['TN.PB', '2020', 'target', 253, null, null, 'reported']);
    expect(row('TN.PB', '2020', 'target_achieved_pct')?.[3]).toBe(12.25);
    expect(row('TN.PB', '2020', 'pace_status')?.[3]).toBe('behind');
    // Bình Liêu 2019 (seed article): 109 admitted, 68 of them young: 68 / 109 = 62.39%.
    expect(row('QN.BL', '2019', 'youth_pct')?.[3]).toBe(62.39);
    // Sở Tư pháp Bắc Kạn: 7 in 2015, 5 in 2016, a change of 5 − 7 = −2: a number in JSON, guarded in the CSV.
    const change = ['BK.STP', '2016', 'admitted_change', -2, 12, 12, 'reported'];
    expect(row('BK.STP', '2016', 'admitted_change')).toEqual(change);
    expect(indicators).toMatch(/^BK\.STP,2016,admitted_change,'-2,12,12,reported\r?$/m);
  });

  it('leaves the previous dist/ untouched when the data is broken', async () => {
    // A copy of the shared build, so that a build that wrongly went through could not spoil the other tests.
    const out = path.join(tmp, 'lossless');
    await cp(site.dir, out, { recursive: true });
    const before = await hashTree(out);
    expect(before).toEqual(await hashTree(site.dir));

    const broken = path.join(tmp, 'broken');
    await cp(path.join(root, 'data'), broken, { recursive: true });
    const admissions = path.join(broken, 'admissions.csv');
    const lines = (await readFile(admissions, 'utf8')).split('\n');
    expect(lines[2]).toContain(',53,');
    lines[2] = lines[2]!.replace(',53,', ',5x3,');
    await writeFile(admissions, lines.join('\n'));

    const result = await runScript('build.ts', { DATA_DIR: broken, OUT_DIR: out });
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('admissions.csv:3:');
    expect(output).toContain('5x3');
    expect(await hashTree(out)).toEqual(before);
  });
});

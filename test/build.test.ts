/**
 * The build as a maintainer runs it: reproducible (two builds, byte-identical dist/) and lossless
 * (a build over broken data exits non-zero, names the error's place, and leaves the previous dist/ as it was).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hashTree, root, runScript } from './helpers/site.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-build-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('gives byte-identical dist/ for the same data', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    await buildSite(path.join(root, 'data'), a);
    await buildSite(path.join(root, 'data'), b);
    const [ha, hb] = await Promise.all([hashTree(a), hashTree(b)]);
    expect(ha.size).toBeGreaterThan(10);
    const differing = [...ha].filter(([file, hash]) => hb.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    expect([...hb.keys()]).toEqual([...ha.keys()]);
  });

  it('publishes the validated inputs and the indicators', async () => {
    const out = path.join(tmp, 'a', 'data');
    const indicators = await readFile(path.join(out, 'indicators.csv'), 'utf8');
    expect(indicators.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('unit_id,period,indicator,value,months,of_months,basis');
    // Phú Bình 2020: 31 of 253 by August.
    expect(indicators).toMatch(/^TN\.PB,2020,target_achieved_pct,12\.25,/m);
    expect(indicators).toMatch(/^TN\.PB,2020,admitted,31,8,12,reported\r?$/m);
    const admissions = await readFile(path.join(out, 'admissions.csv'));
    expect([...admissions.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = JSON.parse(await readFile(path.join(out, 'indicators.json'), 'utf8')) as unknown;
    expect(json).toBeTruthy();
  });

  it('leaves the previous dist/ untouched when the data is broken', async () => {
    const out = path.join(tmp, 'lossless');
    await buildSite(path.join(root, 'data'), out);
    const before = await hashTree(out);

    const broken = path.join(tmp, 'broken');
    await cp(path.join(root, 'data'), broken, { recursive: true });
    const admissions = path.join(broken, 'admissions.csv');
    const lines = (await readFile(admissions, 'utf8')).split('\n');
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

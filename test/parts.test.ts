/**
 * Files over the per-file limit are published as parts between provinces (spec, "What the site publishes"):
 * only when the whole would pass the limit; each part a complete file; the parts join to the whole; each province's
 * rows in one part, an ended province's with its successor's; `NAME.parts.json` lists them.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { publishData } from '../src/lib/publish/index.ts';
import { csvLayout, jsonLayout, type PartsList, provinceOf, writeParted } from '../src/lib/publish/parts.ts';
import type { Dataset } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';
import { indicatorRows, type IndicatorsDoc, readIndicatorsJson } from './helpers/published.ts';

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-parts-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
const fresh = () => path.join(tmp, `out-${++n}`);

/**
 * Three provinces: HN with two districts, BK (ended 2025-06, merged into TN) with one district, TN with one.
 * So the provinces of the parts are HN and TN only: BK and BK1 go with TN.
 */
function dataset(): Dataset {
  const fx = new Fixture()
    .unit('HN', 'province')
    .unit('HN1', 'district', 'HN')
    .unit('HN2', 'district', 'HN')
    .unit('BK', 'province', undefined, { activeTo: '2025-06' })
    .unit('BK1', 'district', 'BK', { activeTo: '2025-06' })
    .unit('TN', 'province')
    .unit('TN1', 'district', 'TN');
  fx.units.find((u) => u.id === 'BK')!.successorId = 'TN';
  for (const id of ['HN1', 'HN2', 'BK1', 'TN1']) {
    fx.adm(id, '2019', 10, { youth: 4 }).adm(id, '2020', 12).adm(id, '2021', 9);
  }
  const inputs = fx.inputs();
  inputs.tables = [
    {
      file: 'admissions.csv',
      columns: ['unit_id', 'period', 'admitted', 'source'],
      rows: fx.admissions.map((a) => [a.unitId, a.period.text, String(a.admitted), `Báo cáo của ${a.unitId}`]),
    },
    {
      file: 'terms.csv',
      columns: ['id', 'name', 'from', 'to'],
      rows: [['2020-2025', 'Nhiệm kỳ 2020–2025', '2021-01', '2025-12']],
    },
  ];
  return computeDataset(inputs);
}

const PROVINCE: Record<string, string> = { HN: 'HN', HN1: 'HN', HN2: 'HN', BK: 'TN', BK1: 'TN', TN: 'TN', TN1: 'TN' };

const read = (dir: string, f: string) => readFile(path.join(dir, f), 'utf8');
const list = async (dir: string) => (await readdir(dir)).sort();
const dataLines = (csv: string) => csv.split('\r\n').slice(1, -1);

describe('provinceOf', () => {
  it('follows the parent chain to the root, and an ended province to its successor', () => {
    const ds = dataset();
    const of = provinceOf(ds.units);
    for (const [unit, province] of Object.entries(PROVINCE)) expect(of(unit), unit).toBe(province);
    expect(of('XX')).toBe('XX');
  });
});

describe('publishData with a limit', () => {
  it('writes whole files, byte for byte as without a limit, while they fit (the limit itself included)', async () => {
    const a = fresh();
    await publishData(dataset(), a);
    const b = fresh();
    // Exactly the size of the largest file: nothing is split.
    const largest = Math.max(
      ...(await Promise.all((await list(a)).map(async (f) => (await stat(path.join(a, f))).size))),
    );
    await publishData(dataset(), b, { partLimit: largest });
    expect(await list(b)).toEqual(await list(a));
    for (const f of await list(a)) expect(await read(b, f), f).toBe(await read(a, f));
  });

  it('splits indicators.csv between provinces when it passes the limit by one byte', async () => {
    const whole = fresh();
    await publishData(dataset(), whole);
    const all = await read(whole, 'indicators.csv');
    const bytes = Buffer.byteLength(all);
    const out = fresh();
    await publishData(dataset(), out, { partLimit: bytes - 1 });
    const files = await list(out);
    expect(files).not.toContain('indicators.csv');
    expect(files).toContain('indicators-1.csv');
    expect(files).toContain('indicators-2.csv');
    expect(files).not.toContain('indicators-3.csv');
    expect(files).toContain('indicators.parts.json');

    const p1 = await read(out, 'indicators-1.csv');
    const p2 = await read(out, 'indicators-2.csv');
    const header = all.split('\r\n')[0]!;
    for (const p of [p1, p2]) {
      expect(p.startsWith(`${header}\r\n`)).toBe(true); // BOM and header on every part
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(bytes - 1);
    }
    // Joined as the data page says (part 1 whole, the next without its first line): the same header and lines.
    const joined = p1 + p2.slice(p2.indexOf('\r\n') + 2);
    expect(joined.split('\r\n')[0]).toBe(header);
    expect(dataLines(joined).sort()).toEqual(dataLines(all).sort());
    expect(Buffer.byteLength(joined)).toBe(bytes);
    // One province a part, in the order they come (HN's units sort first), BK's rows with TN.
    const provincesOf = (csv: string) => new Set(dataLines(csv).map((l) => PROVINCE[l.split(',')[0]!]));
    expect(provincesOf(p1)).toEqual(new Set(['HN']));
    expect(provincesOf(p2)).toEqual(new Set(['TN']));
    expect(dataLines(p2).some((l) => l.startsWith('BK1,'))).toBe(true);
  });

  it('lists the parts in NAME.parts.json with their provinces, units, rows and bytes', async () => {
    const whole = fresh();
    await publishData(dataset(), whole);
    const csvBytes = (await stat(path.join(whole, 'indicators.csv'))).size;
    const jsonBytes = (await stat(path.join(whole, 'indicators.json'))).size;
    const out = fresh();
    // Splits both formats of indicators (the coded JSON is the smaller), not the small admissions.csv.
    expect(jsonBytes).toBeLessThan(csvBytes);
    await publishData(dataset(), out, { partLimit: jsonBytes - 1 });
    const parts = JSON.parse(await read(out, 'indicators.parts.json')) as PartsList;
    expect(parts.name).toBe('indicators');
    expect(parts.files.map((f) => f.file)).toEqual(['indicators.csv', 'indicators.json']);
    const csv = parts.files[0]!;
    expect(csv.bytes).toBe(csvBytes);
    expect(csv.limit).toBe(jsonBytes - 1);
    expect(csv.how_to_join).toMatch(/bỏ dòng đầu tiên/);
    expect(csv.parts.map((p) => [p.file, p.provinces, p.units])).toEqual([
      ['indicators-1.csv', ['HN'], ['HN', 'HN1', 'HN2']],
      ['indicators-2.csv', ['TN'], ['BK', 'BK1', 'TN', 'TN1']],
    ]);
    for (const p of csv.parts) {
      const text = await read(out, p.file);
      expect(p.bytes).toBe(Buffer.byteLength(text));
      expect(p.rows).toBe(dataLines(text).length);
    }
    expect(csv.parts.reduce((s, p) => s + p.rows, 0)).toBe(csv.rows);
    expect(parts.files[1]!.bytes).toBe(jsonBytes);
    expect((await list(out)).filter((f) => f.startsWith('admissions'))).toEqual(['admissions.csv']);
  });

  it('splits indicators.json into complete JSON documents of the same shape', async () => {
    const whole = fresh();
    await publishData(dataset(), whole);
    const text = await read(whole, 'indicators.json');
    const all = JSON.parse(text) as IndicatorsDoc;
    const bytes = (await stat(path.join(whole, 'indicators.json'))).size;
    const out = fresh();
    await publishData(dataset(), out, { partLimit: bytes - 1 });
    const p1 = await read(out, 'indicators-1.json');
    const p2 = await read(out, 'indicators-2.json');
    // The same head, dictionary included, in each part: the whole file's up to its rows.
    const head = text.slice(0, text.indexOf('"rows":[') + 8);
    expect(p1.startsWith(head)).toBe(true);
    expect(p2.startsWith(head)).toBe(true);
    const [d1, d2] = [JSON.parse(p1), JSON.parse(p2)] as IndicatorsDoc[];
    // The rows coded against that one dictionary: the parts' raw rows are the whole file's.
    expect([...d1!.rows, ...d2!.rows].map((r) => JSON.stringify(r)).sort()).toEqual(
      all.rows.map((r) => JSON.stringify(r)).sort(),
    );
    const decoded = await readIndicatorsJson(out);
    expect(decoded.length).toBe(all.rows.length);
    expect(new Set(indicatorRows(d1!).map((r) => PROVINCE[String(r[0])]))).toEqual(new Set(['HN']));
    expect(new Set(indicatorRows(d2!).map((r) => PROVINCE[String(r[0])]))).toEqual(new Set(['TN']));
    // HN1 admitted 10 in 2019 (the fixture above), in part 1.
    expect(indicatorRows(d1!)).toContainEqual(['HN1', '2019', 'admitted', 10, 12, 12, 'reported']);
  });

  it('splits a re-published input table by province', async () => {
    const out = fresh();
    // admissions.csv: BOM and header 35 bytes, rows like `HN1,2019,10,Báo cáo của HN1\r\n` of 32–33 bytes (á 2
    // bytes, ủ 3). A province (6 rows) is about 231 bytes, both about 427: a 250-byte limit holds one a part.
    await publishData(dataset(), out, { partLimit: 250 });
    const p1 = await read(out, 'admissions-1.csv');
    const p2 = await read(out, 'admissions-2.csv');
    expect(p1.split('\r\n')[0]).toBe('\uFEFFunit_id,period,admitted,source');
    expect(dataLines(p1).map((l) => l.split(',')[0])).toEqual(['HN1', 'HN1', 'HN1', 'HN2', 'HN2', 'HN2']);
    expect(dataLines(p2).map((l) => l.split(',')[0])).toEqual(['BK1', 'BK1', 'BK1', 'TN1', 'TN1', 'TN1']);
  });

  it('gives a unit too big for any part a part of its own, with a warning', async () => {
    const out = fresh();
    const warnings: string[] = [];
    await publishData(dataset(), out, { partLimit: 100, onWarning: (w) => warnings.push(w) });
    const manifest = (JSON.parse(await read(out, 'indicators.parts.json')) as PartsList).files[0]!;
    // Seven units, each with far more than 100 bytes of indicators: seven parts, one unit each.
    // Provinces in id order (HN, TN), each one's units in the file's order (BK and BK1 sort before TN).
    expect(manifest.parts.map((p) => p.units)).toEqual([['HN'], ['HN1'], ['HN2'], ['BK'], ['BK1'], ['TN'], ['TN1']]);
    expect(warnings.some((w) => w.startsWith('indicators.csv: riêng số liệu của đơn vị HN1'))).toBe(true);
  });
});

describe('writeParted', () => {
  it('removes the parts of an earlier run into the same folder when the file fits again', async () => {
    const dir = fresh();
    await publishData(dataset(), dir, { partLimit: 1024 });
    expect((await list(dir)).some((f) => /^indicators-\d+\.csv$/.test(f))).toBe(true);
    await publishData(dataset(), dir);
    const files = await list(dir);
    expect(files.filter((f) => f.startsWith('indicators'))).toEqual(['indicators.csv', 'indicators.json']);
  });

  it('packs consecutive provinces into one part while they fit', async () => {
    const dir = fresh();
    // Records of 10 bytes ("aaaaaaaaa\n"); header "h\n" (2 bytes) plus the BOM (3): a part of k records has 5 + 10k.
    const rec = (unitId: string) => ({ unitId, text: `${unitId.padEnd(9, '.')}\n` });
    const records = () => ['A', 'A', 'B', 'C', 'C', 'C', 'D'].map(rec);
    // Limit 35: 3 records a part. A(2)+B(1) = 3; C(3); D(1).
    const r = await writeParted(dir, 'x.csv', csvLayout('h\n'), records, { limit: 35 });
    expect(r.manifest?.parts.map((p) => [p.provinces, p.bytes])).toEqual([
      [['A', 'B'], 35],
      [['C'], 35],
      [['D'], 15],
    ]);
    // JSON: head `{"r":[` (6), tail `\n]}\n` (4), `\n` before the first record (1), `,\n` before later ones (2):
    // 3 records = 6 + 1 + 10 + 2 × 12 + 4 = 45; 4 would be 57.
    const j = await writeParted(
      dir,
      'x.json',
      jsonLayout('{"r":['),
      () => records().map((x) => ({ ...x, text: JSON.stringify(x.text).slice(0, 10) })),
      { limit: 46 },
    );
    expect(j.manifest?.parts.map((p) => [p.provinces, p.bytes])).toEqual([
      [['A', 'B'], 45],
      [['C'], 45],
      [['D'], 21],
    ]);
    for (const p of j.manifest!.parts) expect((await stat(path.join(dir, p.file))).size).toBe(p.bytes);
    // The two formats of x share x.parts.json.
    const shared = JSON.parse(await read(dir, 'x.parts.json')) as PartsList;
    expect(shared.files.map((f) => f.file)).toEqual(['x.csv', 'x.json']);
  });

  it('copies the parts right across reads of the whole file, units interleaved or not', async () => {
    const dir = fresh();
    // 60 000 records of 50 bytes (3 MB, three 1 MiB reads): provinces A, B, C; first 30 000 interleaved A, B, C, A,
    // …, then 10 000 of each in a row. Each province 1 MB: a 1,5 MiB limit holds one a part.
    const text = (i: number, p: string) => `${p}${String(i).padStart(47, '0')}\r\n`;
    const ps = ['A', 'B', 'C'];
    const records = function* () {
      for (let i = 0; i < 30_000; i++) yield { unitId: ps[i % 3]!, text: text(i, ps[i % 3]!) };
      for (const p of ps) for (let i = 0; i < 10_000; i++) yield { unitId: p, text: text(i, p) };
    };
    const r = await writeParted(dir, 'big.csv', csvLayout('h\r\n'), records, { limit: 1.5 * 1024 * 1024 });
    expect(r.manifest?.parts.map((p) => p.provinces)).toEqual([['A'], ['B'], ['C']]);
    for (const [i, p] of ps.entries()) {
      const part = await read(dir, `big-${i + 1}.csv`);
      const want = [...records()].filter((x) => x.unitId === p).map((x) => x.text);
      expect(part === `\uFEFFh\r\n${want.join('')}`, p).toBe(true);
    }
  });

  it('keeps a file it cannot split (no unit column) whole, with a warning', async () => {
    const dir = fresh();
    const records = () => ['1', '2', '3'].map((t) => ({ text: `${t}\n` }));
    const r = await writeParted(dir, 'terms.csv', csvLayout('id\n'), records, { limit: 8 });
    expect(await list(dir)).toEqual(['terms.csv']);
    expect(await read(dir, 'terms.csv')).toBe('\uFEFFid\n1\n2\n3\n');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^terms\.csv: tệp lớn 12 byte, vượt giới hạn 8 byte/);
  });
});

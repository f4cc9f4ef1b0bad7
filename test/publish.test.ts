/**
 * The published data files: clean CSV with BOM, the formula guard, indicators.csv/json, determinism.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { csvCell, formatNumber, guard, publishData, toCsv } from '../src/lib/publish/index.ts';
import type { Dataset } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';
import { indicatorRows, type IndicatorsDoc } from './helpers/published.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-publish-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('formula guard', () => {
  it('prefixes a quote to cells beginning with = + - @ tab or CR', () => {
    expect(guard('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guard('+84 912')).toBe("'+84 912");
    expect(guard('-3')).toBe("'-3");
    expect(guard('@cmd')).toBe("'@cmd");
    expect(guard('\tx')).toBe("'\tx");
    expect(guard('\rx')).toBe("'\rx");
    expect(guard('Bình Liêu')).toBe('Bình Liêu');
    expect(guard('3-5')).toBe('3-5');
    expect(guard('')).toBe('');
    // Numbers too: a negative change is published as '-3.
    expect(csvCell(-3)).toBe("'-3");
    expect(csvCell(12.25)).toBe('12.25');
    // Guarded first, then quoted because of the line break.
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });
});

describe('toCsv', () => {
  it('quotes only where needed, CRLF, BOM', () => {
    const text = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'two\nlines'],
        [1, null, undefined],
        [1.5, '', 'plain'],
      ],
    );
    expect(text).toBe('\uFEFFa,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n1,,\r\n1.5,,plain\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('never writes exponent notation', () => {
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(62.39)).toBe('62.39');
    expect(formatNumber(7335)).toBe('7335');
  });
});

function dataset(): Dataset {
  const fx = new Fixture()
    .unit('P', 'province', undefined, { label: 'Tỉnh, "P"' })
    .unit('A', 'district', 'P')
    .adm('A', '2019', 10, { youth: 5, source: '=HYPERLINK("x")' })
    .adm('A', '2020', 7)
    .target('A', '2020', 9)
    .member('A', '2019-12-31', { members: 300 });
  const inputs = fx.inputs();
  inputs.tables = [
    {
      file: 'units.csv',
      columns: ['id', 'name', 'level', 'parent_id'],
      rows: [
        ['P', 'Tỉnh, "P"', 'province', ''],
        ['A', 'A', 'district', 'P'],
      ],
    },
    {
      file: 'admissions.csv',
      columns: ['unit_id', 'period', 'admitted', 'youth', 'source', 'note'],
      rows: [
        ['A', '2019', '10', '5', '=HYPERLINK("x")', 'dòng 1\ndòng 2'],
        ['A', '2020', '7', '', '', ''],
      ],
    },
  ];
  return computeDataset(inputs);
}

describe('publishData', () => {
  it('writes the inputs and the indicators', async () => {
    const out = path.join(tmp, 'one');
    const files = await publishData(dataset(), out);
    expect(files.map((f) => path.basename(f))).toEqual([
      'units.csv',
      'admissions.csv',
      'indicators.csv',
      'indicators.json',
    ]);

    const units = await readFile(path.join(out, 'units.csv'));
    expect([...units.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(units.toString('utf8')).toBe(
      '\uFEFFid,name,level,parent_id\r\nP,"Tỉnh, ""P""",province,\r\nA,A,district,P\r\n',
    );
    const adm = await readFile(path.join(out, 'admissions.csv'), 'utf8');
    expect(adm).toBe(
      '\uFEFFunit_id,period,admitted,youth,source,note\r\nA,2019,10,5,"\'=HYPERLINK(""x"")","dòng 1\ndòng 2"\r\nA,2020,7,,,\r\n',
    );

    const csv = await readFile(path.join(out, 'indicators.csv'), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFunit_id,period,indicator,value,months,of_months,basis');
    // A 2020: 7 of 9 = 77.78%; change 7 − 10 = −3 (guarded), −30%; rate 7 / 300 = 2.33%.
    expect(lines).toContain('A,2020,admitted,7,12,12,reported');
    expect(lines).toContain("A,2020,admitted_change,'-3,12,12,reported");
    expect(lines).toContain("A,2020,admitted_change_pct,'-30,12,12,reported");
    expect(lines).toContain('A,2020,target,9,,,reported');
    expect(lines).toContain('A,2020,target_achieved_pct,77.78,12,12,reported');
    expect(lines).toContain('A,2020,members_at_start,300,,,reported');
    expect(lines).toContain('A,2020,admission_rate_pct,2.33,12,12,reported');
    expect(lines).toContain('P,2020,admitted,7,12,12,summed');
    expect(lines).toContain('A,2019,youth_pct,50,12,12,reported');
    expect(lines.at(-1)).toBe('');

    // indicators.json: the four text columns as indexes into the head's lists, given once.
    const text = await readFile(path.join(out, 'indicators.json'), 'utf8');
    const json = JSON.parse(text) as IndicatorsDoc;
    expect(Object.keys(json)).toEqual(['columns', 'dictionary', 'rows']);
    expect(json.columns).toEqual(['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis']);
    // Every unit by id; the years, then the term; the indicators of the rows above in the data dictionary's order
    // (src/lib/model/dictionary.ts); A's own rows, P's summed from A.
    expect(json.dictionary).toEqual({
      unit_id: ['A', 'P'],
      period: ['2019', '2020', '2015-2020'],
      indicator: [
        'admitted',
        'admitted_change',
        'admitted_change_pct',
        'youth',
        'youth_pct',
        'target',
        'target_achieved_pct',
        'members_at_start',
        'admission_rate_pct',
        'members',
      ],
      basis: ['reported', 'summed'],
    });
    // One row a line; A 2020 admitted_change is unit 0, period 1, indicator 1, basis 0.
    expect(text.split('\n')).toContain('[0,1,1,-3,12,12,0],');
    expect(text.split('\n')).toContain('[1,1,5,9,null,null,1],'); // P 2020 target, summed
    expect(text.endsWith('\n]}\n')).toBe(true);
    // Decoded, the rows of indicators.csv in its order (the guard's quote dropped), numbers as JSON numbers.
    const unguard = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
    const csvRows = lines.slice(1, -1).map((l) => l.split(',').map(unguard));
    const decoded = indicatorRows(json);
    expect(decoded.map((r) => r.map((c) => (c === null ? '' : String(c))))).toEqual(csvRows);
    expect(decoded).toContainEqual(['A', '2020', 'admitted_change', -3, 12, 12, 'reported']);
    expect(decoded).toContainEqual(['A', '2020', 'target', 9, null, null, 'reported']);
    expect(decoded).toContainEqual(['A', '2015-2020', 'admitted', 17, 24, 60, 'reported']); // 10 + 7, 24 of 60 months
  });

  it('writes in a stable order: unit id, period, indicator', async () => {
    const d = dataset();
    const keys = d.indicators.map((r) => [r.unit_id, r.period]);
    const sorted = [...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(d.indicators.filter((r) => r.unit_id === 'A').map((r) => r.period)).toEqual([
      ...Array<string>(4).fill('2019'), // admitted, youth, youth_pct, members
      ...Array<string>(7).fill('2020'), // admitted, change, change %, target, achieved, members at start, rate
      ...Array<string>(2).fill('2015-2020'), // admitted (24/60 months), members
    ]);
  });

  it('is byte-identical over two runs', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    await publishData(dataset(), a);
    await publishData(dataset(), b);
    for (const f of ['units.csv', 'admissions.csv', 'indicators.csv', 'indicators.json']) {
      expect((await readFile(path.join(a, f))).equals(await readFile(path.join(b, f)))).toBe(true);
    }
  });
});

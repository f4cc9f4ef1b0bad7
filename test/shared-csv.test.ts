/**
 * The shared chart CSVs (src/lib/publish/shared-csv.ts, src/lib/site/unit/shared.ts): which unit's file holds a
 * chart (the owner rule), the shared file's text, and the cut that gives a chart's or a unit's own file back.
 * Every expected text is written by hand from the rules of csv.ts: BOM, CRLF, `'` before = + - @, quotes around a
 * cell with a comma or a quote.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { columnCodes, cutCsv, sharedCsv, type SharedChart } from '../src/lib/publish/shared-csv.ts';
import { unitPage } from '../src/lib/site/unit.ts';
import { ownedBy, ownerOf } from '../src/lib/site/unit/shared.ts';
import { Fixture } from './helpers/fixture.ts';

const B = '\uFEFF';
const lines = (...ls: string[]) => `${B}${ls.join('\r\n')}\r\n`;
/** A chart's columns as its link carries them. */
const codes = (...names: string[]) => columnCodes(names);

describe('the owner of a unit’s charts', () => {
  // P (province) > D (district) > X (commune) > G (grassroots) > C1, C2 (branches); D > G2 (grassroots) > C3;
  // R (grassroots, no parent) > C4; S (branch, no parent).
  const ds = computeDataset(
    new Fixture()
      .unit('P', 'province')
      .unit('D', 'district', 'P')
      .unit('X', 'commune', 'D')
      .unit('G', 'grassroots', 'X')
      .unit('C1', 'branch', 'G')
      .unit('C2', 'branch', 'G')
      .unit('G2', 'grassroots', 'D')
      .unit('C3', 'branch', 'G2')
      .unit('R', 'grassroots')
      .unit('C4', 'branch', 'R')
      .unit('S', 'branch')
      .adm('C1', '2020', 1)
      .inputs(),
  );
  const owner = (id: string) => ownerOf(ds, ds.unitById[id]!).id;
  const owns = (id: string) => ownedBy(ds, ds.unitById[id]!).map((u) => u.id);

  it('is the unit itself for a province, district or commune', () => {
    expect(['P', 'D', 'X'].map(owner)).toEqual(['P', 'D', 'X']);
  });
  it('is the nearest province, district or commune above a grassroots unit or branch', () => {
    expect(['G', 'C1', 'C2', 'G2', 'C3'].map(owner)).toEqual(['X', 'X', 'X', 'D', 'D']);
  });
  it('is the top of the chain when there is none (a data set rooted at a grassroots committee)', () => {
    expect(['R', 'C4', 'S'].map(owner)).toEqual(['R', 'R', 'S']);
  });
  it('lists the owner first, then the units it owns in the data set’s order; a light unit owns nothing else', () => {
    expect(owns('X')).toEqual(['X', 'G', 'C1', 'C2']);
    expect(owns('D')).toEqual(['D', 'G2', 'C3']);
    expect(owns('P')).toEqual(['P']);
    expect(owns('R')).toEqual(['R', 'C4']);
    expect(owns('G')).toEqual([]);
  });
});

// Two charts of unit X and one of its branch C1, with a column name shared (Năm), one repeated within a chart
// (Ghi chú twice), a change that needs the guard, a name with a comma and empty cells.
const charts: SharedChart[] = [
  {
    unitId: 'X',
    unitName: 'Xã A',
    key: 'ket-nap',
    csv: {
      columns: ['Năm', 'Kết nạp', 'Tăng, giảm'],
      rows: [
        [2020, 5, undefined],
        [2021, 2, -3],
      ],
    },
  },
  {
    unitId: 'X',
    unitName: 'Xã A',
    key: 'nhiem-ky',
    csv: { columns: ['Nhiệm kỳ', 'Năm'], rows: [['2020-2025', 2021]] },
  },
  {
    unitId: 'C1',
    unitName: 'Chi bộ "Một", thôn B',
    key: 'ket-nap',
    csv: { columns: ['Năm', 'Ghi chú', 'Ghi chú', 'Kết nạp'], rows: [[2020, '=1+1', null, 1]] },
  },
];

const SHARED = lines(
  'Mã trang đơn vị,Trang đơn vị,Biểu đồ,Năm,Kết nạp,"Tăng, giảm",Nhiệm kỳ,Ghi chú,Ghi chú',
  'X,Xã A,ket-nap,2020,5,,,,',
  "X,Xã A,ket-nap,2021,2,'-3,,,",
  'X,Xã A,nhiem-ky,2021,,,2020-2025,,',
  `C1,"Chi bộ ""Một"", thôn B",ket-nap,2020,1,,,'=1+1,`,
);

describe('the shared CSV', () => {
  it('leads each row with the page’s unit and the chart, then the union of the charts’ columns', () => {
    expect(sharedCsv(charts)).toBe(SHARED);
  });
  it('refuses a chart column named like a leading one (the cut could not tell them apart)', () => {
    const bad: SharedChart = { unitId: 'X', unitName: 'X', key: 'k', csv: { columns: ['Biểu đồ'], rows: [] } };
    expect(() => sharedCsv([bad])).toThrow(/Biểu đồ/);
  });
});

describe('the cut of a download', () => {
  it('gives each chart’s own file, its columns in its order, byte for byte', () => {
    expect(cutCsv(SHARED, { unitId: 'X', key: 'ket-nap', columns: codes('Năm', 'Kết nạp', 'Tăng, giảm') })).toBe(
      lines('Năm,Kết nạp,"Tăng, giảm"', '2020,5,', "2021,2,'-3"),
    );
    expect(cutCsv(SHARED, { unitId: 'X', key: 'nhiem-ky', columns: codes('Nhiệm kỳ', 'Năm') })).toBe(
      lines('Nhiệm kỳ,Năm', '2020-2025,2021'),
    );
    expect(
      cutCsv(SHARED, { unitId: 'C1', key: 'ket-nap', columns: codes('Năm', 'Ghi chú', 'Ghi chú', 'Kết nạp') }),
    ).toBe(lines('Năm,Ghi chú,Ghi chú,Kết nạp', "2020,'=1+1,,1"));
  });
  it('reads the file without its BOM too (what fetch’s text() gives)', () => {
    expect(cutCsv(SHARED.slice(1), { unitId: 'X', key: 'nhiem-ky', columns: codes('Nhiệm kỳ', 'Năm') })).toBe(
      lines('Nhiệm kỳ,Năm', '2020-2025,2021'),
    );
  });
  it('finds a chart’s columns from four characters each, whatever their names, the repeated name twice', () => {
    const c = codes('Năm', 'Ghi chú', 'Ghi chú', 'Kết nạp');
    expect(c).toMatch(/^[0-9a-z]{16}$/);
    // The two `Ghi chú` are told apart by their rank.
    expect(c.slice(4, 8)).not.toBe(c.slice(8, 12));
  });
  it('fails on a code the file does not have (the script then saves the whole file)', () => {
    expect(() => cutCsv(SHARED, { unitId: 'X', key: 'ket-nap', columns: codes('Năm', 'Học viên') })).toThrow(
      /no column/,
    );
  });
  it('gives a header alone for a chart without rows', () => {
    expect(cutCsv(SHARED, { unitId: 'C1', key: 'nhiem-ky', columns: codes('Nhiệm kỳ', 'Năm') })).toBe(
      lines('Nhiệm kỳ,Năm'),
    );
  });
  it('gives a unit’s rows of data/indicators.csv with its header (a light unit’s chi-so.csv)', () => {
    const indicators = lines(
      'unit_id,period,indicator,value,months,of_months,basis',
      'G,2020,admitted,5,12,12,reported',
      "G,2021,admitted_change,'-2,12,12,reported",
      'GG,2020,admitted,1,12,12,reported',
      'H,2020,admitted,7,12,12,summed',
    );
    expect(cutCsv(indicators, { unitId: 'G' })).toBe(
      lines(
        'unit_id,period,indicator,value,months,of_months,basis',
        'G,2020,admitted,5,12,12,reported',
        "G,2021,admitted_change,'-2,12,12,reported",
      ),
    );
  });
});

describe('a unit page’s downloads', () => {
  // Commune X with grassroots G and its branch C; each with an admitted figure so that its page has a chart.
  const ds = computeDataset(
    new Fixture()
      .unit('P', 'province')
      .unit('X', 'commune', 'P')
      .unit('G', 'grassroots', 'X')
      .unit('C', 'branch', 'G')
      .adm('X', '2020', 9)
      .adm('G', '2020', 4)
      .adm('C', '2020', 2)
      .inputs(),
  );
  const page = (id: string) => unitPage(ds, ds.unitById[id]!, '', (u) => `data/indicators-${u.length}.csv`);
  const paths = (id: string) => page(id).files.map((f) => f.path);

  it('points every chart of a light unit to its owner’s file, saved under the chart’s own name with JS', () => {
    const c = page('C').admissions!;
    expect(c.csvHref).toBe('/don-vi/x/so-lieu.csv');
    expect(c.csvName).toBe('c-ket-nap-theo-nam.csv');
    expect(c.csvCut).toMatchObject({ fileName: 'x-so-lieu.csv', unitId: 'C', key: 'ket-nap-theo-nam' });
    expect(page('X').admissions!.csvHref).toBe('/don-vi/x/so-lieu.csv');
  });
  it('declares the shared file on the owner’s page only, and no per-chart CSV', () => {
    expect(paths('X').filter((p) => p.endsWith('.csv'))).toEqual(['don-vi/x/so-lieu.csv']);
    expect(paths('G').filter((p) => p.endsWith('.csv'))).toEqual([]);
    expect(paths('C').filter((p) => p.endsWith('.csv'))).toEqual([]);
  });
  it('holds the owned units’ charts in the owner’s file, each row led by its unit and chart', () => {
    const text = String(
      (page('X').files.find((f) => f.path === 'don-vi/x/so-lieu.csv') as { body: () => string }).body(),
    );
    const leads = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(',').slice(0, 3).join(','));
    expect(leads).toContain('X,X,ket-nap-theo-nam');
    expect(leads).toContain('G,G,ket-nap-theo-nam');
    expect(leads).toContain('C,C,ket-nap-theo-nam');
  });
  it('links every unit’s indicators to the data/ file holding its rows, saved as its own chi-so.csv with JS', () => {
    expect(page('C')).toMatchObject({
      downloadHref: '/data/indicators-1.csv',
      downloadName: 'c-chi-so.csv',
      downloadCut: { fileName: 'indicators-1.csv', unitId: 'C' },
    });
    expect(page('X')).toMatchObject({
      downloadHref: '/data/indicators-1.csv',
      downloadName: 'x-chi-so.csv',
      downloadCut: { fileName: 'indicators-1.csv', unitId: 'X' },
    });
    expect(page('X').downloadCut.key).toBeUndefined();
  });
});

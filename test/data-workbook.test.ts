/**
 * data/du-lieu.xlsx, the whole data set as one workbook (src/lib/build/workbook.ts): a sheet per table under the
 * contract's Vietnamese names, read back by the site's own workbook reader into the same indicators as the CSV
 * folder it came from, and the same bytes on every run (fixed dates in the properties and the zip entries).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataWorkbook, dataWorkbookBytes } from '../src/lib/build/workbook.ts';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import type { Dataset, IndicatorRow } from '../src/lib/types.ts';
import { root } from './helpers/site.ts';

let tmp: string;
let ds: Dataset;
let bytes: Uint8Array;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-data-workbook-'));
  const inputs = await loadInputs(path.join(root, 'data'));
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
  bytes = await dataWorkbookBytes(ds);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The count columns of the contract (data-format.md): numbers in the workbook, every other column text. */
const COUNTS = new Set(
  'admitted youth women ethnic_minority college target classes trainees dossiers members probationary'
    .split(' ')
    .concat('grassroots_orgs branches villages villages_with_branch villages_without_members'.split(' ')),
);

const rows = (d: Dataset): IndicatorRow[] => d.indicatorUnitOrder.flatMap((id) => [...d.indicatorsOf(id)]);

describe('du-lieu.xlsx', () => {
  it('has a sheet per table, Vietnamese names, counts as numbers and periods as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Kết nạp', 'Chỉ tiêu', 'Bồi dưỡng', 'Đảng viên']);
    // data/admissions.csv line 2: QN.BL, period 2019, admitted 109.
    const admissions = wb.getWorksheet('Kết nạp')!;
    expect(admissions.getCell('A2').value).toBe('QN.BL');
    expect(admissions.getCell('B2').value).toBe('2019');
    expect(admissions.getCell('C2').value).toBe(109);
  });

  it('holds every cell of every table, the header frozen and bold, text columns formatted as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    for (const [k, t] of ds.inputs.tables.entries()) {
      const ws = wb.worksheets[k]!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      const cells = (r: number) => t.columns.map((_, i) => ws.getRow(r).getCell(i + 1).value ?? '');
      expect(cells(1)).toEqual(t.columns);
      const isCount = t.columns.map((c) => COUNTS.has(c));
      t.rows.forEach((r, j) => {
        expect(cells(j + 2)).toEqual(r.map((v, i) => (isCount[i] && /^\d+$/.test(v) ? Number(v) : v)));
      });
      expect(ws.rowCount).toBe(t.rows.length + 1);
      // Text format on every column but the counts: Excel would turn `2024-03` into a date.
      expect(t.columns.map((_, i) => ws.getColumn(i + 1).numFmt === '@')).toEqual(isCount.map((x) => !x));
    }
  });

  it('reads back into the same indicators as the CSV folder', async () => {
    const folder = await mkdtemp(path.join(tmp, 'folder-'));
    await writeFile(path.join(folder, 'du-lieu.xlsx'), bytes);
    const back = await loadInputs(folder);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const expected = rows(ds);
    expect(expected.length).toBeGreaterThan(50);
    expect(rows(computeDataset(back))).toEqual(expected);
  });

  it('is the same bytes on every run, and is left out when it passes the limit', async () => {
    expect(Buffer.from(await dataWorkbookBytes(ds)).equals(Buffer.from(bytes))).toBe(true);
    expect(await dataWorkbook(ds, bytes.length - 1)).toEqual({ size: bytes.length });
    expect('bytes' in (await dataWorkbook(ds, bytes.length))).toBe(true);
  });
});

describe('du-lieu.xlsx of a big data set', () => {
  it('is sized from a sample and not made when the estimate passes the limit', async () => {
    // 60,000 admissions rows: more than the 20,000-row sample, so the sample's size is scaled by the rows.
    const big: Dataset = {
      ...ds,
      inputs: {
        ...ds.inputs,
        tables: [
          {
            file: 'admissions.csv',
            columns: ['unit_id', 'period', 'admitted'],
            rows: Array.from({ length: 60_000 }, (_, i) => [`U${i}`, '2024', String(i % 97)]),
          },
        ],
      },
    };
    const sample = (await dataWorkbookBytes(big, 20_000)).length;
    // Estimate = sample × 60,000 / 20,000; a limit of a third of the sample makes it 9 × the limit: not made.
    const limit = Math.floor(sample / 3);
    const out = await dataWorkbook(big, limit);
    expect(out).toEqual({ size: Math.round((sample * 60_000) / 20_000) });
    // An estimate of 1.5 × the limit: not made either (exceljs would hold the whole national workbook in memory).
    const near = await dataWorkbook(big, Math.floor((sample * 3) / 1.5));
    expect(near).toEqual({ size: Math.round((sample * 60_000) / 20_000) });
  });
});

/**
 * A filled-in template, saved by a real spreadsheet program, is read by the build as it is. The template is
 * filled with the sample data (data/*.csv) the way a person's spreadsheet holds it (counts as numbers, dates
 * as dates, periods as text), saved by LibreOffice Calc headless, and then:
 * - the saved workbook still has one sheet per table, the header in row 1 and the same typed cells;
 * - building from a folder that holds only that workbook gives the same indicators as the CSV folder.
 * LibreOffice is installed by `npm test`'s pretest (scripts/ensure-test-tools.sh) when missing.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../src/lib/ingest/folder.ts';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { FILE_COLUMNS } from '../src/lib/schema/columns.ts';
import { SHEET_NAMES, templateWorkbook, workbookBytes } from '../src/lib/template/index.ts';
import type { Dataset, IndicatorRow } from '../src/lib/types.ts';
import { root } from './helpers/site.ts';
import { SOFFICE, fillTemplate, readCsv, saveWithCalc, typedCell } from './helpers/template.ts';

const DATA = path.join(root, 'data');
let tmp: string;
let saved: string;
let back: ExcelJS.Workbook;

beforeAll(async () => {
  if (!SOFFICE) throw new Error("LibreOffice Calc is missing: run 'bash scripts/ensure-test-tools.sh' as root.");
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-template-'));
  const wb = templateWorkbook({ checkPage: '/kiem-tra/' });
  const rows = await fillTemplate(wb, DATA);
  expect(rows).toBeGreaterThan(20);
  await mkdir(path.join(tmp, 'filled'));
  await mkdir(path.join(tmp, 'calc'));
  const filled = path.join(tmp, 'filled', 'mau-nhap-lieu.xlsx');
  await writeFile(filled, await workbookBytes(wb));
  saved = await saveWithCalc(filled, path.join(tmp, 'calc'));
  back = new ExcelJS.Workbook();
  await back.xlsx.readFile(saved);
}, 180_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const valuesOf = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);

describe('the template filled in and saved by LibreOffice Calc', () => {
  it('keeps one sheet per table, the header in row 1 and every cell with its type', async () => {
    for (const file of DATA_FILES) {
      const ws = back.getWorksheet(SHEET_NAMES[file]);
      expect(ws, SHEET_NAMES[file]).toBeDefined();
      const header = valuesOf(ws!.getRow(1)).map(String);
      expect(header, file).toEqual(FILE_COLUMNS[file].known);
      const table = (await readCsv(DATA, file)) ?? [FILE_COLUMNS[file].known as string[]];
      const [csvHeader = [], ...data] = table;
      expect(ws!.actualRowCount, file).toBe(1 + data.length);
      data.forEach((line, r) => {
        csvHeader.forEach((column, c) => {
          const cell = ws!.getCell(r + 2, header.indexOf(column) + 1).value;
          const expected = typedCell(file, column, line[c] ?? '');
          expect(cell ?? null, `${file} row ${r + 2} ${column}`).toEqual(expected);
        });
      });
    }
  });

  it('holds the sample rows as a person typed them (hand-picked cells)', () => {
    // data/members.csv line 3: DB.MN, 2017-01-04, members `1.488` (thousands dot) → the number 1488.
    const members = back.getWorksheet(SHEET_NAMES['members.csv'])!;
    expect(members.getCell('A3').value).toBe('DB.MN');
    expect(members.getCell('B3').value).toEqual(new Date(Date.UTC(2017, 0, 4)));
    expect(members.getCell('C3').value).toBe(1488);
    // data/admissions.csv line 2: QN.BL, period 2019 kept as the text "2019", admitted 109.
    const admissions = back.getWorksheet(SHEET_NAMES['admissions.csv'])!;
    expect(admissions.getCell('B2').value).toBe('2019');
    expect(admissions.getCell('C2').value).toBe(109);
    expect(admissions.getCell('B3').value).toBe('2020-01..2020-07');
  });

  it('keeps the header comments, drop-downs and checks', () => {
    const admissions = back.getWorksheet(SHEET_NAMES['admissions.csv'])!;
    const note = admissions.getCell('C1').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text.startsWith('admitted\n')).toBe(true);
    const model = (admissions as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(model.C2).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(model.A2?.type).toBe('list');
  });

  it('builds the same indicators from the saved workbook as from the CSV files', async () => {
    const only = path.join(tmp, 'workbook-only');
    await mkdir(only);
    await copyFile(saved, path.join(only, 'mau-nhap-lieu.xlsx'));
    const fromWorkbook = await loadInputs(only);
    expect(fromWorkbook.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fromCsv = await loadInputs(DATA);
    const rows = (d: Dataset): IndicatorRow[] => d.indicatorUnitOrder.flatMap((id) => [...d.indicatorsOf(id)]);
    const expected = rows(computeDataset(fromCsv));
    expect(expected.length).toBeGreaterThan(50);
    expect(rows(computeDataset(fromWorkbook))).toEqual(expected);
  });
});

/**
 * The check page's entry: files as bytes (no folder, no Node API) → the diagnostics, Inputs and figures the build
 * makes of them. Workbooks are written here with exceljs as Excel saves them; the expected figures are summed by
 * hand from the rows written below.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/lib/check/index.ts';
import type { CheckFile, CheckResult } from '../src/lib/check/index.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';

const enc = new TextEncoder();
const csv = (name: string, lines: string[]): CheckFile => ({ name, bytes: enc.encode(`${lines.join('\n')}\n`) });

const UNITS = [
  'id,name,short_name,level,parent_id',
  'T,Đảng bộ tỉnh Thử,Thử,province,',
  'T.A,Đảng bộ xã An,An,grassroots,T',
  'T.B,Chi bộ Bình,Bình,grassroots,T',
];

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<CheckFile> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const errors = (r: CheckResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('checkFiles: a workbook', () => {
  it('names the sheet and the cell of a bad count, with its value', async () => {
    const file = await workbook('bao-cao-xa-an.xlsx', {
      'Đơn vị': UNITS.map((l) => l.split(',')),
      'Kết nạp': [
        ['unit_id', 'period', 'admitted'],
        ['T.A', 2024, 5],
        ['T.B', 2024, 3],
        ['T.A', 2023, 'mười'],
      ],
    });
    const r = await checkFiles([file]);
    const bad = errors(r);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ file: 'bao-cao-xa-an.xlsx', sheet: 'Kết nạp', cell: 'C4', value: 'mười' });
    expect(formatDiagnostic(bad[0]!)).toMatch(/^bao-cao-xa-an\.xlsx › Kết nạp, ô C4 \[admitted\] "mười": /);
    expect(r.published).toEqual([]);
    expect(r.dataset).toBeUndefined();
  });

  it('tells a file that is not a workbook, without throwing', async () => {
    const r = await checkFiles([{ name: 'admissions.xlsx', bytes: enc.encode('unit_id,period,admitted\n') }]);
    expect(errors(r).map((d) => d.message)).toEqual([expect.stringMatching(/không phải sổ làm việc Excel/)]);
  });

  it('says when no file is named after a table', async () => {
    const r = await checkFiles([csv('so-lieu.csv', ['unit_id,period,admitted'])]);
    expect(errors(r).map((d) => d.message)).toEqual([expect.stringMatching(/^Không thấy bảng số liệu nào/)]);
  });
});

describe('checkFiles: a CSV report against the site’s published units', () => {
  it('uses the published units for the references and requires no units table', async () => {
    const report = csv('admissions.csv', ['unit_id,period,admitted', 'T.A,2024-01..2024-06,4', 'X.Y,2024,2']);
    const r = await checkFiles([report], { units: enc.encode(UNITS.join('\n')) });
    expect(r.published.map((p) => p.table)).toEqual(['units.csv']);
    const bad = errors(r);
    // Only the unknown unit: no "missing units.csv", and T.A is known from the site's units.
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ file: 'admissions.csv', line: 3, column: 'unit_id', value: 'X.Y' });
  });

  it('prefers a units table given in the files to the published one', async () => {
    const units = csv('units.csv', [...UNITS, 'T.C,Chi bộ Cầu,Cầu,grassroots,T']);
    const report = csv('admissions.csv', ['unit_id,period,admitted', 'T.C,2024,1']);
    const r = await checkFiles([units, report], { units: enc.encode(UNITS.join('\n')) });
    expect(r.published).toEqual([]);
    expect(errors(r)).toEqual([]);
  });
});

describe('checkFiles: a valid set', () => {
  it('gives the units found, the months covered and the figures per unit and window', async () => {
    const admissions = await workbook('admissions.xlsx', {
      x: [
        ['unit_id', 'period', 'admitted'],
        ['T.A', '2024-01..2024-06', 4],
        ['T.A', '2024-07..2024-12', 5],
        ['T.B', '2024-01..2024-03', 2],
      ],
    });
    const targets = csv('targets.csv', ['unit_id,period,target', 'T.A,2024,12']);
    const r = await checkFiles([admissions, targets], { units: enc.encode(UNITS.join('\n')) });
    expect(errors(r)).toEqual([]);
    // T.A: 4 + 5 = 9 over the 12 months of 2024; target 12, so 9 / 12 = 75%. T.B: 2 over 3 months.
    expect(r.dataset!.figures['T.A']!.years['2024']!.admitted).toMatchObject({ value: 9, months: 12, ofMonths: 12 });
    const s = r.summary!;
    expect(s.units.map((u) => [u.id, u.rows])).toEqual([
      ['T.A', 3],
      ['T.B', 1],
    ]);
    expect(s.months).toBe('01/2024 – 12/2024');
    const y2024 = s.rows.filter((row) => row.window === '2024');
    expect(y2024).toEqual([
      { unit: 'An (T.A)', window: '2024', admitted: '9', target: '12', achieved: '75,00%' },
      { unit: 'Bình (T.B)', window: '2024', admitted: '2 (3/12 tháng)', target: '—', achieved: '—' },
    ]);
    // The 2020–2025 term holds 2024: 12 of its 60 months for T.A.
    expect(s.rows.find((row) => row.unit === 'An (T.A)' && row.window !== '2024')?.admitted).toBe('9 (12/60 tháng)');
  });
});

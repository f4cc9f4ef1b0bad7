/**
 * Workbooks in the data folder: written here with exceljs (the writing library), read back by loadInputs as a
 * maintainer would give them — typed cells, formulas, an empty formatted row, an untouched sheet, a misnamed sheet,
 * a file that is not a workbook, a table given twice, the reports of bao-cao/ — and the CSV twin of a workbook.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cellText,
  collectSources,
  folderAccess,
  listDataFolder,
  readWorkbook,
  tableOfSheet,
} from '../src/lib/ingest/index.ts';
import { streamSheets } from '../src/lib/ingest/workbook-stream.ts';
import { formatDiagnostic, loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { publishData } from '../src/lib/publish/index.ts';
import type { Diagnostic } from '../src/lib/types.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Cell = ExcelJS.CellValue;
type Sheets = Record<string, Cell[][]>;

/** A workbook with the given sheets (first row: header); `style` may format cells after the rows are in. */
async function workbook(file: string, sheets: Sheets, style?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  style?.(wb);
  mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const UNITS: Cell[][] = [
  ['id', 'name', 'short_name', 'level', 'parent_id'],
  ['QN', 'Đảng bộ tỉnh Quảng Ninh', 'Quảng Ninh', 'province', null],
  ['BL', 'Đảng bộ huyện Bình Liêu', 'Bình Liêu', 'district', 'QN'],
];
const UNITS_CSV =
  'id,name,short_name,level,parent_id\n' +
  'QN,Đảng bộ tỉnh Quảng Ninh,Quảng Ninh,province,\n' +
  'BL,Đảng bộ huyện Bình Liêu,Bình Liêu,district,QN\n';
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d));
const errorsOf = (list: Diagnostic[]) => list.filter((d) => d.severity === 'error');

describe('typed cells and sheet names', () => {
  it('turn into the contract text forms by column', () => {
    const march = utc(2024, 3);
    const forms = [cellText(march, 'period'), cellText(march, 'month'), cellText(march, 'date')];
    expect(forms).toEqual(['2024-03', '2024-03', '2024-03-01']);
    // A date with a time of day is that day; midnight read back a hair early (float error) is still the 1st.
    expect(cellText(new Date(Date.UTC(2024, 2, 1, 18)), 'date')).toBe('2024-03-01');
    expect(cellText(new Date(march.getTime() - 0.4), 'date')).toBe('2024-03-01');
    expect([cellText(2024, 'period'), cellText(1488, 'count'), cellText(0, 'count')]).toEqual(['2024', '1488', '0']);
    // Fractions stay fractions: 1.488 must not read as the thousands form of 1488.
    const fractions = [cellText(3.5, 'count'), cellText(1.488, 'count'), cellText(1e-7, 'text')];
    expect(fractions).toEqual(['3.5', '1.488 (số thập phân)', '0.0000001']);
    expect([cellText(true, 'text'), cellText(null, 'count'), cellText(' a ', 'text')]).toEqual(['TRUE', '', ' a ']);
  });

  it('name tables in English or Vietnamese, whatever the case, marks and spaces', () => {
    const names = ['admissions', 'Kết nạp', 'KẾT NẠP', 'ket_nap', ' Đảng viên ', 'dang-vien', 'Nhiệm kỳ', 'Hướng dẫn'];
    expect(names.map(tableOfSheet)).toEqual([
      ...['admissions.csv', 'admissions.csv', 'admissions.csv', 'admissions.csv'],
      ...['members.csv', 'members.csv', 'terms.csv', undefined],
    ]);
  });
});

describe('one workbook with a sheet per table', () => {
  it('reads typed cells as the contract says and leaves other sheets aside, naming them', async () => {
    const dir = folder();
    await workbook(
      path.join(dir, 'du-lieu.xlsx'),
      {
        'Hướng dẫn': [['Điền số liệu vào các trang bên cạnh.']],
        'Đơn vị': UNITS,
        'Kết nạp': [
          ['unit_id', 'period', 'admitted', 'youth', 'note'],
          ['BL', utc(2024, 3), 12, 3, null], // a typed 03/2024: the date 01/03/2024, read as the month 2024-03
          ['BL', 2023, { formula: '100+9', result: 109 }, null, 'công thức'], // a year as a number; a formula's value
          [null, null, null, null, null], // an empty row, formatted below
          ['BL', '2022', 1488, null, null], // shown as 1.488 by a thousands format
        ],
        // The template's untouched sheet: only its header. It must not switch off the default terms.
        'Nhiệm kỳ': [['id', 'name', 'from', 'to']],
        // A misspelt sheet name: its rows would be lost, so the check warns.
        'Ket nap 2025': [
          ['unit_id', 'period', 'admitted'],
          ['BL', 2025, 7],
        ],
      },
      (wb) => {
        const ws = wb.getWorksheet('Kết nạp')!;
        ws.getCell('B2').numFmt = 'mm/yyyy';
        const yellow = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } as const;
        for (const c of ['A4', 'B4', 'C4']) ws.getCell(c).fill = yellow;
        ws.getCell('C5').numFmt = '#,##0';
      },
    );
    const notes: string[] = [];
    const inputs = await loadInputs(dir, { onNote: (l) => notes.push(l) });
    expect(errorsOf(inputs.diagnostics)).toEqual([]);
    expect(inputs.admissions.map((a) => [a.period.text, a.admitted, a.youth])).toEqual([
      ['2024-03', 12, 3],
      ['2023', 109, undefined],
      ['2022', 1488, undefined],
    ]);
    // The untouched terms sheet counts as absent: the four default terms apply.
    expect(inputs.terms.map((t) => t.id)).toEqual(['2010-2015', '2015-2020', '2020-2025', '2025-2030']);
    expect(notes).toEqual([expect.stringContaining('du-lieu.xlsx: bỏ qua trang "Hướng dẫn", "Ket nap 2025"')]);
    expect(inputs.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'du-lieu.xlsx',
        sheet: 'Ket nap 2025',
        message: expect.stringMatching(/"Kết nạp"/),
      }),
    ]);
    // Re-published under the table's own name, cells in the contract's text forms.
    expect(inputs.tables.map((t) => t.file)).toEqual(['units.csv', 'admissions.csv']);
    expect(inputs.tables[1]!.rows.map((r) => r.slice(0, 3))).toEqual([
      ['BL', '2024-03', '12'],
      ['BL', '2023', '109'],
      ['BL', '2022', '1488'],
    ]);
  });

  it('treats a CSV file with only its header as absent too', async () => {
    const dir = folder({
      'units.csv': UNITS_CSV,
      'admissions.csv': 'unit_id,period,admitted\nBL,2020,5\n',
      'terms.csv': 'id,from,to\n',
    });
    const inputs = await loadInputs(dir);
    expect(errorsOf(inputs.diagnostics)).toEqual([]);
    expect(inputs.terms).toHaveLength(4);
  });
});

describe('text and dates in a workbook', () => {
  it('keeps Vietnamese text whole in a large sheet, and reads a formula date in `period` as its month', async () => {
    // Thousands of rows: a reader that decodes the zip in chunks must not split a character between two of them.
    const names = Array.from({ length: 4000 }, (_, i) => `Đảng bộ xã Đại Cường số ${i} — Ủy ban, Đồng Hỷ`);
    const rows: Cell[][] = [...UNITS, ...names.map((n, i) => [`X${i}`, n, null, 'grassroots', 'BL'])];
    const dir = folder({});
    await workbook(
      path.join(dir, 'du-lieu.xlsx'),
      {
        units: rows,
        admissions: [
          ['unit_id', 'period', 'admitted'],
          ['BL', { formula: 'DATE(2024,3,1)', result: utc(2024, 3) }, 4],
        ],
      },
      (wb) => {
        wb.getWorksheet('admissions')!.getCell('B2').numFmt = 'mm/yyyy';
      },
    );
    const inputs = await loadInputs(dir);
    expect(errorsOf(inputs.diagnostics)).toEqual([]);
    expect(inputs.units.slice(2).map((u) => u.name)).toEqual(names);
    expect(inputs.admissions.map((a) => a.period.text)).toEqual(['2024-03']);
    // Streamed, as a big workbook is: exceljs's stream splits characters; what is read must not.
    const bytes = readFileSync(path.join(dir, 'du-lieu.xlsx'));
    const opts = { stream: streamSheets, streamFromBytes: 0 };
    const streamed = await readWorkbook(bytes, 'du-lieu.xlsx', tableOfSheet, opts);
    expect(streamed.tables[0]!.rows.slice(2).map((r) => r.cells[1])).toEqual(names);
  });
});

describe('big workbooks, read in worker threads', () => {
  it('give what the same workbooks read in the main thread give', async () => {
    const dir = folder({});
    await workbook(path.join(dir, 'du-lieu.xlsx'), {
      'Đơn vị': UNITS,
      'Hướng dẫn': [['unit_id', 'period', 'admitted']],
    });
    const admissions = [
      ['unit_id', 'period', 'admitted'],
      ['BL', utc(2024, 5), 3],
    ];
    await workbook(path.join(dir, 'admissions.xlsx'), { x: admissions });
    const listing = await listDataFolder(dir);
    const inThread = await collectSources(listing, folderAccess(dir, { workerFromBytes: Infinity }));
    const inWorkers = await collectSources(listing, folderAccess(dir, { workerFromBytes: 0 }));
    expect(inWorkers).toEqual(inThread);
    expect([...inThread.byTable.keys()]).toEqual(['units.csv', 'admissions.csv']);
    const rows = inThread.byTable.get('admissions.csv')![0]!.rows!.rows;
    expect(rows).toEqual([{ line: 2, cells: ['BL', '2024-05', '3'] }]);
  });
});

describe('errors in a workbook', () => {
  it('name the file, the sheet, the cell and the value', async () => {
    const dir = folder({ 'units.csv': UNITS_CSV });
    await workbook(path.join(dir, 'admissions.xlsx'), {
      admissions: [
        ['unit_id', 'period', 'admitted'],
        ['BL', 2020, 10],
        ['BL', 2021, 3.5], // C3: a fraction is not a count
        ['BL', 2022, 'mười'], // C4: text in a count cell
        ['BL', 2023, 1.488], // C5: a fraction that reads like 1.488 (one thousand …) must not pass as 1488
        ['XX', 2024, 4], // A6: an unknown unit
      ],
    });
    const inputs = await loadInputs(dir);
    const errors = errorsOf(inputs.diagnostics);
    expect(errors.map((d) => [d.file, d.sheet, d.cell, d.column, d.value])).toEqual([
      ['admissions.xlsx', 'admissions', 'C3', 'admitted', '3.5'],
      ['admissions.xlsx', 'admissions', 'C4', 'admitted', 'mười'],
      ['admissions.xlsx', 'admissions', 'C5', 'admitted', '1.488 (số thập phân)'],
      ['admissions.xlsx', 'admissions', 'A6', 'unit_id', 'XX'],
    ]);
    expect(formatDiagnostic(errors[0]!)).toMatch(/^admissions\.xlsx › admissions, ô C3 \[admitted\] "3\.5": Không /);
    expect(inputs.admissions.map((a) => a.admitted)).toEqual([10]);
  });

  it('say clearly, in Vietnamese, when a .xlsx file is not a workbook', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const dir = folder({
      'units.csv': UNITS_CSV,
      'admissions.xlsx': 'unit_id,period,admitted\nBL,2020,5\n', // a text file renamed
      'targets.xlsx': ole, // an old Excel 97–2003 file renamed
    });
    const errors = errorsOf((await loadInputs(dir)).diagnostics);
    expect(errors.map((d) => [d.file, d.message])).toEqual([
      ['admissions.xlsx', expect.stringMatching(/không phải sổ làm việc Excel \(\.xlsx\).*Lưu thành/)],
      ['targets.xlsx', expect.stringMatching(/kiểu cũ \(\.xls, Excel 97–2003\)/)],
      // Nothing readable holds admissions: the required table is missing.
      ['admissions.csv', expect.stringMatching(/Thiếu tệp bắt buộc/)],
    ]);
  });

  it('say so for a broken or password-protected workbook, without a stack trace', async () => {
    const encrypted = new Uint8Array(1024);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(Buffer.from('EncryptionInfo', 'utf16le'), 600);
    const dir = folder({ 'units.csv': UNITS_CSV });
    const admissions = [
      ['unit_id', 'period', 'admitted'],
      ['BL', 2020, 5],
    ];
    await workbook(path.join(dir, 'admissions.xlsx'), { admissions });
    // Cut in half, as a copy interrupted half-way would leave it.
    const whole = readFileSync(path.join(dir, 'admissions.xlsx'));
    writeFileSync(path.join(dir, 'admissions.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(path.join(dir, 'targets.xlsx'), encrypted);
    const errors = errorsOf((await loadInputs(dir)).diagnostics);
    expect(errors.map((d) => [d.file, d.message])).toEqual([
      ['admissions.xlsx', expect.stringMatching(/^Không đọc được sổ làm việc admissions\.xlsx .*lưu thành \.xlsx/)],
      ['targets.xlsx', expect.stringMatching(/được đặt mật khẩu.*Gỡ mật khẩu/)],
      ['admissions.csv', expect.stringMatching(/Thiếu tệp bắt buộc/)],
    ]);
  });

  it('take a CSV file with only its header beside a filled-in sheet as absent, not as a second copy', async () => {
    const dir = folder({ 'units.csv': UNITS_CSV, 'terms.csv': 'id,name,from,to\n' });
    await workbook(path.join(dir, 'du-lieu.xlsx'), {
      'Nhiệm kỳ': [
        ['id', 'from', 'to'],
        ['NK1', '2021-01', '2025-12'],
      ],
      'Kết nạp': [
        ['unit_id', 'period', 'admitted'],
        ['BL', 'NK1', 300],
      ],
    });
    const inputs = await loadInputs(dir);
    expect(errorsOf(inputs.diagnostics)).toEqual([]);
    expect(inputs.terms.map((t) => t.id)).toEqual(['NK1']);
  });

  it('report the same table given twice, naming both places', async () => {
    const dir = folder({ 'units.csv': UNITS_CSV, 'admissions.csv': 'unit_id,period,admitted\nBL,2020,5\n' });
    await workbook(path.join(dir, 'du-lieu.xlsx'), { units: UNITS });
    const errors = errorsOf((await loadInputs(dir)).diagnostics);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'du-lieu.xlsx',
        sheet: 'units',
        message: expect.stringContaining('units.csv và du-lieu.xlsx › units'),
      }),
    ]);
  });
});

describe('reports from the units below (bao-cao/)', () => {
  it('add their rows to the tables, and a period given twice names both files', async () => {
    const dir = folder({
      'units.csv': UNITS_CSV,
      'admissions.csv': 'unit_id,period,admitted\nBL,2019,109\nBL,2020,53\n',
      'bao-cao/mong-cai/admissions.csv': 'unit_id,admitted,period\nQN,900,2021\n',
    });
    await workbook(path.join(dir, 'bao-cao', 'binh-lieu.xlsx'), {
      'Kết nạp': [
        ['unit_id', 'period', 'admitted'],
        ['BL', 2021, 60],
        ['BL', 2020, 54], // B3: 2020 is already in admissions.csv, line 3
      ],
    });
    const inputs = await loadInputs(dir);
    expect(inputs.admissions.map((a) => [a.unitId, a.period.text, a.admitted])).toEqual([
      ['BL', '2019', 109],
      ['BL', '2020', 53],
      ['BL', '2021', 60],
      ['QN', '2021', 900],
    ]);
    expect(inputs.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    const errors = errorsOf(inputs.diagnostics);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'bao-cao/binh-lieu.xlsx', sheet: 'Kết nạp', cell: 'B3', line: 3, value: '2020' }),
    ]);
    expect(errors[0]!.message).toMatch(/đã có ở dòng 3 của admissions\.csv \(dòng 3 của admissions\.csv và dòng 3\)/);
    // The re-published table holds every source's rows under the union of their columns.
    // Sources in order: admissions.csv, then bao-cao/ by name (binh-lieu.xlsx before mong-cai/).
    expect(inputs.tables.find((t) => t.file === 'admissions.csv')).toEqual({
      file: 'admissions.csv',
      columns: ['unit_id', 'period', 'admitted'],
      rows: [
        ['BL', '2019', '109'],
        ['BL', '2020', '53'],
        ['BL', '2021', '60'],
        ['QN', '2021', '900'],
      ],
    });
  });
});

describe('a report whose header is wrong', () => {
  it('gets an unknown column named at its own file, line and column', async () => {
    const dir = folder({
      'units.csv': UNITS_CSV,
      'admissions.csv': 'unit_id,period,admitted\nBL,2019,109\n',
      'bao-cao/binh-lieu/admissions.csv': 'unit_id,period,admitted,ghichu\nBL,2021,60,x\n',
    });
    const errors = errorsOf((await loadInputs(dir)).diagnostics);
    expect(errors.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^bao-cao\/binh-lieu\/admissions\.csv:1:4 \[ghichu\] "ghichu": Cột không có trong /),
    ]);
  });

  it('gets its header errors at its own file and cell, and its rows are left out', async () => {
    const dir = folder({ 'units.csv': UNITS_CSV, 'admissions.csv': 'unit_id,period,admitted\nBL,2019,109\n' });
    await workbook(path.join(dir, 'bao-cao', 'binh-lieu.xlsx'), {
      'Kết nạp': [
        ['unit_id', 'period', 'admited'],
        ['BL', 2021, 60],
      ],
    });
    const inputs = await loadInputs(dir);
    expect(errorsOf(inputs.diagnostics).map((d) => [d.file, d.sheet, d.cell, d.message.slice(0, 40)])).toEqual([
      // Row 1, the header: the row's problem first, then the cell's (as for a CSV file).
      ['bao-cao/binh-lieu.xlsx', 'Kết nạp', undefined, 'Thiếu cột bắt buộc admitted ở dòng tiêu '],
      ['bao-cao/binh-lieu.xlsx', 'Kết nạp', 'C1', 'Cột không có trong admissions.csv: có ph'],
    ]);
    expect(inputs.admissions.map((a) => a.period.text)).toEqual(['2019']);
  });
});

describe('a workbook and its CSV twin', () => {
  it('publish byte-identical indicators', async () => {
    const csv = folder({
      'units.csv': UNITS_CSV,
      'admissions.csv':
        'unit_id,period,admitted,youth,women\nBL,2019,109,68,53\nBL,2020-01..2020-07,53,,\nQN,2020,900,,\n',
      'members.csv': 'unit_id,as_of,members\nBL,2019-12-31,2417\n',
      'targets.csv': 'unit_id,period,target\nBL,2020,85\n',
    });
    const xlsx = folder();
    await workbook(
      path.join(xlsx, 'du-lieu.xlsx'),
      {
        'Đơn vị': UNITS,
        'Kết nạp': [
          ['unit_id', 'period', 'admitted', 'youth', 'women'],
          ['BL', 2019, 109, 68, 53],
          ['BL', '2020-01..2020-07', 53, null, null],
          ['QN', 2020, { formula: '450*2', result: 900 }, null, null],
        ],
        'Đảng viên': [
          ['unit_id', 'as_of', 'members'],
          ['BL', utc(2019, 12, 31), 2417],
        ],
        'Chỉ tiêu': [
          ['unit_id', 'period', 'target'],
          ['BL', 2020, 85],
        ],
      },
      (wb) => {
        wb.getWorksheet('Đảng viên')!.getCell('B2').numFmt = 'dd/mm/yyyy';
      },
    );
    const published = async (dir: string) => {
      const inputs = await loadInputs(dir);
      expect(errorsOf(inputs.diagnostics)).toEqual([]);
      const out = path.join(folder(), 'data');
      await publishData(computeDataset(inputs, { isDemo: false }), out);
      return (name: string) => readFileSync(path.join(out, name));
    };
    const [a, b] = [await published(csv), await published(xlsx)];
    expect(b('indicators.csv').equals(a('indicators.csv'))).toBe(true);
    // Not empty: BL 2019 admitted 109 and its target row are there (read by hand from the rows above).
    expect(a('indicators.csv').toString('utf8')).toMatch(/BL,2019,admitted,109,12,12,reported/);
    // The published inputs stay clean UTF-8 CSV with BOM.
    expect(b('admissions.csv').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

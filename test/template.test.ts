/**
 * The blank templates (`mau-nhap-lieu.xlsx`, `mau/*.csv`): what a maintainer opening them relies on — the
 * contract's sheet names, the header exactly as FILE_COLUMNS names the columns, no data rows, a comment on
 * each header cell, drop-downs and input checks, the instructions, and the same bytes on every build.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATA_FILES } from '../src/lib/ingest/folder.ts';
import type { DataFileName } from '../src/lib/ingest/folder.ts';
import { FILE_COLUMNS } from '../src/lib/schema/columns.ts';
import { Invalid, UNIT_KINDS, kindField, levelField } from '../src/lib/schema/values.ts';
import { columnHelp } from '../src/lib/template/columns.ts';
import { SHEET_NAMES, templateFiles } from '../src/lib/template/index.ts';
import { LEVEL_RANK } from '../src/lib/types.ts';
import { runScript } from './helpers/site.ts';
import { zipEntryText } from './helpers/template.ts';

/** exceljs's load() takes an ArrayBuffer (its own `Buffer` type is one). */
const arrayBuffer = (content: Uint8Array | string): ArrayBuffer =>
  (content as Uint8Array).slice().buffer as ArrayBuffer;

let files: Awaited<ReturnType<typeof templateFiles>>;
let wb: ExcelJS.Workbook;

const sheet = (file: DataFileName): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(SHEET_NAMES[file]);
  if (!ws) throw new Error(`no sheet ${SHEET_NAMES[file]}`);
  return ws;
};
const header = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);
/** The validation rule exceljs read for one cell (it expands each range into its cells). */
const ruleAt = (ws: ExcelJS.Worksheet, address: string) =>
  (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[
    address
  ];
const letterOf = (ws: ExcelJS.Worksheet, column: string) => ws.getColumn(header(ws).indexOf(column) + 1).letter;

/** The values of a range like `'Danh mục'!$A$2:$A$9`, read from the workbook. */
function rangeValues(ref: string): string[] {
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const ws = wb.getWorksheet(m[1]!.replaceAll("''", "'"))!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Math.min(Number(m[5]), ws.rowCount); r++) {
    const v = ws.getCell(`${m[2]}${r}`).value;
    if (v !== null && v !== '') out.push(String(v));
  }
  return out;
}

beforeAll(async () => {
  files = await templateFiles();
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(files.find((f) => f.path === 'mau-nhap-lieu.xlsx')!.content));
});

describe('files', () => {
  it('gives the workbook and one header-only CSV per table, UTF-8 with BOM and CRLF', () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      ['mau-nhap-lieu.xlsx', ...DATA_FILES.map((f) => `mau/${f}`)].sort(),
    );
    // Written out from the contract's targets.csv section.
    expect(files.find((f) => f.path === 'mau/targets.csv')!.content).toBe(
      '\uFEFFunit_id,period,target,source,note\r\n',
    );
    for (const file of DATA_FILES) {
      const csv = files.find((f) => f.path === `mau/${file}`)!.content as string;
      expect(csv).toBe(`\uFEFF${FILE_COLUMNS[file].known.join(',')}\r\n`);
    }
  });

  describe('two runs at different times', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it('write byte-identical workbooks (zip entry dates and workbook dates are fixed)', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2021-03-04T05:06:07Z'));
      const a = (await templateFiles())[0]!.content as Uint8Array;
      vi.setSystemTime(new Date('2029-11-12T13:14:15Z'));
      const b = (await templateFiles())[0]!.content as Uint8Array;
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });
  });
});

describe('npm run template -- --out <folder>', () => {
  it('writes the same files as the site publishes, in that folder', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'pdv-template-cli-'));
    try {
      const run = await runScript('template.ts', {}, ['--out', out]);
      expect(run.code, run.stderr).toBe(0);
      for (const f of files) {
        const written = await readFile(path.join(out, f.path));
        const expected = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content);
        expect(written.equals(expected), f.path).toBe(true);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('says in Vietnamese how to call it when --out is missing', async () => {
    const run = await runScript('template.ts', {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Thiếu --out');
  });
});

describe('workbook', () => {
  it('has the instructions first, a sheet per table named in Vietnamese as the contract says, the lists last', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Đơn vị',
      'Kết nạp',
      'Chỉ tiêu',
      'Bồi dưỡng',
      'Đảng viên',
      'Nhiệm kỳ',
      'Danh mục',
    ]);
  });

  it('has row 1 exactly the columns FILE_COLUMNS names, and no data row', () => {
    for (const file of DATA_FILES) {
      const ws = sheet(file);
      expect(header(ws), file).toEqual(FILE_COLUMNS[file].known);
      expect(ws.actualRowCount, file).toBe(1);
    }
    // Spot check written from the contract's admissions.csv section.
    expect(header(sheet('admissions.csv'))).toEqual([
      'unit_id',
      'period',
      'admitted',
      'youth',
      'women',
      'ethnic_minority',
      'college',
      'source',
      'note',
    ]);
  });

  it('comments every header cell in Vietnamese, and describes every column FILE_COLUMNS lists', () => {
    for (const file of DATA_FILES) {
      const ws = sheet(file);
      header(ws).forEach((column, i) => {
        expect(columnHelp(file, column).described, `${file} ${column} has no description`).toBe(true);
        const note = ws.getCell(1, i + 1).note;
        const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
        expect(text.startsWith(`${column}\n`), `${file} ${column}`).toBe(true);
        expect(text.length, `${file} ${column}`).toBeGreaterThan(column.length + 20);
      });
    }
    const note = (file: DataFileName, col: string) => {
      const n = sheet(file).getCell(`${letterOf(sheet(file), col)}1`).note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    expect(note('admissions.csv', 'admitted')).toContain('ghi 0 nếu bằng không');
    expect(note('admissions.csv', 'admitted')).toContain('Bắt buộc');
    expect(note('admissions.csv', 'youth')).toContain('Để trống nếu chưa có số liệu');
    expect(note('admissions.csv', 'period')).toContain('2024-01..2024-06');
  });

  it('gives each comment a box large enough for its text (exceljs would draw two columns by four rows)', () => {
    const xlsx = files.find((f) => f.path === 'mau-nhap-lieu.xlsx')!.content as Uint8Array;
    // Sheet 3 is Kết nạp (after Hướng dẫn and Đơn vị); its comments are drawn in vmlDrawing3.vml.
    const vml = zipEntryText(xlsx, 'xl/drawings/vmlDrawing3.vml') ?? '';
    const anchors = [...vml.matchAll(/<x:Anchor>([^<]*)<\/x:Anchor>/g)].map((m) => m[1]!.split(', ').map(Number));
    expect(anchors.length).toBe(FILE_COLUMNS['admissions.csv'].known.length);
    for (const [left, , top, , right, , bottom] of anchors) {
      expect(right! - left!).toBeGreaterThanOrEqual(3);
      expect(bottom! - top!).toBeGreaterThanOrEqual(8);
    }
  });

  it('offers every accepted level and kind in drop-downs, and nothing the check would refuse', () => {
    const units = sheet('units.csv');
    const level = ruleAt(units, `${letterOf(units, 'level')}2`)!;
    expect(level.type).toBe('list');
    const levels = rangeValues(String(level.formulae[0]));
    for (const canonical of Object.keys(LEVEL_RANK)) expect(levels).toContain(canonical);
    for (const word of ['tinh', 'huyen', 'co_so', 'chi_bo']) expect(levels).toContain(word);
    for (const word of levels) expect(levelField(word), word).not.toBeInstanceOf(Invalid);

    const kind = ruleAt(units, `${letterOf(units, 'kind')}2`)!;
    expect(kind.type).toBe('list');
    const kinds = rangeValues(String(kind.formulae[0]));
    expect(kinds).toEqual([...UNIT_KINDS]);
    for (const word of kinds) expect(kindField(word), word).not.toBeInstanceOf(Invalid);
    // The last row the checks cover has them too.
    expect(ruleAt(units, `${letterOf(units, 'level')}5000`)?.type).toBe('list');
  });

  it('offers the ids of the units sheet wherever a unit id goes, warning (not refusing) on another id', () => {
    const units = sheet('units.csv');
    const idLetter = letterOf(units, 'id');
    const targets: [DataFileName, string][] = [
      ['units.csv', 'parent_id'],
      ['admissions.csv', 'unit_id'],
      ['targets.csv', 'unit_id'],
      ['training.csv', 'unit_id'],
      ['members.csv', 'unit_id'],
    ];
    for (const [file, column] of targets) {
      const ws = sheet(file);
      const r = ruleAt(ws, `${letterOf(ws, column)}2`);
      expect(r?.type, `${file} ${column}`).toBe('list');
      expect(r?.formulae[0], `${file} ${column}`).toBe(`'Đơn vị'!$${idLetter}$2:$${idLetter}$5000`);
      expect(r?.errorStyle).toBe('warning');
    }
  });

  it('checks counts as whole numbers >= 0 and dates as dates', () => {
    const admissions = sheet('admissions.csv');
    for (const column of ['admitted', 'youth', 'women', 'ethnic_minority', 'college']) {
      const r = ruleAt(admissions, `${letterOf(admissions, column)}3`);
      expect(r, column).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop' });
      expect(Number(r!.formulae[0])).toBe(0);
    }
    const members = sheet('members.csv');
    expect(ruleAt(members, `${letterOf(members, 'villages_without_members')}2`)?.type).toBe('whole');
    expect(ruleAt(members, `${letterOf(members, 'as_of')}2`)?.type).toBe('date');
    expect(ruleAt(sheet('targets.csv'), `${letterOf(sheet('targets.csv'), 'target')}2`)?.type).toBe('whole');
    // Free text and periods are not checked while typing (the site's check reads them).
    expect(ruleAt(admissions, `${letterOf(admissions, 'period')}2`)).toBeUndefined();
    expect(ruleAt(admissions, `${letterOf(admissions, 'source')}2`)).toBeUndefined();
  });

  it('formats period and month columns as text, so Excel keeps 2024-03 and 03/2024 as typed', () => {
    const admissions = sheet('admissions.csv');
    expect(admissions.getColumn(letterOf(admissions, 'period')).numFmt).toBe('@');
    const units = sheet('units.csv');
    expect(units.getColumn(letterOf(units, 'active_from')).numFmt).toBe('@');
    const members = sheet('members.csv');
    expect(members.getColumn(letterOf(members, 'as_of')).numFmt).toBe('dd/mm/yyyy');
  });

  it('explains in Vietnamese the sheets, empty cells, periods, dates, where to send and how to check', () => {
    const ws = wb.getWorksheet('Hướng dẫn')!;
    const text = (ws.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string').join('\n');
    for (const name of Object.values(SHEET_NAMES)) expect(text).toContain(`“${name}”`);
    expect(text).toContain('Ô để trống nghĩa là chưa biết');
    expect(text).toContain('ghi 0');
    for (const period of ['2024.', '2024-03', '2024-01..2024-06', '2020-2025']) expect(text).toContain(period);
    expect(text).toContain('31/12/2024');
    expect(text).toContain('Ban Tổ chức / Văn phòng cấp ủy cấp trên');
    expect(text).toContain('“Kiểm tra dữ liệu”');
    expect(text).toContain('/kiem-tra/');
  });

  it('names the check page with the base path it is given', async () => {
    const [xlsx] = await templateFiles({ checkPage: '/thong-ke/kiem-tra/' });
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(arrayBuffer(xlsx!.content));
    const text = (other.getWorksheet('Hướng dẫn')!.getColumn(1).values as unknown[]).join('\n');
    expect(text).toContain('(/thong-ke/kiem-tra/)');
  });
});

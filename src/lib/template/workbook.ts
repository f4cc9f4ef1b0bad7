/**
 * The blank template workbook (`mau-nhap-lieu.xlsx`): a sheet of instructions, one sheet per table with its
 * header row only (each header cell commented), drop-downs for `level`, `kind` and unit ids, input checks for
 * counts and dates, and a sheet listing the accepted `level` and `kind` values. Written by exceljs, which
 * (unlike SheetJS's community edition) writes data validations and comments.
 */
import ExcelJS from 'exceljs';
import { FILE_COLUMNS } from '../schema/columns.ts';
import { LEVELS, UNIT_KINDS } from '../schema/values.ts';
import { KIND_LABEL, LEVEL_LABEL, SITE_NAME } from '../view/labels.ts';
import type { DataFileName } from '../ingest/folder.ts';
import { columnHelp, headerComment } from './columns.ts';
import type { ColumnKind } from './columns.ts';
import { instructionLines } from './instructions.ts';
import type { InstructionOptions } from './instructions.ts';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, SHEET_NAMES, TEMPLATE_TABLES } from './sheets.ts';
import { fixZipDates } from './zip.ts';

/** Fixed, so that two builds write the same bytes (the workbook's properties hold these dates). */
const TEMPLATE_DATE = new Date(Date.UTC(2025, 6, 1));
/**
 * The last row the input checks and drop-downs cover. Not the sheet's last row (1 048 576): exceljs, when
 * it reads a workbook, expands each checked range cell by cell (10 000 rows took it 2.3 s), and a unit's
 * report has far fewer rows. Rows below are still read; only the check while typing is missing there.
 */
const LAST_ROW = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };

/** exceljs has `worksheet.dataValidations.add(range, …)` (one rule for a range) but does not declare it. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}
const validate = (ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation) =>
  (ws as unknown as RangeValidations).dataValidations.add(range, rule);

/** A sheet name inside a formula: quoted, with inner quotes doubled. */
const sheetRef = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** Cell formats by kind: text where Excel would otherwise turn `2024-03` or `03/2024` into a date. */
const NUM_FMT: Record<ColumnKind, string> = {
  count: '#,##0',
  date: 'dd/mm/yyyy',
  month: '@',
  period: '@',
  unit: '@',
  level: '@',
  kind: '@',
  id: '@',
  text: '@',
};

interface Lists {
  levels: string;
  kinds: string;
  unitIds: string;
}

function addInstructions(wb: ExcelJS.Workbook, opts: InstructionOptions): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.getColumn(1).width = 120;
  for (const line of instructionLines(opts)) {
    const row = ws.addRow([line.text]);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.style === 'title') cell.font = { bold: true, size: 14 };
    if (line.style === 'heading') cell.font = { bold: true, size: 12 };
    // Excel does not grow a row for wrapped text when it opens a file: give each its height (15 pt a line,
    // about 110 characters a line in a column 120 wide).
    row.height = line.style === 'body' ? 15 * Math.ceil(line.text.length / 110) + 3 : 21;
  }
}

/** The words the `level` drop-down offers: the English names, then the accepted Vietnamese ones. */
const levelWords = () => Object.keys(LEVELS);

/** Where the drop-downs take their values: the lists sheet's columns, and the units sheet's id column. */
function listRanges(): Lists {
  const lists = sheetRef(LISTS_SHEET);
  const idIndex = FILE_COLUMNS['units.csv'].known.indexOf('id');
  const id = columnLetter(idIndex + 1);
  return {
    levels: `${lists}!$A$2:$A$${levelWords().length + 1}`,
    kinds: `${lists}!$D$2:$D$${UNIT_KINDS.length + 1}`,
    unitIds: `${sheetRef(SHEET_NAMES['units.csv'])}!$${id}$2:$${id}$${LAST_ROW}`,
  };
}

/** 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let letter = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** The sheet of accepted `level` and `kind` values with their meanings (the source of listRanges()). */
function addLists(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LISTS_SHEET);
  const words = levelWords();
  const header = ws.addRow(['Cấp (cột level)', 'Nghĩa', '', 'Loại đơn vị (cột kind)', 'Nghĩa']);
  header.font = { bold: true };
  for (let i = 0; i < Math.max(words.length, UNIT_KINDS.length); i++) {
    const word = words[i];
    const kind = UNIT_KINDS[i];
    const level = word === undefined ? undefined : LEVELS[word];
    const levelMeaning = level === undefined ? '' : word === level ? LEVEL_LABEL[level] : `như ${level}`;
    ws.addRow([word ?? '', levelMeaning, '', kind ?? '', kind === undefined ? '' : KIND_LABEL[kind]]);
  }
  for (const [i, width] of [16, 28, 4, 24, 28].entries()) ws.getColumn(i + 1).width = width;
}

/** The input check (or drop-down) of one column kind; undefined for free text. */
function rule(kind: ColumnKind, lists: Lists): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: true, showErrorMessage: true } as const;
  switch (kind) {
    case 'count':
      return {
        ...base,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorStyle: 'stop',
        errorTitle: 'Cần số nguyên không âm',
        error: 'Ghi số nguyên từ 0 trở lên, ví dụ 12 hoặc 1488. Để trống nếu chưa có số liệu; ghi 0 nếu bằng không.',
      };
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(1930, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        errorStyle: 'stop',
        errorTitle: 'Cần một ngày',
        error: 'Ghi ngày dạng ngày/tháng/năm, ví dụ 31/12/2024 (hoặc 2024-12-31).',
      };
    case 'level':
    case 'kind':
      return {
        ...base,
        type: 'list',
        formulae: [kind === 'level' ? lists.levels : lists.kinds],
        errorStyle: 'stop',
        errorTitle: kind === 'level' ? 'Cấp không hợp lệ' : 'Loại đơn vị không hợp lệ',
        error: `Chọn một giá trị trong danh sách (nghĩa của từng giá trị ở trang ${LISTS_SHEET}).`,
      };
    case 'unit':
      // A warning, not a refusal: a report from a unit below may use ids its own Đơn vị sheet does not list.
      return {
        ...base,
        type: 'list',
        formulae: [lists.unitIds],
        errorStyle: 'warning',
        errorTitle: 'Mã đơn vị chưa có',
        error: `Mã này chưa có ở cột id của trang ${SHEET_NAMES['units.csv']}. Chỉ giữ nếu đó là mã do cấp trên cấp.`,
      };
    default:
      return undefined;
  }
}

/**
 * exceljs gives every comment a box two columns by four rows, which cuts our texts short when Excel shows
 * them on hover; it has no option for the size, but draws the box from the comment model's `anchor` (in
 * columns and rows from the sheet's corner). Checked against exceljs 4.4.0 (test/template.test.ts).
 */
function enlargeComment(cell: ExcelJS.Cell): void {
  const comment = (cell as unknown as { _comment?: { model: object } })._comment;
  if (!comment) return;
  const col = Number(cell.col);
  const model = { ...comment.model, anchor: { left: col + 0.1, top: 0.3, right: col + 4, bottom: 11 } };
  Object.defineProperty(comment, 'model', { value: model, enumerable: true });
}

function addTable(wb: ExcelJS.Workbook, file: DataFileName, lists: Lists): void {
  const ws = wb.addWorksheet(SHEET_NAMES[file], { views: [{ state: 'frozen', ySplit: 1 }] });
  const { known, required } = FILE_COLUMNS[file];
  known.forEach((column, i) => {
    const kind = columnHelp(file, column).kind;
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, column.length + 4);
    col.numFmt = NUM_FMT[kind];
    const cell = ws.getCell(1, i + 1);
    cell.value = column;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.numFmt = '@';
    cell.note = headerComment(file, column, required.includes(column));
    enlargeComment(cell);
    const check = rule(kind, lists);
    if (check) validate(ws, `${col.letter}2:${col.letter}${LAST_ROW}`, check);
  });
}

/** The blank template as an exceljs workbook (tests fill it in; templateFiles() writes it). */
export function templateWorkbook(opts: InstructionOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = SITE_NAME;
  wb.lastModifiedBy = SITE_NAME;
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  addInstructions(wb, opts);
  const lists = listRanges();
  for (const file of TEMPLATE_TABLES) addTable(wb, file, lists);
  addLists(wb);
  return wb;
}

/** The workbook's bytes, the same on every run: fixed property dates and zip entry dates. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer));
}

/**
 * `node scripts/csv-to-xlsx.ts IN_DIR OUT_DIR [--book NAME.xlsx]`
 * Turns a data folder's CSV files into workbooks, typed as a maintainer's Excel would hold them: counts as
 * numbers, dates as date cells, a year in `period` as a number, a month (`2024-03`, in `period` or a month column)
 * as the date of its first day. One workbook per table (`admissions.xlsx`), or with --book one workbook with a
 * sheet per table under its Vietnamese name. Other files (DEMO, notes) are copied. Used to measure and test the
 * workbook reader against the CSV twin; the streaming writer keeps half a million rows out of memory.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { DATA_FILES, dataFileName, readDataFile } from '../src/lib/ingest/folder.ts';
import type { DataFileName } from '../src/lib/ingest/folder.ts';
import { parseTable } from '../src/lib/ingest/parse.ts';
import { TABLE_SHEET_NAMES, columnKind } from '../src/lib/ingest/sheet-cells.ts';

const USAGE = 'Cách dùng: node scripts/csv-to-xlsx.ts THƯ_MỤC_CSV THƯ_MỤC_RA [--book TÊN.xlsx]';

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** The typed value Excel would hold for a CSV cell of the given column. */
function typed(table: DataFileName, column: string, cell: string): ExcelJS.CellValue {
  if (cell === '') return null;
  const kind = columnKind(table, column);
  if (kind === 'count' && /^\d+$/.test(cell)) return Number(cell);
  if (kind === 'count' && /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(cell)) return Number(cell.replace(/[.,]/g, ''));
  if (kind === 'period' && /^\d{4}$/.test(cell)) return Number(cell);
  if (kind === 'period' || kind === 'month') {
    const m = MONTH.exec(cell);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  }
  if (kind === 'date') {
    const d = DATE.exec(cell);
    if (d) return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
    const e = DMY.exec(cell);
    if (e) return new Date(Date.UTC(Number(e[3]), Number(e[2]) - 1, Number(e[1])));
  }
  return cell;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { book: { type: 'string' } }, allowPositionals: true });
  const [inDir, outDir] = positionals;
  if (!inDir || !outDir) {
    console.error(USAGE);
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  const entries = readdirSync(inDir).sort();
  const book = values.book ? newWriter(path.join(outDir, values.book)) : undefined;
  for (const name of DATA_FILES) {
    const entry = entries.find((e) => dataFileName(e) === name);
    if (entry === undefined) continue;
    const read = await readDataFile(inDir, entry);
    const table = parseTable(read.text, entry);
    const writer = book ?? newWriter(path.join(outDir, name.replace(/\.csv$/, '.xlsx')));
    const sheet = writer.addWorksheet(book ? TABLE_SHEET_NAMES[name].vi : name.replace(/\.csv$/, ''));
    sheet.addRow(table.header).commit();
    const columns = table.header.map((h) => h.toLowerCase());
    for (const row of table.rows) {
      const r = sheet.addRow(row.cells.map((c, i) => typed(name, columns[i] ?? '', c)));
      r.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      r.commit();
    }
    sheet.commit();
    if (!book) await writer.commit();
    console.log(`${entry}: ${table.rows.length} dòng`);
  }
  if (book) await book.commit();
  for (const e of entries) {
    if (dataFileName(e) === undefined && !e.startsWith('.')) copyFileSync(path.join(inDir, e), path.join(outDir, e));
  }
  return 0;
}

function newWriter(filename: string): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: true });
}

process.exitCode = await main();

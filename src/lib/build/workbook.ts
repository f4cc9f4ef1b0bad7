/**
 * `du-lieu.xlsx`: the whole validated data set as one workbook, a sheet per table under the contract's Vietnamese
 * names (the names the workbook reader accepts, so the file can be read back as a data folder). Counts are
 * numbers, every other cell text (ids, periods and dates stay as typed). Reproducible like the template: fixed
 * property dates and zip entry dates.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DataFileName } from '../ingest/folder.ts';
import { PART_LIMIT } from '../publish/parts.ts';
import { SHEET_NAMES } from '../template/index.ts';
import { columnHelp } from '../template/columns.ts';
import { fixZipDates } from '../template/zip.ts';
import type { Dataset } from '../types.ts';
import { SITE_NAME } from '../view/labels.ts';

export const DATA_WORKBOOK = 'du-lieu.xlsx';

/** Fixed, so that two builds write the same bytes. */
const WORKBOOK_DATE = new Date(Date.UTC(2025, 6, 1));

const COUNT = /^\d{1,15}$/;

/** The workbook of every input table of the dataset (or of its first `maxRows` rows per table). */
export async function dataWorkbookBytes(ds: Dataset, maxRows = Infinity): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = SITE_NAME;
  wb.lastModifiedBy = SITE_NAME;
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  for (const t of ds.inputs.tables) {
    const file = path.basename(t.file) as DataFileName;
    const ws = wb.addWorksheet(SHEET_NAMES[file] ?? file.replace(/\.csv$/, ''));
    const counts = t.columns.map((c) => columnHelp(file, c.trim()).kind === 'count');
    ws.addRow(t.columns);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(40, c.length + 4));
      // Text format where Excel would turn `2024-03` into a date or drop the zero of `01`.
      if (!counts[i]) col.numFmt = '@';
    });
    for (const r of t.rows.length > maxRows ? t.rows.slice(0, maxRows) : t.rows)
      ws.addRow(r.map((v, i) => (counts[i] && COUNT.test(v) ? Number(v) : v)));
  }
  return fixZipDates(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Rows per table of the sample that sizes a big data set's workbook before it is made. */
const SAMPLE_ROWS = 20_000;

/**
 * The workbook when it fits the largest file the common hosts accept, else its size (not published). exceljs
 * holds a whole workbook in memory (7.5 GB and minutes for a national data set), so a data set of more rows than
 * the sample is first sized from a workbook of its first rows; when that estimate passes the limit, the
 * workbook is not made and the estimate is its size.
 */
export async function dataWorkbook(ds: Dataset, limit = PART_LIMIT): Promise<{ bytes: Uint8Array } | { size: number }> {
  const rows = ds.inputs.tables.reduce((n, t) => n + t.rows.length, 0);
  const sampled = ds.inputs.tables.reduce((n, t) => n + Math.min(t.rows.length, SAMPLE_ROWS), 0);
  if (rows > sampled) {
    const estimate = Math.round(((await dataWorkbookBytes(ds, SAMPLE_ROWS)).length * rows) / sampled);
    if (estimate > limit) return { size: estimate };
  }
  const bytes = await dataWorkbookBytes(ds);
  return bytes.length <= limit ? { bytes } : { size: bytes.length };
}

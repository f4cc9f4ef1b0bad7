/**
 * `du-lieu.xlsx`: the whole validated data set as one workbook, a sheet per table under the contract's Vietnamese
 * names (the names the workbook reader accepts, so the file can be read back as a data folder). Counts are
 * numbers, every other cell text (ids, periods and dates stay as typed). Reproducible like the template: fixed
 * property dates and zip entry dates.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
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

/**
 * The workbook of every input table of the dataset (or of its first `maxRows` rows per table). Written by exceljs'
 * streaming writer, a row at a time into the zip: only the zipped bytes are held, not a model of every cell (the
 * document writer held 7.5 GB for a national data set).
 */
export async function dataWorkbookBytes(ds: Dataset, maxRows = Infinity): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: 6 } },
  });
  wb.creator = SITE_NAME;
  wb.lastModifiedBy = SITE_NAME;
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  for (const t of ds.inputs.tables) {
    const file = path.basename(t.file) as DataFileName;
    // The view goes with the sheet's opening, which the streaming writer writes at once.
    const ws = wb.addWorksheet(SHEET_NAMES[file] ?? file.replace(/\.csv$/, ''), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const counts = t.columns.map((c) => columnHelp(file, c.trim()).kind === 'count');
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(40, c.length + 4));
      // Text format where Excel would turn `2024-03` into a date or drop the zero of `01`.
      if (!counts[i]) col.numFmt = '@';
    });
    const header = ws.addRow(t.columns);
    header.font = { bold: true };
    header.commit();
    const n = Math.min(t.rows.length, maxRows);
    for (let k = 0; k < n; k++) {
      ws.addRow(t.rows[k]!.map((v, i) => (counts[i] && COUNT.test(v) ? Number(v) : v))).commit();
    }
    ws.commit();
  }
  await wb.commit();
  return fixZipDates(new Uint8Array(Buffer.concat(chunks)));
}

/** Rows per table of the sample that sizes a big data set's workbook before it is made. */
const SAMPLE_ROWS = 20_000;

/**
 * The workbook when it fits the largest file the common hosts accept, else its size (not published). A data set
 * of more rows than the sample is first sized from a workbook of its first rows; when that estimate passes the
 * limit, the workbook is not made (writing a national one only to drop it would cost minutes) and the estimate
 * is its size.
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

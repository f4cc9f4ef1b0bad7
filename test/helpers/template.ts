/**
 * Test helpers for the template workbook: fill its sheets with the rows of a CSV data folder, typed as a
 * person's spreadsheet holds them (counts as numbers, dates as dates, periods and months as text), and run
 * LibreOffice Calc headless so that a workbook is really saved by a spreadsheet program.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DATA_FILES } from '../../src/lib/ingest/folder.ts';
import type { DataFileName } from '../../src/lib/ingest/folder.ts';
import { parseCount } from '../../src/lib/schema/values.ts';
import { columnHelp } from '../../src/lib/template/columns.ts';
import { SHEET_NAMES } from '../../src/lib/template/sheets.ts';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** A CSV file of the folder as header + rows of strings (BOM stripped); undefined when the file is absent. */
export async function readCsv(dir: string, file: DataFileName): Promise<string[][] | undefined> {
  const target = path.join(dir, file);
  if (!existsSync(target)) return undefined;
  const text = (await readFile(target, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return parsed.data;
}

/** The value a person's spreadsheet holds for one CSV cell of a column: typed by the column's kind. */
export function typedCell(file: DataFileName, column: string, text: string): ExcelJS.CellValue {
  if (text === '') return null;
  const kind = columnHelp(file, column).kind;
  if (kind === 'count') return parseCount(text) ?? text;
  if (kind === 'date') {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  }
  return text;
}

/** Writes every CSV file of `dir` into its sheet of the template, under the template's header (by name). */
export async function fillTemplate(wb: ExcelJS.Workbook, dir: string): Promise<number> {
  let rows = 0;
  for (const file of DATA_FILES) {
    const table = await readCsv(dir, file);
    if (!table) continue;
    const ws = wb.getWorksheet(SHEET_NAMES[file]);
    if (!ws) throw new Error(`no sheet ${SHEET_NAMES[file]}`);
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const [csvHeader = [], ...data] = table;
    for (const [r, line] of data.entries()) {
      csvHeader.forEach((column, c) => {
        const at = header.indexOf(column);
        if (at < 0) throw new Error(`${file}: column ${column} is not in the template`);
        const value = typedCell(file, column, line[c] ?? '');
        if (value !== null) ws.getCell(r + 2, at + 1).value = value;
      });
      rows++;
    }
  }
  return rows;
}

const run = promisify(execFile);

/**
 * Opens `input` in LibreOffice Calc and saves it as xlsx into `outDir` (same file name), with a fresh profile
 * so that no setting of a previous run applies. Returns the saved file's path.
 */
export async function saveWithCalc(input: string, outDir: string): Promise<string> {
  if (!SOFFICE) throw new Error('LibreOffice Calc is not installed');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'pdv-lo-profile-'));
  try {
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const saved = path.join(outDir, path.basename(input));
  if (!(await readdir(outDir)).includes(path.basename(input))) throw new Error(`Calc did not write ${saved}`);
  return saved;
}

/** One entry of a zip (an .xlsx part) as text: enough of the format to read what exceljs writes. */
export function zipEntryText(zip: Uint8Array, name: string): string | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    const entry = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (entry === name) {
      const local = view.getUint32(at + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.subarray(start, start + view.getUint32(at + 20, true));
      const method = view.getUint16(at + 10, true);
      return new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data);
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

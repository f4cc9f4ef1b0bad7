/**
 * exceljs's streaming reader (Node only: node:stream), for readWorkbook: a table of half a million rows is read
 * sheet by sheet. The browser's check page loads workbooks whole instead.
 */
import { Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { takeSheet } from './workbook.ts';
import type { SheetPicker, WorkbookContent } from './workbook.ts';

class UnnamedSheet extends Error {}

/** Sheet by sheet as the zip streams: a table of half a million rows never sits in memory as XML. */
export async function streamSheets(bytes: Uint8Array, pick: SheetPicker): Promise<WorkbookContent> {
  const out: WorkbookContent = { tables: [], others: [], diagnostics: [] };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let emitted = 0;
  for await (const ws of reader) {
    const name = (ws as unknown as { name?: string }).name;
    if (name === undefined) throw new UnnamedSheet();
    const tabs = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets;
    const at = tabs?.findIndex((s) => s.name === name) ?? -1;
    await takeSheet(name, pick(name, at >= 0 ? at : emitted), ws as AsyncIterable<Row>, out);
    emitted++;
  }
  return out;
}

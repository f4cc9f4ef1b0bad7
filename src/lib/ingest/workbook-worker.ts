/**
 * Reads one workbook in a worker thread (see readWorkbookFile): the XML of a national table takes most of a check's
 * time, and two workbooks read at once on two cores take half as long. Sends back the WorkbookContent, each sheet's
 * rows packed (packed.ts).
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { DataFileName } from './names.ts';
import { packRows, transferables } from './packed.ts';
import { readWorkbook, sheetPicker } from './workbook.ts';
import { streamSheets } from './workbook-stream.ts';

const { path, file, own } = workerData as { path: string; file: string; own: DataFileName | undefined };
const bytes = await readFile(path);
const content = await readWorkbook(bytes, file, sheetPicker(own), { stream: streamSheets });
const packed = content.tables.map((t) => packRows(t.rows));
const tables = content.tables.map((t) => ({ ...t, rows: [] }));
const message = { content: { ...content, tables }, packed, bytes: bytes.byteLength };
parentPort!.postMessage(message, packed.flatMap(transferables));

/**
 * Reads one workbook in a worker thread (see readWorkbookFile): the XML of a national table takes most of a check's
 * time, and two workbooks read at once on two cores take half as long. Sends back the same WorkbookContent.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { DataFileName } from './names.ts';
import { readWorkbook, sheetPicker } from './workbook.ts';
import { streamSheets } from './workbook-stream.ts';

const { path, file, own } = workerData as { path: string; file: string; own: DataFileName | undefined };
const bytes = await readFile(path);
const content = await readWorkbook(bytes, file, sheetPicker(own), streamSheets);
parentPort!.postMessage({ content, bytes: bytes.byteLength });

/** Ingest: bytes → text → line-numbered rows of cleaned cells. */
export { decodeBytes } from './decode.ts';
export { parseTable, cleanCell, detectDelimiter } from './parse.ts';
export { readDataFolder, listDataFolder } from './folder.ts';
export { folderAccess } from './folder.ts';
export { readWorkbook } from './workbook.ts';
export { cellText, tableOfSheet } from './sheet-cells.ts';
export { collectSources } from './sources.ts';

/** Ingest: bytes → text → line-numbered rows of cleaned cells. */
export { decodeBytes } from './decode.ts';
export type { DecodedText, TextEncoding, TextFile } from './decode.ts';
export { parseTable, parseRows, cleanCell, detectDelimiter, exactCopy } from './parse.ts';
export type { RawTable, RawRow, Delimiter, RowSink, ParseSummary } from './parse.ts';
export { readDataFolder, listDataFolder, readDataFile, dataFileName, DATA_FILES, REQUIRED_FILES } from './folder.ts';
export type { DataFolder, DataFolderListing, DataFileName, FileProgress, ReadOptions } from './folder.ts';
export { REPORTS_DIR, isWorkbookName, missingRequired, folderAccess } from './folder.ts';
export { classifyEntries } from './names.ts';
export { readWorkbook, notAWorkbook } from './workbook.ts';
export type { SheetTable, OtherSheet, WorkbookContent, SheetPicker } from './workbook.ts';
export { cellText, columnKind, foldName, tableOfSheet, TABLE_SHEET_NAMES } from './sheet-cells.ts';
export type { SheetCell, ColumnKind } from './sheet-cells.ts';
export { collectSources, sourceLabel } from './sources.ts';
export type { TableSource, CollectedSources, CollectOptions, SourceAccess, WorkbookRead } from './sources.ts';
export type { HeaderCheck, SinkFactory } from './feed.ts';
export { Locator, feedTable, columnLetters } from './feed.ts';

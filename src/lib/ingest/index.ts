/** Ingest: bytes → text → line-numbered rows of cleaned cells. */
export { decodeBytes } from './decode.ts';
export type { DecodedText, TextEncoding } from './decode.ts';
export { parseTable, parseRows, cleanCell, detectDelimiter, exactCopy } from './parse.ts';
export type { RawTable, RawRow, Delimiter, RowSink, ParseSummary } from './parse.ts';
export { readDataFolder, listDataFolder, readDataFile, dataFileName, DATA_FILES, REQUIRED_FILES } from './folder.ts';
export type { DataFolder, DataFolderListing, DataFileName, FileProgress, ReadOptions } from './folder.ts';

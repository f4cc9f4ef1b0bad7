/** Ingest: bytes → text → line-numbered rows of cleaned cells. */
export { decodeBytes } from './decode.ts';
export type { DecodedText, TextEncoding } from './decode.ts';
export { parseTable, cleanCell, detectDelimiter } from './parse.ts';
export type { RawTable, RawRow, Delimiter } from './parse.ts';
export { readDataFolder, dataFileName, DATA_FILES, REQUIRED_FILES } from './folder.ts';
export type { DataFolder, DataFileName, FileProgress, ReadOptions } from './folder.ts';

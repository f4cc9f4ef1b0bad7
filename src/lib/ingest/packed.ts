/**
 * A sheet's rows as they cross from a worker thread: a table of distinct strings and typed arrays of indexes, so
 * that a cell repeated on half a million rows (a source, a unit id) is copied once, and the arrays move without
 * a copy. Unpacked, the rows share those strings, as the CSV parser's interned cells do.
 */
import type { RawRow } from './parse.ts';

export interface PackedRows {
  strings: string[];
  lines: Int32Array;
  /** Where each row's cells end in `cells`. */
  ends: Int32Array;
  cells: Int32Array;
}

export function packRows(rows: readonly RawRow[]): PackedRows {
  const index = new Map<string, number>();
  const strings: string[] = [];
  let total = 0;
  for (const r of rows) total += r.cells.length;
  const cells = new Int32Array(total);
  const lines = new Int32Array(rows.length);
  const ends = new Int32Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    lines[i] = r.line;
    for (const c of r.cells) {
      let j = index.get(c);
      if (j === undefined) {
        j = strings.length;
        strings.push(c);
        index.set(c, j);
      }
      cells[k++] = j;
    }
    ends[i] = k;
  }
  return { strings, lines, ends, cells };
}

export function unpackRows(p: PackedRows): RawRow[] {
  const rows = new Array<RawRow>(p.lines.length);
  let k = 0;
  for (let i = 0; i < p.lines.length; i++) {
    const end = p.ends[i]!;
    const cells = new Array<string>(end - k);
    for (let c = 0; k < end; c++, k++) cells[c] = p.strings[p.cells[k]!]!;
    rows[i] = { line: p.lines[i]!, cells };
  }
  return rows;
}

/** The typed arrays of packed rows, to hand over to postMessage's transfer list. */
export const transferables = (p: PackedRows): ArrayBuffer[] =>
  [p.lines.buffer, p.ends.buffer, p.cells.buffer] as ArrayBuffer[];

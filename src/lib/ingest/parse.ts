/**
 * Text → rows. papaparse does the CSV grammar; this module adds what the data contract needs on top:
 * per-file delimiter detection, the editor's line number of every row, blank-line skipping and cell cleaning
 * (NFC, trim, one space for any run of white space). It runs on every cell of half a million rows, so the
 * common case (a short ASCII cell) takes one character scan and nothing else.
 */
import Papa from 'papaparse';
import type { Diagnostic } from '../types.ts';
import { eachRow, sharedNumber, smallNumber, wellFormed } from './csv-rows.ts';
import type { TextEncoding } from './decode.ts';

export type Delimiter = ',' | ';' | '\t';

export interface RawRow {
  /** 1-based line an editor shows for the row's first line. */
  line: number;
  /** Cleaned cells, in file order (may be shorter or longer than the header). */
  cells: string[];
}

export interface RawTable {
  /** File name as found in the folder, e.g. `admissions.csv`. */
  file: string;
  /** Header names as written (cleaned). */
  header: string[];
  /** Header names lower-cased, for matching. */
  columns: string[];
  /** Line of the header row (1 unless blank lines precede it); 0 for an empty file. */
  headerLine: number;
  rows: RawRow[];
  encoding?: TextEncoding;
  delimiter: Delimiter;
  /** Problems of the file's structure (broken quotes, extra cells, no header). */
  diagnostics: Diagnostic[];
}

// Any white space except a plain inner space, or a space at either end, or two in a row.
const WS_NEEDS_WORK = /^\s|\s$|\s\s|[^\S ]/;
const WS_RUN = /\s+/g;

/**
 * NFC, trim, and collapse runs of white space (NBSP and line breaks included) to one space.
 * Fast path: a cell of printable ASCII with single inner spaces is returned as is.
 */
export function cleanCell(s: string): string {
  const n = s.length;
  let prevSpace = true; // a leading space needs trimming
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127) {
      prevSpace = false;
    } else if (c === 32 && !prevSpace) {
      prevSpace = true;
    } else {
      return cleanSlow(s);
    }
  }
  return prevSpace && n > 0 ? cleanSlow(s) : s;
}

// Long cells repeat (the same `source` on thousands of rows): remember recent slow-path results.
const slowCache = new Map<string, string>();

function cleanSlow(s: string): string {
  const hit = slowCache.get(s);
  if (hit !== undefined) return hit;
  const t = cleanUncached(s);
  if (slowCache.size >= 20_000) slowCache.clear();
  slowCache.set(s, t);
  return t;
}

function cleanUncached(s: string): string {
  let t = s;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) >= 0x80) {
      t = t.normalize('NFC');
      break;
    }
  }
  return WS_NEEDS_WORK.test(t) ? t.replace(WS_RUN, ' ').trim() : t;
}

/**
 * The delimiter that occurs most in the header line, counted outside quotes.
 * Ties and a header with no delimiter at all (a one-column file) fall back to comma.
 */
export function detectDelimiter(text: string): Delimiter {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) inQuotes = false; // a doubled quote toggles twice: harmless
      continue;
    }
    if (c === 34) inQuotes = true;
    else if (c === 10 || c === 13) {
      if (seenContent) break; // blank lines before the header are skipped
      continue;
    } else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
    if (c !== 32 && c !== 9) seenContent = true;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

const NO_ERRORS: readonly Papa.ParseError[] = [];

/** Receives a file's rows as they are parsed (see parseRows). */
export interface RowSink {
  /** The header row, cleaned, and its line. Called once, before any data row (never for an empty file). */
  header(cells: string[], line: number): void;
  /**
   * A data row: the line of its first line and its cleaned cells. The array is handed over, not reused:
   * keep it or copy it (it may have spare capacity; `exactCopy` trims it).
   */
  row(line: number, cells: string[]): void;
}

export interface ParseSummary {
  delimiter: Delimiter;
  /** Line of the header row; 0 for an empty file. */
  headerLine: number;
  /** Data rows handed to the sink (blank lines not counted). */
  rows: number;
  /** Problems of the file's structure (broken quotes, extra cells, no header). */
  diagnostics: Diagnostic[];
}

/**
 * Parses CSV text (already decoded, BOM removed) and hands the header and every non-blank row, cleaned and
 * with its line number, to `sink` as it goes. Streaming lets a caller validate each row and drop what it
 * does not keep at once: on national data the garbage collector then has far less to move.
 */
export function parseRows(text: string, file: string, sink: RowSink): ParseSummary {
  // papaparse takes one line-break style; a file mixing them (or using lone CR) is rewritten to LF first.
  // CRLF and lone CR each count as one line, as in an editor.
  const style = lineBreakStyle(text);
  let src = style === 'mixed' ? text.replace(/\r\n?/g, '\n') : text;
  const newline = style === 'crlf' ? '\r\n' : '\n';
  // Excel understands (and some exports write) a first line `sep=;` naming the delimiter.
  const sep = /^sep=([,;\t])[^\S\r\n]*\r?\n/i.exec(src);
  if (sep) src = src.slice(sep[0].length);
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(src);
  const diagnostics: Diagnostic[] = [];
  const pools: (Pool | null | undefined)[] = [];
  const prevRaw: string[] = [];
  const prevClean: string[] = [];
  let width = -1; // header width, once the header is read
  let headerLine = 0;
  let count = 0;
  let line = sep ? 2 : 1;

  // Lines are counted on the text itself, between the ends of consecutive rows (papaparse's cursor): one
  // native search per line break of the file instead of one per cell.
  let nextBreak = src.indexOf('\n');
  const take = (cells: string[], errors: readonly Papa.ParseError[], end: number): void => {
    const start = line;
    let breaks = 0; // line breaks up to the row's end, its own terminating one included
    while (nextBreak !== -1 && nextBreak < end) {
      breaks++;
      nextBreak = src.indexOf('\n', nextBreak + 1);
    }
    let empty = true;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]!;
      if (v.length === 0) continue;
      // Same text as the cell above (a unit's rows, a source): reuse its cleaned, shared string.
      if (v === prevRaw[c]) {
        const same = prevClean[c]!;
        if (same !== '') empty = false;
        cells[c] = same;
        continue;
      }
      // A small whole number (most cells) needs no cleaning: its shared string straight away.
      const n = smallNumber(v);
      const cleaned = n >= 0 ? sharedNumber(n, v) : intern(pools, c, cleanCell(v));
      if (cleaned !== '') empty = false;
      prevRaw[c] = v;
      prevClean[c] = cleaned;
      cells[c] = cleaned;
    }
    line = start + breaks;
    if (errors.length > 0) {
      // A malformed quote also leaves the field unterminated; the first message is the one to act on.
      const invalid = errors.some((e) => e.code === 'InvalidQuotes');
      for (const e of errors)
        if (!(invalid && e.code === 'MissingQuotes')) diagnostics.push(quoteDiagnostic(e, file, start));
    }
    if (empty) return; // blank line, or a row of empty cells (how Excel writes an empty row)
    if (width < 0) {
      width = cells.length;
      headerLine = start;
      sink.header(cells, start);
      return;
    }
    // Cells beyond the header would be silently lost; empty trailing cells (a stray delimiter) are harmless.
    if (cells.length > width) {
      for (let c = width; c < cells.length; c++) {
        if (cells[c] !== '') {
          diagnostics.push({
            severity: 'error',
            file,
            line: start,
            columnNumber: c + 1,
            value: cells[c],
            message:
              `Dòng có ${cells.length} ô nhưng dòng tiêu đề chỉ có ${width} cột: ô thứ ${c + 1} không ` +
              `thuộc cột nào. Kiểm tra dấu phân cách (${delimiterName(delimiter)}) hoặc dấu ngoặc kép trong dòng.`,
          });
          break;
        }
      }
    }
    count++;
    sink.row(start, cells);
  };

  // Row by row: each row array can die young once the sink is done with it. Well-formed text (the usual case) is
  // split here; papaparse reads the rest, with its forgiving reading of stray quotes and its error messages.
  if (wellFormed(src, delimiter, newline)) {
    eachRow(src, delimiter, newline, (cells, end) => take(cells, NO_ERRORS, end));
  } else {
    Papa.parse<string[]>(src, {
      delimiter,
      newline,
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      step: (result) => take(result.data, result.errors, result.meta.cursor),
    });
  }

  // The cache may hold substrings of this file's text: let the text go.
  slowCache.clear();

  if (width < 0) {
    diagnostics.push({
      severity: 'error',
      file,
      message: `Tệp ${file} trống: cần ít nhất dòng tiêu đề (tên các cột) ở dòng đầu tiên.`,
    });
  }
  return { delimiter, headerLine, rows: count, diagnostics };
}

/** Parses CSV text (already decoded, BOM removed) into a header and line-numbered, cleaned rows. */
export function parseTable(text: string, file: string, encoding?: TextEncoding): RawTable {
  let header: string[] = [];
  const rows: RawRow[] = [];
  const summary = parseRows(text, file, {
    header: (cells) => {
      header = exactCopy(cells);
    },
    row: (line, cells) => {
      rows.push({ line, cells: exactCopy(cells) });
    },
  });
  return {
    file,
    header,
    columns: header.map((h) => h.toLowerCase()),
    headerLine: summary.headerLine,
    rows,
    ...(encoding ? { encoding } : {}),
    delimiter: summary.delimiter,
    diagnostics: summary.diagnostics,
  };
}

/** Distinct values kept per column before that column stops being interned (free text, notes). */
const POOL_LIMIT = 50_000;
/** After this many values, a column that has not repeated itself much is no longer interned. */
const POOL_PROBE = 2_000;

interface Pool {
  map: Map<string, string>;
  seen: number;
}

/**
 * One string per distinct value of a column. Half a million rows repeat a few thousand unit ids and a few
 * periods and sources; sharing them keeps the heap (and the garbage collector's work) small. A column whose
 * values hardly repeat (counts, notes) stops being interned after a probe, as the lookups would cost more
 * than they save. The pooled copy is a fresh flat string, so that it does not pin the whole file's text in
 * memory as a substring would.
 */
function intern(pools: (Pool | null | undefined)[], column: number, value: string): string {
  if (value.length === 0) return value;
  // Small whole numbers (counts, years) are the most common cells: an array slot, no hashing.
  const n = smallNumber(value);
  if (n >= 0) return sharedNumber(n, value);
  let pool = pools[column];
  if (pool === null) return value;
  if (pool === undefined) pools[column] = pool = { map: new Map(), seen: 0 };
  // More than one new value in four after the probe: not worth it for this column.
  if (++pool.seen === POOL_PROBE && pool.map.size * 4 > POOL_PROBE) pools[column] = null;
  const hit = pool.map.get(value);
  if (hit !== undefined) return hit;
  if (pool.map.size >= POOL_LIMIT) {
    pools[column] = null;
    return value;
  }
  // A copy, so the pool does not keep the whole file's text alive; the check page (no Buffer) keeps the slice.
  const copy = value.length >= 13 && typeof Buffer !== 'undefined';
  const flat = copy ? Buffer.from(value, 'utf8').toString('utf8') : value;
  pool.map.set(flat, flat);
  return flat;
}

/** 'lf' or 'crlf' when the file uses one style throughout, else 'mixed' (lone CR included). */
function lineBreakStyle(text: string): 'lf' | 'crlf' | 'mixed' {
  if (text.indexOf('\r') === -1) return 'lf';
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) !== 13) return 'mixed';
    lf++;
  }
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr++;
  return cr === lf ? 'crlf' : 'mixed';
}

/**
 * A copy with exactly as many slots as cells: papaparse grows its rows by push, leaving room for 17 cells;
 * rows kept for re-publishing are copied, which on national data saves about 50 MB.
 */
export function exactCopy(a: readonly string[]): string[] {
  const out = new Array<string>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  return out;
}

export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'dấu phẩy' : d === ';' ? 'dấu chấm phẩy' : 'dấu tab';
}

function quoteDiagnostic(e: Papa.ParseError, file: string, line: number): Diagnostic {
  const message =
    e.code === 'MissingQuotes'
      ? 'Dấu ngoặc kép mở ở dòng này không được đóng: phần còn lại của tệp bị đọc thành một ô. Thêm dấu " ' +
        'đóng ô, hoặc bỏ dấu " thừa.'
      : e.code === 'InvalidQuotes'
        ? 'Dấu ngoặc kép đặt sai chỗ: một ô có ngoặc kép phải bắt đầu và kết thúc bằng ", và dấu " bên trong ' +
          'ô phải viết đôi ("").'
        : `Không đọc được dòng: ${e.message}.`;
  return { severity: 'error', file, line, message };
}

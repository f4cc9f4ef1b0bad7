/**
 * Text → rows. papaparse does the CSV grammar; this module adds what the data contract needs on top:
 * per-file delimiter detection, the editor's line number of every row, blank-line skipping and cell cleaning
 * (NFC, trim, one space for any run of white space). It runs on every cell of half a million rows, so the
 * common case (a short ASCII cell) takes one character scan and nothing else.
 */
import Papa from 'papaparse';
import type { Diagnostic } from '../types.ts';
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

/** Parses CSV text (already decoded, BOM removed) into a header and line-numbered, cleaned rows. */
export function parseTable(text: string, file: string, encoding?: TextEncoding): RawTable {
  // papaparse takes one line-break style; a file mixing them (or using lone CR) is rewritten to LF first.
  // CRLF and lone CR each count as one line, as in an editor.
  const style = lineBreakStyle(text);
  const src = style === 'mixed' ? text.replace(/\r\n?/g, '\n') : text;
  const newline = style === 'crlf' ? '\r\n' : '\n';
  const delimiter = detectDelimiter(src);
  const result = Papa.parse<string[]>(src, { delimiter, newline, quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  const diagnostics: Diagnostic[] = [];

  const errorsByRow = new Map<number, Papa.ParseError[]>();
  for (const e of result.errors) {
    if (e.row === undefined) continue;
    const list = errorsByRow.get(e.row);
    if (list) list.push(e);
    else errorsByRow.set(e.row, [e]);
  }

  const data = result.data;
  const rows: RawRow[] = [];
  const pools: (Map<string, string> | null | undefined)[] = [];
  let prev: string[] | undefined;
  let header: string[] | undefined;
  let headerLine = 0;
  let line = 1;
  for (let r = 0; r < data.length; r++) {
    // Cleaned in place: papaparse's arrays are ours, and half a million fresh arrays cost more than the cleaning.
    const cells = data[r]!;
    const start = line;
    let breaks = 0;
    let empty = true;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]!;
      if (v.length === 0) continue;
      // Only quoted cells can hold a line break; indexOf is native and cheap next to the cleaning.
      if (v.indexOf('\n') !== -1) breaks += countBreaks(v);
      const cleaned = cleanCell(v);
      if (cleaned !== '') empty = false;
      cells[c] = process.env.INTERN === 'map' ? intern(pools, c, cleaned) : process.env.INTERN === 'prev' ? (prev !== undefined && prev[c] === cleaned ? prev[c]! : cleaned) : cleaned;
    }
    line = start + 1 + breaks;
    prev = cells;
    const errs = errorsByRow.get(r);
    if (errs) {
      // A malformed quote also leaves the field unterminated; the first message is the one to act on.
      const invalid = errs.some((e) => e.code === 'InvalidQuotes');
      for (const e of errs) if (!(invalid && e.code === 'MissingQuotes')) diagnostics.push(quoteDiagnostic(e, file, start));
    }
    if (empty) continue; // blank line, or a row of empty cells (how Excel writes an empty row)
    if (header === undefined) {
      header = cells;
      headerLine = start;
      continue;
    }
    rows.push({ line: start, cells });
  }

  if (header === undefined) {
    diagnostics.push({
      severity: 'error',
      file,
      message: `Tệp ${file} trống: cần ít nhất dòng tiêu đề (tên các cột) ở dòng đầu tiên.`,
    });
    header = [];
  } else {
    // Cells beyond the header would be silently lost; empty trailing cells (a stray delimiter) are harmless.
    const width = header.length;
    for (const row of rows) {
      if (row.cells.length <= width) continue;
      for (let c = width; c < row.cells.length; c++) {
        if (row.cells[c] !== '') {
          diagnostics.push({
            severity: 'error',
            file,
            line: row.line,
            columnNumber: c + 1,
            value: row.cells[c],
            message: `Dòng có ${row.cells.length} ô nhưng dòng tiêu đề chỉ có ${width} cột: ô thứ ${c + 1} không thuộc cột nào. Kiểm tra dấu phân cách (${delimiterName(delimiter)}) hoặc dấu ngoặc kép trong dòng.`,
          });
          break;
        }
      }
    }
  }

  return {
    file,
    header,
    columns: header.map((h) => h.toLowerCase()),
    headerLine,
    rows,
    ...(encoding ? { encoding } : {}),
    delimiter,
    diagnostics,
  };
}

/** Distinct values kept per column before that column stops being interned (free text, notes). */
const POOL_LIMIT = 50_000;

/**
 * One string per distinct value of a column. Half a million rows repeat a few thousand unit ids, periods
 * and small counts; sharing them keeps the heap (and the garbage collector's work) small. The pooled copy
 * is a fresh flat string, so that it does not pin the whole file's text in memory as a substring would.
 */
function intern(pools: (Map<string, string> | null | undefined)[], column: number, value: string): string {
  if (value.length === 0) return value;
  let pool = pools[column];
  if (pool === null) return value;
  if (pool === undefined) pools[column] = pool = new Map();
  const hit = pool.get(value);
  if (hit !== undefined) return hit;
  if (pool.size >= POOL_LIMIT) {
    pools[column] = null;
    return value;
  }
  const flat = value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
  pool.set(flat, flat);
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

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'dấu phẩy' : d === ';' ? 'dấu chấm phẩy' : 'dấu tab';
}

function quoteDiagnostic(e: Papa.ParseError, file: string, line: number): Diagnostic {
  const message =
    e.code === 'MissingQuotes'
      ? 'Dấu ngoặc kép mở ở dòng này không được đóng: phần còn lại của tệp bị đọc thành một ô. Thêm dấu " đóng ô, hoặc bỏ dấu " thừa.'
      : e.code === 'InvalidQuotes'
        ? 'Dấu ngoặc kép đặt sai chỗ: một ô có ngoặc kép phải bắt đầu và kết thúc bằng ", và dấu " bên trong ô phải viết đôi ("").'
        : `Không đọc được dòng: ${e.message}.`;
  return { severity: 'error', file, line, message };
}

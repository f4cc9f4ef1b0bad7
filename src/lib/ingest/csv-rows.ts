/**
 * The CSV grammar for well-formed text, without papaparse: the same rows, cells and row ends as papaparse gives
 * (parse.ts), for text whose every quote opens a field and closes it right before a delimiter, a line break or
 * the end. Anything else (a stray quote, spaces after a closing quote, an unclosed quote) is papaparse's, whose
 * forgiving reading and error messages the check keeps. papaparse's per-row result objects cost about a second
 * on national data; this reads the same rows with one native search per field.
 */

const QUOTE = 34;

/** The one string of each whole number 0..9999 written plainly (most cells), shared by every row and file. */
const SMALL_NUMBERS: (string | undefined)[] = new Array(10_000);

/**
 * 0..9999 written plainly (no leading zero, no separator) as `s`, else -1. Such cells need no cleaning, and one
 * shared string each keeps half a million rows from holding millions of copies.
 */
export function smallNumber(s: string): number {
  const len = s.length;
  if (len > 4 || (len > 1 && s.charCodeAt(0) === 48)) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The shared string of small number `n` (see smallNumber); `s` is its text. */
export const sharedNumber = (n: number, s: string): string => (SMALL_NUMBERS[n] ??= s);

/** The text of src[from, to): the shared string when it is a small number (`n`: its digits' value, or -1). */
function smallNumberText(src: string, from: number, to: number, n: number): string {
  const width = to - from;
  if (n < 0 || width === 0 || width > 4 || (width > 1 && src.charCodeAt(from) === 48)) return src.substring(from, to);
  return SMALL_NUMBERS[n] ?? (SMALL_NUMBERS[n] = src.substring(from, to));
}

/**
 * True when every quote of `src` opens a field (at the start, or after a delimiter or line break) and its field
 * closes with a quote followed by a delimiter, `newline` or the end; doubled quotes inside are escaped quotes.
 * Line breaks are of one style (parse.ts rewrites a mixed file), so a `\n` outside quotes always ends a row.
 */
export function wellFormed(src: string, delimiter: string, newline: string): boolean {
  const len = src.length;
  // papaparse gives no row at all for empty text, and drops a BOM: both left to it.
  if (len === 0 || src.charCodeAt(0) === 0xfeff) return false;
  const delim = delimiter.charCodeAt(0);
  let q = src.indexOf('"');
  while (q !== -1) {
    const before = q === 0 ? 10 : src.charCodeAt(q - 1);
    if (before !== delim && before !== 10) return false;
    let c = q + 1;
    for (;;) {
      c = src.indexOf('"', c);
      if (c === -1) return false;
      if (src.charCodeAt(c + 1) !== QUOTE) break;
      c += 2;
    }
    const next = c + 1;
    if (next < len && src.charCodeAt(next) !== delim && !src.startsWith(newline, next)) return false;
    q = src.indexOf('"', next);
  }
  return true;
}

/**
 * Every row of well-formed text (see wellFormed), in order: its cells (a fresh array) and where it ends (past its
 * line break), as papaparse's step gives them, a last row `['']` after a final line break included. Unquoted
 * cells are found by one scan of their characters: most are a few digits, for which a native search per cell
 * costs more than the scan.
 */
export function eachRow(
  src: string,
  delimiter: string,
  newline: string,
  row: (cells: string[], end: number) => void,
): void {
  const len = src.length;
  const nl = newline.length;
  const delim = delimiter.charCodeAt(0);
  // A CRLF file's rows end at the CR (wellFormed made sure a CR outside quotes starts a CRLF).
  const brk = newline.charCodeAt(0);
  let pos = 0;
  let cells: string[] = [];
  for (;;) {
    let c = src.charCodeAt(pos);
    if (c === QUOTE) {
      let q = pos + 1;
      let escaped = false;
      for (;;) {
        q = src.indexOf('"', q);
        if (src.charCodeAt(q + 1) !== QUOTE) break;
        escaped = true;
        q += 2;
      }
      const v = src.substring(pos + 1, q);
      cells.push(escaped ? v.replaceAll('""', '"') : v);
      pos = q + 1;
      if (pos >= len) {
        row(cells, len);
        return;
      }
      c = src.charCodeAt(pos);
    } else {
      let end = pos;
      let n = 0; // the cell's value while it is a plain whole number, else -1
      while (end < len && c !== delim && c !== brk) {
        const d = c - 48;
        n = n >= 0 && d >= 0 && d <= 9 ? n * 10 + d : -1;
        c = src.charCodeAt(++end);
      }
      cells.push(smallNumberText(src, pos, end, n));
      pos = end;
      if (pos >= len) {
        row(cells, len);
        return;
      }
    }
    if (c === delim) {
      pos++;
      continue;
    }
    // A line break, as wellFormed made sure.
    pos += nl;
    row(cells, pos);
    cells = [];
  }
}

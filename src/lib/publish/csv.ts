/**
 * CSV for people who open it in Excel or LibreOffice: UTF-8 with BOM (so Vietnamese shows right),
 * CRLF line ends (RFC 4180), quotes only where needed, and the formula-injection guard of the spec.
 */

export type Cell = string | number | null | undefined;

export const BOM = '\uFEFF';
export const EOL = '\r\n';

/**
 * A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a
 * spreadsheet does not run it as a formula. The spec applies this to every cell, numbers included:
 * a change of −3 is published as `'-3` (Excel shows it as text, without the quote).
 */
export function guard(text: string): string {
  const c = text.charCodeAt(0);
  // = + - @ \t \r
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/** A number as plain decimal text with a dot, never in exponent notation (1e21 would be `1000…`). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  // Tiny: our figures have two decimals at most, so a fixed 20 places holds them exactly enough.
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: guarded, then quoted when it holds a comma, a quote or a line break. Empty for null/undefined. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = guard(typeof value === 'number' ? formatNumber(value) : value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line with its line end; the cells joined in a loop (faster than map and join: a million input rows). */
export function csvLine(cells: readonly Cell[]): string {
  let line = cells.length > 0 ? csvCell(cells[0]) : '';
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i])}`;
  return line + EOL;
}

/**
 * A whole CSV text: header and rows, with the BOM unless `bom: false`. For per-chart downloads
 * (e.g. `new Blob([toCsv(cols, rows)], { type: 'text/csv;charset=utf-8' })`).
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  opts: { bom?: boolean } = {},
): string {
  let out = (opts.bom === false ? '' : BOM) + csvLine(columns);
  for (const r of rows) out += csvLine(r);
  return out;
}

/**
 * Diagnostics as text: the one formatter (`file:line:column [header] "value": message`, or in a workbook
 * `file › sheet, ô C4 [header] "value": message`), and the grouping of many problems of one kind into one entry, so
 * that 3,279 rows with the same wrong level print as one line with the count, the first five locations and up to
 * five distinct values. Plain functions on plain data, no Node import: a browser page can use them too.
 */
import type { Diagnostic } from './types.ts';

const MAX_VALUE = 80;

/**
 * `admissions.csv:12:3 [admitted] "12a": Không phải số nguyên không âm. …`
 * `admissions.xlsx › admissions, ô C4 [admitted] "3.5": …` in a workbook (`, dòng 4` for a whole row).
 * Line and column number are 1-based, as an editor and a spreadsheet count them; parts that do not apply are left out
 * (`units.csv: Thiếu tệp …`, `terms.csv:4: Nhiệm kỳ … chồng lên …`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}${formatColumnValue(d)}: ${d.message}`;
}

/** `file:line:column`, or `file › sheet, ô C4` / `file › sheet, dòng 4` in a workbook. */
export function formatLocation(d: Diagnostic): string {
  let where = d.file;
  if (d.sheet !== undefined) {
    where += ` › ${d.sheet}`;
    if (d.cell !== undefined) where += `, ô ${d.cell}`;
    else if (d.line !== undefined) where += `, dòng ${d.line}`;
    return where;
  }
  if (d.line !== undefined) {
    where += `:${d.line}`;
    if (d.columnNumber !== undefined) where += `:${d.columnNumber}`;
  }
  return where;
}

/** ` [header] "value"`, each part when known. */
function formatColumnValue(d: Diagnostic): string {
  let out = '';
  if (d.column !== undefined && d.column !== '') out += ` [${d.column}]`;
  if (d.value !== undefined) out += ` ${quoteValue(d.value)}`;
  return out;
}

/** A value as JSON text, cut to MAX_VALUE characters. */
function quoteValue(value: string): string {
  return JSON.stringify(value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value);
}

/* ---------- grouping ---------- */

/** Problems of one kind in one column of one file (or sheet). */
export interface DiagnosticGroup {
  severity: Diagnostic['severity'];
  file: string;
  sheet?: string;
  column?: string;
  count: number;
  /** The first of them: its message stands for all. */
  first: Diagnostic;
  /** The first LOCATIONS_SHOWN of them, in order. */
  firstFive: Diagnostic[];
  /** Up to VALUES_SHOWN distinct values, in order of appearance, and how many other distinct values there are. */
  values: string[];
  otherValues: number;
  /** Every message of the group is the same text. */
  sameMessage: boolean;
}

export const LOCATIONS_SHOWN = 5;
export const VALUES_SHOWN = 5;
/** Fewer than this many of one kind are listed one by one: the list is as short as the group would be. */
export const GROUP_FROM = 6;

/**
 * The kind of a problem: its message with the cell's value, numbers and "did you mean" hints taken out, so that
 * `Không có đơn vị mã X1 …` and `… mã X2 …` are one kind and a duplicate of line 5 and one of line 9 too.
 */
export function problemKind(d: Diagnostic): string {
  let m = d.message;
  if (d.value !== undefined && d.value.length >= 2) m = m.split(d.value).join('\u0000');
  return m.replace(/\s*\(có phải ý bạn là[^)]*\)/g, '').replace(/\d+/g, '#');
}

/**
 * Problems sharing severity, file, sheet, column and kind become one group when there are at least `from` of them;
 * the rest stay as they are. Order: each entry where its first problem was.
 */
export function groupDiagnostics(list: readonly Diagnostic[], from = GROUP_FROM): (Diagnostic | DiagnosticGroup)[] {
  const byKey = new Map<string, Diagnostic[]>();
  const keys: string[] = [];
  for (const d of list) {
    const key = [d.severity, d.file, d.sheet ?? '', d.column ?? '', problemKind(d)].join('\u0001');
    let members = byKey.get(key);
    if (members === undefined) {
      byKey.set(key, (members = []));
      keys.push(key);
    }
    members.push(d);
  }
  const out: (Diagnostic | DiagnosticGroup)[] = [];
  for (const key of keys) {
    const members = byKey.get(key)!;
    if (members.length < from) out.push(...members);
    else out.push(toGroup(members));
  }
  // Entries in the order of their first problem.
  const pos = new Map(list.map((d, i) => [d, i] as const));
  const at = (e: Diagnostic | DiagnosticGroup) => pos.get(isGroup(e) ? e.first : e) ?? 0;
  return out.sort((a, b) => at(a) - at(b));
}

export function isGroup(e: Diagnostic | DiagnosticGroup): e is DiagnosticGroup {
  return 'count' in e && 'first' in e;
}

function toGroup(members: Diagnostic[]): DiagnosticGroup {
  const first = members[0]!;
  const distinct = new Set<string>();
  for (const d of members) if (d.value !== undefined) distinct.add(d.value);
  const values = [...distinct].slice(0, VALUES_SHOWN);
  return {
    severity: first.severity,
    file: first.file,
    ...(first.sheet !== undefined ? { sheet: first.sheet } : {}),
    ...(first.column !== undefined ? { column: first.column } : {}),
    count: members.length,
    first,
    firstFive: members.slice(0, LOCATIONS_SHOWN),
    values,
    otherValues: distinct.size - values.length,
    sameMessage: members.every((d) => d.message === first.message),
  };
}

const count = (n: number) => n.toLocaleString('vi-VN');

/**
 * `units.csv, cột level: 3.279 dòng có giá trị không hợp lệ "commune" (dòng 65, 66, 67, 68, 69, …): message`
 * In a workbook the locations are cells (`ô C65, C66, …`).
 */
export function formatGroup(g: DiagnosticGroup): string {
  const where = `${g.file}${g.sheet !== undefined ? ` › ${g.sheet}` : ''}${g.column ? `, cột ${g.column}` : ''}`;
  const more = g.count > g.firstFive.length ? ', …' : '';
  const cells = g.firstFive.every((d) => d.cell !== undefined);
  const places = cells
    ? `ô ${g.firstFive.map((d) => d.cell).join(', ')}${more}`
    : `dòng ${g.firstFive.map((d) => d.line ?? '?').join(', ')}${more}`;
  let what: string;
  if (g.values.length === 0) what = `${count(g.count)} dòng có cùng lỗi`;
  else if (g.values.length === 1 && g.values[0] === '') what = `${count(g.count)} dòng để trống`;
  else {
    const list = g.values.map((v) => quoteValue(v)).join(', ');
    const others = g.otherValues > 0 ? ` và ${count(g.otherValues)} giá trị khác` : '';
    what = `${count(g.count)} dòng có giá trị không hợp lệ ${list}${others}`;
  }
  const example = g.sameMessage ? '' : `ví dụ ở ${cells ? `ô ${g.first.cell}` : `dòng ${g.first.line ?? '?'}`}: `;
  return `${where}: ${what} (${places}): ${example}${g.first.message}`;
}

/** Each entry as one line: a group by formatGroup, a single problem by formatDiagnostic. */
export function formatGrouped(list: readonly Diagnostic[], from = GROUP_FROM): string[] {
  return groupDiagnostics(list, from).map((e) => (isGroup(e) ? formatGroup(e) : formatDiagnostic(e)));
}

/**
 * Typed spreadsheet cells → the contract's text forms, so that a sheet's rows go through the same validation as a
 * CSV file's. What a typed cell means depends on its column: a date cell in `as_of` is that day, in `period` or a
 * month column its month (Excel turns a typed `03/2024` into 01/03/2024); a number in `period` is a year. Counts
 * must stay whole: a fraction is passed on as text the count check refuses. Also the tables' sheet names.
 */
import type { DataFileName } from './folder.ts';

/** A cell as a workbook reader hands it over (formulas already replaced by their saved value). */
export type SheetCell = string | number | boolean | Date | null | undefined;

export type ColumnKind = 'count' | 'date' | 'month' | 'period' | 'text';

const COUNT_COLUMNS = new Set([
  'admitted',
  'youth',
  'women',
  'ethnic_minority',
  'college',
  'target',
  'classes',
  'trainees',
  'dossiers',
  'members',
  'probationary',
  'grassroots_orgs',
  'branches',
  'villages',
  'villages_with_branch',
  'villages_without_members',
]);

/** How a typed cell of `column` (lower-case header) of `table` is read. */
export function columnKind(table: DataFileName, column: string): ColumnKind {
  if (column === 'period') return 'period';
  if (column === 'as_of') return 'date';
  if (column === 'active_from' || column === 'active_to') return 'month';
  if (table === 'terms.csv' && (column === 'from' || column === 'to')) return 'month';
  // `id` of terms (2020-2025) and of units stay text; only the count columns of the data tables are counts.
  if (table !== 'units.csv' && table !== 'terms.csv' && COUNT_COLUMNS.has(column)) return 'count';
  return 'text';
}

/** The sheet names of each table: the file's name without `.csv`, and the Vietnamese name of the template. */
export const TABLE_SHEET_NAMES: Record<DataFileName, { en: string; vi: string }> = {
  'units.csv': { en: 'units', vi: 'Đơn vị' },
  'terms.csv': { en: 'terms', vi: 'Nhiệm kỳ' },
  'admissions.csv': { en: 'admissions', vi: 'Kết nạp' },
  'targets.csv': { en: 'targets', vi: 'Chỉ tiêu' },
  'training.csv': { en: 'training', vi: 'Bồi dưỡng' },
  'members.csv': { en: 'members', vi: 'Đảng viên' },
};

/** Case, diacritics (đ too), spaces, `_` and `-` folded away: `Kết nạp`, `KET NAP`, `ket_nap` are one name. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const BY_FOLDED = new Map<string, DataFileName>();
for (const [table, names] of Object.entries(TABLE_SHEET_NAMES) as [DataFileName, { en: string; vi: string }][]) {
  BY_FOLDED.set(foldName(names.en), table);
  BY_FOLDED.set(foldName(names.vi), table);
}

/** The table a sheet name stands for, if any. */
export function tableOfSheet(sheetName: string): DataFileName | undefined {
  return BY_FOLDED.get(foldName(sheetName));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The text a typed cell stands for in `kind` of column. Dates are taken in UTC: readers give an Excel date
 * (a day count, no time zone) as midnight UTC of that day.
 */
export function cellText(value: SheetCell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return '';
    // The day is the serial's whole part; a second's slack absorbs the float error of midnight read back.
    const d = new Date(Math.floor((t + 1000) / 86_400_000) * 86_400_000);
    const ym = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
    return kind === 'month' || kind === 'period' ? ym : `${ym}-${pad2(d.getUTCDate())}`;
  }
  return numberText(value, kind);
}

// Counts and years are mostly small whole numbers: one shared string each.
const SMALL_NUMBERS: (string | undefined)[] = new Array(10_000);

function numberText(n: number, kind: ColumnKind): string {
  if (Number.isInteger(n)) return n >= 0 && n < 10_000 ? (SMALL_NUMBERS[n] ??= String(n)) : String(n);
  const text = decimalText(n);
  // `1.488` would pass the count check as 1488 (its thousands form); a fraction must not.
  if (kind === 'count' && /^\d{1,3}\.\d{3}$/.test(text)) return `${text} (số thập phân)`;
  return text;
}

/** Plain decimal notation, never an exponent (`0.0000001`, not `1e-7`). */
function decimalText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

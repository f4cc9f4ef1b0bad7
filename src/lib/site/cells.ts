/**
 * Formatting figures into table cells, tooltips and CSV values: unknown stays unknown, partial and summed are
 * flagged.
 */
import { DASH, fmtCount, fmtNumber, fmtPct, fmtSignedCount, fmtSignedPct, partialOf } from '../format/index.ts';
import type { Flow } from '../types.ts';
import { NO_DATA } from '../view/labels.ts';
import type { Cell } from '../view/shapes.ts';

export function sumNote(
  f: { basis: string; reporting?: { reported: number; active: number } } | undefined,
): string | undefined {
  if (!f || f.basis !== 'summed') return undefined;
  return f.reporting
    ? `Cộng từ ${f.reporting.reported}/${f.reporting.active} đơn vị trực thuộc có số liệu`
    : 'Cộng từ các đơn vị trực thuộc';
}

export function flowCell(f: Flow | undefined): Cell {
  if (!f) return { text: DASH };
  return { text: fmtCount(f.value), flag: partialOf(f), sum: sumNote(f) };
}

export const countCell = (n: number | undefined): Cell => ({ text: fmtCount(n) });
export const pctCell = (p: number | undefined): Cell => ({ text: fmtPct(p) });
export const ratioCell = (p: number | undefined): Cell => ({ text: fmtNumber(p) });
export const signedCell = (n: number | undefined): Cell => ({ text: fmtSignedCount(n) });
/** A change with its percentage: `+12 (+8,5 %)`; a dash when unknown. */
export const changeCell = (n: number | undefined, pct: number | undefined): Cell => ({
  text: n === undefined ? DASH : `${fmtSignedCount(n)} (${fmtSignedPct(pct)})`,
});
export const textCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });

/** Whether any summed cell is in the rows (to add the Σ note under a table). */
export const hasSum = (rows: Cell[][]) => rows.some((r) => r.some((c) => c.sum));

export const SUM_NOTE =
  'Σ: số cộng từ các đơn vị trực thuộc (đơn vị không tự báo cáo); ' +
  'rê chuột hoặc chạm vào để xem bao nhiêu đơn vị có số liệu.';

/** A flow's value, months, months of the period and basis: four CSV cells. */
export const flowCsv = (f: Flow | undefined): (number | string | undefined)[] =>
  f ? [f.value, f.months, f.ofMonths, f.basis] : [undefined, undefined, undefined, undefined];

export function flowTip(label: string, f: Flow | undefined): string {
  if (!f) return `${label}: ${NO_DATA}`;
  const p = partialOf(f);
  const s = sumNote(f);
  return `${label}: ${fmtCount(f.value)}${p ? ` (${p})` : ''}${s ? ` — ${s.toLocaleLowerCase('vi')}` : ''}`;
}

/** A flow's value with its coverage: `31 (8/12 tháng)`, or `missing` when there is none. */
export const flowText = (f: Flow | undefined, missing: string): string =>
  f ? fmtCount(f.value) + (partialOf(f) ? ` (${partialOf(f)})` : '') : missing;

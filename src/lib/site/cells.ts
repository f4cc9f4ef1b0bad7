/** Formatting figures into table cells and CSV values: unknown stays unknown, partial and summed are flagged. */
import { DASH, fmtCount, fmtNumber, fmtPct, fmtSignedCount, fmtSignedPct, partialOf } from '../format/index.ts';
import type { Flow } from '../types.ts';
import type { Cell } from './view.ts';

export function sumNote(f: { basis: string; reporting?: { reported: number; active: number } } | undefined): string | undefined {
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
export const signedPctCell = (p: number | undefined): Cell => ({ text: fmtSignedPct(p) });
export const textCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });

/** Whether any summed cell is in the rows (to add the Σ note under a table). */
export const hasSum = (rows: Cell[][]) => rows.some((r) => r.some((c) => c.sum));

export const SUM_NOTE = 'Σ: số cộng từ các đơn vị trực thuộc (đơn vị không tự báo cáo); rê chuột hoặc chạm vào để xem bao nhiêu đơn vị có số liệu.';

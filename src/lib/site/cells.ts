/**
 * Formatting figures into table cells, tooltips and CSV values: unknown stays unknown, partial and summed are
 * flagged.
 */
import { DASH, fmtCount, fmtNumber, fmtPct, fmtSignedCount, fmtSignedPct, partialOf } from '../format/index.ts';
import type { Dataset, Flow, Part } from '../types.ts';
import { NO_DATA } from '../view/labels.ts';
import type { Cell } from '../view/shapes.ts';

/**
 * What the parts of a combined figure need from the Dataset: a unit's full name, and whether it merged into
 * another (a predecessor's part) or is the unit itself (its own part, absent when it had no figure of its own).
 */
export interface NameOf {
  name: (unitId: string) => string;
  merged: (unitId: string) => boolean;
}
export const nameOf = (ds: Dataset): NameOf => ({
  name: (id) => ds.unitById[id]?.name ?? id,
  merged: (id) => ds.unitById[id]?.successorId !== undefined,
});

/**
 * The parts of a combined figure (spec, "Merged units"): each predecessor's, then the unit's own when it has one,
 * e.g. `Gồm số của Đảng bộ tỉnh Bình Sơn: 30; riêng Đảng bộ tỉnh An Hòa: 262`. Undefined unless combined.
 */
export function partsNote(
  f: { basis: string; parts?: readonly Part[] } | undefined,
  names: NameOf | undefined,
  fmt: (v: number) => string = fmtCount,
): string | undefined {
  if (f?.basis !== 'combined' || !f.parts || f.parts.length === 0) return undefined;
  // Without names, the model's order: the unit's own part first.
  const merged = (p: Part, i: number) => (names ? names.merged(p.unitId) : i > 0);
  const label = (id: string) => (names ? names.name(id) : id);
  const others = f.parts.filter((p, i) => merged(p, i));
  const own = f.parts.filter((p, i) => !merged(p, i));
  if (others.length === 0) return undefined;
  const said = others.map((p) => `số của ${label(p.unitId)}: ${fmt(p.value)}`).join('; ');
  const mine = own.map((p) => `; riêng ${label(p.unitId)}: ${fmt(p.value)}`).join('');
  return `Gồm ${said}${mine}`;
}

/** A combined snapshot's parts carry a whole snapshot: named without a value (the column decides which count). */
type AnyPart = Part | { unitId: string; snapshot: unknown };

export function sumNote(
  f: { basis: string; reporting?: { reported: number; active: number }; parts?: readonly AnyPart[] } | undefined,
  name?: NameOf,
): string | undefined {
  if (!f) return undefined;
  if (f.basis === 'combined') {
    const flows = f.parts?.filter((p): p is Part => 'value' in p);
    const parts =
      flows && flows.length === f.parts?.length
        ? partsNote({ basis: f.basis, parts: flows }, name)
        : f.parts && f.parts.length > 1
          ? `Gồm số của ${f.parts
              .filter((p, i) => (name ? name.merged(p.unitId) : i > 0))
              .map((p) => (name ? name.name(p.unitId) : p.unitId))
              .join(', ')}`
          : undefined;
    const r = f.reporting ? `cộng từ ${f.reporting.reported}/${f.reporting.active} đơn vị có số liệu` : '';
    return [parts, r].filter(Boolean).join('; ') || 'Cộng cả số của các đơn vị hợp nhất vào';
  }
  if (f.basis !== 'summed') return undefined;
  return f.reporting
    ? `Cộng từ ${f.reporting.reported}/${f.reporting.active} đơn vị trực thuộc có số liệu`
    : 'Cộng từ các đơn vị trực thuộc';
}

export function flowCell(f: Flow | undefined, name?: NameOf): Cell {
  if (!f) return { text: DASH };
  return { text: fmtCount(f.value), flag: partialOf(f), sum: sumNote(f, name) };
}

export const countCell = (n: number | undefined): Cell => ({ text: fmtCount(n) });
export const pctCell = (p: number | undefined): Cell => ({ text: fmtPct(p) });
export const ratioCell = (p: number | undefined): Cell => ({ text: fmtNumber(p) });
export const signedCell = (n: number | undefined): Cell => ({ text: fmtSignedCount(n) });
/** A change with its percentage: `+12 (+8,5%)`; a dash when unknown. */
export const changeCell = (n: number | undefined, pct: number | undefined): Cell => ({
  text: n === undefined ? DASH : `${fmtSignedCount(n)} (${fmtSignedPct(pct)})`,
});
export const textCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });

/** Whether any summed cell is in the rows (to add the Σ note under a table). */
export const hasSum = (rows: Cell[][]) => rows.some((r) => r.some((c) => c.sum));

export const SUM_NOTE =
  'Σ: số cộng từ các đơn vị trực thuộc (đơn vị không tự báo cáo) hoặc cả số của các đơn vị hợp nhất vào; ' +
  'rê chuột hoặc chạm vào để xem bao nhiêu đơn vị có số liệu và số của từng đơn vị.';

/** A flow's value, months, months of the period and basis: four CSV cells. */
export const flowCsv = (f: Flow | undefined): (number | string | undefined)[] =>
  f ? [f.value, f.months, f.ofMonths, f.basis] : [undefined, undefined, undefined, undefined];

export function flowTip(label: string, f: Flow | undefined, name?: NameOf): string {
  if (!f) return `${label}: ${NO_DATA}`;
  const p = partialOf(f);
  const s = sumNote(f, name);
  return `${label}: ${fmtCount(f.value)}${p ? ` (${p})` : ''}${s ? ` — ${s.toLocaleLowerCase('vi')}` : ''}`;
}

/** A flow's value with its coverage: `31 (8/12 tháng)`, or `missing` when there is none. */
export const flowText = (f: Flow | undefined, missing: string): string =>
  f ? fmtCount(f.value) + (partialOf(f) ? ` (${partialOf(f)})` : '') : missing;

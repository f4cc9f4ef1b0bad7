/**
 * The compare page's pure view code, shared by the build (the static default) and the browser island:
 * no Dataset, no Node APIs, only formatting and the dependency-free bar chart.
 */
import { barsLite, type LiteBar } from '../charts/bars-lite.ts';
import { fmtCount, fmtNumber, fmtPct, fmtSignedPct, partialOf } from '../format/index.ts';
import type { Cell, Table } from '../view/shapes.ts';

export type CompareUnit = 'count' | 'pct' | 'ratio';

export interface CompareIndicator {
  id: string;
  label: string;
  unit: CompareUnit;
  /** Which windows it exists for. */
  windows: 'year' | 'term' | 'both';
}

/** A value in the JSON: unknown `null`, a number, or `[value, months, ofMonths]` for a partial flow. */
export type CompareValue = null | number | [number, number, number];

/** One named group of a period's units (spec, "What pages show"): `đảng bộ cấp huyện`, `01/2025–06/2025`. */
export interface CompareGroup {
  name: string;
  months?: string;
  /** Indexes in CompareData.units. */
  units: number[];
}

export interface CompareData {
  level: string;
  /**
   * Per period: the units active in it, in their named groups (only those are offered and listed), and what a
   * sentence calls them all.
   */
  groups: Record<string, CompareGroup[]>;
  nouns: Record<string, string>;
  units: { id: string; label: string; parent: string; href: string }[];
  periods: { id: string; label: string; kind: 'year' | 'term' }[];
  indicators: CompareIndicator[];
  /** values[indicator][period][unitIndex] */
  values: Record<string, Record<string, CompareValue[]>>;
  /** `units`: indexes of the units shown by default (all of them when there are few). */
  defaults: { indicator: string; period: string; units: number[] };
}

/** Formats one JSON value for display (used by the build and the island alike). */
export function compareText(v: CompareValue | undefined, unit: CompareUnit): { text: string; partial?: string } {
  if (v === null || v === undefined) return { text: '—' };
  const n = typeof v === 'number' ? v : v[0];
  const text = unit === 'pct' ? fmtPct(n) : unit === 'ratio' ? fmtNumber(n) : fmtCount(n);
  return typeof v === 'number' ? { text } : { text, partial: partialOf({ months: v[1], ofMonths: v[2] }) };
}

export interface CompareSelection {
  indicator: string;
  period: string;
  /** Unit indexes in data.units; empty = all. */
  units: number[];
}

/** The indicator of the change on the same period of the previous year: also a column beside `admitted`. */
export const SAME_PERIOD_ID = 'admitted_change_same_period_pct';

/** The chart draws at most this many units (the highest values); the table lists all chosen. */
export const CHART_MAX = 60;

export interface CompareResult {
  /** Exactly the chosen data, for the CSV download. */
  csv: { columns: string[]; rows: (string | number | undefined)[][] };
  capped: string;
  title: string;
  description: string;
  svg: string;
  table: Table;
  reported: string;
}

/** `đảng bộ cấp huyện (01/2025–06/2025)`. */
const groupLabel = (g: CompareGroup | undefined) => (g ? `${g.name}${g.months ? ` (${g.months})` : ''}` : '');

/** The chart and table for one selection: pure, run at build time for the default and in the browser after. */
export function compareResult(data: CompareData, sel: CompareSelection): CompareResult {
  const ind = data.indicators.find((i) => i.id === sel.indicator) ?? data.indicators[0];
  const period = data.periods.find((p) => p.id === sel.period) ?? data.periods[0];
  // Only the units active in the period: an ended district is not in 2026, a new commune not in 2024.
  const groups = period ? (data.groups[period.id] ?? []) : [];
  const groupOf = new Map<number, CompareGroup>();
  for (const g of groups) for (const i of g.units) groupOf.set(i, g);
  const several = groups.length > 1;
  const noun = (period && data.nouns[period.id]) || data.level;
  const chosen = (sel.units.length ? sel.units : data.units.map((_, i) => i)).filter((i) => groupOf.has(i));
  const col = ind && period ? (data.values[ind.id]?.[period.id] ?? []) : [];
  const items = chosen
    .map((i) => ({ i, u: data.units[i]!, v: col[i] ?? null }))
    .filter((x) => x.u)
    .sort((a, b) => {
      const va = a.v === null ? -Infinity : typeof a.v === 'number' ? a.v : a.v[0];
      const vb = b.v === null ? -Infinity : typeof b.v === 'number' ? b.v : b.v[0];
      return vb - va || (a.u.label < b.u.label ? -1 : 1);
    });
  const unit = ind?.unit ?? 'count';
  const title = ind && period ? `${ind.label} — ${period.label}` : 'Chưa có số liệu';
  const rows: LiteBar[] = items.slice(0, CHART_MAX).map(({ u, v }) => {
    const t = compareText(v, unit);
    return { label: u.label, value: v === null ? undefined : typeof v === 'number' ? v : v[0], partial: t.partial };
  });
  // Admitted in a running year: the change on the same months of the year before beside it.
  const same = ind?.id === 'admitted' && period ? data.values[SAME_PERIOD_ID]?.[period.id] : undefined;
  const sameOf = (i: number): number | undefined => {
    const x = same?.[i];
    return typeof x === 'number' ? x : undefined;
  };
  const cells: Cell[][] = items.map(({ i, u, v }, k) => {
    const t = compareText(v, unit);
    return [
      { text: String(k + 1) },
      { text: u.label, header: true, href: u.href },
      { text: u.parent },
      ...(several ? [{ text: groupLabel(groupOf.get(i)) }] : []),
      { text: t.text, flag: t.partial },
      ...(same ? [{ text: fmtSignedPct(sameOf(i)) }] : []),
    ];
  });
  const reported = items.filter((x) => x.v !== null).length;
  const partials = [...new Set(rows.map((r) => r.partial).filter(Boolean))];
  const said = (r: LiteBar) =>
    `${r.label} ${r.value === undefined ? 'chưa có số liệu' : compareText(r.value, unit).text}` +
    (r.partial ? ` (${r.partial})` : '');
  const description = `${title}: ${rows.map(said).join('; ')}.`;
  return {
    title,
    description,
    svg: barsLite({ id: 'bd-so-sanh', title, description, rows, unit }),
    csv: {
      columns: [
        'Mã đơn vị',
        'Đơn vị',
        'Trực thuộc',
        ...(several ? ['Nhóm'] : []),
        'Kỳ',
        ind?.label ?? sel.indicator,
        'Số tháng có số liệu',
        'Số tháng của kỳ',
        ...(same ? ['Tăng, giảm so với cùng kỳ năm trước (%)'] : []),
      ],
      rows: items.map(({ i, u, v }) => [
        u.id,
        u.label,
        u.parent,
        ...(several ? [groupLabel(groupOf.get(i))] : []),
        period?.id,
        v === null ? undefined : typeof v === 'number' ? v : v[0],
        Array.isArray(v) ? v[1] : undefined,
        Array.isArray(v) ? v[2] : undefined,
        ...(same ? [sameOf(i)] : []),
      ]),
    },
    capped:
      items.length > CHART_MAX
        ? `Biểu đồ vẽ ${CHART_MAX} đơn vị có số cao nhất; bảng có đủ ${items.length} đơn vị.`
        : '',
    table: {
      caption: title,
      head: [
        '#',
        'Đơn vị',
        'Trực thuộc',
        ...(several ? ['Nhóm'] : []),
        ind?.label ?? '',
        ...(same ? ['So với cùng kỳ'] : []),
      ],
      numeric: [true, false, false, ...(several ? [false] : []), true, ...(same ? [true] : [])],
      rows: cells,
    },
    reported:
      `${reported}/${items.length} ${noun} có số liệu.` +
      (partials.length ? ` Có số chưa đủ kỳ (*): ${partials.join(', ')}.` : ''),
  };
}

/**
 * Units ranked by their admitted in one year, with target, rate and composition: the home page's ranking of the
 * compared units and a unit page's children.
 */
import { PALETTE, unitBarsChart } from '../charts/index.ts';
import { partialOf } from '../format/index.ts';
import type { Dataset, Unit } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import type { Cell, ChartView } from '../view/shapes.ts';
import {
  countCell,
  flowCell,
  flowCsv,
  flowText,
  flowTip,
  hasSum,
  pctCell,
  SUM_NOTE,
  textCell,
  nameOf,
} from './cells.ts';
import { yearFig } from './site.ts';

export interface RankedOptions {
  id: string;
  key: string;
  title: string;
  subtitle: string;
  csvHref: string;
  csvName: string;
  /** Adds the column of each unit's parent (units of several provinces). */
  withParent?: boolean;
  chart: boolean;
  /** The chart's bars (default 40); the CSV always has every unit. */
  chartLimit?: number;
  /** The table's rows (default: all). */
  tableLimit?: number;
  /** What the caption counts: `đảng bộ xã, phường, đặc khu` (default `đơn vị`). */
  noun?: string;
}

const HEAD = [
  'Kết nạp',
  'Chỉ tiêu',
  'Đạt chỉ tiêu',
  'Tỷ lệ kết nạp',
  'Trẻ',
  'Nữ',
  'Dân tộc thiểu số',
  'Cao đẳng trở lên',
];

const CSV_COLUMNS = [
  'Mã đơn vị',
  'Đơn vị',
  'Năm',
  'Kết nạp',
  'Số tháng có số liệu',
  'Số tháng của kỳ',
  'Cách tính',
  'Chỉ tiêu',
  'Đạt chỉ tiêu (%)',
  'Tiến độ cần đạt (%)',
  'Tỷ lệ kết nạp (%)',
  'Trẻ (%)',
  'Nữ (%)',
  'Dân tộc thiểu số (%)',
  'Cao đẳng trở lên (%)',
];

export function rankedUnitsView(ds: Dataset, units: Unit[], year: number, opts: RankedOptions): ChartView {
  const items = units.map((u) => ({ u, w: yearFig(ds, u.id, year) }));
  items.sort((a, b) => (b.w?.admitted?.value ?? -1) - (a.w?.admitted?.value ?? -1));
  const parentOf = (u: Unit) => (u.parentId ? (ds.unitById[u.parentId]?.label ?? '') : '');
  const rows: Cell[][] = items.slice(0, opts.tableLimit ?? items.length).map(({ u, w }, i) => {
    const flag = (pct: number | undefined) => (pct !== undefined ? partialOf(w?.admitted) : undefined);
    return [
      textCell(String(i + 1)),
      textCell(u.label, { header: true, href: href(unitPath(u.slug)), title: u.name }),
      ...(opts.withParent ? [textCell(parentOf(u))] : []),
      flowCell(w?.admitted, nameOf(ds)),
      countCell(w?.target?.value),
      { ...pctCell(w?.targetAchievedPct), flag: flag(w?.targetAchievedPct), status: w?.paceStatus },
      { ...pctCell(w?.admissionRatePct), flag: flag(w?.admissionRatePct) },
      pctCell(w?.youthPct),
      pctCell(w?.womenPct),
      pctCell(w?.ethnicMinorityPct),
      pctCell(w?.collegePct),
    ];
  });
  const head = ['#', 'Đơn vị', ...(opts.withParent ? ['Trực thuộc'] : []), ...HEAD];
  const limit = opts.chartLimit ?? 40;
  const shown = items.slice(0, limit);
  const reported = items.filter((x) => x.w?.admitted).length;
  const anyPartial = items.some((x) => partialOf(x.w?.admitted));
  const caption = [
    `${reported}/${items.length} ${opts.noun ?? 'đơn vị'} có số kết nạp năm ${year}.`,
    anyPartial ? 'Thanh gạch chéo, dấu *: số liệu chưa đủ 12 tháng, xem số tháng trong bảng.' : '',
    items.length > limit ? `Biểu đồ chỉ vẽ ${limit} đơn vị đầu; ` + `bảng có đủ ${items.length} đơn vị.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const listed =
    rows.length < items.length
      ? `Bảng chỉ liệt kê ${rows.length} đơn vị đầu trong ${items.length}; ` + 'tệp CSV và trang So sánh có đủ.'
      : '';
  const perUnit = shown.map(({ u, w }) => `${u.label} ${flowText(w?.admitted, 'chưa có số liệu')}`);
  return {
    key: opts.key,
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    caption,
    svg: opts.chart
      ? () =>
          unitBarsChart({
            id: opts.id,
            title: opts.title,
            description: `Số kết nạp năm ${year}, xếp từ cao xuống thấp: ${perUnit.join('; ')}.`,
            rows: shown.map(({ u, w }) => ({
              label: u.label,
              value: w?.admitted?.value,
              partial: partialOf(w?.admitted),
              tip: flowTip(`${u.label}, ${year}`, w?.admitted, nameOf(ds)),
            })),
          })
      : undefined,
    legend:
      opts.chart && anyPartial
        ? [
            { label: 'Đủ 12 tháng', swatch: PALETTE.blue },
            { label: 'Chưa đủ 12 tháng (*)', swatch: 'hatch' },
          ]
        : undefined,
    table: {
      caption: `${opts.title} (năm ${year})`,
      head,
      numeric: head.map((_, i) => i === 0 || i >= (opts.withParent ? 3 : 2)),
      rows,
      note: [hasSum(rows) ? SUM_NOTE : '', listed].filter(Boolean).join(' ') || undefined,
    },
    csv: {
      columns: CSV_COLUMNS,
      rows: items.map(({ u, w }) => [
        u.id,
        u.label,
        year,
        ...flowCsv(w?.admitted),
        w?.target?.value,
        w?.targetAchievedPct,
        w?.expectedPacePct,
        w?.admissionRatePct,
        w?.youthPct,
        w?.womenPct,
        w?.ethnicMinorityPct,
        w?.collegePct,
      ]),
    },
    csvHref: opts.csvHref,
    csvName: opts.csvName,
  };
}

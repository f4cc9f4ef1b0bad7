/**
 * The home page: headline cards of the latest year (for the one root, or each root when the data holds
 * several provinces), the admissions trend, the compared units ranked, the data date and the sources.
 */
import { fmtCount, fmtDateLong, partialOf } from '../format/index.ts';
import type { Dataset, Unit } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import { LEVEL_PLURAL, PACE_LABEL } from '../view/labels.ts';
import type { Card, Cell, ChartView, PageFile } from '../view/shapes.ts';
import { flowCell, hasSum, SUM_NOTE, textCell, nameOf } from './cells.ts';
import { chartFiles, pageChart } from './files.ts';
import { rankedUnitsView } from './ranked.ts';
import { admittedYears, range, siteIndex, yearFig } from './site.ts';
import { unitCards, unitPage, type UnitPage } from './unit.ts';

export interface RootSummary {
  unit: Unit;
  href: string;
  year?: number;
  card: Card;
}

/** One compact card per root (when the data holds several provinces): the four headline figures in one box. */
function rootCard(ds: Dataset, r: Unit, year: number | undefined): Card {
  const [a, t, rate, m] = unitCards(ds, r, year, `root-${r.slug}`);
  const line = (c: Card | undefined, label: string) =>
    c && c.value !== '—'
      ? `${label}: ${c.value}${c.flag ? ` (${c.flag})` : ''}${c.status ? ` — ${PACE_LABEL[c.status]}` : ''}`
      : `${label}: —`;
  return {
    key: `root-${r.slug}`,
    label: year === undefined ? r.label : `${r.label} — kết nạp năm ${year}`,
    value: a?.value ?? '—',
    flag: a?.flag,
    lines: [
      line(t, 'Đạt chỉ tiêu'),
      line(rate, 'Tỷ lệ kết nạp'),
      `${line(m, 'Đảng viên')}${m && m.value !== '—' ? ` (${m.lines[0]?.replace('Tại ngày ', '')})` : ''}`,
    ],
    graphic: a?.graphic,
  };
}

export interface Overview {
  description: string;
  /** One root: its page view (cards, trend, pace). */
  single?: UnitPage;
  /** Several roots: each root's cards. */
  roots: RootSummary[];
  /** Several roots: admissions by year, one row per root. */
  rootsByYear?: ChartView;
  ranking?: ChartView;
  rankingYear?: number;
  rankingReported?: string;
  comparedLabel: string;
  latestDataDate?: string;
  sources: { text: string; count: number }[];
  counts: { label: string; value: string }[];
  /** The files of the charts the home page shows (the single root's admissions, the roots, the ranking). */
  files: PageFile[];
}

const RANKING_KEY = 'xep-hang';
const ROOTS_KEY = 'ket-nap-cac-tinh';

function rootsByYear(ds: Dataset, roots: Unit[]): ChartView | undefined {
  const all = roots.flatMap((r) => admittedYears(ds, r.id));
  if (all.length === 0) return undefined;
  const years = range(Math.min(...all), Math.max(...all));
  const rows: Cell[][] = roots.map((r) => [
    textCell(r.label, { header: true, href: href(unitPath(r.slug)), title: r.name }),
    ...years.map((y) => flowCell(yearFig(ds, r.id, y)?.admitted, nameOf(ds))),
  ]);
  return {
    key: ROOTS_KEY,
    id: 'bd-cac-tinh',
    title: 'Kết nạp đảng viên theo năm',
    subtitle: `${roots.length} đảng bộ tỉnh, ${years[0]}–${years[years.length - 1]}`,
    caption: 'Mỗi tỉnh có nguồn số liệu riêng; năm chưa đủ 12 tháng ghi số tháng bên cạnh.',
    table: {
      caption: 'Kết nạp đảng viên theo năm, từng đảng bộ tỉnh',
      head: ['Đơn vị', ...years.map(String)],
      numeric: [false, ...years.map(() => true)],
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv: {
      columns: [
        'Mã đơn vị',
        'Đơn vị',
        'Năm',
        'Kết nạp',
        'Số tháng có số liệu',
        'Số tháng của kỳ',
        'Cách tính',
      ],
      rows: roots.flatMap((r) =>
        years.map((y) => {
          const f = yearFig(ds, r.id, y)?.admitted;
          return [r.id, r.label, y, f?.value, f?.months, f?.ofMonths, f?.basis];
        }),
      ),
    },
    csvHref: href(`bieu-do/${ROOTS_KEY}.csv`),
    csvName: `${ROOTS_KEY}.csv`,
  };
}

function rankingView(ds: Dataset): ChartView | undefined {
  const idx = siteIndex(ds);
  const year = idx.comparedYear;
  if (year === undefined || idx.compared.length === 0) return undefined;
  const plural = LEVEL_PLURAL[idx.comparedLevel];
  return rankedUnitsView(ds, idx.compared, year, {
    id: 'bd-xep-hang',
    key: RANKING_KEY,
    title: `Xếp hạng ${plural} theo số kết nạp năm ${year}`,
    subtitle:
      `${idx.compared.length} ${plural}; ` +
      'kèm tỷ lệ đạt chỉ tiêu, tỷ lệ kết nạp và cơ cấu đảng viên mới',
    csvHref: href(`bieu-do/${RANKING_KEY}.csv`),
    csvName: `${RANKING_KEY}-${year}.csv`,
    withParent: ds.roots.length > 1,
    chart: true,
    tableLimit: idx.compared.length > 80 ? 60 : undefined,
  });
}

export function overview(ds: Dataset): Overview {
  const idx = siteIndex(ds);
  const roots = ds.roots.map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  const single = roots.length === 1 ? unitPage(ds, roots[0]!) : undefined;
  const summaries: RootSummary[] = single
    ? []
    : roots.map((r) => {
        const ys = admittedYears(ds, r.id);
        const year = ys[ys.length - 1];
        return { unit: r, href: href(unitPath(r.slug)), year, card: rootCard(ds, r, year) };
      });
  const ranking = pageChart(rankingView(ds), undefined);
  const byYear = single ? undefined : pageChart(rootsByYear(ds, roots), undefined);
  const year = idx.comparedYear;
  const reported = year === undefined ? 0 : idx.compared.filter((u) => yearFig(ds, u.id, year)?.admitted).length;
  const plural = LEVEL_PLURAL[idx.comparedLevel];
  const scope = single ? single.unit.name : `${roots.length} đảng bộ tỉnh`;
  const lw = single ? yearFig(ds, single.unit.id, single.year) : undefined;
  const description = lw?.admitted
    ? `${scope}: năm ${single!.year} kết nạp ${fmtCount(lw.admitted.value)} đảng viên` +
      `${partialOf(lw.admitted) ? ` (${partialOf(lw.admitted)})` : ''}. ` +
      'Số liệu phát triển đảng viên theo năm, nhiệm kỳ và từng đơn vị.'
    : `Số liệu phát triển đảng viên của ${scope}: ` +
      'kết nạp, chỉ tiêu, cơ cấu, theo năm, nhiệm kỳ và từng đơn vị.';
  const home = href('');
  return {
    description,
    single,
    roots: summaries,
    rootsByYear: byYear,
    ranking,
    rankingYear: year,
    rankingReported:
      year === undefined
        ? undefined
        : `${reported}/${idx.compared.length} ${plural} ` +
          `có số kết nạp năm ${year}.`,
    comparedLabel: plural,
    latestDataDate: ds.latestDataDate ? fmtDateLong(ds.latestDataDate) : undefined,
    sources: ds.sources,
    counts: [
      { label: 'đảng bộ tỉnh', value: fmtCount(idx.byLevel.province.length) },
      { label: 'đảng bộ cấp huyện', value: fmtCount(idx.byLevel.district.length) },
      { label: 'tổ chức cơ sở đảng', value: fmtCount(idx.byLevel.grassroots.length) },
      { label: 'chi bộ trực thuộc', value: fmtCount(idx.byLevel.branch.length) },
    ].filter((c) => c.value !== '0'),
    files: [
      ...chartFiles(ds, [single?.admissions], single?.unit, home),
      ...chartFiles(ds, [byYear, ranking], undefined, home),
    ],
  };
}

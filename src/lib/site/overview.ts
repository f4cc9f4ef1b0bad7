/**
 * The home page: headline cards of the latest year (for the one root, or each root when the data holds
 * several provinces), the admissions trend, the compared units ranked, the data date and the sources.
 */
import { fmtCount, fmtDate, fmtMonthIndex, partialOf } from '../format/index.ts';
import { lifeSpan } from '../model/lives.ts';
import { yearWindow } from '../periods.ts';
import type { Dataset, Unit } from '../types.ts';
import { countNoun, GROUP_SLUG, type GroupKey, groupName, groupOf } from '../view/groups.ts';
import { href, unitPath } from '../view/href.ts';
import { PACE_LABEL } from '../view/labels.ts';
import type { Card, Cell, ChartView, PageFile } from '../view/shapes.ts';
import { flowCell, flowText, hasSum, nameOf, SUM_NOTE, textCell } from './cells.ts';
import { chartFiles, pageChart } from './files.ts';
import { rankedUnitsView } from './ranked.ts';
import { admittedYears, comparedGroups, hasEnded, range, siteIndex, yearFig } from './site.ts';
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

/** A root that ended (merged in the 2025 reorganisation, or dissolved): listed apart, never as "no data". */
export interface EndedRoot {
  name: string;
  href: string;
  /** `06/2025`: its last month. */
  until: string;
  successor?: { name: string; href: string };
  /** Its last year's admitted: `Năm 2025: 30 (6/12 tháng)`. */
  last?: string;
}

/** One group's ranking (the districts, the communes, the other committees) of the ranking year. */
export interface Ranking {
  /** `Các đảng bộ xã, phường, đặc khu năm 2026`, with the group's months when it has not the whole year. */
  heading: string;
  reported: string;
  view: ChartView;
}

export interface Overview {
  description: string;
  /** One root that goes on: its page view (cards, trend, pace). */
  single?: UnitPage;
  /** Several roots that go on: each root's cards (those that ended are in `ended`). */
  roots: RootSummary[];
  /** The roots that ended, apart. */
  ended: EndedRoot[];
  /** Several roots: admissions by year, one row per root that goes on (its figures include its predecessors'). */
  rootsByYear?: ChartView;
  /** The compared units active in the ranking year, one ranking per group. */
  rankings: Ranking[];
  rankingYear?: number;
  /** What a sentence calls all the compared units of the ranking year. */
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
      columns: ['Mã đơn vị', 'Đơn vị', 'Năm', 'Kết nạp', 'Số tháng có số liệu', 'Số tháng của kỳ', 'Cách tính'],
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

/** The ranking year's compared units, one ranking per named group; one group keeps the plain key and id. */
function rankingViews(ds: Dataset): Ranking[] {
  const idx = siteIndex(ds);
  const year = idx.comparedYear;
  if (year === undefined || idx.compared.length === 0) return [];
  const groups = comparedGroups(ds, yearWindow(year));
  const several = groups.length > 1;
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  return groups.map((g) => {
    const units = g.members.map((m) => ds.unitById[m.unitId]!);
    const key = several ? `${RANKING_KEY}-${GROUP_SLUG[g.key]}` : RANKING_KEY;
    const months = g.monthsLabel ? ` (${g.monthsLabel})` : '';
    const view = rankedUnitsView(ds, units, year, {
      id: several ? `bd-xep-hang-${GROUP_SLUG[g.key]}` : 'bd-xep-hang',
      key,
      title: `Xếp hạng ${g.name} theo số kết nạp năm ${year}${months}`,
      subtitle: `${units.length} ${g.name}; kèm tỷ lệ đạt chỉ tiêu, tỷ lệ kết nạp và cơ cấu đảng viên mới`,
      csvHref: href(`bieu-do/${key}.csv`),
      csvName: `${key}-${year}.csv`,
      withParent: ds.roots.length > 1,
      chart: units.length >= 2,
      tableLimit: total > 80 && units.length > 80 ? 60 : undefined,
      noun: g.name,
    });
    const has = units.filter((u) => yearFig(ds, u.id, year)?.admitted).length;
    return {
      heading: `Các ${g.name} năm ${year}${months}`,
      reported: `${has}/${units.length} ${g.name} có số kết nạp năm ${year}${months}.`,
      view,
    };
  });
}

function endedRoot(ds: Dataset, r: Unit): EndedRoot {
  const to = lifeSpan(r).to;
  const succ = r.successorId ? ds.unitById[r.successorId] : undefined;
  const years = admittedYears(ds, r.id);
  const y = years[years.length - 1];
  const e: EndedRoot = { name: r.name, href: href(unitPath(r.slug)), until: fmtMonthIndex(to) };
  if (succ) e.successor = { name: succ.name, href: href(unitPath(succ.slug)) };
  if (y !== undefined) e.last = `Năm ${y}: ${flowText(yearFig(ds, r.id, y)?.admitted, '')}`;
  return e;
}

/** The units that go on, counted by their group (`2 đảng bộ tỉnh, 3 đảng bộ xã, phường, đặc khu`), and those ended. */
function unitCounts(ds: Dataset): { label: string; value: string }[] {
  const order: GroupKey[] = ['province', 'district', 'commune', 'other', 'grassroots', 'branch'];
  const n = new Map<GroupKey, number>();
  let ended = 0;
  for (const u of ds.units) {
    if (hasEnded(u)) ended++;
    else n.set(groupOf(u), (n.get(groupOf(u)) ?? 0) + 1);
  }
  const name = (k: GroupKey) => (k === 'province' ? 'đảng bộ tỉnh' : groupName(k));
  return [
    ...order.filter((k) => n.get(k)).map((k) => ({ label: name(k), value: fmtCount(n.get(k)) })),
    ...(ended ? [{ label: 'đơn vị đã kết thúc hoạt động', value: fmtCount(ended) }] : []),
  ];
}

export function overview(ds: Dataset): Overview {
  const idx = siteIndex(ds);
  // Current roots first; the ended ones apart (their figures live on in their successors').
  const roots = idx.currentRoots.length > 0 ? idx.currentRoots : idx.endedRoots;
  const ended = idx.currentRoots.length > 0 ? idx.endedRoots.map((r) => endedRoot(ds, r)) : [];
  const single = roots.length === 1 ? unitPage(ds, roots[0]!) : undefined;
  const summaries: RootSummary[] = single
    ? []
    : roots.map((r) => {
        const ys = admittedYears(ds, r.id);
        const year = ys[ys.length - 1];
        return { unit: r, href: href(unitPath(r.slug)), year, card: rootCard(ds, r, year) };
      });
  const rankings = rankingViews(ds).map((r) => ({ ...r, view: pageChart(r.view, undefined) }));
  const byYear = single ? undefined : pageChart(rootsByYear(ds, roots), undefined);
  const year = idx.comparedYear;
  const groups = year === undefined ? [] : comparedGroups(ds, yearWindow(year));
  const scope = single ? single.unit.name : `${roots.length} đảng bộ tỉnh`;
  const lw = single ? yearFig(ds, single.unit.id, single.year) : undefined;
  const description = lw?.admitted
    ? `${scope}: năm ${single!.year} kết nạp ${fmtCount(lw.admitted.value)} đảng viên` +
      `${partialOf(lw.admitted) ? ` (${partialOf(lw.admitted)})` : ''}. ` +
      'Số liệu phát triển đảng viên theo năm, nhiệm kỳ và từng đơn vị.'
    : `Số liệu phát triển đảng viên của ${scope}: ` + 'kết nạp, chỉ tiêu, cơ cấu, theo năm, nhiệm kỳ và từng đơn vị.';
  const home = href('');
  return {
    description,
    single,
    roots: summaries,
    ended,
    rootsByYear: byYear,
    rankings,
    rankingYear: year,
    comparedLabel: groups.length ? countNoun(groups) : 'đơn vị',
    latestDataDate: ds.latestDataDate ? fmtDate(ds.latestDataDate) : undefined,
    sources: ds.sources,
    counts: unitCounts(ds),
    files: [
      ...chartFiles(ds, [single?.admissions], single?.unit, home),
      ...chartFiles(ds, [byYear, ...rankings.map((r) => r.view)], undefined, home),
    ],
  };
}

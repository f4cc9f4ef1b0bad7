/** The term page (/nhiem-ky/<id>/): every compared unit over one congress term. */
import { PALETTE, unitBarsChart } from '../charts/index.ts';
import { fmtCount, fmtMonthIndex, fmtSignedCount, fmtSignedPct, partialOf } from '../format/index.ts';
import type { Dataset, Term, Unit } from '../types.ts';
import { href, termPath, unitPath } from '../view/href.ts';
import { countNoun } from '../view/groups.ts';
import { NO_DATA } from '../view/labels.ts';
import type { Card, Cell, ChartView, Crumb, PageFile } from '../view/shapes.ts';
import {
  changeCell,
  countCell,
  flowCell,
  flowText,
  hasSum,
  nameOf,
  pctCell,
  ratioCell,
  SUM_NOTE,
  textCell,
} from './cells.ts';
import { chartFiles, pageChart } from './files.ts';
import { comparedGroups } from './site.ts';

export interface TermPage {
  term: Term;
  crumbs: Crumb[];
  description: string;
  span: string;
  prev?: { label: string; href: string };
  next?: { label: string; href: string };
  roots: { unit: Unit; href: string; cards: Card[] }[];
  view?: ChartView;
  reported: string;
  /** The files of its chart (CSV, press kit). */
  files: PageFile[];
}

const termChartKey = (t: Term) => `nhiem-ky-${t.id}`;

/** The compared units active in the term (a term holding 2025 has both worlds), and what a sentence calls them. */
function termUnits(ds: Dataset, term: Term): { units: Unit[]; plural: string } {
  const groups = comparedGroups(ds, { from: term.from, to: term.to });
  const units = groups.flatMap((g) => g.members.map((m) => ds.unitById[m.unitId]!));
  return { units, plural: groups.length ? countNoun(groups) : 'đơn vị' };
}

function termView(ds: Dataset, term: Term): ChartView | undefined {
  const { units, plural } = termUnits(ds, term);
  if (units.length === 0) return undefined;
  const items = units.map((u) => ({ u, w: ds.figures[u.id]?.terms[term.id] }));
  items.sort((a, b) => (b.w?.admitted?.value ?? -1) - (a.w?.admitted?.value ?? -1));
  const withParent = ds.roots.length > 1;
  const rows: Cell[][] = items.map(({ u, w }, i) => [
    textCell(String(i + 1)),
    textCell(u.label, { header: true, href: href(unitPath(u.slug)), title: u.name }),
    ...(withParent ? [textCell(u.parentId ? (ds.unitById[u.parentId]?.label ?? '') : '')] : []),
    flowCell(w?.admitted, nameOf(ds)),
    ratioCell(w?.averagePerYear),
    countCell(w?.target?.value),
    pctCell(w?.targetAchievedPct),
    changeCell(w?.admittedChange, w?.admittedChangePct),
  ]);
  const head = [
    '#',
    'Đơn vị',
    ...(withParent ? ['Trực thuộc'] : []),
    'Tổng kết nạp',
    'Bình quân / năm',
    'Chỉ tiêu nhiệm kỳ',
    'Đạt chỉ tiêu',
    'So với nhiệm kỳ trước',
  ];
  const has = items.filter((x) => x.w?.admitted);
  const anyPartial = has.some((x) => partialOf(x.w?.admitted));
  const id = 'bd-nhiem-ky';
  const key = termChartKey(term);
  const shown = items.slice(0, 40);
  const perUnit = shown.map(({ u, w }) => `${u.label} ${flowText(w?.admitted, NO_DATA)}`);
  return {
    key,
    id,
    title: `Kết nạp đảng viên ${term.name.toLocaleLowerCase('vi')}, từng ${plural}`,
    subtitle: `Tổng số kết nạp trong nhiệm kỳ, xếp từ cao xuống thấp`,
    caption: [
      `${has.length}/${items.length} ${plural} có số kết nạp của nhiệm kỳ.`,
      anyPartial
        ? 'Thanh gạch chéo, dấu *: chưa đủ số tháng của nhiệm kỳ; ' +
          'bình quân mỗi năm và so sánh với nhiệm kỳ trước chỉ tính khi đủ.'
        : '',
      items.length > 40 ? 'Biểu đồ chỉ vẽ 40 đơn vị đầu; ' + `bảng có đủ ${items.length} đơn vị.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    svg: has.length
      ? () =>
          unitBarsChart({
            id,
            title: `Kết nạp đảng viên ${term.name.toLocaleLowerCase('vi')}`,
            description: `Tổng kết nạp trong nhiệm kỳ: ${perUnit.join('; ')}.`,
            rows: shown.map(({ u, w }) => ({
              label: u.label,
              value: w?.admitted?.value,
              partial: partialOf(w?.admitted),
              tip: `${u.label}: ${flowText(w?.admitted, NO_DATA)}`,
            })),
          })
      : undefined,
    legend: anyPartial
      ? [
          { label: 'Đủ nhiệm kỳ', swatch: PALETTE.blue },
          { label: 'Chưa đủ nhiệm kỳ (*)', swatch: 'hatch' },
        ]
      : undefined,
    table: {
      caption: `${term.name}: các ${plural}`,
      head,
      numeric: head.map((_, i) => i === 0 || i >= (withParent ? 3 : 2)),
      rows,
      note: hasSum(rows) ? SUM_NOTE : undefined,
    },
    csv: {
      columns: [
        'Mã đơn vị',
        'Đơn vị',
        'Nhiệm kỳ',
        'Kết nạp',
        'Số tháng có số liệu',
        'Số tháng của kỳ',
        'Cách tính',
        'Bình quân mỗi năm',
        'Chỉ tiêu',
        'Đạt chỉ tiêu (%)',
        'Tăng, giảm so với nhiệm kỳ trước',
        'Tăng, giảm (%)',
      ],
      rows: items.map(({ u, w }) => [
        u.id,
        u.label,
        term.id,
        w?.admitted?.value,
        w?.admitted?.months,
        w?.admitted?.ofMonths,
        w?.admitted?.basis,
        w?.averagePerYear,
        w?.target?.value,
        w?.targetAchievedPct,
        w?.admittedChange,
        w?.admittedChangePct,
      ]),
    },
    csvHref: href(`bieu-do/${key}.csv`),
    csvName: `${key}.csv`,
  };
}

export function termPage(ds: Dataset, term: Term): TermPage {
  const { units, plural } = termUnits(ds, term);
  const i = ds.terms.findIndex((t) => t.id === term.id);
  const prev = ds.terms[i - 1];
  const next = ds.terms[i + 1];
  const view = pageChart(termView(ds, term), undefined);
  const has = units.filter((u) => ds.figures[u.id]?.terms[term.id]?.admitted).length;
  const roots = ds.roots.map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  return {
    term,
    crumbs: [{ label: 'Trang chủ', href: href('') }, { label: 'Nhiệm kỳ' }, { label: term.name }],
    description:
      `${term.name} (${fmtMonthIndex(term.from)}–${fmtMonthIndex(term.to)}): ` +
      'tổng số đảng viên kết nạp, ' +
      'bình quân mỗi năm, tỷ lệ đạt chỉ tiêu và so sánh với nhiệm kỳ trước của từng ' +
      `${plural}.`,
    span: `Tính từ ${fmtMonthIndex(term.from)} đến ${fmtMonthIndex(term.to)}`,
    prev: prev ? { label: prev.name, href: href(termPath(prev.id)) } : undefined,
    next: next ? { label: next.name, href: href(termPath(next.id)) } : undefined,
    roots: roots
      .filter((r) => ds.figures[r.id]?.terms[term.id])
      .map((r) => {
        const w = ds.figures[r.id]!.terms[term.id]!;
        const card: Card = {
          key: `term-${r.slug}`,
          label: roots.length > 1 ? r.label : `Toàn ${r.label}`,
          value: fmtCount(w.admitted?.value),
          flag: partialOf(w.admitted),
          lines: [
            w.averagePerYear !== undefined
              ? `Bình quân ${fmtCount(Math.round(w.averagePerYear))} mỗi năm`
              : 'Bình quân mỗi năm: chỉ tính khi đủ nhiệm kỳ',
            w.admittedChange !== undefined
              ? `${fmtSignedCount(w.admittedChange)} (${fmtSignedPct(w.admittedChangePct)}) ` + 'so với nhiệm kỳ trước'
              : 'So với nhiệm kỳ trước: chưa so sánh được',
            ...(w.targetAchievedPct !== undefined
              ? [`Đạt ${pctCell(w.targetAchievedPct).text} chỉ tiêu nhiệm kỳ`]
              : []),
          ],
        };
        return { unit: r, href: href(unitPath(r.slug)), cards: [card] };
      }),
    view,
    reported: `${has}/${units.length} ${plural} ` + 'có số kết nạp của nhiệm kỳ.',
    files: chartFiles(ds, [view], undefined, href(termPath(term.id))),
  };
}

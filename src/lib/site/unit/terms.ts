/** Term by term: admitted, yearly average, target and the change from the term before. */
import { partialOf } from '../../format/index.ts';
import type { Dataset, Unit, WindowFigures } from '../../types.ts';
import { href, termPath } from '../../view/href.ts';
import type { ChartView } from '../../view/shapes.ts';
import {
  changeCell,
  countCell,
  flowCell,
  flowCsv,
  hasSum,
  pctCell,
  ratioCell,
  SUM_NOTE,
  textCell,
  nameOf,
} from '../cells.ts';
import { unitData } from './shared.ts';

const CSV_COLUMNS = [
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
  'Học viên',
];

export function termsView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const terms = ds.terms.map((t) => fig.terms[t.id]).filter((w): w is WindowFigures => !!w);
  if (terms.length === 0) return undefined;
  const rows = terms.map((w) => [
    textCell(w.window.label, { header: true, href: href(termPath(w.window.id)) }),
    flowCell(w.admitted, nameOf(ds)),
    ratioCell(w.averagePerYear),
    countCell(w.target?.value),
    { ...pctCell(w.targetAchievedPct), flag: w.targetAchievedPct !== undefined ? partialOf(w.admitted) : undefined },
    changeCell(w.admittedChange, w.admittedChangePct),
    flowCell(w.trainees, nameOf(ds)),
  ]);
  return {
    id: 'bd-nhiem-ky',
    title: 'Qua các nhiệm kỳ',
    subtitle: `${unit.label}: tổng kết nạp, bình quân mỗi năm, chỉ tiêu nhiệm kỳ`,
    caption: 'Bình quân mỗi năm và tăng, giảm so với nhiệm kỳ trước ' + 'chỉ tính cho nhiệm kỳ đủ số liệu.',
    ...unitData(
      unit,
      'nhiem-ky',
      {
        caption: `Kết nạp đảng viên theo nhiệm kỳ — ${unit.label}`,
        head: [
          'Nhiệm kỳ',
          'Kết nạp',
          'Bình quân / năm',
          'Chỉ tiêu',
          'Đạt chỉ tiêu',
          'So với nhiệm kỳ trước',
          'Học viên',
        ],
        numeric: [false, true, true, true, true, true, true],
        rows,
        note: hasSum(rows) ? SUM_NOTE : undefined,
      },
      {
        columns: CSV_COLUMNS,
        rows: terms.map((w) => [
          w.window.id,
          ...flowCsv(w.admitted),
          w.averagePerYear,
          w.target?.value,
          w.targetAchievedPct,
          w.admittedChange,
          w.admittedChangePct,
          w.trainees?.value,
        ]),
      },
    ),
  };
}

/** Training towards admission: classes, trainees and dossiers by year and by term, trainees per admission. */
import { fmtCount, fmtNumber, partialOf } from '../../format/index.ts';
import type { Dataset, Unit, WindowFigures } from '../../types.ts';
import type { ChartView } from '../../view/shapes.ts';
import { flowCell, hasSum, ratioCell, SUM_NOTE, textCell, nameOf } from '../cells.ts';
import { unitData } from './shared.ts';

const CSV_COLUMNS = [
  'Kỳ',
  'Lớp',
  'Học viên',
  'Hồ sơ',
  'Kết nạp',
  'Số tháng có số liệu (học viên)',
  'Số tháng của kỳ',
  'Học viên trên một đảng viên kết nạp',
];

/** The latest year's training in one sentence (the table is folded away on a light page). */
function latestYear(w: WindowFigures | undefined): string | undefined {
  if (!w?.trainees) return undefined;
  const classes = w.classes ? `${fmtCount(w.classes.value)} lớp, ` : '';
  const per =
    w.traineesPerAdmission !== undefined
      ? `, ${fmtNumber(w.traineesPerAdmission)} học viên cho mỗi đảng viên kết nạp`
      : '';
  const partial = partialOf(w.trainees) ? ` (${partialOf(w.trainees)})` : '';
  return `Năm ${w.window.label}: ${classes}${fmtCount(w.trainees.value)} học viên${partial}${per}.`;
}

export function trainingView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const has = (w: WindowFigures) => w.classes || w.trainees || w.dossiers;
  const wins = [
    ...Object.values(fig.years)
      .filter(has)
      .sort((a, b) => a.window.from - b.window.from),
    ...Object.values(fig.terms)
      .filter(has)
      .sort((a, b) => a.window.from - b.window.from),
  ];
  if (wins.length === 0) return undefined;
  const rows = wins.map((w) => [
    textCell(w.window.kind === 'year' ? `Năm ${w.window.label}` : w.window.label, { header: true }),
    flowCell(w.classes, nameOf(ds)),
    flowCell(w.trainees, nameOf(ds)),
    flowCell(w.dossiers, nameOf(ds)),
    flowCell(w.admitted, nameOf(ds)),
    ratioCell(w.traineesPerAdmission),
  ]);
  return {
    summary: latestYear([...wins].reverse().find((w) => w.window.kind === 'year' && w.trainees)),
    id: 'bd-boi-duong',
    title: 'Bồi dưỡng nhận thức về Đảng và hồ sơ kết nạp',
    subtitle: `${unit.label}: ` + 'lớp bồi dưỡng, học viên, hồ sơ đề nghị kết nạp theo năm và nhiệm kỳ',
    caption: 'Số học viên trên một đảng viên kết nạp chỉ tính khi cả hai số đủ kỳ.',
    ...unitData(
      unit,
      'boi-duong',
      {
        caption: `Bồi dưỡng và hồ sơ kết nạp — ${unit.label}`,
        head: ['Kỳ', 'Lớp', 'Học viên', 'Hồ sơ', 'Kết nạp', 'Học viên / kết nạp'],
        numeric: [false, true, true, true, true, true],
        rows,
        note: hasSum(rows) ? SUM_NOTE : undefined,
      },
      {
        columns: CSV_COLUMNS,
        rows: wins.map((w) => [
          w.window.id,
          w.classes?.value,
          w.trainees?.value,
          w.dossiers?.value,
          w.admitted?.value,
          (w.trainees ?? w.classes ?? w.dossiers)?.months,
          w.window.months,
          w.traineesPerAdmission,
        ]),
      },
    ),
  };
}

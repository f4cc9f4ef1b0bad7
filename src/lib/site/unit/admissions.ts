/** Admissions by year (bars with the targets) and the pace of the cards' year against its target. */
import { paceMeter, PALETTE, periodBarsChart } from '../../charts/index.ts';
import { DASH, fmtCount, fmtPct, fmtSignedPct, partialOf } from '../../format/index.ts';
import type { Dataset, Unit, WindowFigures } from '../../types.ts';
import { PACE_LABEL } from '../../view/labels.ts';
import type { Cell, ChartView, CsvData, Table } from '../../view/shapes.ts';
import {
  countCell,
  flowCell,
  flowCsv,
  flowText,
  flowTip,
  hasSum,
  pctCell,
  signedCell,
  SUM_NOTE,
  textCell,
  nameOf,
} from '../cells.ts';
import { samePeriodChange, samePeriodWhy } from '../same-period.ts';
import { range, yearFig } from '../site.ts';
import { type RevisionMarks, withRevision } from './revised.ts';
import { unitData } from './shared.ts';

export interface PaceView {
  title: string;
  sentence: string;
  status?: 'ahead' | 'behind';
  svg: string;
}

const CSV_COLUMNS = [
  'Năm',
  'Kết nạp',
  'Số tháng có số liệu',
  'Số tháng của kỳ',
  'Cách tính',
  'Chỉ tiêu',
  'Đạt chỉ tiêu (%)',
  'Tiến độ cần đạt (%)',
  'Tăng, giảm so với năm trước',
  'Cùng kỳ năm trước',
  'Tăng, giảm so với cùng kỳ (%)',
];

/** A partial year against the same months of the year before: the % (the figure in the tip), or why not. */
function samePeriodCell(unit: Unit, w: WindowFigures | undefined): Cell {
  if (!w?.samePeriodPrev) return textCell(DASH, w ? { title: samePeriodWhy(unit, w) } : {});
  const pct = w.admittedChangeSamePeriodPct;
  const text = pct !== undefined ? fmtSignedPct(pct) : fmtCount(w.admittedChangeSamePeriod);
  return textCell(text, { title: samePeriodChange(w) });
}

/** `csvOnly`: the view for its CSV alone (a shared file's rows), without the table's cells. */
export function admissionsView(ds: Dataset, unit: Unit, marks?: RevisionMarks, csvOnly = false): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const ys = Object.entries(fig.years)
    .filter(([, w]) => w.admitted || w.target)
    .map(([k]) => Number(k));
  if (ys.length === 0) return undefined;
  const years = range(Math.min(...ys), Math.max(...ys));
  const at = (y: number) => yearFig(ds, unit.id, y);
  const rows: Cell[][] = [];
  const csv: CsvData = { columns: CSV_COLUMNS, rows: [] };
  // The "so với cùng kỳ" column only where some year is partial (most tables have none).
  const sameColumn = years.some((y) => at(y)?.samePeriodPrev || at(y)?.samePeriodReason);
  for (const y of years) {
    const w = at(y);
    const achieved = w?.targetAchievedPct;
    if (!csvOnly)
      rows.push([
        textCell(String(y), { header: true }),
        withRevision(flowCell(w?.admitted, nameOf(ds)), marks, y, 'admitted'),
        withRevision(countCell(w?.target?.value), marks, y, 'target'),
        {
          ...pctCell(achieved),
          flag: achieved !== undefined ? partialOf(w?.admitted) : undefined,
          status: w?.paceStatus,
        },
        signedCell(w?.admittedChange),
        ...(sameColumn ? [samePeriodCell(unit, w)] : []),
      ]);
    const same = [w?.samePeriodPrev?.value, w?.admittedChangeSamePeriodPct];
    const target = [w?.target?.value, achieved, w?.expectedPacePct];
    csv.rows.push([y, ...flowCsv(w?.admitted), ...target, w?.admittedChange, ...same]);
  }
  const table: Table = {
    caption: `Kết nạp đảng viên theo năm — ${unit.label}`,
    head: ['Năm', 'Kết nạp', 'Chỉ tiêu', 'Đạt chỉ tiêu', 'Tăng, giảm', ...(sameColumn ? ['So với cùng kỳ'] : [])],
    numeric: [false, true, true, true, true, ...(sameColumn ? [true] : [])],
    rows,
    note: hasSum(rows) ? SUM_NOTE : undefined,
  };
  const partial = years.filter((y) => partialOf(at(y)?.admitted));
  const id = 'bd-ket-nap';
  const withAdmitted = years.filter((y) => at(y)?.admitted);
  const withTarget = years.some((y) => at(y)?.target);
  const withSame = years.some((y) => at(y)?.samePeriodPrev);
  const first = years[0];
  const last = years[years.length - 1];
  // Only when the chart is drawn (not for the rows of a shared CSV, built for every unit again).
  const desc = () => {
    const perYear = years.map((y) => {
      const w = at(y);
      const target = w?.target ? `, chỉ tiêu ${fmtCount(w.target.value)}` : '';
      return `${y}: ${flowText(w?.admitted, 'chưa có số liệu')}${target}`;
    });
    return `Biểu đồ thanh số đảng viên kết nạp mỗi năm từ ${first} đến ${last}: ${perYear.join('; ')}.`;
  };
  const partialList = partial.map((y) => `${y}: ${partialOf(at(y)?.admitted)}`).join('; ');
  const span = years.length > 1 ? `${first}–${last}` : `năm ${first}`;
  return {
    id,
    title: 'Kết nạp đảng viên theo năm',
    subtitle:
      `${unit.label}, ${span}: số đảng viên kết nạp mỗi năm` +
      (withTarget ? '; vạch cam đỏ là chỉ tiêu' : '') +
      (withSame ? '; khung nét đứt là cùng kỳ năm trước' : ''),
    caption: partial.length
      ? `${withAdmitted.length >= 2 ? 'Thanh gạch chéo: năm' : 'Năm'} ` +
        `chưa đủ 12 tháng số liệu (${partialList}), ` +
        'không so được với năm đủ tháng.'
      : undefined,
    svg:
      withAdmitted.length >= 2
        ? () =>
            periodBarsChart({
              id,
              title: `Kết nạp đảng viên theo năm — ${unit.label}`,
              description: desc(),
              yLabel: 'Đảng viên kết nạp',
              rows: years.map((y) => {
                const w = at(y);
                const target = w?.target ? `; chỉ tiêu ${fmtCount(w.target.value)}` : '';
                const change = w && samePeriodChange(w);
                return {
                  x: String(y),
                  value: w?.admitted?.value,
                  partial: partialOf(w?.admitted),
                  target: w?.target?.value,
                  samePeriod: w?.samePeriodPrev?.value,
                  tip: `${flowTip(`Kết nạp ${y}`, w?.admitted, nameOf(ds))}${target}${change ? `; ${change}` : ''}`,
                };
              }),
            })
        : undefined,
    legend: [
      { label: 'Năm đủ 12 tháng', swatch: PALETTE.blue },
      ...(partial.length ? [{ label: 'Năm chưa đủ tháng', swatch: 'hatch' }] : []),
      ...(withTarget ? [{ label: 'Chỉ tiêu', swatch: 'target' }] : []),
      ...(withSame ? [{ label: 'Cùng kỳ năm trước', swatch: 'same-period' }] : []),
    ],
    ...unitData(unit, 'ket-nap-theo-nam', table, csv),
  };
}

export function paceView(ds: Dataset, unit: Unit, year: number | undefined): PaceView | undefined {
  const w = yearFig(ds, unit.id, year);
  if (!w?.target || w.targetAchievedPct === undefined || !w.admitted) return undefined;
  const achieved = `kết nạp ${fmtCount(w.admitted.value)} trên chỉ tiêu ${fmtCount(w.target.value)}`;
  const done = w.targetAchievedPct >= 100 ? ', hoàn thành chỉ tiêu' : ', chưa hoàn thành chỉ tiêu';
  const sentence =
    w.expectedPacePct !== undefined
      ? `Sau ${partialOf(w.admitted)} của năm ${year}, ${unit.label} ${achieved}, ` +
        `đạt ${fmtPct(w.targetAchievedPct)}, trong khi tiến độ thời gian là ${fmtPct(w.expectedPacePct)}: ` +
        `${w.paceStatus ? PACE_LABEL[w.paceStatus] : ''}.`
      : `Năm ${year}, ${unit.label} ${achieved}, đạt ${fmtPct(w.targetAchievedPct)}${done}.`;
  return {
    title: `Tiến độ thực hiện chỉ tiêu năm ${year}`,
    sentence,
    status: w.paceStatus,
    svg: paceMeter({
      id: 'pace',
      title: `Đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu năm ${year}`,
      description: sentence,
      achievedPct: w.targetAchievedPct,
      pacePct: w.expectedPacePct,
    }),
  };
}

/** The composition of the admitted by year: the shares of youth, women, ethnic minorities, college graduates. */
import { linesChart, SERIES } from '../../charts/index.ts';
import { fmtCount, fmtPct } from '../../format/index.ts';
import type { Dataset, Unit } from '../../types.ts';
import type { Cell, ChartView, CsvData } from '../../view/shapes.ts';
import { flowCell, hasSum, SUM_NOTE, textCell, nameOf } from '../cells.ts';
import { range, yearFig } from '../site.ts';
import { unitData } from './shared.ts';

const SHARES = [
  { key: 'youthPct', count: 'youth', label: 'Trẻ (18–30 tuổi)', lower: 'trẻ (18–30 tuổi)' },
  { key: 'womenPct', count: 'women', label: 'Nữ', lower: 'nữ' },
  { key: 'ethnicMinorityPct', count: 'ethnicMinority', label: 'Dân tộc thiểu số', lower: 'dân tộc thiểu số' },
  { key: 'collegePct', count: 'college', label: 'Cao đẳng trở lên', lower: 'cao đẳng trở lên' },
] as const;

/** `csvOnly`: the view for its CSV alone (a shared file's rows), without the table's cells. */
export function compositionView(ds: Dataset, unit: Unit, light: boolean, csvOnly = false): ChartView | undefined {
  const fig = ds.figures[unit.id];
  if (!fig) return undefined;
  const years = Object.entries(fig.years)
    .filter(([, w]) => w.admitted && SHARES.some((s) => w[s.key] !== undefined))
    .map(([k]) => Number(k))
    .sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const at = (y: number) => yearFig(ds, unit.id, y)!;
  const rows: Cell[][] = [];
  const csv: CsvData = {
    columns: [
      'Năm',
      'Kết nạp',
      'Số tháng có số liệu',
      ...SHARES.flatMap((s) => [`${s.label} (người)`, `${s.label} (%)`]),
    ],
    rows: [],
  };
  for (const y of years) {
    const w = at(y);
    if (!csvOnly)
      rows.push([
        textCell(String(y), { header: true }),
        flowCell(w.admitted, nameOf(ds)),
        ...SHARES.map((s) => {
          const c = w[s.count];
          return { text: fmtPct(w[s.key]), title: c ? `${fmtCount(c.value)} người` : undefined };
        }),
      ]);
    csv.rows.push([y, w.admitted?.value, w.admitted?.months, ...SHARES.flatMap((s) => [w[s.count]?.value, w[s.key]])]);
  }
  const present = SHARES.filter((s) => years.some((y) => at(y)[s.key] !== undefined));
  const xDomain = range(years[0]!, years[years.length - 1]!).map(String);
  const id = 'bd-co-cau';
  // The chart's marks and description only when it is drawn: a light page (and a shared CSV) shows none.
  const draw = () => {
    const points = years.flatMap((y) =>
      present
        .filter((s) => at(y)[s.key] !== undefined)
        .map((s) => ({
          x: String(y),
          series: s.label,
          value: at(y)[s.key]!,
          tip: `${s.label} ${y}: ${fmtPct(at(y)[s.key])}`,
        })),
    );
    const perYear = years.map((y) => `${y}: ${present.map((s) => `${s.lower} ${fmtPct(at(y)[s.key])}`).join(', ')}`);
    return { points, description: `Tỷ lệ trong số đảng viên mới kết nạp theo năm. ${perYear.join('; ')}.` };
  };
  const chart = !light && years.length >= 2;
  const title = `Cơ cấu đảng viên mới kết nạp — ${unit.label}`;
  const series = present.map((s) => s.label);
  return {
    id,
    title: 'Cơ cấu đảng viên mới kết nạp',
    subtitle: `Tỷ lệ trên số kết nạp mỗi năm — ${unit.label}`,
    caption:
      'Tỷ lệ chỉ tính khi mọi dòng số liệu dùng cho năm đó đều ghi số của nhóm; ' +
      'làm tròn nửa lên đến hai chữ số thập phân.',
    svg: chart
      ? () => linesChart({ id, title, ...draw(), series, xDomain, yLabel: 'Tỷ lệ', percent: true })
      : undefined,
    // Each share keeps its colour and symbol of SHARES' order.
    legend: chart
      ? present.map((s) => ({
          label: s.label,
          swatch: SERIES[SHARES.indexOf(s)]!.color,
          symbol: SERIES[SHARES.indexOf(s)]!.symbol,
        }))
      : undefined,
    ...unitData(
      unit,
      'co-cau',
      {
        caption: title,
        head: ['Năm', 'Kết nạp', ...SHARES.map((s) => s.label)],
        numeric: [false, true, true, true, true, true],
        rows,
        note: hasSum(rows) ? SUM_NOTE : undefined,
      },
      csv,
    ),
  };
}

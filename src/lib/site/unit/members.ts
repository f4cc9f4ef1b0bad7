/** Members over the dated snapshots: a line on a time axis, the table of every count the snapshots give. */
import { datedLineChart } from '../../charts/index.ts';
import { fmtCount, fmtDate } from '../../format/index.ts';
import type { Dataset, Snapshot, Unit } from '../../types.ts';
import type { Cell, ChartView } from '../../view/shapes.ts';
import { countCell, hasSum, nameOf, sumNote, SUM_NOTE, textCell } from '../cells.ts';
import { lastWith, unitData } from './shared.ts';

const COLUMNS = [
  { label: 'Đảng viên', get: (s: Snapshot) => s.members, csv: 'Đảng viên' },
  { label: 'Dự bị', get: (s: Snapshot) => s.probationary, csv: 'Đảng viên dự bị' },
  { label: 'Nữ', get: (s: Snapshot) => s.women, csv: 'Đảng viên nữ' },
  {
    label: 'Dân tộc thiểu số',
    get: (s: Snapshot) => s.ethnicMinority,
    csv: 'Đảng viên dân tộc thiểu số',
  },
  { label: 'TCCS đảng', get: (s: Snapshot) => s.grassrootsOrgs, csv: 'Tổ chức cơ sở đảng' },
  { label: 'Chi bộ', get: (s: Snapshot) => s.branches, csv: 'Chi bộ' },
];

/** `csvOnly`: the view for its CSV alone (a shared file's rows), without the table's cells. */
export function membersView(ds: Dataset, unit: Unit, light: boolean, csvOnly = false): ChartView | undefined {
  const snaps = (ds.figures[unit.id]?.snapshots ?? []).filter((s) => COLUMNS.some((c) => c.get(s) !== undefined));
  if (snaps.length === 0) return undefined;
  const cols = COLUMNS.filter((c) => snaps.some((s) => c.get(s) !== undefined));
  const rows: Cell[][] = csvOnly
    ? []
    : snaps.map((s) => [
        textCell(fmtDate(s.asOf), { header: true }),
        ...cols.map((c) => ({
          ...countCell(c.get(s)),
          sum: c.label === 'Đảng viên' ? sumNote(s, nameOf(ds)) : undefined,
        })),
      ]);
  const withMembers = snaps.filter((s) => s.members !== undefined);
  const counts = withMembers.map((s) => `${fmtDate(s.asOf)}: ${fmtCount(s.members)}`);
  const id = 'bd-dang-vien';
  const title = `Đảng viên qua các lần thống kê — ${unit.label}`;
  const latest = (s: Snapshot, v: number) =>
    `Lần thống kê gần nhất (${fmtDate(s.asOf)}): ${fmtCount(v)} đảng viên` +
    `${s.probationary !== undefined ? `, trong đó ${fmtCount(s.probationary)} dự bị` : ''}.`;
  return {
    id,
    title: 'Đảng viên qua các lần thống kê',
    subtitle: `${unit.label}: tổng số đảng viên (kể cả dự bị) tại mỗi ngày có số liệu`,
    svg:
      !light && withMembers.length >= 2
        ? () =>
            datedLineChart({
              id,
              title,
              description: `Số đảng viên: ${counts.join('; ')}.`,
              yLabel: 'Đảng viên',
              points: withMembers.map((s) => ({
                date: s.asOf,
                value: s.members!,
                tip: `${fmtDate(s.asOf)}: ${fmtCount(s.members)} đảng viên`,
              })),
            })
        : undefined,
    summary: lastWith(snaps, (s) => s.members, latest),
    ...unitData(
      unit,
      'dang-vien',
      {
        caption: title,
        head: ['Ngày', ...cols.map((c) => c.label)],
        numeric: [false, ...cols.map(() => true)],
        rows,
        note: hasSum(rows) ? SUM_NOTE : undefined,
      },
      {
        columns: ['Ngày', ...cols.map((c) => c.csv), 'Cách tính'],
        rows: snaps.map((s) => [s.asOf, ...cols.map((c) => c.get(s)), s.basis]),
      },
    ),
  };
}

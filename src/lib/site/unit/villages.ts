/** Villages without members: villages, those with a party branch and those without a member, by snapshot. */
import { fmtCount, fmtDate } from '../../format/index.ts';
import type { Dataset, Snapshot, Unit, WindowFigures } from '../../types.ts';
import type { ChartView } from '../../view/shapes.ts';
import { countCell, sumNote, textCell } from '../cells.ts';
import { lastWith, unitData } from './shared.ts';

/** `2015–2020: giảm 3` for a term whose change is known. */
function change(t: WindowFigures): string {
  const c = t.villagesWithoutMembersChange!;
  return `${t.window.label}: ${c === 0 ? 'không đổi' : `${c < 0 ? 'giảm' : 'tăng'} ${fmtCount(Math.abs(c))}`}`;
}

export function villagesView(ds: Dataset, unit: Unit): ChartView | undefined {
  const fig = ds.figures[unit.id];
  const snaps = (fig?.snapshots ?? []).filter(
    (s) => s.villages !== undefined || s.villagesWithBranch !== undefined || s.villagesWithoutMembers !== undefined,
  );
  if (!fig || snaps.length === 0) return undefined;
  const rows = snaps.map((s) => [
    textCell(fmtDate(s.asOf), { header: true }),
    countCell(s.villages),
    countCell(s.villagesWithBranch),
    { ...countCell(s.villagesWithoutMembers), sum: sumNote(s) },
  ]);
  const changes = Object.values(fig.terms)
    .filter((t) => t.villagesWithoutMembersChange !== undefined)
    .map(change);
  const latest = (s: Snapshot, v: number) =>
    `Lần thống kê gần nhất (${fmtDate(s.asOf)}): ${fmtCount(v)} thôn, bản chưa có đảng viên` +
    `${s.villages !== undefined ? ` trên ${fmtCount(s.villages)} thôn, bản` : ''}.`;
  return {
    id: 'bd-thon-ban',
    title: 'Thôn, bản chưa có đảng viên',
    subtitle: `${unit.label}: ` + 'thôn, bản, số có chi bộ và số chưa có đảng viên tại mỗi lần thống kê',
    caption: changes.length
      ? 'Số thôn, bản chưa có đảng viên trong từng nhiệm kỳ — ' + `${changes.join('; ')}.`
      : undefined,
    summary: lastWith(snaps, (s) => s.villagesWithoutMembers, latest),
    ...unitData(
      unit,
      'thon-ban',
      {
        caption: `Thôn, bản chưa có đảng viên — ${unit.label}`,
        head: ['Ngày', 'Thôn, bản', 'Có chi bộ', 'Chưa có đảng viên'],
        numeric: [false, true, true, true],
        rows,
      },
      {
        columns: ['Ngày', 'Thôn, bản', 'Thôn, bản có chi bộ', 'Thôn, bản chưa có đảng viên', 'Cách tính'],
        rows: snaps.map((s) => [s.asOf, s.villages, s.villagesWithBranch, s.villagesWithoutMembers, s.basis]),
      },
    ),
  };
}

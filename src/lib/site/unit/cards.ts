/** The headline cards of a unit (and of each root on the home page): admitted, target, rate, members. */
import { paceMeter, sparkline } from '../../charts/index.ts';
import { fmtCount, fmtDate, fmtPct, fmtSignedPct, partialOf } from '../../format/index.ts';
import type { Dataset, Snapshot, Unit, WindowFigures } from '../../types.ts';
import { NO_DATA, PACE_LABEL } from '../../view/labels.ts';
import type { Card } from '../../view/shapes.ts';
import { nameOf, sumNote } from '../cells.ts';
import { samePeriodLine } from '../same-period.ts';
import { admittedYears, range, yearFig } from '../site.ts';
import { type RevisionMarks, withRevision } from './revised.ts';

/** Admitted in the year, the change from the year before, a sparkline of up to ten years. */
function admittedCard(
  ds: Dataset,
  unit: Unit,
  year: number | undefined,
  w: WindowFigures | undefined,
  key: string,
): Card {
  const a = w?.admitted;
  const prev = year === undefined ? undefined : yearFig(ds, unit.id, year - 1)?.admitted;
  const lines: string[] = [];
  if (a && w) {
    const before = year! - 1;
    // A year still running compares with the same months of the year before (same-period.ts).
    const same = samePeriodLine(unit, w);
    if (same) {
      lines.push(same);
    } else if (w.admittedChange === 0) {
      lines.push(`Bằng năm ${before} (${fmtCount(prev?.value)})`);
    } else if (w.admittedChange !== undefined) {
      const change = `${fmtCount(Math.abs(w.admittedChange))} (${fmtSignedPct(w.admittedChangePct)})`;
      const sign = w.admittedChange > 0 ? 'Tăng' : 'Giảm';
      lines.push(`${sign} ${change} so với năm ${before} (${fmtCount(prev?.value)})`);
    } else if (prev) {
      const p = partialOf(prev) ? ` (${partialOf(prev)})` : '';
      lines.push(`Năm ${before}: ${fmtCount(prev.value)}${p} — không so sánh vì có năm chưa đủ tháng`);
    } else {
      lines.push(`Chưa có số năm ${before} để so sánh`);
    }
    const s = sumNote(a, nameOf(ds));
    if (s) lines.push(s);
  } else lines.push(NO_DATA);
  const first = admittedYears(ds, unit.id)[0];
  const sparkYears = first !== undefined && year !== undefined ? range(Math.max(first, year - 9), year) : [];
  const sparkValues = sparkYears.map((y) => yearFig(ds, unit.id, y)?.admitted?.value);
  const sparkTip = `Kết nạp ${sparkYears[0]}–${year}: ${sparkValues.map((v) => fmtCount(v)).join(', ')}`;
  return {
    key,
    label: year === undefined ? 'Kết nạp đảng viên' : `Kết nạp năm ${year}`,
    value: fmtCount(a?.value),
    flag: partialOf(a),
    lines,
    graphic: sparkYears.length >= 2 ? sparkline(sparkValues, sparkTip) : undefined,
  };
}

/** The share of the year's target achieved, against the pace of the year when it is not over. */
function targetCard(year: number | undefined, w: WindowFigures | undefined, prefix: string): Card {
  const a = w?.admitted;
  const lines: string[] = [];
  let graphic: string | undefined;
  if (w?.target && w.targetAchievedPct !== undefined) {
    const summed = w.target.basis === 'summed' ? ' (tổng chỉ tiêu các đơn vị trực thuộc)' : '';
    lines.push(`${fmtCount(a?.value)} trên chỉ tiêu ${fmtCount(w.target.value)}${summed}`);
    if (w.expectedPacePct !== undefined) {
      const after = a ? `${a.months}/${a.ofMonths} tháng` : '';
      const status = w.paceStatus ? ` — ${PACE_LABEL[w.paceStatus]}` : '';
      lines.push(`Tiến độ cần đạt sau ${after}: ${fmtPct(w.expectedPacePct)}${status}`);
    } else if (w.targetAchievedPct >= 100) lines.push('Đã hoàn thành chỉ tiêu năm');
    else lines.push('Chưa hoàn thành chỉ tiêu năm');
    graphic = paceMeter({
      id: `${prefix}-pace-mini`,
      title: `Đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu`,
      description:
        w.expectedPacePct !== undefined ? `Tiến độ cần đạt ${fmtPct(w.expectedPacePct)}` : 'Vạch đứng là 100% chỉ tiêu',
      achievedPct: w.targetAchievedPct,
      pacePct: w.expectedPacePct,
    });
  } else if (w?.target) {
    lines.push(`Chỉ tiêu ${fmtCount(w.target.value)}; ${NO_DATA} về số kết nạp`);
  } else lines.push(year === undefined ? NO_DATA : `Chưa có chỉ tiêu năm ${year}`);
  return {
    key: `${prefix}-target`,
    label: year === undefined ? 'Đạt chỉ tiêu' : `Đạt chỉ tiêu năm ${year}`,
    value: fmtPct(w?.targetAchievedPct),
    flag: w?.targetAchievedPct !== undefined ? partialOf(a) : undefined,
    lines,
    status: w?.paceStatus,
    graphic,
  };
}

/** Members at the latest snapshot that counts them. */
function membersCard(snaps: readonly Snapshot[], key: string): Card {
  let last: Snapshot | undefined;
  for (let i = snaps.length - 1; i >= 0; i--) {
    if (snaps[i]!.members !== undefined) {
      last = snaps[i];
      break;
    }
  }
  const lines: string[] = [];
  if (last) {
    lines.push(`Tại ngày ${fmtDate(last.asOf)}`);
    if (last.probationary !== undefined) {
      lines.push(`Trong đó ${fmtCount(last.probationary)} đảng viên dự bị`);
    }
    const s = sumNote(last);
    if (s) lines.push(s);
  } else lines.push(NO_DATA);
  return { key, label: 'Đảng viên', value: fmtCount(last?.members), lines };
}

export function unitCards(
  ds: Dataset,
  unit: Unit,
  year: number | undefined,
  prefix = 'the',
  marks?: RevisionMarks,
): Card[] {
  const w = yearFig(ds, unit.id, year);
  const atStart = w?.membersAtStart;
  return [
    withRevision(admittedCard(ds, unit, year, w, `${prefix}-admitted`), marks, year, 'admitted'),
    withRevision(targetCard(year, w, prefix), marks, year, 'target'),
    {
      key: `${prefix}-rate`,
      label: year === undefined ? 'Tỷ lệ kết nạp' : `Tỷ lệ kết nạp năm ${year}`,
      value: fmtPct(w?.admissionRatePct),
      flag: w?.admissionRatePct !== undefined ? partialOf(w?.admitted) : undefined,
      lines: atStart
        ? [`So với ${fmtCount(atStart.value)} đảng viên đầu năm (${fmtDate(atStart.asOf)})`]
        : ['Chưa có số đảng viên đầu năm để tính'],
    },
    membersCard(ds.figures[unit.id]?.snapshots ?? [], `${prefix}-members`),
  ];
}

/**
 * Same period of the previous year, in words (the model computes it and says why it is unknown): one
 * helper for the headline card, the year table and the comparison of units.
 */
import { fmtCount, fmtMonthIndex, fmtPct } from '../format/index.ts';
import { coveredOf } from '../model/index.ts';
import type { SamePeriodReason, Unit, WindowFigures } from '../types.ts';

/** "9 tháng đầu năm", or "9 tháng có số liệu" when the months do not start in January. */
export function monthsLabel(w: WindowFigures): string | undefined {
  const a = w.admitted;
  if (!a || a.months >= a.ofMonths || w.window.kind !== 'year') return undefined;
  const m = coveredOf(a, w.window);
  return m.length === 1 && m[0]!.from === w.window.from ? `${a.months} tháng đầu năm` : `${a.months} tháng có số liệu`;
}

/** Why a partial year has no same-period figure, in one short phrase. */
export function samePeriodWhy(unit: Unit, w: WindowFigures): string | undefined {
  const r: SamePeriodReason | undefined = w.samePeriodReason;
  if (!r) return undefined;
  const before = Number(w.window.id) - 1;
  const words: Record<SamePeriodReason, string> = {
    'no-split': `số năm ${before} không tách được theo tháng`,
    'missing-months': `năm ${before} thiếu số một số tháng`,
    'missing-part': `năm ${before} thiếu số của đơn vị trực thuộc hoặc tiền thân`,
    founded: unit.activeFrom !== undefined ? `thành lập từ ${fmtMonthIndex(unit.activeFrom)}` : 'đơn vị mới thành lập',
    'no-data': `chưa có số năm ${before}`,
    incomplete: 'năm nay chưa đủ đơn vị báo cáo',
    uneven: 'các đơn vị báo cáo không cùng số tháng',
  };
  return words[r];
}

/** "tăng 4,13% so với cùng kỳ năm 2025 (1.429)"; undefined when unknown. */
export function samePeriodChange(w: WindowFigures): string | undefined {
  const prev = w.samePeriodPrev;
  const change = w.admittedChangeSamePeriod;
  if (!prev || change === undefined) return undefined;
  const before = Number(w.window.id) - 1;
  const how =
    change === 0
      ? 'bằng'
      : `${change > 0 ? 'tăng' : 'giảm'} ${
          w.admittedChangeSamePeriodPct !== undefined
            ? fmtPct(Math.abs(w.admittedChangeSamePeriodPct))
            : fmtCount(Math.abs(change))
        }`;
  return `${how} so với cùng kỳ năm ${before} (${fmtCount(prev.value)})`;
}

/** The card's line: "9 tháng đầu năm: 1.488, tăng 4,13% so với cùng kỳ năm 2025 (1.429)", or why not. */
export function samePeriodLine(unit: Unit, w: WindowFigures): string | undefined {
  const label = monthsLabel(w);
  if (!label || !w.admitted) return undefined;
  const change = samePeriodChange(w);
  if (change) return `${label}: ${fmtCount(w.admitted.value)}, ${change}`;
  const why = samePeriodWhy(unit, w);
  return why ? `Chưa so được với cùng kỳ năm ${Number(w.window.id) - 1}: ${why}` : undefined;
}

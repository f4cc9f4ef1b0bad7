/**
 * Sentences about admissions: the target, the admitted (with achievement and pace), the composition of the
 * newly admitted, the change on the previous window, and the admission rate on members at the start.
 */
import { fmtCount, fmtDate, fmtNumber, fmtPct } from '../format/index.ts';
import type { Dataset, Window } from '../types.ts';
import { coveragePhrase, windowName } from './coverage.ts';
import { childrenOf, flowNote, targetNote } from './sources.ts';
import type { CitedFigure } from './types.ts';
import { add, cap, cite, type Ctx } from './wording.ts';

/** "Năm 2020, Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên." */
export function targetSentence(ctx: Ctx): void {
  const { f, w } = ctx;
  const t = f.target;
  if (!t) return;
  const when = w.kind === 'year' ? `Năm ${w.id}` : cap(windowName(w));
  const n = fmtCount(t.value);
  const figs = [cite('target', w.id, t.value, n)];
  if (t.basis === 'summed') {
    const whose = `${childrenOf(ctx)} ${ctx.subject.next()}`;
    add(ctx, 'target', `${when}, tổng chỉ tiêu kết nạp giao cho ${whose} là ${n} đảng viên.`, figs);
  } else {
    const text = `${when}, ${ctx.subject.next()} được giao chỉ tiêu kết nạp ${n} đảng viên${targetNote(ctx, t.parts)}.`;
    add(ctx, 'target', text, figs);
  }
  ctx.targetSaid = true;
}

/**
 * "Trong 8 tháng đầu năm 2020 (tính đến hết tháng 8/2020), Đảng bộ huyện kết nạp được
 * 31 đảng viên, đạt 12,25% so với chỉ tiêu được giao, thấp hơn mức tiến độ dự kiến
 * là 66,67% sau 8 tháng."
 */
export function admittedSentence(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const a = f.admitted;
  if (!a) return;
  const cov = coveragePhrase(ds, a, w, 'admissions', unit);
  ctx.admittedCoverage = cov;
  // The target sentence said the window: a whole window is not said again ("Năm 2020, … được giao …. Kết quả, …").
  const when = ctx.targetSaid && cov.complete ? 'kết quả' : cov.text;
  let s: string;
  const figs: CitedFigure[] = [];
  if (a.value === 0) {
    // A known zero is stated, in words: "kết nạp được 0 đảng viên" is not how the board writes.
    const none = cov.complete ? 'không kết nạp được' : 'chưa kết nạp được';
    figs.push(cite('admitted', w.id, 0, none));
    s = `${when}, ${ctx.subject.next()} ${none} đảng viên mới nào${flowNote(ctx, a, 'admitted')}`;
  } else {
    const n = fmtCount(a.value);
    figs.push(cite('admitted', w.id, a.value, n));
    // Behind the pace, as the board writes it: "Đảng bộ huyện mới kết nạp được 31 đảng viên".
    const behind = !cov.complete && cov.known && f.target && f.paceStatus === 'behind';
    const verb = behind ? `mới kết nạp được ${n} đảng viên` : `kết nạp được ${n} đảng viên mới`;
    s = `${when}, ${ctx.subject.next()} ${verb}${flowNote(ctx, a, 'admitted')}`;
    // A year still running: the same months of the year before, as reports say it ("so với cùng kỳ").
    const sp = f.admittedChangeSamePeriodPct;
    if (!cov.complete && f.samePeriodPrev && sp !== undefined) {
      // One decimal, as the reports write it; two when one would read 0,0.
      const pt = fmtPct(Math.abs(sp), Math.abs(sp) < 0.05 ? 2 : 1);
      const word = sp > 0 ? 'tăng' : 'giảm';
      figs.push(cite('admitted_change_same_period_pct', w.id, sp, sp === 0 ? 'bằng cùng kỳ' : pt));
      s += sp === 0 ? ', bằng cùng kỳ năm trước' : `, ${word} ${pt} so với cùng kỳ năm trước`;
    }
  }
  if (f.targetAchievedPct !== undefined && f.target) {
    const p = fmtPct(f.targetAchievedPct);
    figs.push(cite('target_achieved_pct', w.id, f.targetAchievedPct, p));
    s += `, đạt ${p} so với chỉ tiêu được giao`;
    // Compared on the counts, not the rounded share (99.996% shows as 100,00% but is short of it).
    if (a.value > f.target.value) s += ', vượt chỉ tiêu';
    else if (a.value === f.target.value) s += ', hoàn thành chỉ tiêu';
    if (!cov.complete && cov.known && f.expectedPacePct !== undefined && f.paceStatus !== undefined) {
      const pace = fmtPct(f.expectedPacePct);
      figs.push(cite('expected_pace_pct', w.id, f.expectedPacePct, pace));
      const word = f.paceStatus === 'ahead' ? 'cao hơn' : 'thấp hơn';
      figs.push(cite('pace_status', w.id, f.paceStatus, word));
      s += `, ${word} mức tiến độ dự kiến là ${pace} sau ${fmtCount(a.months)} tháng`;
    }
  }
  if (w.kind === 'term' && f.averagePerYear !== undefined) {
    const avg = fmtNumber(f.averagePerYear);
    figs.push(cite('average_per_year', w.id, f.averagePerYear, avg));
    s += `, bình quân ${avg} đảng viên mỗi năm`;
  }
  add(ctx, 'admitted', `${s}.`, figs);
}

const SHARES = [
  ['youth', 'youthPct', 'youth_pct', 'youth', 'đảng viên trẻ từ 18 đến 30 tuổi'],
  ['women', 'womenPct', 'women_pct', 'women', 'đảng viên nữ'],
  [
    'ethnicMinority',
    'ethnicMinorityPct',
    'ethnic_minority_pct',
    'ethnic_minority',
    'đảng viên là người dân tộc thiểu số',
  ],
  ['college', 'collegePct', 'college_pct', 'college', 'đảng viên có trình độ từ cao đẳng trở lên'],
] as const;

/**
 * "Trong số đảng viên mới kết nạp, đảng viên trẻ từ 18 đến 30 tuổi chiếm 62,39%
 * (68 đồng chí), …"
 */
export function compositionSentence(ctx: Ctx): void {
  const { f, w } = ctx;
  if (!f.admitted) return;
  const parts: string[] = [];
  const none: string[] = [];
  const figs: CitedFigure[] = [];
  for (const [flowKey, pctKey, pctName, countName, words] of SHARES) {
    const p = f[pctKey];
    if (p === undefined) continue;
    if (p === 0) {
      // A known zero in words: "không có đảng viên là người dân tộc thiểu số", not "chiếm 0,00% (0 đồng chí)".
      const t = `không có ${words}`;
      figs.push(cite(pctName, w.id, 0, t));
      none.push(t);
      continue;
    }
    const pt = fmtPct(p);
    figs.push(cite(pctName, w.id, p, pt));
    let part = `${words} chiếm ${pt}`;
    const count = f[flowKey];
    if (count && count.months === f.admitted.months) {
      const c = fmtCount(count.value);
      figs.push(cite(countName, w.id, count.value, c));
      part += ` (${c} đồng chí)`;
    }
    parts.push(part);
  }
  if (parts.length === 0 && none.length === 0) return;
  const all = [parts.join(', '), none.join(', ')].filter((x) => x).join('; ');
  add(ctx, 'composition', `Trong số đảng viên mới kết nạp, ${all}.`, figs);
}

/** "So với năm 2016 (5 đảng viên), số đảng viên kết nạp giảm 2 đồng chí (giảm 40,00%)." */
export function changeSentence(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const d = f.admittedChange;
  if (d === undefined || !f.admitted) return;
  const prev = previousWindow(ds, w);
  if (!prev) return;
  const prevFig = (prev.kind === 'year' ? ds.figures[unit.id]?.years : ds.figures[unit.id]?.terms)?.[prev.id];
  const pa = prevFig?.admitted;
  if (!pa) return;
  const figs: CitedFigure[] = [];
  const pn = fmtCount(pa.value);
  figs.push(cite('admitted', prev.id, pa.value, pn));
  const base = `so với ${windowName(prev)} (${pn} đảng viên)`;
  if (d === 0) {
    figs.push(cite('admitted_change', w.id, d, 'bằng'));
    add(ctx, 'change', `Số đảng viên kết nạp bằng ${windowName(prev)} (${pn} đảng viên).`, figs);
    return;
  }
  const word = d > 0 ? 'tăng' : 'giảm';
  const dn = fmtCount(Math.abs(d));
  figs.push(cite('admitted_change', w.id, d, dn));
  let s = `${base}, số đảng viên kết nạp ${word} ${dn} đồng chí`;
  if (f.admittedChangePct !== undefined) {
    const pt = fmtPct(Math.abs(f.admittedChangePct));
    figs.push(cite('admitted_change_pct', w.id, f.admittedChangePct, pt));
    s += ` (${word} ${pt})`;
  }
  add(ctx, 'change', `${s}.`, figs);
}

/**
 * "Số đảng viên kết nạp trong năm đạt 4,87% so với tổng số đảng viên đầu năm
 * (2.238 đảng viên, ngày 01/01/2019)."
 */
export function rateSentence(ctx: Ctx): void {
  const { f, w } = ctx;
  if (w.kind !== 'year' || f.admissionRatePct === undefined || !f.admitted) return;
  const pt = fmtPct(f.admissionRatePct);
  const figs = [cite('admission_rate_pct', w.id, f.admissionRatePct, pt)];
  let base = 'tổng số đảng viên đầu năm';
  if (f.membersAtStart) {
    const m = fmtCount(f.membersAtStart.value);
    figs.push(cite('members_at_start', w.id, f.membersAtStart.value, m));
    base += ` (${m} đảng viên, ngày ${fmtDate(f.membersAtStart.asOf)})`;
  }
  const span = ctx.admittedCoverage?.complete === false ? 'trong thời gian này' : 'trong năm';
  add(ctx, 'rate', `Số đảng viên kết nạp ${span} đạt ${pt} so với ${base}.`, figs);
}

/** The window before `w`: the year before, or the term before in time order. */
function previousWindow(ds: Dataset, w: Window): Window | undefined {
  if (w.kind === 'year') {
    const y = Number(w.id) - 1;
    return { kind: 'year', id: String(y), label: String(y), from: w.from - 12, to: w.to - 12, months: 12 };
  }
  const terms = [...ds.terms].sort((a, b) => a.from - b.from);
  const i = terms.findIndex((t) => t.id === w.id);
  const t = i > 0 ? terms[i - 1] : undefined;
  if (!t) return undefined;
  return { kind: 'term', id: t.id, label: t.name, from: t.from, to: t.to, months: t.to - t.from + 1 };
}

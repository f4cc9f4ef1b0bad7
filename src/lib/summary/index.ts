/**
 * Summaries: a short paragraph per unit and window, in the register of the board's articles
 * ("Tính đến hết tháng 8/2020, Đảng bộ huyện mới kết nạp được 31 đảng viên, đạt 12,25% so với chỉ
 * tiêu được giao"), generated from the Dataset, never written by hand.
 *
 * Rules:
 * - Each sentence is written only when every figure it states exists; an unknown figure is left
 *   out, never said as 0, and a sentence with nothing to say is not written.
 * - Every figure is taken from the window's figures (the same values indicators.csv publishes) and
 *   listed in `figures` with its indicator name, so a test can look each one up in dataset.indicators.
 * - Partial figures are said as such (the covered months, "số liệu 48/60 tháng"), and summed
 *   figures say so with how many children reported ("tổng hợp từ 3/5 tổ chức cơ sở đảng báo cáo").
 * - The unit's full name is the subject the first time, a short form after.
 */
import { fmtCount, fmtDate, fmtNumber, fmtPct } from '../format/index.ts';
import type { IndicatorName } from '../model/dictionary.ts';
import type { Dataset, Flow, Snapshot, Unit, UnitFigures, Window, WindowFigures } from '../types.ts';
import { coveragePhrase, windowName, type CoveragePhrase } from './coverage.ts';

export { coveragePhrase, coveredMonths, windowName } from './coverage.ts';

/** A figure a summary states: the indicator it comes from, and the text it is written as. */
export interface CitedFigure {
  indicator: IndicatorName;
  /** The window id of the indicator row (`2020`, `2015-2020`); the previous window for a change's base. */
  period: string;
  value: number | string;
  /** The figure as written in the text, e.g. `12,25 %` (with a non-breaking space) or `7.335`. */
  text: string;
  /**
   * Set for a figure that is not an indicator row of `period`: a stock at an earlier snapshot
   * (the base of the villages change), found in `dataset.figures[unit].snapshots` at this date.
   */
  asOf?: string;
}

export type SentenceTopic = 'target' | 'admitted' | 'composition' | 'change' | 'rate' | 'training' | 'stock' | 'villages';

export interface SummarySentence {
  topic: SentenceTopic;
  text: string;
  figures: CitedFigure[];
}

export interface Summary {
  unitId: string;
  /** The window id: `2020` or a term id. */
  period: string;
  kind: Window['kind'];
  /**
   * True when every flow the window has (admitted, classes, trainees, dossiers) covers all its months
   * and, when summed, every active child reported; a window of stocks and targets only is complete.
   */
  complete: boolean;
  text: string;
  sentences: SummarySentence[];
  figures: CitedFigure[];
}

/** One summary as a plain record, for publishing (summaries.json) and for tests. */
export interface SummaryRecord {
  unit_id: string;
  period: string;
  kind: Window['kind'];
  complete: boolean;
  text: string;
  sentences: string[];
  figures: CitedFigure[];
}

/* ---------- wording helpers ---------- */

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The subject: the full name the first time, then a short form (`Đảng bộ huyện`). */
class Subject {
  private used = false;
  private readonly full: string;
  private readonly short: string;
  constructor(unit: Unit) {
    this.full = unit.name;
    this.short = shortSubject(unit.name);
  }
  next(): string {
    if (this.used) return this.short;
    this.used = true;
    return this.full;
  }
}

const PLACE_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường', 'khối', 'thôn', 'bản', 'khu'];

/** `Đảng bộ huyện Phú Bình` → `Đảng bộ huyện`; `Đảng bộ Sở Tư pháp tỉnh Bắc Kạn` → `Đảng bộ`; else the full name. */
export function shortSubject(name: string): string {
  const m = /^(Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ)(\s+|$)(.*)$/u.exec(name);
  if (!m) return name;
  const rest = m[3]!;
  for (const p of PLACE_WORDS) if (rest.startsWith(`${p} `)) return `${m[1]} ${p}`;
  return m[1]!;
}

/** What the children of a unit are called, for "tổng hợp từ 3/5 … báo cáo". */
function childNoun(ds: Dataset, unitId: string): string {
  const levels = new Set((ds.childrenOf[unitId] ?? []).map((id) => ds.unitById[id]?.level));
  if (levels.size === 1) {
    const [level] = levels;
    if (level === 'grassroots') return 'tổ chức cơ sở đảng';
    if (level === 'district') return 'đảng bộ cấp huyện';
    if (level === 'branch') return 'chi bộ';
  }
  return 'đơn vị trực thuộc';
}

/** ` (tổng hợp từ 3/5 tổ chức cơ sở đảng báo cáo)` for a summed flow, '' for a reported one. */
function summedNote(ds: Dataset, unitId: string, flow: Flow): string {
  if (flow.basis !== 'summed') return '';
  const r = flow.reporting;
  if (!r) return ' (tổng hợp từ các đơn vị trực thuộc)';
  return ` (tổng hợp từ ${fmtCount(r.reported)}/${fmtCount(r.active)} ${childNoun(ds, unitId)} báo cáo)`;
}

const cite = (indicator: IndicatorName, period: string, value: number | string, text: string): CitedFigure => ({
  indicator,
  period,
  value,
  text,
});

/* ---------- sentence builders ---------- */

interface Ctx {
  ds: Dataset;
  unit: Unit;
  w: Window;
  f: WindowFigures;
  subject: Subject;
  out: SummarySentence[];
  /** The coverage said for admitted, to say "cùng thời gian này" when training covers the same months. */
  admittedCoverage?: CoveragePhrase;
}

function add(ctx: Ctx, topic: SentenceTopic, text: string, figures: CitedFigure[]): void {
  ctx.out.push({ topic, text: cap(text.trim()), figures });
}

/** "Năm 2020, Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên." */
function targetSentence(ctx: Ctx): void {
  const { f, w } = ctx;
  const t = f.target;
  if (!t) return;
  const when = w.kind === 'year' ? `Năm ${w.id}` : cap(windowName(w));
  const n = fmtCount(t.value);
  const figs = [cite('target', w.id, t.value, n)];
  if (t.basis === 'summed') {
    add(ctx, 'target', `${when}, tổng chỉ tiêu kết nạp giao cho các đơn vị trực thuộc ${ctx.subject.next()} là ${n} đảng viên.`, figs);
  } else {
    add(ctx, 'target', `${when}, ${ctx.subject.next()} được giao chỉ tiêu kết nạp ${n} đảng viên.`, figs);
  }
}

/**
 * "Trong 8 tháng đầu năm 2020 (tính đến hết tháng 8/2020), Đảng bộ huyện kết nạp được 31 đảng viên,
 * đạt 12,25 % so với chỉ tiêu được giao, thấp hơn mức tiến độ dự kiến là 66,67 % sau 8 tháng."
 */
function admittedSentence(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const a = f.admitted;
  if (!a) return;
  const cov = coveragePhrase(ds, a, w, 'admissions');
  ctx.admittedCoverage = cov;
  let s: string;
  const figs: CitedFigure[] = [];
  if (a.value === 0) {
    // A known zero is stated, in words: "kết nạp được 0 đảng viên" is not how the board writes.
    const none = cov.complete ? 'không kết nạp được' : 'chưa kết nạp được';
    figs.push(cite('admitted', w.id, 0, none));
    s = `${cov.text}, ${ctx.subject.next()} ${none} đảng viên mới nào${summedNote(ds, unit.id, a)}`;
  } else {
    const n = fmtCount(a.value);
    figs.push(cite('admitted', w.id, a.value, n));
    s = `${cov.text}, ${ctx.subject.next()} kết nạp được ${n} đảng viên mới${summedNote(ds, unit.id, a)}`;
  }
  if (f.targetAchievedPct !== undefined && f.target) {
    const p = fmtPct(f.targetAchievedPct);
    figs.push(cite('target_achieved_pct', w.id, f.targetAchievedPct, p));
    s += `, đạt ${p} so với chỉ tiêu được giao`;
    // Compared on the counts, not the rounded share (99.996 % shows as 100,00 % but is short of it).
    if (a.value > f.target.value) s += ', vượt chỉ tiêu';
    else if (a.value === f.target.value) s += ', hoàn thành chỉ tiêu';
    if (!cov.complete && f.expectedPacePct !== undefined && f.paceStatus !== undefined) {
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
  ['ethnicMinority', 'ethnicMinorityPct', 'ethnic_minority_pct', 'ethnic_minority', 'đảng viên là người dân tộc thiểu số'],
  ['college', 'collegePct', 'college_pct', 'college', 'đảng viên có trình độ từ cao đẳng trở lên'],
] as const;

/** "Trong số đảng viên mới kết nạp, đảng viên trẻ từ 18 đến 30 tuổi chiếm 62,39 % (68 đồng chí), …" */
function compositionSentence(ctx: Ctx): void {
  const { f, w } = ctx;
  if (!f.admitted) return;
  const parts: string[] = [];
  const figs: CitedFigure[] = [];
  for (const [flowKey, pctKey, pctName, countName, words] of SHARES) {
    const p = f[pctKey];
    if (p === undefined) continue;
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
  if (parts.length === 0) return;
  add(ctx, 'composition', `Trong số đảng viên mới kết nạp, ${parts.join(', ')}.`, figs);
}

/** "So với năm 2016 (5 đảng viên), số đảng viên kết nạp giảm 2 đồng chí (giảm 40,00 %)." */
function changeSentence(ctx: Ctx): void {
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

/** "Số đảng viên kết nạp trong năm đạt 4,87 % so với tổng số đảng viên đầu năm (2.238 đảng viên, ngày 01/01/2019)." */
function rateSentence(ctx: Ctx): void {
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

/**
 * "Cũng trong thời gian này, Đảng bộ huyện mở được 4 lớp bồi dưỡng nhận thức về Đảng với 282 học viên
 * và tiếp nhận 36 hồ sơ đề nghị kết nạp đảng." Each of classes, trainees and dossiers may rest on
 * different rows: figures covering the same months share a sentence, others get their own.
 */
function trainingSentences(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const groups = new Map<string, { cov: CoveragePhrase; flow: Flow; keys: ('classes' | 'trainees' | 'dossiers')[] }>();
  for (const k of ['classes', 'trainees', 'dossiers'] as const) {
    const flow = f[k];
    if (!flow) continue;
    const cov = coveragePhrase(ds, flow, w, 'training');
    const r = flow.reporting;
    const g = `${cov.key}|${cov.text}|${flow.basis}|${r ? `${r.reported}/${r.active}` : ''}`;
    const at = groups.get(g);
    if (at) at.keys.push(k);
    else groups.set(g, { cov, flow, keys: [k] });
  }
  let first = true;
  for (const { cov, flow, keys } of groups.values()) {
    const figs: CitedFigure[] = [];
    const parts: string[] = [];
    const has = (k: 'classes' | 'trainees' | 'dossiers') => keys.includes(k);
    const num = (k: 'classes' | 'trainees' | 'dossiers') => {
      const v = f[k]!.value;
      const t = fmtCount(v);
      figs.push(cite(k, w.id, v, t));
      return t;
    };
    if (has('classes') && has('trainees')) {
      parts.push(`mở được ${num('classes')} lớp bồi dưỡng nhận thức về Đảng với ${num('trainees')} học viên`);
    } else if (has('classes')) {
      parts.push(`mở được ${num('classes')} lớp bồi dưỡng nhận thức về Đảng`);
    } else if (has('trainees')) {
      parts.push(`bồi dưỡng nhận thức về Đảng cho ${num('trainees')} quần chúng ưu tú`);
    }
    if (has('dossiers')) parts.push(`tiếp nhận ${num('dossiers')} hồ sơ đề nghị kết nạp đảng`);
    const same =
      first && ctx.admittedCoverage && ctx.f.admitted && ctx.admittedCoverage.key === cov.key && ctx.admittedCoverage.text === cov.text;
    const when = same ? 'cũng trong thời gian này' : cov.text;
    add(ctx, 'training', `${when}, ${ctx.subject.next()} ${parts.join(' và ')}${summedNote(ds, unit.id, flow)}.`, figs);
    first = false;
  }
  if (f.traineesPerAdmission !== undefined && f.trainees && f.admitted) {
    const t = fmtNumber(f.traineesPerAdmission);
    add(ctx, 'training', `Bình quân có ${t} học viên được bồi dưỡng cho mỗi đảng viên được kết nạp.`, [
      cite('trainees_per_admission', w.id, f.traineesPerAdmission, t),
    ]);
  }
}

/**
 * "Tại thời điểm 27/08/2020, Đảng bộ huyện có 7.335 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng."
 * Then the villages: "Trên địa bàn có 118 thôn, bản, trong đó 59 thôn, bản có chi bộ, 18 thôn, bản chưa có đảng viên."
 */
function stockSentences(ctx: Ctx): void {
  const { f, w } = ctx;
  const s = f.stock;
  if (!s) return;
  const at = `tại thời điểm ${fmtDate(s.asOf)}${s.basis === 'summed' ? ' (tổng hợp từ các đơn vị trực thuộc)' : ''}`;
  const figs: CitedFigure[] = [];
  const n = (name: IndicatorName, v: number) => {
    const t = fmtCount(v);
    figs.push(cite(name, w.id, v, t));
    return t;
  };
  const orgs: string[] = [];
  if (s.grassrootsOrgs !== undefined) orgs.push(`${n('grassroots_orgs', s.grassrootsOrgs)} tổ chức cơ sở đảng`);
  if (s.branches !== undefined) orgs.push(`${n('branches', s.branches)} chi bộ`);
  let said = false;
  if (s.members !== undefined) {
    let main = `${at}, ${ctx.subject.next()} có ${n('members', s.members)} đảng viên`;
    const within: string[] = [];
    if (s.probationary !== undefined) within.push(`${n('probationary', s.probationary)} đảng viên dự bị`);
    if (s.women !== undefined) within.push(`${n('women_members', s.women)} đảng viên nữ`);
    if (within.length) main += `, trong đó có ${within.join(', ')}`;
    if (orgs.length) main += `, sinh hoạt tại ${orgs.join(' và ')}`;
    if (s.ethnicMinorityPct !== undefined) {
      const pt = fmtPct(s.ethnicMinorityPct);
      figs.push(cite('ethnic_minority_members_pct', w.id, s.ethnicMinorityPct, pt));
      main += `; đảng viên là người dân tộc thiểu số chiếm ${pt}`;
      if (s.ethnicMinority !== undefined) main += ` (${n('ethnic_minority_members', s.ethnicMinority)} đồng chí)`;
    } else if (s.ethnicMinority !== undefined) {
      main += `; ${n('ethnic_minority_members', s.ethnicMinority)} đảng viên là người dân tộc thiểu số`;
    }
    add(ctx, 'stock', `${main}.`, figs.splice(0));
    said = true;
  } else if (orgs.length) {
    add(ctx, 'stock', `${at}, ${ctx.subject.next()} có ${orgs.join(' và ')} trực thuộc.`, figs.splice(0));
    said = true;
  }
  villagesSentence(ctx, s, said ? 'trên địa bàn' : `${at}, trên địa bàn`);
}

function villagesSentence(ctx: Ctx, s: Snapshot, lead: string): void {
  const { w } = ctx;
  const figs: CitedFigure[] = [];
  const n = (name: IndicatorName, v: number) => {
    const t = fmtCount(v);
    figs.push(cite(name, w.id, v, t));
    return t;
  };
  const inner: string[] = [];
  if (s.villagesWithBranch !== undefined) inner.push(`${n('villages_with_branch', s.villagesWithBranch)} thôn, bản có chi bộ`);
  if (s.villagesWithoutMembers !== undefined) inner.push(`${n('villages_without_members', s.villagesWithoutMembers)} thôn, bản chưa có đảng viên`);
  if (s.villages !== undefined) {
    const text = `${lead} có ${n('villages', s.villages)} thôn, bản${inner.length ? `, trong đó ${inner.join(', ')}` : ''}`;
    add(ctx, 'villages', `${text}.`, figs);
  } else if (inner.length) {
    const verb = s.villagesWithBranch === undefined ? 'còn' : 'có';
    add(ctx, 'villages', `${lead} ${verb} ${inner.join(', ')}.`, figs);
  }
}

/**
 * Terms: "Từ ngày 01/01/2016 đến ngày 04/01/2017, số thôn, bản chưa có đảng viên giảm được 19 (từ 37 xuống 18)."
 * The two counts are snapshots (cited with their date), the change is the term's indicator.
 */
function villagesChangeSentence(ctx: Ctx): void {
  const { ds, unit, f, w } = ctx;
  const d = f.villagesWithoutMembersChange;
  const span = f.villagesWithoutMembersChangeSpan;
  if (w.kind !== 'term' || d === undefined || !span) return;
  const snaps = ds.figures[unit.id]?.snapshots ?? [];
  const from = snaps.find((x) => x.asOf === span.from)?.villagesWithoutMembers;
  const to = snaps.find((x) => x.asOf === span.to)?.villagesWithoutMembers;
  const dn = fmtCount(Math.abs(d));
  const figs: CitedFigure[] = [cite('villages_without_members_change', w.id, d, dn)];
  const when = `từ ngày ${fmtDate(span.from)} đến ngày ${fmtDate(span.to)}`;
  const summed = span.basis === 'summed' ? ' (tổng hợp từ các đơn vị trực thuộc)' : '';
  let text: string;
  if (d === 0) {
    figs[0]!.text = 'không thay đổi';
    text = `${when}, số thôn, bản chưa có đảng viên${summed} không thay đổi`;
  } else {
    text = `${when}, số thôn, bản chưa có đảng viên${summed} ${d < 0 ? 'giảm được' : 'tăng thêm'} ${dn}`;
  }
  if (from !== undefined && to !== undefined && to - from === d) {
    const ft = fmtCount(from);
    const tt = fmtCount(to);
    figs.push({ indicator: 'villages_without_members', period: w.id, value: from, text: ft, asOf: span.from });
    figs.push({ indicator: 'villages_without_members', period: w.id, value: to, text: tt, asOf: span.to });
    text += d === 0 ? ` (${tt} thôn, bản)` : ` (từ ${ft} xuống ${tt})`.replace('xuống', d < 0 ? 'xuống' : 'lên');
  }
  add(ctx, 'villages', `${text}.`, figs);
}

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

/* ---------- public API ---------- */

function windowFigures(ds: Dataset, unitId: string, windowId: string): WindowFigures | undefined {
  const uf = ds.figures[unitId];
  if (!uf) return undefined;
  return uf.years[windowId] ?? uf.terms[windowId];
}

/**
 * The summary of one unit in one window (a year id `2020` or a term id `2015-2020`); undefined when
 * the unit or window is unknown or there is no figure to state.
 */
export function summarize(dataset: Dataset, unitId: string, windowId: string): Summary | undefined {
  const unit = dataset.unitById[unitId];
  const f = windowFigures(dataset, unitId, windowId);
  if (!unit || !f) return undefined;
  const ctx: Ctx = { ds: dataset, unit, w: f.window, f, subject: new Subject(unit), out: [] };
  targetSentence(ctx);
  admittedSentence(ctx);
  rateSentence(ctx);
  compositionSentence(ctx);
  changeSentence(ctx);
  trainingSentences(ctx);
  stockSentences(ctx);
  villagesChangeSentence(ctx);
  const sentences = ctx.out.filter((s) => s.text.length > 0 && s.figures.length > 0);
  if (sentences.length === 0) return undefined;
  const flows = [f.admitted, f.classes, f.trainees, f.dossiers].filter((x): x is Flow => x !== undefined);
  const complete = flows.every((x) => x.months >= x.ofMonths && (!x.reporting || x.reporting.reported === x.reporting.active));
  return {
    unitId,
    period: f.window.id,
    kind: f.window.kind,
    complete,
    text: sentences.map((s) => s.text).join(' '),
    sentences,
    figures: sentences.flatMap((s) => s.figures),
  };
}

/** A unit's window ids in summary order: years ascending, then terms in time order. */
export function summaryWindowIds(uf: UnitFigures): string[] {
  return [
    ...Object.keys(uf.years).sort((a, b) => Number(a) - Number(b)),
    ...Object.values(uf.terms)
      .sort((a, b) => a.window.from - b.window.from)
      .map((t) => t.window.id),
  ];
}

/** Every summary: each unit (in the dataset's unit order), its years ascending, then its terms. */
export function summarizeAll(dataset: Dataset): SummaryRecord[] {
  const out: SummaryRecord[] = [];
  for (const unit of dataset.units) {
    const uf = dataset.figures[unit.id];
    if (!uf) continue;
    for (const id of summaryWindowIds(uf)) {
      const s = summarize(dataset, unit.id, id);
      if (!s) continue;
      out.push({
        unit_id: s.unitId,
        period: s.period,
        kind: s.kind,
        complete: s.complete,
        text: s.text,
        sentences: s.sentences.map((x) => x.text),
        figures: s.figures,
      });
    }
  }
  return out;
}

/**
 * Where a figure comes from, said in the words of the spec's "What pages show": which children reported, in
 * which groups and months ("tổng hợp từ số liệu tháng 1–6 của 5/6 đảng bộ cấp huyện và tháng 7–12 của 12/12 đảng
 * bộ xã, phường, đặc khu"), and which merged units are included ("gồm số liệu của Đảng bộ tỉnh Bắc Kạn trước khi
 * hợp nhất"). A source already said in the summary is not said again.
 */
import { fmtCount } from '../format/index.ts';
import { lifeSpan } from '../model/lives.ts';
import { monthOf, yearOf } from '../periods.ts';
import type { Flow, MonthIndex, MonthSpan, Part, Snapshot, Unit } from '../types.ts';
import { monthPhrase } from './coverage.ts';
import { allChildrenNoun, type ChildGroup, childGroups, type GroupFlow, nameIn } from './groups.ts';
import type { Ctx } from './wording.ts';

/** `a`, `a và b`, `a, b và c`. */
export const listOf = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} và ${xs[xs.length - 1]}`;

/** ` (…)` the first time a source is said in the summary, '' after, and for the unit's own rows. */
export function flowNote(ctx: Ctx, flow: Flow, key: GroupFlow): string {
  return once(ctx, flowSource(ctx, flow, key));
}

export function once(ctx: Ctx, text: string): string {
  if (!text || ctx.said.has(text)) return '';
  ctx.said.add(text);
  return ` (${text})`;
}

/** Where a flow figure comes from, unsaid: '' for the unit's own rows. */
export function flowSource(ctx: Ctx, flow: Flow, key: GroupFlow): string {
  if (flow.basis === 'reported') return '';
  const r = flow.reporting;
  if (flow.basis === 'summed') {
    const groups = childGroups(ctx.ds, ctx.unit.id, ctx.w, key);
    if (!r) return `tổng hợp từ các ${groups.length ? allChildrenNoun(groups) : 'đơn vị trực thuộc'}`;
    return matches(groups, r.reported, r.active) ? groupsText(ctx, groups) : totalText(groups, r);
  }
  return combinedText(ctx, flow, key);
}

const sum = (groups: readonly ChildGroup[], k: 'reported' | 'active') => groups.reduce((n, g) => n + g[k], 0);
const matches = (groups: readonly ChildGroup[], reported: number, active: number) =>
  groups.length > 0 && sum(groups, 'reported') === reported && sum(groups, 'active') === active;

const totalText = (groups: readonly ChildGroup[], r: { reported: number; active: number }) =>
  `tổng hợp từ ${fmtCount(r.reported)}/${fmtCount(r.active)} ${allChildrenNoun(groups)} báo cáo`;

/** The months of a group within the window: `tháng 1–6` in a year, `tháng 1/2021–6/2025` in a term. */
function monthsText(ctx: Ctx, spans: readonly MonthSpan[]): string {
  const inYear = ctx.w.kind === 'year';
  const m = (x: MonthIndex) => (inYear ? `${monthOf(x)}` : `${monthOf(x)}/${yearOf(x)}`);
  return `tháng ${spans.map((s) => (s.from === s.to ? m(s.from) : `${m(s.from)}–${m(s.to)}`)).join(', ')}`;
}

/**
 * One group: `tổng hợp từ 5/6 đảng bộ cấp huyện báo cáo`. Several: each with its months,
 * `tổng hợp từ số liệu tháng 1–6 của 5/6 đảng bộ cấp huyện và tháng 7–12 của 6/6 đảng bộ xã, phường, đặc khu`.
 */
function groupsText(ctx: Ctx, groups: readonly ChildGroup[]): string {
  if (groups.length === 1) {
    const g = groups[0]!;
    return g.named ? `tổng hợp từ số liệu của ${g.name}` : `tổng hợp từ ${count(g)} ${g.name} báo cáo`;
  }
  const items: string[] = [];
  const missing: string[] = [];
  // Months are said only when the groups were under the unit in different months (a window of both worlds).
  const whole = groups.every((g) => g.months >= ctx.w.months);
  for (const g of groups) {
    if (g.named && g.reported === 0) {
      missing.push(g.name);
      continue;
    }
    const who = g.named ? g.name : `${count(g)} ${g.name}`;
    if (whole) items.push(who);
    else {
      const when =
        g.months >= ctx.w.months ? (ctx.w.kind === 'year' ? 'cả năm' : 'cả nhiệm kỳ') : monthsText(ctx, g.spans);
      items.push(`${when} của ${who}`);
    }
  }
  // Group names hold commas ("xã, phường, đặc khu"): three items or more are parted by semicolons.
  const list = items.length > 2 ? items.join('; ') : items.join(' và ');
  let text = whole ? `tổng hợp từ ${list} báo cáo` : `tổng hợp từ số liệu ${list}`;
  if (missing.length) text += `; chưa có số liệu của ${listOf(missing)}`;
  return text;
}

/**
 * The source of a summed flow said just after another's with the same groups and months, in short:
 * `36/47 đảng bộ xã, phường, đặc khu báo cáo`, or for several groups `lần lượt 4/7, 36/47 và 3/3 đơn vị báo cáo`.
 * Undefined when the groups differ (or a group is a unit named by its name): the full source is said then.
 */
export function sourceAfter(
  ctx: Ctx,
  flow: Flow,
  key: GroupFlow,
  before: { flow: Flow; key: GroupFlow },
): string | undefined {
  const r = flow.reporting;
  if (flow.basis !== 'summed' || before.flow.basis !== 'summed' || !r) return undefined;
  const a = childGroups(ctx.ds, ctx.unit.id, ctx.w, key);
  const b = childGroups(ctx.ds, ctx.unit.id, ctx.w, before.key);
  if (!matches(a, r.reported, r.active) || a.length !== b.length) return undefined;
  if (a.some((g, i) => g.named || g.key !== b[i]!.key || g.months !== b[i]!.months)) return undefined;
  if (a.length === 1) return `${count(a[0]!)} ${a[0]!.name} báo cáo`;
  return `lần lượt ${listOf(a.map(count))} đơn vị báo cáo`;
}

const count = (g: ChildGroup) => `${fmtCount(g.reported)}/${fmtCount(g.active)}`;

/** The predecessors of the unit active in the window. */
function activePredecessors(ctx: Ctx): Unit[] {
  const out: Unit[] = [];
  for (const id of ctx.ds.predecessorsOf[ctx.unit.id] ?? []) {
    const p = ctx.ds.unitById[id];
    const l = p && lifeSpan(p);
    if (p && l && l.from <= ctx.w.to && l.to >= ctx.w.from) out.push(p);
  }
  return out;
}

/** A predecessor as named in the window; `… cũ` when it bore the successor's own name. */
function predecessorName(ctx: Ctx, p: Unit): string {
  const name = nameIn(p, ctx.w);
  return name === ctx.subject.full ? `${name} cũ` : name;
}

const merged = (names: readonly string[], what = 'số liệu') => `gồm ${what} của ${listOf(names)} trước khi hợp nhất`;

/**
 * A combined figure: the unit's own part (its children's groups when it summed them), the predecessors included,
 * and those active in the window that have no figure.
 */
function combinedText(ctx: Ctx, flow: Flow, key: GroupFlow): string {
  const withFigure = new Set((flow.parts ?? []).map((p) => p.unitId));
  const preds = activePredecessors(ctx);
  const included = preds.filter((p) => withFigure.has(p.id));
  const missing = preds.filter((p) => !withFigure.has(p.id)).map((p) => predecessorName(ctx, p));
  const pieces: string[] = [];
  const r = flow.reporting;
  const groups = childGroups(ctx.ds, ctx.unit.id, ctx.w, key);
  if (r && matches(groups, r.reported - included.length, r.active - preds.length)) {
    if (sum(groups, 'reported') > 0) pieces.push(groupsText(ctx, groups));
    else missing.unshift(`các ${allChildrenNoun(groups)}`);
  } else if (!withFigure.has(ctx.unit.id)) {
    const from = lifeSpan(ctx.unit).from;
    if (from <= ctx.w.to && lifeSpan(ctx.unit).to >= ctx.w.from) {
      missing.unshift(from > ctx.w.from ? `${ctx.subject.full} từ ${monthPhrase(from)}` : ctx.subject.full);
    }
  }
  if (included.length) pieces.push(merged(included.map((p) => predecessorName(ctx, p))));
  if (missing.length) pieces.push(`chưa có số liệu của ${listOf(missing)}`);
  return pieces.join('; ');
}

/** A target summed from the children: `các đảng bộ cấp huyện trực thuộc`. */
export function childrenOf(ctx: Ctx): string {
  const noun = allChildrenNoun(childGroups(ctx.ds, ctx.unit.id, ctx.w));
  return noun.endsWith('trực thuộc') ? `các ${noun}` : `các ${noun} trực thuộc`;
}

/** ` (gồm chỉ tiêu của Đảng bộ tỉnh Bắc Kạn trước khi hợp nhất)` for a combined target. */
export function targetNote(ctx: Ctx, parts: readonly Part[] | undefined): string {
  const ids = (parts ?? []).map((p) => p.unitId).filter((id) => id !== ctx.unit.id);
  const names = ids.flatMap((id) => (ctx.ds.unitById[id] ? [predecessorName(ctx, ctx.ds.unitById[id])] : []));
  return names.length ? ` (${merged(names, 'chỉ tiêu')})` : '';
}

/** The source of a stock at a date: ` (tổng hợp từ các tổ chức cơ sở đảng)`, a combined stock's predecessors. */
export function stockNote(ctx: Ctx, s: Pick<Snapshot, 'basis' | 'asOf' | 'parts'>): string {
  if (s.basis === 'reported') return '';
  if (s.basis === 'combined') {
    const names = (s.parts ?? [])
      .filter((p) => p.unitId !== ctx.unit.id && ctx.ds.unitById[p.unitId])
      .map((p) => predecessorName(ctx, ctx.ds.unitById[p.unitId]!));
    return once(ctx, names.length ? merged(names) : '');
  }
  const m = Number(s.asOf.slice(0, 4)) * 12 + Number(s.asOf.slice(5, 7)) - 1;
  const groups = childGroups(ctx.ds, ctx.unit.id, { from: m, to: m });
  return once(ctx, `tổng hợp từ các ${groups.length ? allChildrenNoun(groups) : 'đơn vị trực thuộc'}`);
}

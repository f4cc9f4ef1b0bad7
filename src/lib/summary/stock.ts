/** Sentences about a snapshot (members, organisations) and the villages, and the villages' change over a term. */
import { fmtCount, fmtDate, fmtPct } from '../format/index.ts';
import type { IndicatorName } from '../model/dictionary.ts';
import type { Snapshot } from '../types.ts';
import { stockNote } from './sources.ts';
import type { CitedFigure } from './types.ts';
import { add, cite, type Ctx } from './wording.ts';

/**
 * "Tại thời điểm 27/08/2020, Đảng bộ huyện có 7.335 đảng viên, sinh hoạt tại
 * 48 tổ chức cơ sở đảng."
 * Then the villages: "Trên địa bàn có 118 thôn, bản, trong đó 59 thôn, bản có chi bộ,
 * 18 thôn, bản chưa có đảng viên."
 */
export function stockSentences(ctx: Ctx): void {
  const { f, w } = ctx;
  const s = f.stock;
  if (!s) return;
  const at = `tại thời điểm ${fmtDate(s.asOf)}${stockNote(ctx, s)}`;
  const figs: CitedFigure[] = [];
  const n = (name: IndicatorName, v: number) => {
    const t = fmtCount(v);
    figs.push(cite(name, w.id, v, t));
    return t;
  };
  const orgs: string[] = [];
  if (s.grassrootsOrgs !== undefined) {
    orgs.push(`${n('grassroots_orgs', s.grassrootsOrgs)} tổ chức cơ sở đảng`);
  }
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
  if (s.villagesWithBranch !== undefined) {
    inner.push(`${n('villages_with_branch', s.villagesWithBranch)} thôn, bản có chi bộ`);
  }
  if (s.villagesWithoutMembers === 0) {
    // A known zero in words, as a writer puts it.
    const none = 'không còn thôn, bản nào chưa có đảng viên';
    figs.push(cite('villages_without_members', w.id, 0, none));
    inner.push(none);
  } else if (s.villagesWithoutMembers !== undefined) {
    inner.push(`${n('villages_without_members', s.villagesWithoutMembers)} thôn, bản chưa có đảng viên`);
  }
  if (s.villages !== undefined) {
    const within = inner.length ? `, trong đó ${inner.join(', ')}` : '';
    const text = `${lead} có ${n('villages', s.villages)} thôn, bản${within}`;
    add(ctx, 'villages', `${text}.`, figs);
  } else if (inner.length) {
    const verb =
      s.villagesWithoutMembers === 0 && inner.length === 1 ? '' : s.villagesWithBranch === undefined ? 'còn ' : 'có ';
    add(ctx, 'villages', `${lead} ${verb}${inner.join(', ')}.`, figs);
  }
}

/**
 * Terms: "Từ ngày 01/01/2016 đến ngày 04/01/2017, số thôn, bản chưa có đảng viên giảm được 19
 * (từ 37 xuống 18)." The two counts are snapshots (cited with their date), the change is the term's indicator.
 */
export function villagesChangeSentence(ctx: Ctx): void {
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
  const summed = stockNote(ctx, { basis: span.basis, asOf: span.to });
  let text: string;
  if (d === 0) {
    figs[0]!.text = 'không thay đổi';
    text = `${when}, số thôn, bản chưa có đảng viên${summed} không thay đổi`;
  } else {
    const way = d < 0 ? 'giảm được' : 'tăng thêm';
    text = `${when}, số thôn, bản chưa có đảng viên${summed} ${way} ${dn}`;
  }
  if (d === 0 && to === 0) {
    text += ' (không có thôn, bản nào)';
  } else if (from !== undefined && to !== undefined && to - from === d) {
    const ft = fmtCount(from);
    const tt = fmtCount(to);
    figs.push({ indicator: 'villages_without_members', period: w.id, value: from, text: ft, asOf: span.from });
    figs.push({ indicator: 'villages_without_members', period: w.id, value: to, text: tt, asOf: span.to });
    text += d === 0 ? ` (${tt} thôn, bản)` : ` (từ ${ft} ${d < 0 ? 'xuống' : 'lên'} ${tt})`;
  }
  add(ctx, 'villages', `${text}.`, figs);
}

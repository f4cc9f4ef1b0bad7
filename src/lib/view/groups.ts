/**
 * The groups a unit's children are named by in a window (spec, "Units that change", "What pages show"):
 * districts until 06/2025 are "đảng bộ cấp huyện", communes from 07/2025 "đảng bộ xã, phường, đặc khu", the
 * committees of the same tier for the armed forces, the police and the provincial agencies never "cấp huyện".
 * The rule that puts a unit in a group is the summaries' (src/lib/summary/groups.ts), so both say the same words.
 */
import { fmtMonthIndex } from '../format/index.ts';
import { type GroupKey, groupKeyOf } from '../summary/groups.ts';
import type { Dataset, MonthSpan, Unit } from '../types.ts';
import { LEVEL_LABEL } from './labels.ts';

export type { GroupKey };

/** One child in the window: the months it was under the unit inside the window. */
export interface GroupMember {
  unitId: string;
  months: number;
  spans: MonthSpan[];
}

export interface ChildGroup {
  key: GroupKey;
  /** The plural noun, lower case, as a sentence counts them: `3 đảng bộ cấp huyện`. */
  name: string;
  /** The same, capitalised for a heading or a table's column. */
  title: string;
  /** Months of the window in which some member was under the unit: the union of their spans. */
  spans: MonthSpan[];
  months: number;
  /** True when the group's months are the whole window (no months need saying). */
  whole: boolean;
  /** `01/2025–06/2025` when not whole; else undefined. */
  monthsLabel?: string;
  /** In the order of Dataset.childrenOf (by label). */
  members: GroupMember[];
}

/** Where a sentence counts every child committee whatever its group. */
export const ALL_CHILDREN = 'đảng bộ trực thuộc';

const NAMES: Record<GroupKey, string> = {
  province: 'đảng bộ tỉnh, thành phố',
  district: 'đảng bộ cấp huyện',
  commune: 'đảng bộ xã, phường, đặc khu',
  other: 'đảng bộ trực thuộc khác',
  grassroots: 'tổ chức cơ sở đảng',
  branch: 'chi bộ trực thuộc',
};

/** Order on a page: the districts' world before the communes', the other committees after both. */
const ORDER: GroupKey[] = ['province', 'district', 'commune', 'other', 'grassroots', 'branch'];

/** The group a child unit is named in (the one rule, shared with the summaries). */
export const groupOf = (unit: Unit): GroupKey => groupKeyOf(unit);

export const groupName = (key: GroupKey) => NAMES[key];

/** A group's word in chart keys and ids when a page has several groups (`…-cap-huyen`, `…-xa`). */
export const GROUP_SLUG: Record<GroupKey, string> = {
  province: 'tinh',
  district: 'cap-huyen',
  commune: 'xa',
  other: 'khac',
  grassroots: 'co-so',
  branch: 'chi-bo',
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Union of spans, ascending and disjoint (adjacent spans joined). */
function union(spans: MonthSpan[]): MonthSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: MonthSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

/** `01/2025–06/2025`, or `07/2025` for one month; several spans joined by commas. */
export function spansLabel(spans: MonthSpan[]): string {
  return spans
    .map((s) => (s.from === s.to ? fmtMonthIndex(s.from) : `${fmtMonthIndex(s.from)}–${fmtMonthIndex(s.to)}`))
    .join(', ');
}

/**
 * The children of `unitId` under it in some month of `window`, grouped and named: only units active in the
 * window (an ended district is absent from 2026, a new commune from 2024), each group with its months.
 * With several ids, the children of all of them, in the parents' order within each group.
 */
export function childGroups(ds: Dataset, unitId: string | readonly string[], window: MonthSpan): ChildGroup[] {
  const byKey = new Map<GroupKey, GroupMember[]>();
  const parents = typeof unitId === 'string' ? [unitId] : unitId;
  // Several parents (the provinces, for the home page's ranking): a child under two of them is listed once,
  // with the months under either.
  const seen = new Map<string, GroupMember>();
  for (const c of parents.flatMap((p) => ds.activeChildren(p, window))) {
    const had = seen.get(c.unitId);
    if (had) {
      had.spans = union([...had.spans, ...c.spans]);
      had.months = had.spans.reduce((n, s) => n + s.to - s.from + 1, 0);
      continue;
    }
    const unit = ds.unitById[c.unitId];
    if (!unit) continue;
    const member: GroupMember = { unitId: c.unitId, months: c.months, spans: c.spans };
    seen.set(c.unitId, member);
    const key = groupOf(unit);
    const list = byKey.get(key) ?? [];
    list.push(member);
    byKey.set(key, list);
  }
  const windowMonths = window.to - window.from + 1;
  return ORDER.filter((k) => byKey.has(k)).map((key) => {
    const members = byKey.get(key)!;
    const spans = union(members.flatMap((m) => m.spans));
    const months = spans.reduce((n, s) => n + s.to - s.from + 1, 0);
    const whole = months >= windowMonths;
    const group: ChildGroup = { key, name: NAMES[key], title: capital(NAMES[key]), spans, months, whole, members };
    if (!whole) group.monthsLabel = spansLabel(spans);
    return group;
  });
}

/** Every member of the groups, in group order: the units a list or a count of the window holds. */
export const groupMembers = (groups: ChildGroup[]) => groups.flatMap((g) => g.members.map((m) => m.unitId));

/**
 * The noun for a count of these groups: the group's name when there is one group, else "đảng bộ trực thuộc"
 * (for districts and communes and other committees counted together).
 */
export function countNoun(groups: ChildGroup[]): string {
  if (groups.length === 1) return groups[0]!.key === 'other' ? ALL_CHILDREN : groups[0]!.name;
  return ALL_CHILDREN;
}

/**
 * What a unit's own page calls its level: the group's, so that the armed forces' committee is never
 * "Đảng bộ cấp huyện" (its kind, shown beside it, says which).
 */
export function levelLabelOf(unit: Unit): string {
  return groupOf(unit) === 'other' ? 'Đảng bộ trực thuộc tỉnh' : LEVEL_LABEL[unit.level];
}

/**
 * The children of a unit in a window, in groups named as the spec's "What pages show" says: districts
 * ("đảng bộ cấp huyện", until 06/2025), the new communes ("đảng bộ xã, phường, đặc khu", from 07/2025), the
 * other committees of that tier (armed forces, police, agencies: by their own name, never "cấp huyện"),
 * grassroots organisations and branches. A window holding both worlds gets both groups, each with its months.
 * Pure: the summaries and the pages name the same groups from this one function.
 */
import { coveredOf } from '../model/spans.ts';
import type { Dataset, Flow, MonthSpan, Unit, WindowFigures } from '../types.ts';

export type GroupKey = 'province' | 'district' | 'commune' | 'other' | 'grassroots' | 'branch';

/** Flow figures a group can count as reported. */
export type GroupFlow = 'admitted' | 'classes' | 'trainees' | 'dossiers';

export interface ChildGroup {
  key: GroupKey;
  /**
   * The group as counted ("5/6 đảng bộ cấp huyện"): a common noun; or, for an "other" group of one unit, that
   * unit's name in the window (then `named`: say it without a count).
   */
  name: string;
  named: boolean;
  /** Months of the window with a unit of the group under the unit: how many, and as ascending disjoint spans. */
  months: number;
  spans: MonthSpan[];
  /** Ids of the group's active children (under the unit in some month of the window), in childrenOf order. */
  units: string[];
  /** How many of them have a figure for `flow` over their months under the unit, out of `active`. */
  reported: number;
  active: number;
}

const ORDER: readonly GroupKey[] = ['district', 'commune', 'other', 'grassroots', 'branch'];

const NOUNS: Record<GroupKey, string> = {
  province: 'đảng bộ tỉnh, thành phố',
  district: 'đảng bộ cấp huyện',
  commune: 'đảng bộ xã, phường, đặc khu',
  other: 'đảng bộ trực thuộc khác',
  grassroots: 'tổ chức cơ sở đảng',
  branch: 'chi bộ',
};

/** Armed forces, police, provincial agencies ("khối"): a committee of the district tier never called "cấp huyện". */
const OWN_NAMED = /công an|quân sự|(^|\s)khối(\s|$)/iu;

/**
 * Which group a unit is named in: districts (until 06/2025), communes (from 07/2025), or the other committees of
 * that tier (kind armed_forces or agency, or named for the police, the military or a "khối"). The one rule, for
 * summaries and pages alike.
 */
export function groupKeyOf(unit: Unit): GroupKey {
  if (unit.level !== 'district') return unit.level;
  if (unit.kind === 'armed_forces' || unit.kind === 'agency') return 'other';
  return OWN_NAMED.test(unit.name.normalize('NFC')) ? 'other' : 'district';
}

/** The unit's name in a span: that of its latest life overlapping it, else its (latest) name. */
export function nameIn(unit: Unit, span: MonthSpan): string {
  const lives = unit.lives ?? [];
  for (let i = lives.length - 1; i >= 0; i--) {
    const l = lives[i]!;
    if ((l.from ?? -Infinity) <= span.to && (l.to ?? Infinity) >= span.from) return l.name;
  }
  return unit.name;
}

/** The unit's figures for a window given as its span: the calendar year, or the term, with those months. */
export function figuresIn(ds: Dataset, unitId: string, span: MonthSpan): WindowFigures | undefined {
  const uf = ds.figures[unitId];
  if (!uf) return undefined;
  if (span.from % 12 === 0 && span.to === span.from + 11) {
    const y = uf.years[String(span.from / 12)];
    if (y) return y;
  }
  const t = ds.terms.find((x) => x.from === span.from && x.to === span.to);
  return t ? uf.terms[t.id] : undefined;
}

const overlaps = (a: readonly MonthSpan[], b: readonly MonthSpan[]) =>
  a.some((x) => b.some((y) => x.from <= y.to && y.from <= x.to));

/** Ascending disjoint spans of the union, adjacent spans joined. */
function union(spans: readonly MonthSpan[]): MonthSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: MonthSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

/**
 * The groups of the children under `unitId` in some month of `span` (a window: a calendar year or a term),
 * in the order district, commune, other, grassroots, branch; empty groups left out. A child reported when
 * its figure for `flow` in the window covers some month it was under the unit (a child that moved counts
 * where its months were).
 */
export function childGroups(ds: Dataset, unitId: string, span: MonthSpan, flow: GroupFlow = 'admitted'): ChildGroup[] {
  const byKey = new Map<GroupKey, { units: string[]; spans: MonthSpan[]; reported: number }>();
  for (const c of ds.activeChildren(unitId, span)) {
    const unit = ds.unitById[c.unitId];
    if (!unit) continue;
    const key = groupKeyOf(unit);
    let g = byKey.get(key);
    if (!g) {
      g = { units: [], spans: [], reported: 0 };
      byKey.set(key, g);
    }
    g.units.push(c.unitId);
    g.spans.push(...c.spans);
    const f: Flow | undefined = figuresIn(ds, c.unitId, span)?.[flow];
    if (f && f.months > 0 && overlaps(coveredOf(f, span), c.spans)) g.reported++;
  }
  const out: ChildGroup[] = [];
  for (const key of ORDER) {
    const g = byKey.get(key);
    if (!g) continue;
    const spans = union(g.spans);
    const months = spans.reduce((n, s) => n + s.to - s.from + 1, 0);
    const one = key === 'other' && g.units.length === 1 ? ds.unitById[g.units[0]!]! : undefined;
    const name = one ? nameIn(one, span) : NOUNS[key];
    out.push({
      key,
      name,
      named: one !== undefined,
      months,
      spans,
      units: g.units,
      reported: g.reported,
      active: g.units.length,
    });
  }
  return out;
}

/**
 * What a sentence counting all the groups calls them: the one group's noun, else "đảng bộ trực thuộc" (the
 * tier's committees of every kind), or "tổ chức đảng trực thuộc" when branches are among them.
 */
export function allChildrenNoun(groups: readonly ChildGroup[]): string {
  if (groups.length === 1 && !groups[0]!.named) return groups[0]!.name;
  return groups.some((g) => g.key === 'branch') ? 'tổ chức đảng trực thuộc' : 'đảng bộ trực thuộc';
}

/**
 * The unit index (/don-vi/): the units that go on first, province by province, with what is under them now; the
 * units that ended (the districts and the merged provinces of 2025) apart, each with the month it ended.
 */
import { fmtCount, fmtMonthIndex } from '../format/index.ts';
import { lifeSpan } from '../model/lives.ts';
import type { Dataset, Unit } from '../types.ts';
import { ALL_CHILDREN, groupName, groupOf } from '../view/groups.ts';
import { href, unitPath } from '../view/href.ts';
import { hasEnded, siteIndex } from './site.ts';

export interface IndexEntry {
  label: string;
  name: string;
  href: string;
  /** `12 tổ chức cơ sở đảng`: what is under it (now, for a unit that goes on). */
  count?: string;
  /** `hoạt động đến hết 06/2025, hợp nhất vào Đảng bộ tỉnh An Hòa`. */
  ended?: string;
}

export interface IndexRoot extends IndexEntry {
  /** The children that go on (or, under an ended root, all of them). */
  children: IndexEntry[];
  /** Under a root that goes on: its children that ended. */
  endedChildren: IndexEntry[];
}

export interface UnitIndex {
  current: IndexRoot[];
  ended: IndexRoot[];
}

const kidsOf = (ds: Dataset, id: string) =>
  (ds.childrenOf[id] ?? []).map((k) => ds.unitById[k]).filter((u): u is Unit => !!u);

function endedText(ds: Dataset, u: Unit): string {
  const succ = u.successorId ? ds.unitById[u.successorId] : undefined;
  return `hoạt động đến hết ${fmtMonthIndex(lifeSpan(u).to)}${succ ? `, hợp nhất vào ${succ.name}` : ''}`;
}

function entry(ds: Dataset, u: Unit): IndexEntry {
  const e: IndexEntry = { label: u.label, name: u.name, href: href(unitPath(u.slug)) };
  // What is under it: the children that go on for a unit that goes on, else all it had.
  const kids = kidsOf(ds, u.id).filter((k) => hasEnded(u) || !hasEnded(k));
  if (kids.length > 0) {
    const groups = new Set(kids.map(groupOf));
    const noun = groups.size === 1 ? groupName([...groups][0]!) : ALL_CHILDREN;
    e.count = `${fmtCount(kids.length)} ${noun}`;
  }
  if (hasEnded(u)) e.ended = endedText(ds, u);
  return e;
}

function root(ds: Dataset, r: Unit): IndexRoot {
  const kids = kidsOf(ds, r.id);
  const ended = hasEnded(r);
  return {
    ...entry(ds, r),
    children: kids.filter((k) => ended || !hasEnded(k)).map((k) => entry(ds, k)),
    endedChildren: ended ? [] : kids.filter(hasEnded).map((k) => entry(ds, k)),
  };
}

export function unitIndex(ds: Dataset): UnitIndex {
  const idx = siteIndex(ds);
  return {
    current: idx.currentRoots.map((r) => root(ds, r)),
    ended: idx.endedRoots.map((r) => root(ds, r)),
  };
}

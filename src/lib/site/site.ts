/**
 * Lookups over the whole Dataset, computed once per Dataset and memoised: slug → unit, breadcrumbs,
 * the comparison level. The page view models use
 * these so that rendering one page never scans all units (the national data set has ~10,000).
 */
import { viCollator } from '../format/index.ts';
import { lifeSpan } from '../model/lives.ts';
import type { Dataset, Level, MonthSpan, Unit, WindowFigures } from '../types.ts';
import { type ChildGroup, childGroups } from '../view/groups.ts';
import { href, unitPath } from '../view/href.ts';
import type { Crumb } from '../view/shapes.ts';

export interface SiteIndex {
  ds: Dataset;
  unitBySlug: Map<string, Unit>;
  /** Units of one level, sorted by label. */
  byLevel: Record<Level, Unit[]>;
  /**
   * The units compared across the site: the tier under the provinces (districts until 06/2025, communes from
   * 07/2025, the other committees of that tier), or (without such units) the roots' children. Every window
   * lists only those active in it (childGroups).
   */
  compared: Unit[];
  /** The roots that go on (no end), then those that ended (merged or dissolved), each sorted. */
  currentRoots: Unit[];
  endedRoots: Unit[];
  comparedLevel: Level;
  /** Latest calendar year with an admitted figure for any unit. */
  latestYear?: number;
  /** Latest year with an admitted figure for one of the compared units. */
  comparedYear?: number;
  /**
   * The navigation's "Nhiệm kỳ" link: the latest term a compared unit has an admitted figure for (else a root has
   * any).
   */
  currentTermId?: string;
  /** comparedGroups, memoised by window. */
  groupsByWindow: Map<string, ChildGroup[]>;
}

const cache = new WeakMap<Dataset, SiteIndex>();

export function siteIndex(ds: Dataset): SiteIndex {
  const hit = cache.get(ds);
  if (hit) return hit;

  const unitBySlug = new Map<string, Unit>();
  const byLevel: Record<Level, Unit[]> = { province: [], district: [], commune: [], grassroots: [], branch: [] };
  for (const u of ds.units) {
    unitBySlug.set(u.slug, u);
    byLevel[u.level].push(u);
  }
  for (const l of Object.keys(byLevel) as Level[]) byLevel[l].sort((a, b) => viCollator.compare(a.label, b.label));

  // The compared units in tree order (province by province, each sorted by name): the district and commune tier
  // when there are any. A unit met twice (moved between provinces) is listed once.
  const treeOrder: Unit[] = [];
  const met = new Set<string>();
  const stack = [...ds.roots].reverse();
  const tier1 = (u: Unit) => u.level === 'district' || u.level === 'commune';
  while (stack.length) {
    const id = stack.pop()!;
    const u = ds.unitById[id];
    if (!u || met.has(id)) continue;
    met.add(id);
    treeOrder.push(u);
    if (!tier1(u)) stack.push(...[...(ds.childrenOf[id] ?? [])].reverse());
  }
  let compared = treeOrder.filter(tier1);
  let comparedLevel: Level =
    compared.length > 0 && compared.every((u) => u.level === 'commune') ? 'commune' : 'district';
  if (compared.length === 0) {
    compared = ds.roots.flatMap((r) => (ds.childrenOf[r] ?? []).map((id) => ds.unitById[id]!)).filter(Boolean);
    comparedLevel = compared[0]?.level ?? 'grassroots';
  }

  const latestAdmitted = (units: Unit[]) => {
    let y: number | undefined;
    for (const u of units) {
      const f = ds.figures[u.id];
      if (!f) continue;
      for (const [k, w] of Object.entries(f.years)) if (w.admitted && (y === undefined || Number(k) > y)) y = Number(k);
    }
    return y;
  };

  const roots = ds.roots.map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  const idx: SiteIndex = {
    ds,
    currentRoots: roots.filter((u) => !hasEnded(u)),
    endedRoots: roots.filter(hasEnded),
    groupsByWindow: new Map(),
    unitBySlug,
    byLevel,
    compared,
    comparedLevel,
    latestYear: latestAdmitted(ds.units),
    comparedYear: latestAdmitted(compared),
    currentTermId: (
      [...ds.terms].reverse().find((t) => compared.some((u) => ds.figures[u.id]?.terms[t.id]?.admitted)) ??
      [...ds.terms].reverse().find((t) => ds.roots.some((r) => ds.figures[r]?.terms[t.id])) ??
      ds.terms[ds.terms.length - 1]
    )?.id,
  };
  cache.set(ds, idx);
  return idx;
}

/** A unit whose life has an end (it merged or was dissolved): listed apart from the units that go on. */
export const hasEnded = (u: Unit) => lifeSpan(u).to !== Infinity;

/** Home › province › district › … › unit (the last one without a link). */
export function breadcrumbs(ds: Dataset, unitId: string): Crumb[] {
  const chain: Unit[] = [];
  let u: Unit | undefined = ds.unitById[unitId];
  const seen = new Set<string>();
  while (u && !seen.has(u.id)) {
    seen.add(u.id);
    chain.unshift(u);
    u = u.parentId ? ds.unitById[u.parentId] : undefined;
  }
  return [
    { label: 'Trang chủ', href: href('') },
    ...chain.map((c, i) =>
      i === chain.length - 1 ? { label: c.label } : { label: c.label, href: href(unitPath(c.slug)) },
    ),
  ];
}

export const yearFig = (ds: Dataset, unitId: string, year: number | string | undefined): WindowFigures | undefined =>
  year === undefined ? undefined : ds.figures[unitId]?.years[String(year)];

/** The unit's years with an admitted figure, ascending. */
export function admittedYears(ds: Dataset, unitId: string): number[] {
  const f = ds.figures[unitId];
  if (!f) return [];
  return Object.entries(f.years)
    .filter(([, w]) => w.admitted)
    .map(([k]) => Number(k))
    .sort((a, b) => a - b);
}

/** Inclusive integer range. */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/**
 * The compared units active in a window, in the contract's named groups (districts until 06/2025, communes from
 * 07/2025, the other committees by themselves): what the home page's ranking, the compare page and the term
 * page list for that window.
 */
export function comparedGroups(ds: Dataset, window: MonthSpan): ChildGroup[] {
  const idx = siteIndex(ds);
  const key = `${window.from}-${window.to}`;
  const hit = idx.groupsByWindow.get(key);
  if (hit) return hit;
  const compared = new Set(idx.compared.map((u) => u.id));
  const groups = childGroups(ds, ds.roots, window).filter((g) => g.members.every((m) => compared.has(m.unitId)));
  idx.groupsByWindow.set(key, groups);
  return groups;
}

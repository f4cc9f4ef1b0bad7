/**
 * Lookups over the whole Dataset, computed once per Dataset and memoised: slug → unit, breadcrumbs,
 * the comparison level. The page view models use
 * these so that rendering one page never scans all units (the national data set has ~10,000).
 */
import { viCollator } from '../format/index.ts';
import type { Dataset, Level, Unit, WindowFigures } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import type { Crumb } from '../view/shapes.ts';

export interface SiteIndex {
  ds: Dataset;
  unitBySlug: Map<string, Unit>;
  /** Units of one level, sorted by label. */
  byLevel: Record<Level, Unit[]>;
  /** The units compared across the site: districts, or (without districts) the roots' children. */
  compared: Unit[];
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

  // The compared units in tree order (province by province, each sorted by name): districts when there are any.
  const treeOrder: Unit[] = [];
  const stack = [...ds.roots].reverse();
  while (stack.length) {
    const id = stack.pop()!;
    const u = ds.unitById[id];
    if (!u) continue;
    treeOrder.push(u);
    if (u.level !== 'district') stack.push(...[...(ds.childrenOf[id] ?? [])].reverse());
  }
  let compared = treeOrder.filter((u) => u.level === 'district');
  let comparedLevel: Level = 'district';
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

  const idx: SiteIndex = {
    ds,
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

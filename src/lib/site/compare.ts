/**
 * The compare page (/so-sanh/): the compared units side by side on one indicator and one period.
 * The static page shows a default (admitted, latest year, every unit); the island reads the same data from
 * /so-sanh/du-lieu.json and lets the reader choose, keeping the choice in the URL query.
 */
import type { Dataset, Flow, MonthSpan, Unit, WindowFigures } from '../types.ts';
import { ALL_CHILDREN, countNoun } from '../view/groups.ts';
import { href, unitPath } from '../view/href.ts';
import type { PageFile } from '../view/shapes.ts';
import {
  SAME_PERIOD_ID,
  compareResult,
  type CompareData,
  type CompareGroup,
  type CompareIndicator,
  type CompareResult,
  type CompareSelection,
  type CompareValue,
} from './compare-view.ts';
import { csvFile } from './files.ts';
import { comparedGroups, siteIndex } from './site.ts';

export type { CompareData, CompareIndicator } from './compare-view.ts';
export { compareResult } from './compare-view.ts';

export const COMPARE_INDICATORS: (CompareIndicator & { get: (w: WindowFigures) => Flow | number | undefined })[] = [
  { id: 'admitted', label: 'Số đảng viên kết nạp', unit: 'count', windows: 'both', get: (w) => w.admitted },
  {
    // A running year against the same months of the year before: choosing it sorts the units by it.
    id: SAME_PERIOD_ID,
    label: 'Tăng, giảm so với cùng kỳ năm trước',
    unit: 'pct',
    windows: 'year',
    get: (w) => w.admittedChangeSamePeriodPct,
  },
  { id: 'target', label: 'Chỉ tiêu kết nạp', unit: 'count', windows: 'both', get: (w) => w.target?.value },
  {
    id: 'target_achieved_pct',
    label: 'Tỷ lệ đạt chỉ tiêu',
    unit: 'pct',
    windows: 'both',
    get: (w) => w.targetAchievedPct,
  },
  {
    id: 'admission_rate_pct',
    label: 'Tỷ lệ kết nạp so với đảng viên đầu năm',
    unit: 'pct',
    windows: 'year',
    get: (w) => w.admissionRatePct,
  },
  {
    id: 'average_per_year',
    label: 'Bình quân kết nạp mỗi năm',
    unit: 'ratio',
    windows: 'term',
    get: (w) => w.averagePerYear,
  },
  {
    id: 'youth_pct',
    label: 'Tỷ lệ đảng viên trẻ (18–30 tuổi)',
    unit: 'pct',
    windows: 'both',
    get: (w) => w.youthPct,
  },
  { id: 'women_pct', label: 'Tỷ lệ nữ', unit: 'pct', windows: 'both', get: (w) => w.womenPct },
  {
    id: 'ethnic_minority_pct',
    label: 'Tỷ lệ người dân tộc thiểu số',
    unit: 'pct',
    windows: 'both',
    get: (w) => w.ethnicMinorityPct,
  },
  {
    id: 'college_pct',
    label: 'Tỷ lệ có trình độ cao đẳng trở lên',
    unit: 'pct',
    windows: 'both',
    get: (w) => w.collegePct,
  },
  {
    id: 'trainees',
    label: 'Học viên lớp bồi dưỡng nhận thức về Đảng',
    unit: 'count',
    windows: 'both',
    get: (w) => w.trainees,
  },
  {
    id: 'members',
    label: 'Số đảng viên (lần thống kê cuối kỳ)',
    unit: 'count',
    windows: 'both',
    get: (w) => w.stock?.members,
  },
];

const cache = new WeakMap<Dataset, CompareData>();

/** The months of a period of the compare page: a year, or a term. */
function spanOf(ds: Dataset, p: { id: string; kind: 'year' | 'term' }): MonthSpan {
  if (p.kind === 'year') return { from: Number(p.id) * 12, to: Number(p.id) * 12 + 11 };
  const t = ds.terms.find((x) => x.id === p.id)!;
  return { from: t.from, to: t.to };
}

function toValue(v: Flow | number | undefined): CompareValue {
  if (v === undefined) return null;
  if (typeof v === 'number') return v;
  return v.months < v.ofMonths ? [v.value, v.months, v.ofMonths] : v.value;
}

/** All units when there are few (one province); else those under the first province that has any. */
function defaultUnits(units: Unit[]): number[] {
  if (units.length <= 40) return [];
  const firstParent = units[0]?.parentId;
  const picked = units.map((u, i) => (u.parentId === firstParent ? i : -1)).filter((i) => i >= 0);
  return picked.length === units.length ? [] : picked;
}

export function compareData(ds: Dataset): CompareData {
  const hit = cache.get(ds);
  if (hit) return hit;
  const idx = siteIndex(ds);
  const units = idx.compared;
  const periods = [
    ...[...ds.years].reverse().map((y) => ({ id: String(y), label: `Năm ${y}`, kind: 'year' as const })),
    ...[...ds.terms].reverse().map((t) => ({ id: t.id, label: t.name, kind: 'term' as const })),
  ];
  const values: CompareData['values'] = {};
  const indicators: CompareIndicator[] = [];
  for (const ind of COMPARE_INDICATORS) {
    const byPeriod: Record<string, CompareValue[]> = {};
    for (const p of periods) {
      if (ind.windows !== 'both' && ind.windows !== p.kind) continue;
      const col = units.map((u) => {
        const f = ds.figures[u.id];
        const w = p.kind === 'year' ? f?.years[p.id] : f?.terms[p.id];
        return w ? toValue(ind.get(w)) : null;
      });
      if (col.some((v) => v !== null)) byPeriod[p.id] = col;
    }
    if (Object.keys(byPeriod).length === 0) continue;
    values[ind.id] = byPeriod;
    indicators.push({ id: ind.id, label: ind.label, unit: ind.unit, windows: ind.windows });
  }
  const usedPeriods = new Set(Object.values(values).flatMap((v) => Object.keys(v)));
  const shown = periods.filter((p) => usedPeriods.has(p.id));
  const index = new Map(units.map((u, i) => [u.id, i]));
  const groups: Record<string, CompareGroup[]> = {};
  const nouns: Record<string, string> = {};
  for (const p of shown) {
    const gs = comparedGroups(ds, spanOf(ds, p));
    groups[p.id] = gs.map((g) => ({
      name: g.name,
      ...(g.monthsLabel ? { months: g.monthsLabel } : {}),
      units: g.members.map((m) => index.get(m.unitId)!),
    }));
    nouns[p.id] = countNoun(gs);
  }
  const allNouns = new Set(Object.values(nouns));
  const data: CompareData = {
    level: allNouns.size === 1 ? [...allNouns][0]! : ALL_CHILDREN,
    groups,
    nouns,
    units: units.map((u) => ({
      id: u.id,
      label: u.label,
      parent: u.parentId ? (ds.unitById[u.parentId]?.label ?? '') : '',
      href: href(unitPath(u.slug)),
    })),
    periods: shown,
    indicators,
    values,
    defaults: {
      indicator: 'admitted',
      period: idx.comparedYear !== undefined ? String(idx.comparedYear) : (periods[0]?.id ?? ''),
      units: defaultUnits(units),
    },
  };
  cache.set(ds, data);
  return data;
}

export interface ComparePage {
  data: CompareData;
  /** The default selection, shown by the static page. */
  selection: CompareSelection;
  /** The compared units' parents, for the "only the units of …" picker. */
  parents: string[];
  result: CompareResult;
  description: string;
  /** The default selection's CSV (the island makes its own for other choices). */
  csvHref: string;
  files: PageFile[];
}

export function comparePage(ds: Dataset): ComparePage {
  const data = compareData(ds);
  const selection = { indicator: data.defaults.indicator, period: data.defaults.period, units: data.defaults.units };
  const result = compareResult(data, selection);
  const csvHref = href('so-sanh/mac-dinh.csv');
  return {
    data,
    selection,
    parents: [...new Set(data.units.map((u) => u.parent).filter(Boolean))],
    result,
    description:
      `So sánh các ${data.level} theo một chỉ số: số kết nạp, tỷ lệ đạt chỉ tiêu, ` +
      'tỷ lệ kết nạp, cơ cấu đảng viên mới, theo năm hoặc nhiệm kỳ.',
    csvHref,
    files: [csvFile(csvHref, result.csv)],
  };
}

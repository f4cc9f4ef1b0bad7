/**
 * The counts of the new Dataset against the previous publication's: new, revised (value or months changed) and
 * withdrawn figures. Unit by unit, in the published order (unit id by code point, then the previous file's order
 * of a unit's rows), so two runs give the same list; one unit's rows are in memory at a time.
 */
import { formatNumber } from '../publish/csv.ts';
import type { Dataset } from '../types.ts';
import { type PreviousIndicators, unpackFigures } from './previous.ts';
import { REVISED_INDICATORS } from './records.ts';

export interface Change {
  unitId: string;
  period: string;
  indicator: string;
  oldValue: string;
  /** '' when withdrawn. */
  newValue: string;
  oldMonths: string;
  newMonths: string;
}

export interface Diff {
  /** Counts that were not in the previous publication. */
  added: number;
  /** Revised and withdrawn counts, in the published order. */
  changes: Change[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Text of a number as the previous publication wrote it, for comparing and for revisions.csv. */
const numberText = (v: string): string => {
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? formatNumber(n) : v;
};

export function diffCounts(dataset: Dataset, previous: PreviousIndicators): Diff {
  const ids = new Set(dataset.indicatorUnitOrder);
  for (const id of previous.byUnit.keys()) ids.add(id);
  const changes: Change[] = [];
  let added = 0;
  for (const unitId of [...ids].sort(byCodePoint)) {
    const now = new Map<string, { value: string; months: string }>();
    if (dataset.unitById[unitId]) {
      for (const r of dataset.indicatorsOf(unitId)) {
        if (!REVISED_INDICATORS.has(r.indicator)) continue;
        const value = typeof r.value === 'number' ? formatNumber(r.value) : r.value;
        now.set(`${r.period}\u001f${r.indicator}`, { value, months: r.months === null ? '' : String(r.months) });
      }
    }
    const before = unpackFigures(previous.byUnit.get(unitId));
    let matched = 0;
    for (const p of before) {
      const key = `${p.period}\u001f${p.indicator}`;
      const n = now.get(key);
      const oldValue = numberText(p.value);
      if (n) matched++;
      if (n && n.value === oldValue && n.months === p.months) continue;
      changes.push({
        unitId,
        period: p.period,
        indicator: p.indicator,
        oldValue,
        newValue: n?.value ?? '',
        oldMonths: p.months,
        newMonths: n?.months ?? '',
      });
    }
    added += now.size - matched;
  }
  return { added, changes };
}

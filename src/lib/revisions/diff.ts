/**
 * The counts of the new Dataset against the previous publication's: new, revised (value or months changed) and
 * withdrawn figures. Unit by unit, in the published order (unit id by code point, then the previous file's order
 * of a unit's rows), so two runs give the same list; one unit's rows are in memory at a time, and rows are
 * compared as text (`period,indicator` → `value,months`), objects made only for what changed.
 */
import { formatNumber } from '../publish/csv.ts';
import type { Dataset } from '../types.ts';
import type { PreviousIndicators } from './previous.ts';
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

/** A number as this project writes it (`53`), so that `53.0` from a re-saved file is no revision. */
const numberText = (v: string): string => {
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? formatNumber(n) : v;
};

/** One unit's new counts, packed as the previous ones are (previous.ts): `period,indicator,value,months\n`. */
function packedCounts(dataset: Dataset, unitId: string): string {
  if (!dataset.unitById[unitId]) return '';
  let out = '';
  for (const r of dataset.indicatorsOf(unitId)) {
    if (!REVISED_INDICATORS.has(r.indicator)) continue;
    const value = typeof r.value === 'number' ? formatNumber(r.value) : r.value;
    out += `${r.period},${r.indicator},${value},${r.months ?? ''}\n`;
  }
  return out;
}

/** Calls `each(key, rest)` for every packed line: key `period,indicator`, rest `value,months`. */
function eachLine(packed: string, each: (key: string, rest: string) => void): void {
  let start = 0;
  while (start < packed.length) {
    let end = packed.indexOf('\n', start);
    if (end < 0) end = packed.length;
    const c2 = packed.indexOf(',', packed.indexOf(',', start) + 1);
    each(packed.slice(start, c2), packed.slice(c2 + 1, end));
    start = end + 1;
  }
}

export function diffCounts(dataset: Dataset, previous: PreviousIndicators): Diff {
  const ids = new Set(dataset.indicatorUnitOrder);
  for (const id of previous.byUnit.keys()) ids.add(id);
  const changes: Change[] = [];
  let added = 0;
  for (const unitId of [...ids].sort(byCodePoint)) {
    const packedNow = packedCounts(dataset, unitId);
    const packedBefore = previous.byUnit.get(unitId) ?? '';
    // The common case by far: a unit whose counts did not change at all, compared as one string.
    if (packedNow === packedBefore) continue;
    const now = new Map<string, string>();
    eachLine(packedNow, (key, rest) => now.set(key, rest));
    let matched = 0;
    eachLine(packedBefore, (key, before) => {
      const after = now.get(key);
      if (after !== undefined) matched++;
      if (after === before) return;
      const [period = '', indicator = ''] = key.split(',');
      const [value = '', months = ''] = before.split(',');
      const oldValue = numberText(value);
      const [newValue = '', newMonths = ''] = after === undefined ? [] : after.split(',');
      if (after !== undefined && newValue === oldValue && newMonths === months) return;
      changes.push({ unitId, period, indicator, oldValue, newValue, oldMonths: months, newMonths });
    });
    added += now.size - matched;
  }
  return { added, changes };
}

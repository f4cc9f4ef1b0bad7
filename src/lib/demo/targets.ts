/**
 * targets.csv: a target a little above or below what each unit can be expected to admit; every year and term for
 * provinces, most years for districts, from 2021 for a quarter of the grassroots organisations.
 */
import { monthIndex, monthOf, yearOf } from '../periods.ts';
import { DEMO_SOURCE, rowWriter } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { stream } from './prng.ts';
import { COMPLETE_TERMS, activeIn, termText, type Ctx } from './reports.ts';
import type { DemoUnit } from './unit.ts';

/**
 * Expected admissions of a unit in year y: over its organisations, each one's expected year scaled by the months
 * it was under the unit (the whole of the current year; after the data, the last year's for those still there).
 */
function expectedOf(ctx: Ctx, ui: number, y: number): number {
  const { p, sim } = ctx;
  const yy = Math.min(y, p.lastYear);
  const [y0, y1] = [monthIndex(y, 1), monthIndex(y, 12)];
  let sum = 0;
  for (const leaf of ctx.leaves[ui]!) {
    const within = Math.min(y1, leaf.to) - Math.max(y0, leaf.from) + 1;
    const months = y > p.lastYear ? (leaf.to === Infinity ? 12 : 0) : within;
    if (months <= 0) continue;
    sum += (sim.expected[leaf.g * sim.years + (yy - p.firstYear)]! * months) / 12;
  }
  return sum;
}

/** Whether the unit is there in the first year `t0` of a term (no term target for one founded later). */
const inTermStart = (u: DemoUnit, t0: number) =>
  (u.activeFrom === undefined || yearOf(u.activeFrom) <= t0) && (u.activeTo === undefined || yearOf(u.activeTo) >= t0);

export function writeTargets(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  const write = rowWriter(sink, 'targets.csv');
  const row = (u: DemoUnit, period: string, value: number, note?: string) =>
    write({ unit_id: u.id, period, target: Math.max(1, Math.round(value)), source: DEMO_SOURCE, note });
  for (const ui of order) {
    const u = units[ui]!;
    const rng = stream(seed, 'targets', ui);
    if (u.level === 'grassroots') {
      if (!rng.chance(0.25)) continue;
      for (let y = Math.max(p.firstYear, 2021); y <= p.lastYear; y++) {
        const span = activeIn(ctx, u, y);
        if (!span || monthOf(span[0]) !== 1 || (u.activeTo !== undefined && yearOf(u.activeTo) === y)) continue;
        row(u, String(y), expectedOf(ctx, ui, y) * rng.uniform(0.9, 1.2));
      }
      continue;
    }
    const firstYear = u.level === 'province' ? p.firstYear : p.firstYear + 5;
    for (let y = firstYear; y <= p.lastYear; y++) {
      if (u.level === 'district' && rng.chance(0.1)) continue;
      // A yearly target for a committee there from January (one that ended mid-year had been assigned its year).
      const span = activeIn(ctx, u, y);
      if (!span || monthOf(span[0]) !== 1) continue;
      row(u, String(y), expectedOf(ctx, ui, y) * rng.uniform(0.92, 1.15));
    }
    for (const t of COMPLETE_TERMS) {
      if (t.to < p.firstYear || t.from > p.lastYear || !inTermStart(u, t.from)) continue;
      if (u.level === 'district' && t.from < p.firstYear + 5) continue;
      let sum = 0;
      for (let y = t.from; y <= t.to; y++) sum += expectedOf(ctx, ui, y);
      const note = `Chỉ tiêu nghị quyết đại hội nhiệm kỳ ${termText(t.id)}`;
      row(u, t.id, sum * rng.uniform(0.95, 1.12), note);
    }
  }
}

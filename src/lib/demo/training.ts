/**
 * training.csv: districts report classes, trainees and dossiers most years (a cell missing now and then); a
 * province some years and its complete terms, as the total of its districts.
 */
import { monthIndex } from '../periods.ts';
import type { Cell, CsvSink } from './csv.ts';
import { DEMO_SOURCE, rowWriter } from './columns.ts';
import { stream, type Rng } from './prng.ts';
import { COMPLETE_TERMS, flowSum, periodOf, termText, type Ctx } from './reports.ts';
import { F_ADM } from './simulate.ts';
import type { DemoUnit } from './unit.ts';

export function writeTraining(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  const write = rowWriter(sink, 'training.csv');
  const row = (u: DemoUnit, period: string, v: readonly Cell[], note?: string) =>
    write({ unit_id: u.id, period, classes: v[0], trainees: v[1], dossiers: v[2], source: DEMO_SOURCE, note });
  // True figures of every district and year, so that a province row is their total.
  const truth = new Map<number, number[][]>();
  for (const ui of order) {
    const u = units[ui]!;
    if (u.level !== 'district') continue;
    const rng = stream(seed, 'training', ui);
    const rows: number[][] = [];
    for (let y = p.firstYear; y <= p.lastYear; y++) {
      const b = Math.min(monthIndex(y, 12), ctx.sim.end);
      const adm = flowSum(ctx, ctx.leaves[ui]!, monthIndex(y, 1), b)[F_ADM]!;
      const classes = Math.max(1, Math.round(adm / 35 + rng.uniform(0, 1.5)));
      const trainees = Math.round(adm * rng.uniform(1.15, 1.6)) + rng.int(0, 5);
      rows.push([classes, trainees, Math.round(adm * rng.uniform(1.0, 1.12))]);
    }
    truth.set(ui, rows);
  }
  const cells = (rng: Rng, v: readonly number[]): (number | undefined)[] => {
    const out = v.map((x): number | undefined => (rng.chance(0.08) ? undefined : x));
    if (!out.some((x) => x !== undefined)) out[1] = v[1];
    return out;
  };
  for (const ui of order) {
    const u = units[ui]!;
    if (u.level === 'grassroots') continue;
    const rng = stream(seed, 'training-report', ui);
    if (u.level === 'district') {
      const rows = truth.get(ui)!;
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        if (!rng.chance(0.85)) continue;
        const b = Math.min(monthIndex(y, 12), ctx.sim.end);
        row(u, periodOf(monthIndex(y, 1), b), cells(rng, rows[y - p.firstYear]!));
      }
      continue;
    }
    const total = (y0: number, y1: number) => {
      const sum = [0, 0, 0];
      for (const di of u.children) {
        const rows = truth.get(di)!;
        for (let y = y0; y <= y1; y++) for (let k = 0; k < 3; k++) sum[k]! += rows[y - p.firstYear]![k]!;
      }
      return sum;
    };
    for (let y = p.firstYear; y < p.lastYear; y++) {
      if (rng.chance(0.3)) row(u, String(y), total(y, y));
    }
    for (const t of COMPLETE_TERMS) {
      if (t.from < p.firstYear || t.to >= p.lastYear) continue;
      row(u, t.id, total(t.from, t.to), `Tổng kết nhiệm kỳ ${termText(t.id)}`);
    }
  }
}

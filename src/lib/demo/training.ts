/**
 * training.csv: districts and communes report classes, trainees and dossiers over their active months of most
 * years (a cell missing now and then); a province some years and its complete terms, as the total of the
 * districts and communes under it.
 */
import { DEMO_SOURCE, rowWriter } from './columns.ts';
import type { Cell, CsvSink } from './csv.ts';
import { stream, type Rng } from './prng.ts';
import { COMPLETE_TERMS, activeIn, activeThrough, flowSum, periodOf, termText, type Ctx } from './reports.ts';
import { F_ADM } from './simulate.ts';
import type { DemoUnit } from './unit.ts';

const isTier = (u: DemoUnit) => u.level === 'district' || u.level === 'commune';

export function writeTraining(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  const write = rowWriter(sink, 'training.csv');
  const row = (u: DemoUnit, period: string, v: readonly Cell[], note?: string) =>
    write({ unit_id: u.id, period, classes: v[0], trainees: v[1], dossiers: v[2], source: DEMO_SOURCE, note });
  // True figures of every district and commune and year it was active, so that a province row is their total.
  const truth = new Map<number, (number[] | undefined)[]>();
  for (const ui of order) {
    const u = units[ui]!;
    if (!isTier(u)) continue;
    const rng = stream(seed, 'training', ui);
    const rows: (number[] | undefined)[] = [];
    for (let y = p.firstYear; y <= p.lastYear; y++) {
      const span = activeIn(ctx, u, y);
      if (!span) {
        rows.push(undefined);
        continue;
      }
      const adm = flowSum(ctx, ctx.leaves[ui]!, span[0], span[1])[F_ADM]!;
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
    if (isTier(u)) {
      const rows = truth.get(ui)!;
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        if (!rng.chance(0.85)) continue;
        const span = activeIn(ctx, u, y);
        if (span) row(u, periodOf(span[0], span[1]), cells(rng, rows[y - p.firstYear]!));
      }
      continue;
    }
    const total = (y0: number, y1: number) => {
      const sum = [0, 0, 0];
      for (const di of u.children) {
        const rows = truth.get(di);
        if (!rows) continue;
        for (let y = y0; y <= y1; y++) for (let k = 0; k < 3; k++) sum[k]! += rows[y - p.firstYear]?.[k] ?? 0;
      }
      return sum;
    };
    for (let y = p.firstYear; y < p.lastYear; y++) {
      const span = activeIn(ctx, u, y);
      if (rng.chance(0.3) && span) row(u, periodOf(span[0], span[1]), total(y, y));
    }
    for (const t of COMPLETE_TERMS) {
      if (t.from < p.firstYear || t.to >= p.lastYear || !activeThrough(u, t.from, t.to)) continue;
      row(u, t.id, total(t.from, t.to), `Tổng kết nhiệm kỳ ${termText(t.id)}`);
    }
  }
}

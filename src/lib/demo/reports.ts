/**
 * Step 3 of the generator, what its files share: reports are drawn from the simulation's truth the way
 * committees report (admissions.ts, targets.ts, members.ts, training.ts). A district or province row, when
 * present, is the true total of all its organisations, so it is never less than what its children report.
 */
import { DEFAULT_TERMS, monthIndex, monthOf, monthText, yearOf } from '../periods.ts';
import type { Preset } from './presets.ts';
import { FLOWS, type Sim } from './simulate.ts';
import type { DemoUnit } from './unit.ts';

export interface Ctx {
  p: Preset;
  seed: number;
  units: DemoUnit[];
  sim: Sim;
  /** Grassroots unit indexes under each unit (itself for a grassroots unit). */
  leaves: number[][];
}

/** The true flows (admitted and its breakdowns, F_…) of the organisations `leaves` over months from..to. */
export const flowSum = (ctx: Ctx, leaves: readonly number[], from: number, to: number): number[] => {
  const { sim } = ctx;
  const out = [0, 0, 0, 0, 0];
  const a = Math.max(from, sim.start) - sim.start;
  const b = Math.min(to, sim.end) - sim.start;
  for (const ui of leaves) {
    const g = ctx.units[ui]!.g;
    for (let k = a; k <= b; k++) {
      const base = (g * sim.months + k) * FLOWS;
      if (sim.flows[base] === 0) continue;
      for (let f = 0; f < FLOWS; f++) out[f]! += sim.flows[base + f]!;
    }
  }
  return out;
};

/** The `period` cell of months from..to: `2020`, `2020-08` or `2020-01..2020-08`. */
export const periodOf = (from: number, to: number): string =>
  from === to
    ? monthText(from)
    : monthOf(from) === 1 && monthOf(to) === 12 && yearOf(from) === yearOf(to)
      ? String(yearOf(from))
      : `${monthText(from)}..${monthText(to)}`;

/** Active months of unit `u` in year `y`, within the data; undefined when none. */
export function activeIn(ctx: Ctx, u: DemoUnit, y: number): [number, number] | undefined {
  const from = Math.max(monthIndex(y, 1), u.activeFrom ?? -Infinity, ctx.sim.start);
  const to = Math.min(monthIndex(y, 12), u.activeTo ?? Infinity, ctx.sim.end);
  return from <= to ? [from, to] : undefined;
}

/** The default terms (the demo writes no terms.csv), by calendar year. */
export const COMPLETE_TERMS = DEFAULT_TERMS.map((t) => ({ id: t.id, from: yearOf(t.from), to: yearOf(t.to) }));

/** `2015–2020` for the term id `2015-2020`, as notes write it. */
export const termText = (id: string) => id.replace('-', '–');

/**
 * Step 3 of the generator, what its files share: reports are drawn from the simulation's truth the way
 * committees report (admissions.ts, targets.ts, members.ts, training.ts). A district or province row, when
 * present, is the true total of all its organisations, so it is never less than what its children report.
 */
import { DEFAULT_TERMS, monthIndex, monthOf, monthText, yearOf } from '../periods.ts';
import type { Preset } from './presets.ts';
import { FLOWS, type Sim } from './simulate.ts';
import { REORG, livesOf, type DemoUnit } from './unit.ts';

/** A simulated unit (index g) counted under a unit in the months from..to, inclusive. */
export interface Leaf {
  g: number;
  from: number;
  to: number;
}

export interface Ctx {
  p: Preset;
  seed: number;
  units: DemoUnit[];
  /** The unit index of each simulation index g. */
  unitOfG: number[];
  sim: Sim;
  /** The simulated units under each unit, with the months they were under it (itself, for a simulated unit). */
  leaves: Leaf[][];
}

/**
 * The leaves of every unit: each simulated unit counts toward itself over its life, and toward the ancestors of
 * each period of its life over that period (a moved unit toward its old district until 2025-06, toward its new
 * commune from 2025-07). Committees do not move, so an ancestor's own ancestors are those of its one row.
 */
export function leavesOf(units: readonly DemoUnit[]): Leaf[][] {
  const leaves: Leaf[][] = units.map(() => []);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.g < 0) continue;
    const life = { from: u.activeFrom ?? -Infinity, to: u.activeTo ?? Infinity };
    leaves[i]!.push({ g: u.g, ...life });
    for (const l of livesOf(u)) {
      const leaf = { g: u.g, from: l.from ?? life.from, to: l.to ?? life.to };
      for (let a = l.parent; a >= 0; a = units[a]!.parent) leaves[a]!.push(leaf);
    }
  }
  return leaves;
}

/** The true flows (admitted and its breakdowns, F_…) of `leaves` over months from..to. */
export const flowSum = (ctx: Ctx, leaves: readonly Leaf[], from: number, to: number): number[] => {
  const { sim } = ctx;
  const out = [0, 0, 0, 0, 0];
  for (const leaf of leaves) {
    const g = leaf.g;
    const a = Math.max(from, leaf.from, sim.start) - sim.start;
    const b = Math.min(to, leaf.to, sim.end) - sim.start;
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

/** activeIn, split at the move of a unit that moved that year: a flow row must not span a move. */
export function segmentsIn(ctx: Ctx, u: DemoUnit, y: number): [number, number][] {
  const span = activeIn(ctx, u, y);
  if (!span) return [];
  const [a, b] = span;
  return u.move && a < REORG && REORG <= b
    ? [
        [a, REORG - 1],
        [REORG, b],
      ]
    : [span];
}

/** Whether unit `u` is active in every month of years y0..y1 (a term total needs the whole term). */
export const activeThrough = (u: DemoUnit, y0: number, y1: number) =>
  (u.activeFrom ?? -Infinity) <= monthIndex(y0, 1) && (u.activeTo ?? Infinity) >= monthIndex(y1, 12);

/** The default terms (the demo writes no terms.csv), by calendar year. */
export const COMPLETE_TERMS = DEFAULT_TERMS.map((t) => ({ id: t.id, from: yearOf(t.from), to: yearOf(t.to) }));

/** `2015–2020` for the term id `2015-2020`, as notes write it. */
export const termText = (id: string) => id.replace('-', '–');

/**
 * members.csv: grassroots organisations report their stock at 31/12 (nearly every year) and some at 30/06, with
 * some breakdowns missing; districts (half the dates), communes and provinces report the true total of the
 * organisations under them at that date, within their own life.
 */
import { DEMO_SOURCE, rowWriter } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { stream } from './prng.ts';
import type { Ctx } from './reports.ts';
import { STOCKS, S_BRANCHES, S_ETHNIC, S_MEMBERS, S_PROB, S_VILLAGES, S_VWB, S_VWM, S_WOMEN } from './simulate.ts';

export function writeMembers(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { seed, units, sim } = ctx;
  const write = rowWriter(sink, 'members.csv');
  const S = sim.snaps.length;
  const lastJune = S - 1; // the data ends after June of the last year
  for (const ui of order) {
    const u = units[ui]!;
    const rng = stream(seed, 'members', ui);
    if (u.level === 'grassroots') {
      const midYear = rng.chance(0.08);
      const has = [true, rng.chance(0.9), rng.chance(0.85), u.ethnic > 0.01 && rng.chance(0.85), rng.chance(0.8)];
      const hasVillages = u.kind === 'commune' && rng.chance(0.85);
      for (let s = 0; s < S; s++) {
        const snap = sim.snaps[s]!;
        const base = (u.g * S + s) * STOCKS;
        if (sim.stocks[base]! < 0) continue;
        if (snap.december ? rng.chance(0.04) : !(midYear || s === lastJune)) continue;
        const v = (f: number, on: boolean | undefined) => (on ? sim.stocks[base + f]! : undefined);
        write({
          unit_id: u.id,
          as_of: snap.iso,
          members: v(S_MEMBERS, true),
          probationary: v(S_PROB, has[1]),
          women: v(S_WOMEN, has[2]),
          ethnic_minority: v(S_ETHNIC, has[3]),
          branches: v(S_BRANCHES, has[4]),
          villages: v(S_VILLAGES, hasVillages),
          villages_with_branch: v(S_VWB, hasVillages),
          villages_without_members: v(S_VWM, hasVillages),
          source: DEMO_SOURCE,
        });
      }
      continue;
    }
    const leaves = ctx.leaves[ui]!;
    for (let s = 0; s < S; s++) {
      const snap = sim.snaps[s]!;
      if (!snap.december && s !== lastJune) continue;
      if (u.level === 'district' && !rng.chance(0.5)) continue;
      if (snap.month < (u.activeFrom ?? -Infinity) || snap.month > (u.activeTo ?? Infinity)) continue;
      const sum = new Array<number>(STOCKS).fill(0);
      let orgs = 0;
      let counted = 0;
      for (const leaf of leaves) {
        if (snap.month < leaf.from || snap.month > leaf.to) continue;
        const base = (leaf.g * S + s) * STOCKS;
        if (sim.stocks[base]! < 0) continue;
        counted++;
        // A new commune's own branches (villages, residential groups) are grassroots organisations under it
        // since 07/2025, not branches of one.
        const commune = units[ctx.unitOfG[leaf.g]!]!.level === 'commune';
        if (commune) orgs += sim.stocks[base + S_BRANCHES]!;
        else orgs++;
        for (let f = 0; f < STOCKS; f++) {
          if (f !== S_BRANCHES || !commune) sum[f]! += Math.max(0, sim.stocks[base + f]!);
        }
      }
      if (counted === 0) continue;
      const villages = sum[S_VILLAGES];
      write({
        unit_id: u.id,
        as_of: snap.vn,
        members: sum[S_MEMBERS],
        probationary: sum[S_PROB],
        women: sum[S_WOMEN],
        ethnic_minority: sum[S_ETHNIC],
        grassroots_orgs: orgs,
        branches: sum[S_BRANCHES],
        villages: villages || undefined,
        villages_with_branch: villages ? sum[S_VWB] : undefined,
        villages_without_members: villages ? sum[S_VWM] : undefined,
        source: DEMO_SOURCE,
      });
    }
  }
}

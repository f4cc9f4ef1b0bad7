/**
 * Step 2 of the generator: a month-by-month simulation of every grassroots organisation: members, admissions
 * (0–15 a year) and their breakdowns, probationary members, branches, villages without members. Its arrays are
 * the truth the reports (reports.ts) are drawn from.
 */
import { monthIndex, monthOf, yearOf } from '../periods.ts';
import { stream, type Rng } from './prng.ts';
import type { Preset } from './presets.ts';
import { clamp, type DemoUnit } from './unit.ts';

/** Admission intensity of each year (campaigns, the 2020–2021 pandemic, the 2025 reorganisation). */
const YEAR_FACTOR: Record<number, number> = {
  2011: 1.0,
  2012: 1.03,
  2013: 1.05,
  2014: 1.04,
  2015: 1.08,
  2016: 1.0,
  2017: 1.02,
  2018: 1.05,
  2019: 1.1,
  2020: 0.86,
  2021: 0.9,
  2022: 1.06,
  2023: 1.1,
  2024: 1.12,
  2025: 0.94,
  2026: 1.04,
};
/** Months with anniversaries (3/2, 26/3, 19/5, 2/9) see more admissions. Sum is 12. */
const MONTH_WEIGHT = [0.85, 1.25, 1.25, 0.8, 1.25, 0.9, 0.75, 0.95, 1.2, 0.9, 0.85, 1.05];

/** Flows per grassroots unit and month. */
export const F_ADM = 0,
  F_YOUTH = 1,
  F_WOMEN = 2,
  F_ETHNIC = 3,
  F_COLLEGE = 4;
export const FLOWS = 5;
/** Stock fields per grassroots unit and snapshot. */
export const S_MEMBERS = 0,
  S_PROB = 1,
  S_WOMEN = 2,
  S_ETHNIC = 3,
  S_BRANCHES = 4,
  S_VILLAGES = 5,
  S_VWB = 6,
  S_VWM = 7;
export const STOCKS = 8;

export interface Sim {
  start: number;
  end: number;
  months: number;
  /** flows[(g * months + (m - start)) * FLOWS + f] */
  flows: Uint8Array;
  /** Snapshot dates: 31/12 of each year before a data year, 30/06 of each data year. */
  snaps: { month: number; iso: string; vn: string; december: boolean }[];
  /** stocks[(g * snaps + s) * STOCKS + f]; -1 when the unit is not active at that date. */
  stocks: Int32Array;
  /** Expected full-year admissions per grassroots unit and year (for targets). */
  expected: Float32Array;
  years: number;
}

interface Profile {
  rate: number;
  loss: number;
  youth: number;
  women: number;
  ethnic: number;
  college: number;
  womenShare: number;
}

function profile(rng: Rng, u: DemoUnit): Profile {
  const t = u.type!;
  const rate =
    t === 'school'
      ? rng.uniform(0.06, 0.13)
      : t === 'armed'
        ? rng.uniform(0.05, 0.1)
        : t === 'enterprise'
          ? rng.uniform(0.03, 0.07)
          : t === 'agency'
            ? rng.uniform(0.02, 0.05)
            : rng.uniform(0.016, 0.03);
  return {
    rate,
    loss: t === 'xa' || t === 'thitran' ? rng.uniform(0.018, 0.03) : rng.uniform(0.012, 0.028),
    youth: t === 'school' ? rng.uniform(0.6, 0.95) : t === 'armed' ? rng.uniform(0.8, 0.98) : rng.uniform(0.5, 0.85),
    women: t === 'school' ? rng.uniform(0.6, 0.8) : t === 'armed' ? rng.uniform(0.03, 0.2) : rng.uniform(0.35, 0.6),
    ethnic: clamp(u.ethnic * rng.uniform(0.9, 1.1), 0, 1),
    college:
      t === 'agency' || t === 'school'
        ? rng.uniform(0.85, 1)
        : t === 'phuong'
          ? rng.uniform(0.4, 0.75)
          : t === 'xa' || t === 'thitran'
            ? rng.uniform(0.2, 0.5)
            : rng.uniform(0.3, 0.75),
    womenShare:
      t === 'school' ? rng.uniform(0.5, 0.75) : t === 'armed' ? rng.uniform(0.04, 0.14) : rng.uniform(0.25, 0.45),
  };
}

/**
 * Simulates `grassroots` (the units with a simulation index g: grassroots organisations and new communes, in g
 * order). A new commune starts from the state its old communes (`formedFrom`, indexes into `units`, simulated
 * before it) were in at their end: members, villages, branches, the last 12 months' admissions (probationary).
 */
export function simulate(p: Preset, seed: number, grassroots: readonly DemoUnit[], units: readonly DemoUnit[]): Sim {
  const start = monthIndex(p.firstYear, 1);
  const end = monthIndex(p.lastYear, p.lastMonth);
  const months = end - start + 1;
  const years = p.lastYear - p.firstYear + 1;
  const snaps: Sim['snaps'] = [];
  for (let y = p.firstYear; y <= p.lastYear; y++) {
    snaps.push({ month: monthIndex(y - 1, 12), iso: `${y - 1}-12-31`, vn: `31/12/${y - 1}`, december: true });
    if (monthIndex(y, 6) <= end) {
      snaps.push({ month: monthIndex(y, 6), iso: `${y}-06-30`, vn: `30/06/${y}`, december: false });
    }
  }
  const G = grassroots.length;
  const flows = new Uint8Array(G * months * FLOWS);
  const stocks = new Int32Array(G * snaps.length * STOCKS).fill(-1);
  const expected = new Float32Array(G * years);
  const recent = new Int32Array(12);
  // Each unit's state at its end, for the new communes founded on it: members, villages, villages without
  // members, villages sharing a branch, other branches, and its last 12 months of admissions.
  const last = { members: new Int32Array(G), villages: new Int32Array(G), without: new Int32Array(G) };
  const lastSharing = new Int32Array(G);
  const lastExtra = new Int32Array(G);
  const lastRecent = new Int32Array(G * 12);

  for (let g = 0; g < G; g++) {
    const u = grassroots[g]!;
    const rng = stream(seed, 'sim', g);
    const pr = profile(rng, u);
    const from = u.activeFrom ?? start;
    const to = Math.min(u.activeTo ?? end, end);
    let members = u.m0;
    const isCommune = u.kind === 'commune';
    const highland = u.ethnic > 0.4;
    let villages = isCommune ? (highland ? rng.int(8, 24) : rng.int(5, 18)) : 0;
    let withoutMembers = isCommune ? (highland ? rng.int(0, 5) : rng.chance(0.15) ? 1 : 0) : 0;
    let sharing = isCommune ? rng.int(0, 2) : 0;
    let extraBranches = isCommune
      ? rng.int(1, 4)
      : u.name.startsWith('Chi bộ')
        ? 0
        : rng.int(2, Math.max(3, Math.round(u.m0 / 15)));
    const preProbationary = Math.min(15, Math.round(members * pr.rate));
    recent.fill(0);
    // A new commune: the sum of the old ones, and as many times their admissions (and their cap of 15 a year).
    const olds = (u.formedFrom ?? []).map((i) => units[i]!.g);
    const scale = Math.max(1, olds.length);
    if (olds.length > 0) {
      members = villages = withoutMembers = sharing = extraBranches = 0;
      for (const o of olds) {
        members += last.members[o]!;
        villages += last.villages[o]!;
        withoutMembers += last.without[o]!;
        sharing += lastSharing[o]!;
        extraBranches += lastExtra[o]!;
      }
    }
    let yearCount = 0;
    let snap = 0;
    const record = (s: number, m: number) => {
      const base = (g * snaps.length + s) * STOCKS;
      let prob = 0;
      for (let k = 0; k < 12; k++) prob += recent[k]!;
      const before = start - (m - 11); // months of the 12-month window before the data starts
      if (before > 0) prob += Math.round((preProbationary * Math.min(12, before)) / 12);
      const year = yearOf(m) + (monthOf(m) - 1) / 12;
      const womenShare = clamp(pr.womenShare + (year - p.firstYear) * 0.003, 0, 0.95);
      stocks[base + S_MEMBERS] = members;
      stocks[base + S_PROB] = Math.min(prob, members);
      stocks[base + S_WOMEN] = Math.round(members * womenShare);
      stocks[base + S_ETHNIC] = Math.round(members * pr.ethnic);
      const withBranch = Math.max(0, villages - withoutMembers - sharing);
      stocks[base + S_BRANCHES] = isCommune ? withBranch + extraBranches : extraBranches;
      if (isCommune) {
        stocks[base + S_VILLAGES] = villages;
        stocks[base + S_VWB] = withBranch;
        stocks[base + S_VWM] = withoutMembers;
      }
    };
    // The snapshot before the first data month.
    while (snap < snaps.length && snaps[snap]!.month < start) {
      if (from <= start) record(snap, snaps[snap]!.month);
      snap++;
    }
    for (let m = start; m <= end; m++) {
      const mo = monthOf(m);
      const y = yearOf(m);
      if (mo === 1) yearCount = 0;
      if (m === from) for (const o of olds) for (let k = 0; k < 12; k++) recent[k]! += lastRecent[o * 12 + k]!;
      recent[m % 12] = 0;
      if (m >= from && m <= to) {
        const yi = y - p.firstYear;
        const raw = (members * pr.rate * (YEAR_FACTOR[y] ?? 1)) / scale;
        const mean = scale * (raw <= 11 ? raw : Math.min(13.5, 11 + (raw - 11) * 0.3));
        if (mo === 1 || m === from) expected[g * years + yi] = mean;
        let adm = rng.poisson((mean * MONTH_WEIGHT[mo - 1]!) / 12);
        if (yearCount + adm > 15 * scale) adm = 15 * scale - yearCount;
        yearCount += adm;
        recent[m % 12] = adm;
        if (adm > 0) {
          const base = (g * months + (m - start)) * FLOWS;
          flows[base + F_ADM] = adm;
          flows[base + F_YOUTH] = rng.binomial(adm, pr.youth);
          flows[base + F_WOMEN] = rng.binomial(adm, pr.women);
          flows[base + F_ETHNIC] = rng.binomial(adm, pr.ethnic);
          flows[base + F_COLLEGE] = rng.binomial(adm, pr.college);
        }
        const lost = rng.poisson((members * pr.loss) / 12);
        members = Math.max(adm + 5, members + adm - lost);
        if (mo === 12 && withoutMembers > 0 && rng.chance(0.3)) withoutMembers--;
      }
      while (snap < snaps.length && snaps[snap]!.month === m) {
        if (m >= from && m <= to) record(snap, m);
        snap++;
      }
      if (m === to) {
        last.members[g] = members;
        last.villages[g] = villages;
        last.without[g] = withoutMembers;
        lastSharing[g] = sharing;
        lastExtra[g] = extraBranches;
        lastRecent.set(recent, g * 12);
      }
    }
  }
  return { start, end, months, flows, snaps, stocks, expected, years };
}

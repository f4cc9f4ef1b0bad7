/**
 * The 2025 reorganisation in the model (spec, "Units that change"): units with several lives, ended
 * districts, new communes, merged provinces. Inputs are built by hand (the schema that reads lives and
 * successor_id from units.csv is tested on its own); every expected figure is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset, livesOf, type ComputeStats } from '../src/lib/model/index.ts';
import { parseMonth } from '../src/lib/periods.ts';
import type { Dataset, Unit, UnitLife, WindowFigures } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

const year = (d: Dataset, unit: string, y: number): WindowFigures | undefined => d.figures[unit]?.years[String(y)];
const term = (d: Dataset, unit: string, id: string): WindowFigures | undefined => d.figures[unit]?.terms[id];
const m = (s: string) => parseMonth(s)!;
/** Every one of n active parts reported. */
const all = (n: number) => ({ reported: n, active: n });
const rowsOf = (d: Dataset, unit: string, period: string) =>
  Object.fromEntries(
    d
      .indicatorsOf(unit)
      .filter((r) => r.period === period)
      .map((r) => [r.indicator, [r.value, r.months, r.basis]]),
  );

/** Gives a unit of the fixture several lives: [parent, from, to] each, oldest first (as the schema would). */
function lives(fx: Fixture, id: string, ...periods: [string, string | undefined, string | undefined][]): void {
  const u = fx.units.find((x) => x.id === id)!;
  const list: UnitLife[] = periods.map(([parentId, from, to]) => {
    const l: UnitLife = { parentId, name: u.name, label: u.label, origin: u.origin };
    if (from) l.from = m(from);
    if (to) l.to = m(to);
    return l;
  });
  u.lives = list;
  const last = list[list.length - 1]!;
  u.parentId = last.parentId!;
  delete u.activeFrom;
  delete u.activeTo;
  if (list[0]!.from !== undefined) u.activeFrom = list[0]!.from;
  if (last.to !== undefined) u.activeTo = last.to;
}

const unitOf = (fx: Fixture, id: string): Unit => fx.units.find((x) => x.id === id)!;

/**
 * Moves: province P; district D ends 2025-06; communes C1, C2 from 2025-07. Grassroots G1 (D → C1) and
 * G2 (D → C2) moved on 2025-07; G3 under D ended 2025-06; G4 under C1 founded 2025-07.
 */
function moves(opts: { g2December?: boolean; dOwn?: boolean } = {}): Fixture {
  const fx = new Fixture()
    .unit('P', 'province')
    .unit('D', 'district', 'P', { activeTo: '2025-06' })
    .unit('C1', 'commune', 'P', { activeFrom: '2025-07' })
    .unit('C2', 'commune', 'P', { activeFrom: '2025-07' })
    .unit('G1', 'grassroots', 'C1')
    .unit('G2', 'grassroots', 'C2')
    .unit('G3', 'grassroots', 'D', { activeTo: '2025-06' })
    .unit('G4', 'grassroots', 'C1', { activeFrom: '2025-07' });
  lives(fx, 'G1', ['D', undefined, '2025-06'], ['C1', '2025-07', undefined]);
  lives(fx, 'G2', ['D', undefined, '2025-06'], ['C2', '2025-07', undefined]);
  fx.adm('G1', '2024', 9).adm('G1', '2025-01..2025-06', 4).adm('G1', '2025-07..2025-12', 5).adm('G1', '2026', 10);
  fx.adm('G2', '2024', 6).adm('G2', '2025-01..2025-06', 3).adm('G2', '2025-07..2025-11', 2).adm('G2', '2026', 7);
  if (opts.g2December) fx.adm('G2', '2025-12', 1);
  fx.adm('G3', '2024', 2).adm('G3', '2025-01..2025-06', 1);
  fx.adm('G4', '2025-07..2025-12', 6).adm('G4', '2026', 8);
  if (opts.dOwn) fx.adm('D', '2025-01..2025-06', 5);
  return fx;
}

describe('units that moved, ended or started', () => {
  it('a child counts toward a parent only in the months it was under it', () => {
    const d = computeDataset(moves().inputs());
    // D 2025: G1 over 01–06 (4) + G2 over 01–06 (3) + G3 (1) = 8; months 07–12 have no child: 6/12.
    expect(year(d, 'D', 2025)!.admitted).toMatchObject({ value: 8, months: 6, ofMonths: 12, basis: 'summed' });
    expect(year(d, 'D', 2025)!.admitted!.reporting).toEqual({ reported: 3, active: 3 });
    // C1 2025: G1 over 07–12 (5) + G4 (6) = 11, 6/12: a commune founded 07/2025 is never 6/6.
    expect(year(d, 'C1', 2025)!.admitted).toMatchObject({ value: 11, months: 6, ofMonths: 12 });
    // 2024: G1 and G2 were under D all year (9 + 6 + G3's 2 = 17), and under no commune.
    expect(year(d, 'D', 2024)!.admitted).toMatchObject({ value: 17, months: 12 });
    expect(year(d, 'P', 2024)!.admitted).toMatchObject({ value: 17, months: 12, reporting: all(1) });
    // 2026: C1 = G1 10 + G4 8 = 18, C2 = G2 7.
    expect(year(d, 'C1', 2026)!.admitted!.value).toBe(18);
    expect(year(d, 'C2', 2026)!.admitted!.value).toBe(7);
    // A moved child appears under both parents; for a window, each with its months under it.
    expect(d.childrenOf.D).toEqual(['G1', 'G2', 'G3']);
    expect(d.childrenOf.C1).toEqual(['G1', 'G4']);
    const y2025 = { from: m('2025-01'), to: m('2025-12') };
    expect(d.activeChildren('C1', y2025).map((c) => [c.unitId, c.months])).toEqual([
      ['G1', 6],
      ['G4', 6],
    ]);
    expect(d.activeChildren('P', { from: m('2024-01'), to: m('2024-12') }).map((c) => c.unitId)).toEqual(['D']);
  });

  it('covers a month of a sum when every child reporting there covers it (11/12, then 12/12)', () => {
    // P 2025 from D (8, covers 01–06), C1 (11, 07–12) and C2 (G2's 2025-07..2025-11 = 2, covers 07–11):
    // December has C2 present and not covering it, so 11/12, 8 + 11 + 2 = 21; not complete, no change.
    const d = computeDataset(moves().inputs());
    const p = year(d, 'P', 2025)!;
    expect(p.admitted).toMatchObject({ value: 21, months: 11, ofMonths: 12, reporting: all(3) });
    expect(year(d, 'C2', 2025)!.admitted).toMatchObject({ value: 2, months: 5 });
    expect(p.admittedChange).toBeUndefined();
    expect(year(d, 'P', 2026)!.admittedChange).toBeUndefined();
    // With G2's December (1): C2 = 3 over 07–12; P = 8 + 11 + 3 = 22, 12/12, complete: districts 01–06
    // and communes 07–12 make the whole year.
    const e = computeDataset(moves({ g2December: true }).inputs());
    expect(year(e, 'P', 2025)!.admitted).toMatchObject({ value: 22, months: 12, reporting: all(3) });
    // 2025 vs 2024: 22 − 17 = 5, 29.41%; 2026 (C1 18 + C2 7 = 25) vs 2025: +3, 3/22 = 13.64%.
    expect([year(e, 'P', 2025)!.admittedChange, year(e, 'P', 2025)!.admittedChangePct]).toEqual([5, 29.41]);
    expect([year(e, 'P', 2026)!.admittedChange, year(e, 'P', 2026)!.admittedChangePct]).toEqual([3, 13.64]);
    // The commune's own 2025 stays 6/12, so its 2026 has no change.
    expect(year(e, 'C1', 2026)!.admittedChange).toBeUndefined();
  });

  it('has no figure for a unit before its start or after its end, and never a zero', () => {
    const d = computeDataset(moves({ g2December: true }).inputs());
    expect(year(d, 'C1', 2024)).toBeUndefined();
    expect(year(d, 'D', 2026)).toBeUndefined();
    expect(d.indicatorsOf('C1').some((r) => r.period === '2024')).toBe(false);
    expect(d.indicatorsOf('D').some((r) => r.period === '2026')).toBe(false);
  });

  it('sums a moved child over its months in a term too', () => {
    const d = computeDataset(moves({ g2December: true }).inputs());
    // Term 2020-2025 (2021-01..2025-12). D: G1 2024 + 2025-01..06 = 13, G2 6 + 3 = 9, G3 2 + 1 = 3 → 25,
    // covering 2024-01..2025-06 (18 of 60). C1: G1 over 2025-07..12 = 5 + G4 6 = 11 (6 of 60).
    expect(term(d, 'D', '2020-2025')!.admitted).toMatchObject({ value: 25, months: 18, ofMonths: 60 });
    expect(term(d, 'C1', '2020-2025')!.admitted).toMatchObject({ value: 11, months: 6, ofMonths: 60 });
    // P: 25 + 11 + C2 (G2 over 07–12: 2 + 1 = 3) = 39, covering 2024-01..2025-12 = 24 months.
    expect(term(d, 'P', '2020-2025')!.admitted).toMatchObject({ value: 39, months: 24 });
  });

  it('sums snapshots of the children under the unit at that date', () => {
    const fx = moves();
    fx.member('G1', '2025-03-31', { members: 10 }).member('G2', '2025-03-31', { members: 20 });
    fx.member('G3', '2025-03-31', { members: 5 });
    fx.member('G1', '2025-09-30', { members: 11 }).member('G4', '2025-09-30', { members: 7 });
    const d = computeDataset(fx.inputs());
    // 2025-03-31: G1, G2, G3 were under D: 10 + 20 + 5 = 35. C1 had no child then: no snapshot.
    expect(d.figures.D!.snapshots.map((s) => [s.asOf, s.members])).toEqual([['2025-03-31', 35]]);
    // 2025-09-30: G1 (moved) and G4 under C1: 11 + 7 = 18; C2's G2 has none that day, so C2 has none.
    expect(d.figures.C1!.snapshots.map((s) => [s.asOf, s.members])).toEqual([['2025-09-30', 18]]);
    expect(d.figures.C2!.snapshots).toEqual([]);
  });

  it("warns when the children's sum over their months exceeds the parent's own figure", () => {
    // D reports 5 for 2025-01..2025-06; its children over those months: 4 + 3 + 1 = 8 > 5.
    const d = computeDataset(moves({ dOwn: true }).inputs());
    expect(year(d, 'D', 2025)!.admitted).toMatchObject({ value: 5, basis: 'reported', months: 6 });
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]!.message).toContain('(8) lớn hơn số của chính đơn vị (5)');
  });
});

/**
 * A merged province: A goes on under its id, B ends 2025-06 with successor A. Districts A.D, B.D end
 * 2025-06; commune A.C starts 2025-07. Targets and snapshots on the provinces.
 */
function merged(): Fixture {
  const fx = new Fixture()
    .unit('A', 'province')
    .unit('B', 'province', undefined, { activeTo: '2025-06' })
    .unit('A.D', 'district', 'A', { activeTo: '2025-06' })
    .unit('B.D', 'district', 'B', { activeTo: '2025-06' })
    .unit('A.C', 'commune', 'A', { activeFrom: '2025-07' });
  unitOf(fx, 'B').successorId = 'A';
  fx.adm('A.D', '2024', 25, { youth: 10 }).adm('A.D', '2025-01..2025-06', 30, { youth: 12 });
  fx.adm('A.C', '2025-07..2025-12', 20, { youth: 8 }).adm('A.C', '2026', 33, { youth: 11 });
  fx.adm('B.D', '2024', 15).adm('B.D', '2025-01..2025-06', 8, { youth: 2 });
  fx.target('A', '2024', 50).target('A', '2025', 70).target('A', '2026', 40).target('B', '2024', 20);
  fx.member('A', '2024-12-31', { members: 1000 }).member('B', '2025-01-10', { members: 400 });
  fx.member('A', '2025-03-31', { members: 1020, women: 500 }).member('B', '2025-03-31', { members: 410, women: 200 });
  fx.member('A', '2025-06-30', { members: 1050 });
  fx.member('A', '2025-12-31', { members: 1500 });
  return fx;
}

describe('merged units', () => {
  it("combines a predecessor's flows for the months it was active, before and in the window of the merge", () => {
    const d = computeDataset(merged().inputs());
    // 2024: A's own (A.D 25) + B's (B.D 15) = 40, combined, complete.
    const y24 = year(d, 'A', 2024)!;
    expect(y24.admitted).toMatchObject({ value: 40, months: 12, basis: 'combined', reporting: all(2) });
    expect(y24.admitted!.parts).toEqual([
      { unitId: 'A', value: 25 },
      { unitId: 'B', value: 15 },
    ]);
    // 2025: own = A.D 30 (01–06) + A.C 20 (07–12) = 50; B over 01–06: 8. 58, 12/12, 3 of 3 reported.
    const y25 = year(d, 'A', 2025)!;
    expect(y25.admitted).toMatchObject({ value: 58, months: 12, basis: 'combined', reporting: all(3) });
    expect(y25.admitted!.parts).toEqual([
      { unitId: 'A', value: 50 },
      { unitId: 'B', value: 8 },
    ]);
    // B keeps its own figures to its end: 8 over 6 of 12 months.
    expect(year(d, 'B', 2025)!.admitted).toMatchObject({ value: 8, months: 6, basis: 'summed' });
    expect(year(d, 'B', 2026)).toBeUndefined();
    // 2026: no predecessor active; A.C 33, summed as usual, no parts.
    const y26 = year(d, 'A', 2026)!;
    expect(y26.admitted).toMatchObject({ value: 33, months: 12, basis: 'summed' });
    expect(y26.admitted!.parts).toBeUndefined();
    // Changes, both complete: 2025 − 2024 = 18 (45%); 2026 − 2025 = −25, −25/58 = −43.10%.
    expect([y25.admittedChange, y25.admittedChangePct]).toEqual([18, 45]);
    expect([y26.admittedChange, y26.admittedChangePct]).toEqual([-25, -43.1]);
  });

  it('follows rule 4 over the parts for shares', () => {
    const d = computeDataset(merged().inputs());
    // 2024: B.D has no youth, so the combined youth is unknown (A's own 10 is not the whole).
    expect(year(d, 'A', 2024)!.youth).toBeUndefined();
    expect(year(d, 'A', 2024)!.youthPct).toBeUndefined();
    // 2025: 12 + 8 + 2 = 22 of 58 = 37.93%.
    expect(year(d, 'A', 2025)!.youth).toMatchObject({ value: 22, basis: 'combined' });
    expect(year(d, 'A', 2025)!.youthPct).toBe(37.93);
  });

  it('combines targets only when every part active in the window has one', () => {
    const d = computeDataset(merged().inputs());
    // 2024: 50 + 20 = 70; achieved 40 / 70 = 57.14%.
    expect(year(d, 'A', 2024)!.target).toEqual({
      value: 70,
      basis: 'combined',
      parts: [
        { unitId: 'A', value: 50 },
        { unitId: 'B', value: 20 },
      ],
    });
    expect(year(d, 'A', 2024)!.targetAchievedPct).toBe(57.14);
    // 2025: B was active and has no target: unknown, not A's 70 alone.
    expect(year(d, 'A', 2025)!.target).toBeUndefined();
    // 2026: B no longer active: A's own.
    expect(year(d, 'A', 2026)!.target).toMatchObject({ value: 40, basis: 'reported' });
  });

  it('combines stocks at the same date, and members at the start of a year part by part', () => {
    const d = computeDataset(merged().inputs());
    const snaps = d.figures.A!.snapshots;
    // 2024-12-31: B active and without a snapshot that day → unknown, left out; 2025-01-10 likewise (A has
    // none); 2025-03-31: 1020 + 410 = 1430 (women 700); 2025-06-30: B has none → left out; 2025-12-31: own.
    expect(snaps.map((s) => [s.asOf, s.members, s.basis])).toEqual([
      ['2025-03-31', 1430, 'combined'],
      ['2025-12-31', 1500, 'reported'],
    ]);
    expect(snaps[0]!.women).toBe(700);
    expect(snaps[0]!.parts!.map((p) => [p.unitId, p.snapshot.members])).toEqual([
      ['A', 1020],
      ['B', 410],
    ]);
    // Start of 2025: A's own 2024-12-31 (1000) + B's own 2025-01-10 (400), each the closest to 1 January.
    const y25 = year(d, 'A', 2025)!;
    expect(y25.membersAtStart).toEqual({
      value: 1400,
      asOf: '2024-12-31',
      basis: 'combined',
      parts: [
        { unitId: 'A', value: 1000, asOf: '2024-12-31' },
        { unitId: 'B', value: 400, asOf: '2025-01-10' },
      ],
    });
    // Admission rate 2025: 58 / 1400 = 4.14%. Start of 2026: A's 2025-12-31 alone (B ended): 33/1500 = 2.2%.
    expect(y25.admissionRatePct).toBe(4.14);
    expect(year(d, 'A', 2026)!.membersAtStart).toEqual({ value: 1500, asOf: '2025-12-31', basis: 'reported' });
    expect(year(d, 'A', 2026)!.admissionRatePct).toBe(2.2);
  });

  it('writes basis combined in indicators rows', () => {
    const d = computeDataset(merged().inputs());
    const r25 = rowsOf(d, 'A', '2025');
    expect(r25.admitted).toEqual([58, 12, 'combined']);
    expect(r25.admitted_change).toEqual([18, 12, 'combined']);
    expect(r25.youth_pct).toEqual([37.93, 12, 'combined']);
    expect(r25.members_at_start).toEqual([1400, null, 'combined']);
    expect(r25.admission_rate_pct).toEqual([4.14, 12, 'combined']);
    expect(rowsOf(d, 'A', '2024').target).toEqual([70, null, 'combined']);
    // 2026 itself is summed; its change rests on the combined 2025.
    const r26 = rowsOf(d, 'A', '2026');
    expect(r26.admitted).toEqual([33, 12, 'summed']);
    expect(r26.admitted_change).toEqual([-25, 12, 'combined']);
    expect(d.predecessorsOf.A).toEqual(['B']);
    expect(d.predecessorsOf.B).toEqual([]);
  });

  it("a parent sums its children's own figures, not their combined ones", () => {
    // Districts D1 → D2 (D1 ends 2025-06, successor D2) under one province Q: Q's 2024 is D1 + D2 once.
    const fx = new Fixture()
      .unit('Q', 'province')
      .unit('D1', 'district', 'Q', { activeTo: '2025-06' })
      .unit('D2', 'district', 'Q');
    unitOf(fx, 'D1').successorId = 'D2';
    fx.adm('D1', '2024', 4).adm('D2', '2024', 6);
    const d = computeDataset(fx.inputs());
    // D2 shows 6 + 4 = 10 combined; Q = 4 + 6 = 10, summed, not 4 + 10.
    expect(year(d, 'D2', 2024)!.admitted).toMatchObject({ value: 10, basis: 'combined' });
    expect(year(d, 'Q', 2024)!.admitted).toMatchObject({ value: 10, basis: 'summed' });
  });
});

/**
 * A new province N founded 2025-07 on the basis of X and Y (both end 2025-06 with successor N); its
 * commune N.C starts 2025-07. X, Y report their own rows.
 */
function founded(): Fixture {
  const fx = new Fixture()
    .unit('N', 'province', undefined, { activeFrom: '2025-07' })
    .unit('X', 'province', undefined, { activeTo: '2025-06' })
    .unit('Y', 'province', undefined, { activeTo: '2025-06' })
    .unit('N.C', 'commune', 'N', { activeFrom: '2025-07' });
  unitOf(fx, 'X').successorId = 'N';
  unitOf(fx, 'Y').successorId = 'N';
  fx.adm('X', '2024', 100).adm('X', '2025-01..2025-06', 40).adm('Y', '2024', 60).adm('Y', '2025-01..2025-06', 30);
  fx.adm('N.C', '2025-07..2025-12', 50);
  fx.target('X', '2024', 120);
  return fx;
}

describe('a new unit founded on the basis of old ones', () => {
  it('combines its predecessors for the windows before and of the merge', () => {
    const d = computeDataset(founded().inputs());
    // 2024: N did not exist; X 100 + Y 60 = 160, combined, 12/12, complete.
    const y24 = year(d, 'N', 2024)!;
    expect(y24.admitted).toMatchObject({ value: 160, months: 12, basis: 'combined', reporting: all(2) });
    expect(y24.admitted!.parts).toEqual([
      { unitId: 'X', value: 100 },
      { unitId: 'Y', value: 60 },
    ]);
    // 2025: own = N.C 50 (07–12) + X 40 + Y 30 (01–06) = 120, 12/12; change −40 = −25%.
    const y25 = year(d, 'N', 2025)!;
    expect(y25.admitted).toMatchObject({ value: 120, months: 12, basis: 'combined' });
    expect(y25.admitted!.parts).toEqual([
      { unitId: 'N', value: 50 },
      { unitId: 'X', value: 40 },
      { unitId: 'Y', value: 30 },
    ]);
    expect([y25.admittedChange, y25.admittedChangePct]).toEqual([-40, -25]);
    // The commune has no figure before its start.
    expect(year(d, 'N.C', 2024)).toBeUndefined();
    // 2024 target: Y has none, so no combined target (X's 120 alone would overstate achievement).
    expect(y24.target).toBeUndefined();
  });

  it('includes predecessors of predecessors', () => {
    // W ended 2023-06 into X: N's 2023 = X's (with W's) + Y's.
    const fx = founded().unit('W', 'province', undefined, { activeTo: '2023-06' });
    unitOf(fx, 'W').successorId = 'X';
    fx.adm('W', '2023-01..2023-06', 7).adm('X', '2023', 11).adm('Y', '2023', 5);
    const d = computeDataset(fx.inputs());
    // X 2023 = 11 + 7 = 18 combined; N 2023 = 18 + 5 = 23.
    expect(year(d, 'X', 2023)!.admitted).toMatchObject({ value: 18, basis: 'combined', months: 12 });
    expect(year(d, 'N', 2023)!.admitted).toMatchObject({ value: 23, basis: 'combined', months: 12 });
  });
});

describe('cost', () => {
  /**
   * `provinces` provinces, each with 10 districts (end 2025-06) and 10 communes (from 2025-07); under
   * each district 16 grassroots, the even ones moved to the commune of the same number on 2025-07, the
   * odd ones ended 2025-06; the first two grassroots of each district have one branch each, which alone
   * reports (so the grassroots above it is summed). Units: provinces × (1 + 10 + 10 + 160 + 20).
   */
  function generated(provinces: number) {
    const fx = new Fixture();
    let moved = 0;
    let belowMoved = 0;
    for (let p = 0; p < provinces; p++) {
      const P = `P${p}`;
      fx.unit(P, 'province');
      for (let k = 0; k < 10; k++) {
        fx.unit(`${P}.D${k}`, 'district', P, { activeTo: '2025-06' });
        fx.unit(`${P}.C${k}`, 'commune', P, { activeFrom: '2025-07' });
      }
      for (let k = 0; k < 10; k++) {
        for (let g = 0; g < 16; g++) {
          const G = `${P}.D${k}.G${g}`;
          if (g % 2 === 0) {
            fx.unit(G, 'grassroots', `${P}.C${k}`);
            lives(fx, G, [`${P}.D${k}`, undefined, '2025-06'], [`${P}.C${k}`, '2025-07', undefined]);
            moved++;
          } else fx.unit(G, 'grassroots', `${P}.D${k}`, { activeTo: '2025-06' });
          const reporter = g < 2 ? `${G}.B` : G;
          if (g < 2) {
            fx.unit(reporter, 'branch', G, g % 2 === 1 ? { activeTo: '2025-06' } : {});
            if (g % 2 === 0) belowMoved++;
          }
          fx.adm(reporter, '2024', 3).adm(reporter, '2025-01..2025-06', 2);
          if (g % 2 === 0) fx.adm(reporter, '2025-07..2025-12', 1).adm(reporter, '2026', 4);
        }
      }
    }
    return { inputs: fx.inputs(), moved, belowMoved };
  }

  it('computes part-of-window figures only for moved units and what is below them, linearly', () => {
    const small = generated(10);
    expect(small.inputs.units).toHaveLength(2010);
    const stats: ComputeStats = { subWindows: 0 };
    const d = computeDataset(small.inputs, { stats });
    // Each moved grassroots (800) and the branch below it (100, for grassroots 0 of each district) is
    // needed over at most 3 parts: 2025-01..06 and 2021-01..2025-06 (under the district), 2025-07..12
    // (under the commune, for the year and the term alike). Nothing else: 2,700.
    expect(small.moved).toBe(800);
    expect(stats.subWindows).toBeLessThanOrEqual(3 * (small.moved + small.belowMoved));
    expect(stats.subWindows).toBeGreaterThan(0);
    // Twice the units, twice the work: linear, not quadratic.
    const big: ComputeStats = { subWindows: 0 };
    computeDataset(generated(20).inputs, { stats: big });
    expect(big.subWindows).toBe(2 * stats.subWindows);
    // And the figures are right: a province's 2025 = 10 districts × (16 × 2) + 10 communes × (8 × 1).
    expect(year(d, 'P0', 2025)!.admitted).toMatchObject({ value: 400, months: 12, ofMonths: 12 });
  });

  it('livesOf gives the one life of a unit without lives', () => {
    const u = new Fixture().unit('U', 'district', 'P', { activeFrom: '2020-01' }).units[0]!;
    expect(livesOf(u)).toEqual([{ from: m('2020-01'), parentId: 'P', name: 'U', label: 'U', origin: u.origin }]);
  });
});

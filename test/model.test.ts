/**
 * The computation rules of the spec ("How figures are computed"), one by one, on hand-built Inputs.
 * Expected values are worked out by hand in the comments, never taken from the code under test.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDataset,
  INDICATOR_NAMES,
  INDICATORS,
  pct,
  roundHalfUp,
  roundRatio,
  tile,
} from '../src/lib/model/index.ts';
import { monthIndex } from '../src/lib/periods.ts';
import type { Dataset, WindowFigures } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

const year = (d: Dataset, unit: string, y: number): WindowFigures | undefined => d.figures[unit]?.years[String(y)];
const term = (d: Dataset, unit: string, id: string): WindowFigures | undefined => d.figures[unit]?.terms[id];
const lines = (f: WindowFigures | undefined) => f?.admitted?.rows.map((o) => o.line);
const rowsOf = (d: Dataset, unit: string, period: string) =>
  Object.fromEntries(
    d.indicators.filter((r) => r.unit_id === unit && r.period === period).map((r) => [r.indicator, r.value]),
  );

/** One unit, some admissions rows. */
const single = (...rows: [string, number][]) => {
  const fx = new Fixture().unit('U', 'district');
  for (const [p, n] of rows) fx.adm('U', p, n);
  return computeDataset(fx.inputs());
};

describe('tiling', () => {
  it('uses a row that is exactly the window alone', () => {
    // The year row says 100; twelve monthly rows of 10 would say 120. The year row wins.
    const months = Array.from({ length: 12 }, (_, i): [string, number] => [
      `2020-${String(i + 1).padStart(2, '0')}`,
      10,
    ]);
    const d = single(...months, ['2020', 100]);
    const a = year(d, 'U', 2020)!.admitted!;
    expect(a.value).toBe(100);
    expect(a.months).toBe(12);
    expect(a.rows).toHaveLength(1);
  });

  it('takes the non-overlapping set covering the most months', () => {
    // 01..07 alone covers 7; 01..03 + 04..12 cover 12.
    const d = single(['2020-01..2020-07', 53], ['2020-01..2020-03', 20], ['2020-04..2020-12', 70]);
    const a = year(d, 'U', 2020)!.admitted!;
    expect(a.value).toBe(90);
    expect(a.months).toBe(12);
    expect(a.ofMonths).toBe(12);
  });

  it('never counts a month twice', () => {
    // 01..07 (53) + 11..12 (5) = 9 months, 58; 05..10 (40) + 11..12 = 8 months. Never 53 + 40.
    const d = single(['2020-01..2020-07', 53], ['2020-05..2020-10', 40], ['2020-11..2020-12', 5]);
    const a = year(d, 'U', 2020)!.admitted!;
    expect(a.value).toBe(58);
    expect(a.months).toBe(9);
  });

  it('on a tie in months prefers fewer rows', () => {
    // Term 2015-2020 = 2016..2020 (60 months): five yearly rows, or two ranges covering the same 60.
    const d = single(
      ['2016', 1],
      ['2017', 1],
      ['2018', 1],
      ['2019', 1],
      ['2020', 1],
      ['2016-01..2018-12', 30],
      ['2019-01..2020-12', 20],
    );
    const t = term(d, 'U', '2015-2020')!.admitted!;
    expect(t.value).toBe(50);
    expect(t.months).toBe(60);
    expect(t.rows).toHaveLength(2);
  });

  it('then prefers the later rows', () => {
    // Two six-month reports: the one ending in July is later than the one ending in June.
    const d = single(['2020-01..2020-06', 30], ['2020-02..2020-07', 35]);
    expect(year(d, 'U', 2020)!.admitted!.value).toBe(35);
    // Same months and count: {01..04, 09..10} and {03..06, 09..10} cover 6 each; the second ends later below the top row.
    const e = single(['2020-01..2020-04', 1], ['2020-03..2020-06', 2], ['2020-09..2020-10', 10]);
    expect(year(e, 'U', 2020)!.admitted!).toMatchObject({ value: 12, months: 6 });
  });

  it('between two rows exactly the window takes the one further down the file', () => {
    const d = single(['2020', 10], ['2020-01..2020-12', 12]);
    expect(year(d, 'U', 2020)!.admitted!.value).toBe(12);
    expect(lines(year(d, 'U', 2020))).toEqual([3]);
  });

  it('never uses a row reaching outside the window', () => {
    const d = single(['2019-11..2020-02', 9], ['2020-03', 2]);
    const a = year(d, 'U', 2020)!.admitted!;
    expect(a.value).toBe(2);
    expect(a.months).toBe(1);
    expect(year(d, 'U', 2019)).toBeUndefined();
    // The range lies inside the term 2015-2020 (2016..2020) and is used there.
    const t = term(d, 'U', '2015-2020')!.admitted!;
    expect(t.value).toBe(11);
    expect(t.months).toBe(5);
  });

  it('shows partial coverage', () => {
    const d = single(['2020-01..2020-07', 53]);
    const a = year(d, 'U', 2020)!.admitted!;
    expect([a.value, a.months, a.ofMonths]).toEqual([53, 7, 12]);
    expect(d.indicators.find((r) => r.indicator === 'admitted' && r.period === '2020')).toMatchObject({
      months: 7,
      of_months: 12,
    });
  });

  it('gives no figure, not 0, without a usable row', () => {
    const d = single(['2019-06..2020-06', 40]);
    expect(year(d, 'U', 2020)?.admitted).toBeUndefined();
    expect(year(d, 'U', 2019)?.admitted).toBeUndefined();
    expect(d.indicators.filter((r) => r.indicator === 'admitted')).toEqual([
      // Only the term 2015-2020 can hold it.
      {
        unit_id: 'U',
        period: '2015-2020',
        indicator: 'admitted',
        value: 40,
        months: 13,
        of_months: 60,
        basis: 'reported',
      },
    ]);
    expect(d.indicators.some((r) => r.value === 0)).toBe(false);
  });

  it('matches a brute-force search on random inputs', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const window = { from: 0, to: 11 };
    for (let trial = 0; trial < 3000; trial++) {
      const n = 1 + rand(9);
      const rows = Array.from({ length: n }, (_, i) => {
        const from = rand(14) - 1;
        const len = 1 + rand(rand(2) ? 4 : 12);
        return { id: i, from, to: from + len - 1 };
      });
      const got = tile(rows, window, (r) => r);
      expect(got?.rows.map((r) => r.id)).toEqual(bruteForce(rows, window));
    }
  });
});

/**
 * The spec's rule written out directly: all subsets of rows, keep the non-overlapping ones inside the
 * window, best = most months, then fewest rows, then later (rows listed latest first by end, start,
 * file position; greater at the first difference). A row exactly the window wins alone (the last one).
 */
function bruteForce(
  rows: { id: number; from: number; to: number }[],
  w: { from: number; to: number },
): number[] | undefined {
  const exact = rows.filter((r) => r.from === w.from && r.to === w.to);
  if (exact.length > 0) return [exact[exact.length - 1]!.id];
  const inside = rows.filter((r) => r.from >= w.from && r.to <= w.to);
  if (inside.length === 0) return undefined;
  let best: typeof inside | undefined;
  let bestKey: number[] = [];
  for (let mask = 1; mask < 1 << inside.length; mask++) {
    const set = inside.filter((_, i) => mask & (1 << i)).sort((a, b) => a.from - b.from);
    if (set.some((r, i) => i > 0 && r.from <= set[i - 1]!.to)) continue;
    const months = set.reduce((s, r) => s + r.to - r.from + 1, 0);
    const latestFirst = [...set]
      .sort((a, b) => b.to - a.to || b.from - a.from || b.id - a.id)
      .flatMap((r) => [r.to, r.from, r.id]);
    const key = [months, -set.length, ...latestFirst];
    if (!best || compareKeys(key, bestKey) > 0) {
      best = set;
      bestKey = key;
    }
  }
  return best!.map((r) => r.id);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

describe('breakdowns', () => {
  it('are known only when every chosen row has them', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .adm('U', '2020-01..2020-06', 10, { youth: 4, women: 5 })
      .adm('U', '2020-07..2020-12', 10, { youth: 6 });
    const f = year(computeDataset(fx.inputs()), 'U', 2020)!;
    expect(f.admitted!.value).toBe(20);
    expect(f.youth!.value).toBe(10);
    expect(f.youthPct).toBe(50);
    expect(f.women).toBeUndefined();
    expect(f.womenPct).toBeUndefined();
  });

  it('come only from the rows chosen for admitted', () => {
    // The whole-year row has no youth; the monthly row with youth is not chosen, so youth is unknown.
    const fx = new Fixture().unit('U', 'district').adm('U', '2020', 30).adm('U', '2020-03', 3, { youth: 3 });
    const f = year(computeDataset(fx.inputs()), 'U', 2020)!;
    expect(f.admitted!.value).toBe(30);
    expect(f.youth).toBeUndefined();
  });
});

describe('roll-up', () => {
  const tree = () =>
    new Fixture()
      .unit('P', 'province')
      .unit('A', 'district', 'P')
      .unit('B', 'district', 'P')
      .unit('C', 'district', 'P')
      .unit('GONE', 'district', 'P', { activeTo: '2018-12' })
      .unit('A1', 'grassroots', 'A')
      .unit('A2', 'grassroots', 'A');

  it('sums the children, recursively, with reporting counts of active children', () => {
    const fx = tree()
      .adm('A1', '2020', 4, { youth: 1 })
      .adm('A2', '2020-01..2020-07', 6, { youth: 2 })
      .adm('B', '2020', 10, { youth: 5 });
    const d = computeDataset(fx.inputs());
    const a = year(d, 'A', 2020)!.admitted!;
    expect(a).toMatchObject({ value: 10, basis: 'summed', reporting: { reported: 2, active: 2 } });
    // The least coverage among the children that reported.
    expect([a.months, a.ofMonths]).toEqual([7, 12]);
    expect(year(d, 'A', 2020)!.youth!.value).toBe(3);
    // P: A (summed 10) + B (10); C reported nothing; GONE ended in 2018 and is not counted.
    const p = year(d, 'P', 2020)!.admitted!;
    expect(p).toMatchObject({ value: 20, basis: 'summed', reporting: { reported: 2, active: 3 } });
    expect(p.months).toBe(7);
    expect(d.indicators).toContainEqual({
      unit_id: 'P',
      period: '2020',
      indicator: 'admitted',
      value: 20,
      months: 7,
      of_months: 12,
      basis: 'summed',
    });
  });

  it('finishes children first whatever the order of units.csv', () => {
    const fx = new Fixture()
      .unit('G', 'grassroots', 'D')
      .unit('D', 'district', 'P')
      .unit('P', 'province')
      .adm('G', '2020', 4);
    expect(year(computeDataset(fx.inputs()), 'P', 2020)!.admitted).toMatchObject({ value: 4, basis: 'summed' });
  });

  it('counts an inactive child that reported anyway as active', () => {
    const fx = tree().adm('GONE', '2020', 2).adm('A', '2020', 3);
    const p = year(computeDataset(fx.inputs()), 'P', 2020)!.admitted!;
    expect(p.reporting).toEqual({ reported: 2, active: 4 });
  });

  it("keeps the unit's own figure and warns when its children's sum exceeds it", () => {
    const fx = tree().adm('A', '2020', 5).adm('A1', '2020', 4).adm('A2', '2020', 3);
    const d = computeDataset(fx.inputs());
    expect(year(d, 'A', 2020)!.admitted).toMatchObject({ value: 5, basis: 'reported' });
    // Once for the year, once for the term 2015-2020 that holds the same rows.
    expect(d.warnings).toHaveLength(2);
    expect(d.warnings[0]).toMatchObject({
      severity: 'warning',
      file: 'admissions.csv',
      line: 2,
      column: 'admitted',
      value: '5',
    });
    expect(d.warnings[0]!.message).toContain('Đơn vị A (A), năm 2020');
    expect(d.warnings[0]!.message).toContain('(7)');
    expect(d.warnings[1]!.message).toContain('nhiệm kỳ 2015–2020');
  });

  it('does not warn when the children cover more months than the own figure', () => {
    const fx = tree().adm('A', '2020-01..2020-07', 5).adm('A1', '2020', 4).adm('A2', '2020', 3);
    expect(computeDataset(fx.inputs()).warnings).toEqual([]);
  });

  it('breakdowns of a summed figure need every reporting child to have them', () => {
    const fx = tree().adm('A1', '2020', 4, { youth: 1, women: 2 }).adm('A2', '2020', 6, { youth: 2 });
    const f = year(computeDataset(fx.inputs()), 'A', 2020)!;
    expect(f.youth!.value).toBe(3);
    expect(f.youthPct).toBe(30);
    expect(f.women).toBeUndefined();
  });

  it('rolls a target up only when every active child has one', () => {
    const some = tree().target('A1', '2020', 10).adm('A1', '2020', 5);
    expect(year(computeDataset(some.inputs()), 'A', 2020)!.target).toBeUndefined();
    const all = tree().target('A1', '2020', 10).target('A2', '2020', 30).adm('A1', '2020', 5).adm('A2', '2020', 5);
    const f = year(computeDataset(all.inputs()), 'A', 2020)!;
    expect(f.target).toMatchObject({ value: 40, basis: 'summed' });
    expect(f.targetAchievedPct).toBe(25);
  });

  it('sums snapshots of the same date when every active child has one', () => {
    const fx = tree()
      .member('A1', '2020-12-31', { members: 40, women: 10 })
      .member('A2', '2020-12-31', { members: 60 })
      .member('A1', '2021-06-30', { members: 41 });
    const d = computeDataset(fx.inputs());
    expect(d.figures.A!.snapshots).toEqual([{ asOf: '2020-12-31', basis: 'summed', members: 100 }]);
    expect(year(d, 'A', 2020)!.stock).toMatchObject({ members: 100, basis: 'summed' });
    expect(year(d, 'A', 2021)?.stock).toBeUndefined();
  });
});

describe('changes', () => {
  it('only when both windows are complete', () => {
    const d = single(['2018', 10], ['2019', 8], ['2020-01..2020-07', 3]);
    expect(year(d, 'U', 2019)!.admittedChange).toBe(-2);
    expect(year(d, 'U', 2019)!.admittedChangePct).toBe(-20);
    expect(year(d, 'U', 2020)!.admittedChange).toBeUndefined();
    expect(year(d, 'U', 2018)!.admittedChange).toBeUndefined();
    expect(rowsOf(d, 'U', '2019')).toMatchObject({ admitted_change: -2, admitted_change_pct: -20 });
  });

  it('not against a summed figure where some active child did not report', () => {
    const fx = new Fixture()
      .unit('P', 'province')
      .unit('A', 'district', 'P')
      .unit('B', 'district', 'P')
      .adm('A', '2019', 4)
      .adm('B', '2019', 4)
      .adm('A', '2020', 5);
    const d = computeDataset(fx.inputs());
    expect(year(d, 'P', 2020)!.admitted).toMatchObject({ value: 5, months: 12, reporting: { reported: 1, active: 2 } });
    expect(year(d, 'P', 2020)!.admittedChange).toBeUndefined();
  });

  it('between terms', () => {
    const d = single(['2010-2015', 40], ['2015-2020', 50]);
    expect(term(d, 'U', '2015-2020')!.admittedChange).toBe(10);
    expect(term(d, 'U', '2015-2020')!.admittedChangePct).toBe(25);
  });
});

describe('targets and pace', () => {
  it('a partial year gets the expected pace and a status', () => {
    // 8 months: pace 8/12 = 66.67%. 31/253 = 12.25%: behind.
    const fx = new Fixture().unit('U', 'district').adm('U', '2020-01..2020-08', 31).target('U', '2020', 253);
    const f = year(computeDataset(fx.inputs()), 'U', 2020)!;
    expect([f.targetAchievedPct, f.expectedPacePct, f.paceStatus]).toEqual([12.25, 66.67, 'behind']);
  });

  it('ahead when achieved equals the pace exactly', () => {
    // 6 of 12 in six months: 50% against 50%.
    const fx = new Fixture().unit('U', 'district').adm('U', '2020-01..2020-06', 6).target('U', '2020', 12);
    expect(year(computeDataset(fx.inputs()), 'U', 2020)!.paceStatus).toBe('ahead');
  });

  it('a complete year has no pace', () => {
    const fx = new Fixture().unit('U', 'district').adm('U', '2020', 60).target('U', '2020', 50);
    const f = year(computeDataset(fx.inputs()), 'U', 2020)!;
    expect(f.targetAchievedPct).toBe(120);
    expect(f.expectedPacePct).toBeUndefined();
    expect(f.paceStatus).toBeUndefined();
  });

  it('a target alone is a figure, with no achievement', () => {
    const fx = new Fixture().unit('U', 'district').target('U', '2021', 40);
    const d = computeDataset(fx.inputs());
    expect(year(d, 'U', 2021)!.target).toMatchObject({ value: 40, basis: 'reported' });
    expect(rowsOf(d, 'U', '2021')).toEqual({ target: 40 });
    expect(d.indicators[0]).toMatchObject({ months: null, of_months: null });
  });
});

describe('admission rate', () => {
  const rate = (...dates: [string, number][]) => {
    const fx = new Fixture().unit('U', 'district').adm('U', '2020', 10);
    for (const [asOf, members] of dates) fx.member('U', asOf, { members });
    return year(computeDataset(fx.inputs()), 'U', 2020)!;
  };

  it('uses the snapshot closest to 1 January within 1 Dec .. 31 Jan', () => {
    const f = rate(['2019-12-01', 100], ['2020-01-20', 300], ['2019-12-25', 200]);
    expect(f.membersAtStart).toEqual({ value: 200, asOf: '2019-12-25', basis: 'reported' });
    expect(f.admissionRatePct).toBe(5);
  });

  it('accepts the window edges and nothing beyond', () => {
    expect(rate(['2019-12-01', 200]).admissionRatePct).toBe(5);
    expect(rate(['2020-01-31', 250]).admissionRatePct).toBe(4);
    const none = rate(['2019-11-30', 200], ['2020-02-01', 200]);
    expect(none.membersAtStart).toBeUndefined();
    expect(none.admissionRatePct).toBeUndefined();
  });

  it('takes the earlier snapshot at equal distance', () => {
    expect(rate(['2020-01-02', 250], ['2019-12-31', 200]).membersAtStart?.asOf).toBe('2019-12-31');
  });
});

describe('rounding', () => {
  it('rounds half up to two decimals, exactly', () => {
    expect(roundRatio(12477, 200)).toBe(62.39); // 62.385
    expect(pct(124770, 200000)).toBe(62.39);
    expect((12477 / 200).toFixed(2)).toBe('62.38'); // why toFixed would fail
    expect(roundRatio(201, 200)).toBe(1.01); // 1.005, where Math.round(x * 100) / 100 gives 1
    expect(roundRatio(-12477, 200)).toBe(-62.39);
    expect(roundRatio(1, 3)).toBe(0.33);
    expect(roundRatio(2, 3)).toBe(0.67);
    expect(roundRatio(1, 0)).toBeUndefined();
    expect(pct(68, 109)).toBe(62.39);
    expect(pct(64, 109)).toBe(58.72);
    // Beyond 2^53 in the intermediate product: 1.005 exactly, from large integers.
    expect(roundRatio(1005 * 10 ** 12, 10 ** 15)).toBe(1.01);
    expect(roundRatio(1004 * 10 ** 12, 10 ** 15)).toBe(1);
    expect(roundHalfUp(62.385)).toBe(62.39);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(-1.005)).toBe(-1.01);
    expect(roundHalfUp(2.344)).toBe(2.34);
  });
});

describe('terms', () => {
  it('total and average per year for a complete term', () => {
    const d = single(['2016', 7], ['2017', 5], ['2018', 3], ['2019', 1], ['2020', 3]);
    const t = term(d, 'U', '2015-2020')!;
    expect(t.admitted).toMatchObject({ value: 19, months: 60, ofMonths: 60 });
    expect(t.averagePerYear).toBe(3.8);
  });

  it('no average for a partial term', () => {
    const t = term(single(['2016', 7], ['2017', 5]), 'U', '2015-2020')!;
    expect(t.admitted).toMatchObject({ value: 12, months: 24 });
    expect(t.averagePerYear).toBeUndefined();
  });

  it('uses terms.csv when given', () => {
    const fx = new Fixture();
    fx.terms = [{ id: 'NK1', name: 'Nhiệm kỳ 1', from: monthIndex(2019, 7), to: monthIndex(2020, 6) }];
    fx.unit('U', 'district').adm('U', '2019-07..2019-12', 5).adm('U', '2020-01..2020-06', 6);
    const d = computeDataset(fx.inputs());
    expect(term(d, 'U', 'NK1')!.admitted).toMatchObject({ value: 11, months: 12, ofMonths: 12 });
    expect(d.terms.map((t) => t.id)).toEqual(['NK1']);
  });
});

describe('training', () => {
  it('tiles each count on the rows that have it, and gives trainees per admission when both are complete', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .adm('U', '2020', 40)
      .train('U', '2020', { classes: 4, trainees: 282 })
      .train('U', '2020-01..2020-08', { dossiers: 36 });
    const f = year(computeDataset(fx.inputs()), 'U', 2020)!;
    expect(f.classes).toMatchObject({ value: 4, months: 12 });
    expect(f.trainees).toMatchObject({ value: 282, months: 12 });
    expect(f.dossiers).toMatchObject({ value: 36, months: 8 });
    expect(f.traineesPerAdmission).toBe(7.05);
  });

  it('no ratio when one of them is partial', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .adm('U', '2020-01..2020-08', 31)
      .train('U', '2020', { trainees: 282 });
    expect(year(computeDataset(fx.inputs()), 'U', 2020)!.traineesPerAdmission).toBeUndefined();
  });
});

describe('stocks', () => {
  it('the latest snapshot of a window, and the change of villages without members over a term', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .member('U', '2016-01-15', { members: 1400, villagesWithoutMembers: 37, villages: 118 })
      .member('U', '2017-01-04', {
        members: 1488,
        ethnicMinority: 979,
        villages: 118,
        villagesWithBranch: 59,
        villagesWithoutMembers: 18,
      })
      .member('U', '2017-06-30', { members: 1500 });
    const d = computeDataset(fx.inputs());
    expect(year(d, 'U', 2017)!.stock).toMatchObject({ asOf: '2017-06-30', members: 1500 });
    expect(year(d, 'U', 2016)!.stock).toMatchObject({ asOf: '2016-01-15', villagesWithoutMembers: 37 });
    const t = term(d, 'U', '2015-2020')!;
    expect(t.villagesWithoutMembersChange).toBe(-19);
    expect(t.villagesWithoutMembersChangeSpan).toEqual({ from: '2016-01-15', to: '2017-01-04', basis: 'reported' });
    // 979 / 1488 = 65.793…%
    expect(d.figures.U!.snapshots[1]!.ethnicMinorityPct).toBe(65.79);
    const rows = d.indicators.filter((r) => r.period === '2015-2020');
    expect(rows.find((r) => r.indicator === 'villages_without_members_change')).toEqual({
      unit_id: 'U',
      period: '2015-2020',
      indicator: 'villages_without_members_change',
      value: -19,
      months: null,
      of_months: null,
      basis: 'reported',
    });
    expect(rows.find((r) => r.indicator === 'members')).toMatchObject({ value: 1500, months: null });
  });

  it('no change from a single snapshot', () => {
    const fx = new Fixture().unit('U', 'district').member('U', '2017-01-04', { villagesWithoutMembers: 18 });
    expect(term(computeDataset(fx.inputs()), 'U', '2015-2020')!.villagesWithoutMembersChange).toBeUndefined();
  });
});

describe('dataset', () => {
  it('tree, years, latest date, sources and indicator order', () => {
    const fx = new Fixture()
      .unit('P', 'province')
      .unit('z', 'district', 'P', { label: 'Đông Hải' })
      .unit('b', 'district', 'P', { label: 'Ân Thi' })
      .unit('c', 'district', 'P', { label: 'Yên Mỹ' })
      .adm('b', '2019-11..2020-02', 4, { source: 'Báo B' })
      .adm('z', '2018', 3, { source: 'Báo A' })
      .adm('c', '2018', 3, { source: 'Báo B' })
      .member('c', '2020-01-10', { members: 10, source: 'Báo A' })
      .target('c', '2021', 5);
    const d = computeDataset(fx.inputs(), { isDemo: true });
    // Vietnamese order: Â after A, Đ after D, so Ân Thi < Đông Hải < Yên Mỹ.
    expect(d.childrenOf.P).toEqual(['b', 'z', 'c']);
    expect(d.childrenOf.b).toEqual([]);
    expect(d.roots).toEqual(['P']);
    // 2019 is touched by the range but has no figure.
    expect(d.years).toEqual([2018, 2020, 2021]);
    expect(d.latestDataDate).toBe('2020-02-29');
    expect(d.sources).toEqual(
      [
        { text: 'Báo B', count: 2 },
        { text: 'Báo A', count: 2 },
      ].sort((x, y) => x.text.localeCompare(y.text, 'vi')),
    );
    expect(d.isDemo).toBe(true);
    const keys = d.indicators.map((r) => `${r.unit_id}|${r.period}|${INDICATOR_NAMES.indexOf(r.indicator as never)}`);
    expect(d.indicators.map((r) => r.unit_id)).toEqual([...d.indicators.map((r) => r.unit_id)].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes rows in the dictionary order and only names from it', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .adm('U', '2019', 100, { youth: 1, women: 2, ethnicMinority: 3, college: 4 })
      .adm('U', '2020-01..2020-06', 50, { youth: 1, women: 2, ethnicMinority: 3, college: 4 })
      .target('U', '2020', 80)
      .train('U', '2020-01..2020-06', { classes: 1, trainees: 2, dossiers: 3 })
      .member('U', '2019-12-31', {
        members: 1000,
        probationary: 1,
        women: 2,
        ethnicMinority: 3,
        grassrootsOrgs: 4,
        branches: 5,
        villages: 6,
        villagesWithBranch: 1,
        villagesWithoutMembers: 2,
      });
    const d = computeDataset(fx.inputs());
    const in2020 = d.indicators.filter((r) => r.period === '2020').map((r) => r.indicator);
    expect(in2020).toEqual([
      'admitted',
      'youth',
      'women',
      'ethnic_minority',
      'college',
      'youth_pct',
      'women_pct',
      'ethnic_minority_pct',
      'college_pct',
      'target',
      'target_achieved_pct',
      'expected_pace_pct',
      'pace_status',
      'members_at_start',
      'admission_rate_pct',
      'classes',
      'trainees',
      'dossiers',
    ]);
    expect(rowsOf(d, 'U', '2020')).toMatchObject({
      target_achieved_pct: 62.5,
      expected_pace_pct: 50,
      pace_status: 'ahead',
      admission_rate_pct: 5,
    });
    for (const r of d.indicators) expect(Object.keys(INDICATORS)).toContain(r.indicator);
    const order = d.indicators
      .filter((r) => r.period === '2019')
      .map((r) => INDICATOR_NAMES.indexOf(r.indicator as never));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

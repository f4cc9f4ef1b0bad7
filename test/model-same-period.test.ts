/**
 * Same period of the previous year (spec, Indicators, "so với cùng kỳ"): a partial year compares with the
 * same months of the year before, only when those months tile exactly. Inputs are built by hand; every
 * expected figure is worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset, type ComputeStats } from '../src/lib/model/index.ts';
import { samePeriodLine } from '../src/lib/site/same-period.ts';
import { summarize } from '../src/lib/summary/index.ts';
import type { Dataset, WindowFigures } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

const year = (d: Dataset, unit: string, y: number): WindowFigures => d.figures[unit]!.years[String(y)]!;
const rowsOf = (d: Dataset, unit: string, period: string) =>
  Object.fromEntries(
    d
      .indicatorsOf(unit)
      .filter((r) => r.period === period && r.indicator.includes('same_period'))
      .map((r) => [r.indicator, [r.value, r.months, r.of_months, r.basis]]),
  );

/** A unit's 2025 as twelve monthly rows of 10, 20, …, 120 (months 1–9: 10 × (1 + … + 9) = 450). */
function monthly(fx: Fixture, id: string): Fixture {
  for (let k = 1; k <= 12; k++) fx.adm(id, `2025-${String(k).padStart(2, '0')}`, 10 * k);
  return fx;
}

describe('same period of the previous year', () => {
  it('compares 2026-01..09 with the monthly rows of 2025-01..09', () => {
    const fx = monthly(new Fixture().unit('U', 'district'), 'U').adm('U', '2026-01..2026-09', 486);
    const d = computeDataset(fx.inputs());
    const f = year(d, 'U', 2026);
    // 486 − 450 = 36; 36 / 450 = 8%.
    expect(f.samePeriodPrev).toMatchObject({ value: 450, months: 9, ofMonths: 12, basis: 'reported' });
    expect(f.admittedChangeSamePeriod).toBe(36);
    expect(f.admittedChangeSamePeriodPct).toBe(8);
    expect(f.samePeriodReason).toBeUndefined();
    expect(rowsOf(d, 'U', '2026')).toEqual({
      admitted_same_period_prev: [450, 9, 12, 'reported'],
      admitted_change_same_period: [36, 9, 12, 'reported'],
      admitted_change_same_period_pct: [8, 9, 12, 'reported'],
    });
    // A complete year has none: 2025 is 12 of 12.
    expect(year(d, 'U', 2025).samePeriodPrev).toBeUndefined();
    expect(rowsOf(d, 'U', '2025')).toEqual({});
  });

  it('takes quarters that tile the months, and never half-years that do not', () => {
    const fx = new Fixture()
      .unit('Q', 'district')
      .adm('Q', '2025-01..2025-03', 30)
      .adm('Q', '2025-04..2025-06', 40)
      .adm('Q', '2025-07..2025-09', 50)
      .adm('Q', '2025-10..2025-12', 60)
      .adm('Q', '2026-01..2026-06', 63)
      .unit('H', 'district')
      .adm('H', '2025-01..2025-06', 70)
      .adm('H', '2025-07..2025-12', 110)
      .adm('H', '2026-01..2026-09', 100);
    const d = computeDataset(fx.inputs());
    // Q: 2025-01..06 = 30 + 40 = 70; 63 − 70 = −7, −10%.
    expect(year(d, 'Q', 2026).samePeriodPrev).toMatchObject({ value: 70, months: 6 });
    expect(year(d, 'Q', 2026).admittedChangeSamePeriodPct).toBe(-10);
    // H: 2025-07..12 cannot be split at September.
    expect(year(d, 'H', 2026).samePeriodPrev).toBeUndefined();
    expect(year(d, 'H', 2026).samePeriodReason).toBe('no-split');
  });

  it('is unknown when 2025 was given only as a whole year, and says why', () => {
    const fx = new Fixture().unit('U', 'district').adm('U', '2025', 600).adm('U', '2026-01..2026-09', 486);
    const d = computeDataset(fx.inputs());
    const f = year(d, 'U', 2026);
    expect(f.samePeriodPrev).toBeUndefined();
    expect(f.admittedChangeSamePeriod).toBeUndefined();
    expect(f.samePeriodReason).toBe('no-split');
    // Never 486 of 9 months against 600 of 12: no row at all.
    expect(rowsOf(d, 'U', '2026')).toEqual({});
  });

  /** District P with grassroots G1 (monthly 2025, 5 a month) and G2; 2026-01..09: G1 50, G2 40. */
  function sum(g2: (fx: Fixture) => void): Dataset {
    const fx = new Fixture().unit('P', 'district').unit('G1', 'grassroots', 'P').unit('G2', 'grassroots', 'P');
    for (let k = 1; k <= 12; k++) fx.adm('G1', `2025-${String(k).padStart(2, '0')}`, 5);
    fx.adm('G1', '2026-01..2026-09', 50);
    g2(fx);
    return computeDataset(fx.inputs());
  }

  it('sums the children over the same months, and is unknown when one child lacks them', () => {
    // G2: 2025-01..09 = 30, 2025-10..12 = 30. P's 2025-01..09 = 9 × 5 + 30 = 75; 2026: 90; +15, +20%.
    const ok = sum((fx) =>
      fx.adm('G2', '2025-01..2025-09', 30).adm('G2', '2025-10..2025-12', 30).adm('G2', '2026-01..2026-09', 40),
    );
    expect(year(ok, 'P', 2026).admitted).toMatchObject({ value: 90, months: 9, basis: 'summed' });
    expect(year(ok, 'P', 2026).samePeriodPrev).toMatchObject({ value: 75, months: 9, basis: 'summed' });
    expect(rowsOf(ok, 'P', '2026')).toEqual({
      admitted_same_period_prev: [75, 9, 12, 'summed'],
      admitted_change_same_period: [15, 9, 12, 'summed'],
      admitted_change_same_period_pct: [20, 9, 12, 'summed'],
    });
    // G2 gave 2025 as a whole year: it has no 2025-01..09, so neither has P (never two units against one).
    const lacking = sum((fx) => fx.adm('G2', '2025', 60).adm('G2', '2026-01..2026-09', 40));
    expect(year(lacking, 'P', 2026).samePeriodPrev).toBeUndefined();
    expect(year(lacking, 'P', 2026).samePeriodReason).toBe('missing-part');
    expect(year(lacking, 'G2', 2026).samePeriodReason).toBe('no-split');
    expect(year(lacking, 'G1', 2026).samePeriodPrev).toMatchObject({ value: 45, months: 9 });
  });

  it('is unknown when this year not every child reported, or the children cover different months', () => {
    const missing = sum((fx) => fx.adm('G2', '2025-01..2025-09', 30));
    // P's 2026 is G1's alone (1 of 2 reported): comparing it with both children's 2025 would be wrong.
    expect(year(missing, 'P', 2026).admitted?.reporting).toEqual({ reported: 1, active: 2 });
    expect(year(missing, 'P', 2026).samePeriodReason).toBe('incomplete');
    // G2 reports ten months: P's figure is 9 months by the month rule but holds G2's October.
    const uneven = sum((fx) => fx.adm('G2', '2025-01..2025-09', 30).adm('G2', '2026-01..2026-10', 44));
    expect(year(uneven, 'P', 2026).admitted).toMatchObject({ months: 9 });
    expect(year(uneven, 'P', 2026).samePeriodReason).toBe('uneven');
  });

  /**
   * Province A goes on; B ends 2025-06 with successor A. Districts A.D, B.D end 2025-06; commune A.C from
   * 2025-07. 2026-01..06: A.C 230 (A's figure, summed). 2025-01..06: A.D 120 + B.D 80 (B, a predecessor).
   */
  function merged(bd = '2025-01..2025-06'): Dataset {
    const fx = new Fixture()
      .unit('A', 'province')
      .unit('B', 'province', undefined, { activeTo: '2025-06' })
      .unit('A.D', 'district', 'A', { activeTo: '2025-06' })
      .unit('B.D', 'district', 'B', { activeTo: '2025-06' })
      .unit('A.C', 'commune', 'A', { activeFrom: '2025-07' })
      .adm('A.D', '2025-01..2025-06', 120)
      .adm('B.D', bd, 80)
      .adm('A.C', '2025-07..2025-12', 70)
      .adm('A.C', '2026-01..2026-06', 230);
    fx.units.find((u) => u.id === 'B')!.successorId = 'A';
    return computeDataset(fx.inputs());
  }

  it('compares the communes of 2026 with the districts of 2025 and the predecessor', () => {
    const d = merged();
    const f = year(d, 'A', 2026);
    expect(f.admitted).toMatchObject({ value: 230, months: 6, basis: 'summed' });
    // 120 + 80 = 200, combined; 230 − 200 = 30, 15%.
    expect(f.samePeriodPrev).toMatchObject({ value: 200, months: 6, ofMonths: 12, basis: 'combined' });
    expect(rowsOf(d, 'A', '2026')).toEqual({
      admitted_same_period_prev: [200, 6, 12, 'combined'],
      admitted_change_same_period: [30, 6, 12, 'combined'],
      admitted_change_same_period_pct: [15, 6, 12, 'combined'],
    });
    // The commune, founded 07/2025, has no same period in its first year nor in 2026.
    expect(year(d, 'A.C', 2026).samePeriodReason).toBe('founded');
    expect(year(d, 'A.C', 2025).samePeriodReason).toBe('founded');
    // The predecessor's district reported only 2025-01..03: three months of B against six of A.
    const short = merged('2025-01..2025-03');
    expect(year(short, 'A', 2026).samePeriodPrev).toBeUndefined();
    expect(year(short, 'A', 2026).samePeriodReason).toBe('missing-part');
  });

  it('gives a province founded 07/2025 its predecessors’ same months', () => {
    // N founded 2025-07 from X and Y (end 2025-06). 2026-01..06: N.C 95. 2025-01..06: X 50 + Y 40 = 90.
    const fx = new Fixture()
      .unit('N', 'province', undefined, { activeFrom: '2025-07' })
      .unit('X', 'province', undefined, { activeTo: '2025-06' })
      .unit('Y', 'province', undefined, { activeTo: '2025-06' })
      .unit('N.C', 'commune', 'N', { activeFrom: '2025-07' })
      .adm('X', '2025-01..2025-06', 50)
      .adm('Y', '2025-01..2025-06', 40)
      .adm('N.C', '2025-07..2025-12', 60)
      .adm('N.C', '2026-01..2026-06', 95);
    for (const id of ['X', 'Y']) fx.units.find((u) => u.id === id)!.successorId = 'N';
    const d = computeDataset(fx.inputs());
    // 95 − 90 = 5; 5 / 90 = 5.555… → 5.56%.
    expect(year(d, 'N', 2026).samePeriodPrev).toMatchObject({ value: 90, months: 6, basis: 'combined' });
    expect(year(d, 'N', 2026).admittedChangeSamePeriodPct).toBe(5.56);
  });

  it('computes each unit over the same months once: linear in units', () => {
    /** n provinces × 10 districts × 8 grassroots; grassroots 2025-01..09 = 9, 2025-10..12 = 3, 2026-01..09 = 10. */
    const generated = (n: number): { d: Dataset; stats: ComputeStats; units: number } => {
      const fx = new Fixture();
      for (let p = 0; p < n; p++) {
        fx.unit(`P${p}`, 'province');
        for (let k = 0; k < 10; k++) {
          fx.unit(`P${p}.D${k}`, 'district', `P${p}`);
          for (let g = 0; g < 8; g++) {
            const G = `P${p}.D${k}.G${g}`;
            fx.unit(G, 'grassroots', `P${p}.D${k}`);
            fx.adm(G, '2025-01..2025-09', 9).adm(G, '2025-10..2025-12', 3).adm(G, '2026-01..2026-09', 10);
          }
        }
      }
      const stats: ComputeStats = { subWindows: 0 };
      return { d: computeDataset(fx.inputs(), { stats }), stats, units: fx.units.length };
    };
    const small = generated(5);
    // One figure over 2025-01..09 per unit (5 × 91 = 455), memoised for the parents that sum it.
    expect(small.stats.samePeriods).toBe(small.units);
    expect(generated(10).stats.samePeriods).toBe(2 * small.units);
    // A province: 80 grassroots × 9 = 720 in 2025-01..09 against 80 × 10 = 800: +80, +11.11%.
    expect(year(small.d, 'P0', 2026).samePeriodPrev).toMatchObject({ value: 720, months: 9, basis: 'summed' });
    expect(year(small.d, 'P0', 2026).admittedChangeSamePeriodPct).toBe(11.11);
  });
});

describe('same period, as a reader sees it', () => {
  it('says the months, the change and the base on the card, and the % in the summary', () => {
    const fx = monthly(new Fixture().unit('U', 'district'), 'U').adm('U', '2026-01..2026-09', 486);
    const d = computeDataset(fx.inputs());
    // 486 against 450 (see above): +8%; the summary rounds to one decimal as reports do.
    expect(samePeriodLine(d.unitById.U!, year(d, 'U', 2026))).toBe(
      `9 tháng đầu năm: 486, tăng 8,00% so với cùng kỳ năm 2025 (450)`,
    );
    const admitted = summarize(d, 'U', '2026')!.sentences.find((x) => x.topic === 'admitted')!.text;
    expect(admitted).toContain(`kết nạp được 486 đảng viên mới, tăng 8,0% so với cùng kỳ năm trước`);
  });

  it('says in a phrase why not: a whole-year row, a commune founded 07/2025', () => {
    const fx = new Fixture()
      .unit('U', 'district')
      .adm('U', '2025', 600)
      .adm('U', '2026-01..2026-09', 486)
      .unit('C', 'commune', undefined, { activeFrom: '2025-07' })
      .adm('C', '2025-07..2025-12', 30)
      .adm('C', '2026-01..2026-09', 50);
    const d = computeDataset(fx.inputs());
    expect(samePeriodLine(d.unitById.U!, year(d, 'U', 2026))).toBe(
      'Chưa so được với cùng kỳ năm 2025: số năm 2025 không tách được theo tháng',
    );
    expect(samePeriodLine(d.unitById.C!, year(d, 'C', 2026))).toBe(
      'Chưa so được với cùng kỳ năm 2025: thành lập từ 07/2025',
    );
  });
});

/**
 * The figures printed in the five seed articles (../shared/seeds/), entered as Inputs the way a
 * maintainer would, must come out as the spec's seed checks say. Expected values are the articles'.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import type { Dataset } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

const BL = 'Đảng bộ huyện Bình Liêu: Nâng cao chất lượng kết nạp đảng viên (14/08/2020)';
const MN = 'Huyện ủy Mường Nhé: Nâng cao chất lượng tổ chức cơ sở đảng, đảng viên (04/01/2017)';
const TT = 'Đảng bộ thị trấn Tứ Trưng chú trọng phát triển đảng viên (16/11/2020)';
const STP = 'Đảng bộ Sở Tư pháp thực hiện tốt công tác phát triển đảng viên mới (04/03/2021)';
const PB = 'Hội nghị Chuyên đề về phát triển đảng viên năm 2020, Huyện ủy Phú Bình (28/08/2020)';

function seeds(): Dataset {
  const fx = new Fixture()
    .unit('QN', 'province', undefined, { label: 'Quảng Ninh' })
    .unit('QN.BL', 'district', 'QN', { label: 'Bình Liêu' })
    .unit('DB', 'province', undefined, { label: 'Điện Biên' })
    .unit('DB.MN', 'district', 'DB', { label: 'Mường Nhé' })
    .unit('VP', 'province', undefined, { label: 'Vĩnh Phúc' })
    .unit('VP.VT', 'district', 'VP', { label: 'Vĩnh Tường' })
    .unit('VP.VT.TT', 'grassroots', 'VP.VT', { label: 'Thị trấn Tứ Trưng' })
    .unit('BK', 'province', undefined, { label: 'Bắc Kạn' })
    .unit('BK.KCQ', 'district', 'BK', { label: 'Khối các cơ quan tỉnh' })
    .unit('BK.KCQ.STP', 'grassroots', 'BK.KCQ', { label: 'Sở Tư pháp' })
    .unit('TN', 'province', undefined, { label: 'Thái Nguyên' })
    .unit('TN.PB', 'district', 'TN', { label: 'Phú Bình' });

  fx.adm('QN.BL', '2019', 109, { youth: 68, women: 53, ethnicMinority: 98, college: 64, source: BL })
    .adm('QN.BL', '2020-01..2020-07', 53, { source: BL })
    .target('QN.BL', '2020', 85, BL)
    .train('QN.BL', '2019-01..2020-06', { classes: 5, trainees: 207, source: BL });

  fx.member('DB.MN', '2016-01-01', { villagesWithoutMembers: 37, source: MN })
    .member('DB.MN', '2017-01-04', {
      members: 1488,
      grassrootsOrgs: 42,
      villages: 118,
      villagesWithBranch: 59,
      villagesWithoutMembers: 18,
      source: MN,
    })
    .train('DB.MN', '2016-01..2017-01', { classes: 9, trainees: 677, source: MN });

  fx.adm('VP.VT.TT', '2015-2020', 50, { source: TT }).adm('VP.VT.TT', '2020-01..2020-11', 9, { source: TT });

  [7, 5, 3, 1, 3, 3].forEach((n, i) => {
    fx.adm('BK.KCQ.STP', String(2015 + i), n, { source: STP });
  });
  fx.member('BK.KCQ.STP', '2021-03-04', { members: 46, probationary: 3, source: STP });

  fx.adm('TN.PB', '2020-01..2020-08', 31, { source: PB })
    .target('TN.PB', '2020', 253, PB)
    .train('TN.PB', '2020-01..2020-08', { classes: 4, trainees: 282, dossiers: 36, source: PB })
    .member('TN.PB', '2020-08-27', { members: 7335, grassrootsOrgs: 48, source: PB });
  return computeDataset(fx.inputs());
}

const d = seeds();
const y = (unit: string, year: number) => d.figures[unit]!.years[String(year)]!;
const t = (unit: string, id: string) => d.figures[unit]!.terms[id]!;

describe('seed articles', () => {
  it('Phú Bình 2020: 31 of 253 by August is 12.25% against a pace of 66.67%, behind', () => {
    const f = y('TN.PB', 2020);
    expect(f.admitted).toMatchObject({ value: 31, months: 8, ofMonths: 12, basis: 'reported' });
    expect(f.target).toMatchObject({ value: 253, basis: 'reported' });
    expect(f.targetAchievedPct).toBe(12.25);
    expect(f.expectedPacePct).toBe(66.67);
    expect(f.paceStatus).toBe('behind');
    expect(f.classes).toMatchObject({ value: 4, months: 8 });
    expect(f.trainees).toMatchObject({ value: 282, months: 8 });
    expect(f.dossiers).toMatchObject({ value: 36, months: 8 });
    expect(f.stock).toMatchObject({ members: 7335, grassrootsOrgs: 48 });
    const row = (indicator: string) =>
      d.indicators.find((r) => r.unit_id === 'TN.PB' && r.period === '2020' && r.indicator === indicator);
    expect(row('admitted')).toEqual({
      unit_id: 'TN.PB',
      period: '2020',
      indicator: 'admitted',
      value: 31,
      months: 8,
      of_months: 12,
      basis: 'reported',
    });
    expect(row('target_achieved_pct')?.value).toBe(12.25);
    expect(row('pace_status')?.value).toBe('behind');
  });

  it('Bình Liêu 2020: 53 of 85 in seven months is 62.35% against 58.33%, ahead', () => {
    const f = y('QN.BL', 2020);
    expect(f.admitted).toMatchObject({ value: 53, months: 7 });
    expect(f.targetAchievedPct).toBe(62.35);
    expect(f.expectedPacePct).toBe(58.33);
    expect(f.paceStatus).toBe('ahead');
  });

  it('Bình Liêu 2019: 109 admitted, 62.39 / 48.62 / 89.91 / 58.72%', () => {
    const f = y('QN.BL', 2019);
    expect(f.admitted).toMatchObject({ value: 109, months: 12 });
    expect([f.youthPct, f.womenPct, f.ethnicMinorityPct, f.collegePct]).toEqual([62.39, 48.62, 89.91, 58.72]);
  });

  it('Bình Liêu: the classes of 2019 and the first half of 2020 belong to no single year', () => {
    expect(y('QN.BL', 2019).classes).toBeUndefined();
    expect(y('QN.BL', 2020).classes).toBeUndefined();
    expect(t('QN.BL', '2015-2020').classes).toMatchObject({ value: 5, months: 18, ofMonths: 60 });
  });

  it('Sở Tư pháp Bắc Kạn: 7, 5, 3, 1, 3, 3 in 2015..2020, 22 in all', () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020].map((yr) => y('BK.KCQ.STP', yr).admitted!.value);
    expect(years).toEqual([7, 5, 3, 1, 3, 3]);
    expect(years.reduce((a, b) => a + b, 0)).toBe(22);
    // With the default terms, 2015 belongs to the term 2010-2015 (2011..2015), so 2015-2020 is 2016..2020.
    expect(t('BK.KCQ.STP', '2015-2020').admitted).toMatchObject({ value: 15, months: 60, ofMonths: 60 });
    expect(t('BK.KCQ.STP', '2015-2020').averagePerYear).toBe(3);
    expect(t('BK.KCQ.STP', '2010-2015').admitted).toMatchObject({ value: 7, months: 12, ofMonths: 60 });
    expect(t('BK.KCQ.STP', '2010-2015').averagePerYear).toBeUndefined();
    // 2016 against 2015: 5 − 7 = −2, −28.57%.
    expect([y('BK.KCQ.STP', 2016).admittedChange, y('BK.KCQ.STP', 2016).admittedChangePct]).toEqual([-2, -28.57]);
    expect(y('BK.KCQ.STP', 2021).stock).toMatchObject({ members: 46, probationary: 3 });
    // Summed up the tree: the agencies' bloc has only this unit reporting.
    expect(y('BK.KCQ', 2017).admitted).toMatchObject({
      value: 3,
      basis: 'summed',
      reporting: { reported: 1, active: 1 },
    });
  });

  it('Tứ Trưng: the term row of 50 is the term total', () => {
    expect(t('VP.VT.TT', '2015-2020').admitted).toMatchObject({
      value: 50,
      months: 60,
      ofMonths: 60,
      basis: 'reported',
    });
    expect(t('VP.VT.TT', '2015-2020').averagePerYear).toBe(10);
    expect(y('VP.VT.TT', 2020).admitted).toMatchObject({ value: 9, months: 11 });
  });

  it('Mường Nhé: 37 villages without members at the start of the term, 18 now', () => {
    expect(t('DB.MN', '2015-2020').villagesWithoutMembersChange).toBe(-19);
    expect(y('DB.MN', 2017).stock).toMatchObject({
      members: 1488,
      villages: 118,
      villagesWithBranch: 59,
      villagesWithoutMembers: 18,
    });
    expect(t('DB.MN', '2015-2020').trainees).toMatchObject({ value: 677, months: 13 });
  });

  it('every source is cited', () => {
    expect(d.sources.map((s) => s.text).sort()).toEqual([BL, MN, PB, STP, TT].sort());
    expect(d.latestDataDate).toBe('2021-03-04');
  });
});

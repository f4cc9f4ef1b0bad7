/**
 * Hand-built inputs for the summary tests: the figures of the five seed articles typed as rows, plus
 * a few made-up units for the cases the articles lack (summed parents, a range not starting in
 * January, a unit without figures). Runs through the real model (computeDataset).
 */
import { computeDataset } from '../src/lib/model/index.ts';
import { DEFAULT_TERMS, parsePeriod } from '../src/lib/periods.ts';
import type { AdmissionRow, Dataset, Inputs, Level, MemberRow, TargetRow, TrainingRow, Unit } from '../src/lib/types.ts';

const termsById = new Map(DEFAULT_TERMS.map((t) => [t.id, t]));
let line = 1;
const origin = (file: string) => ({ file, line: ++line });
const period = (text: string) => {
  const p = parsePeriod(text, termsById);
  if (typeof p === 'string') throw new Error(`${text}: ${p}`);
  return p;
};

export function unit(id: string, name: string, level: Level, parentId?: string, shortName?: string): Unit {
  return {
    id,
    name,
    level,
    label: shortName ?? name,
    slug: id.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    origin: origin('units.csv'),
    ...(parentId ? { parentId } : {}),
    ...(shortName ? { shortName } : {}),
  };
}

export function adm(unitId: string, p: string, admitted: number, more: Partial<AdmissionRow> = {}): AdmissionRow {
  return { unitId, period: period(p), admitted, ...more, origin: origin('admissions.csv') };
}
export function tgt(unitId: string, p: string, target: number): TargetRow {
  return { unitId, period: period(p), target, origin: origin('targets.csv') };
}
export function trn(unitId: string, p: string, more: Partial<TrainingRow>): TrainingRow {
  return { unitId, period: period(p), ...more, origin: origin('training.csv') };
}
export function mem(unitId: string, asOf: string, more: Partial<MemberRow>): MemberRow {
  return { unitId, asOf, ...more, origin: origin('members.csv') };
}

export function inputs(parts: Partial<Inputs>): Inputs {
  return { units: [], terms: [], admissions: [], targets: [], training: [], members: [], tables: [], diagnostics: [], ...parts };
}

/** The sample data as in data/*.csv, typed from the articles. */
export function articleInputs(): Inputs {
  return inputs({
    units: [
      unit('QN', 'Đảng bộ tỉnh Quảng Ninh', 'province', undefined, 'Quảng Ninh'),
      unit('QN.BL', 'Đảng bộ huyện Bình Liêu', 'district', 'QN', 'Bình Liêu'),
      unit('DB', 'Đảng bộ tỉnh Điện Biên', 'province', undefined, 'Điện Biên'),
      unit('DB.MN', 'Đảng bộ huyện Mường Nhé', 'district', 'DB', 'Mường Nhé'),
      unit('VP', 'Đảng bộ tỉnh Vĩnh Phúc', 'province', undefined, 'Vĩnh Phúc'),
      unit('VP.TT', 'Đảng bộ thị trấn Tứ Trưng', 'grassroots', 'VP', 'Tứ Trưng'),
      unit('BK', 'Đảng bộ tỉnh Bắc Kạn', 'province', undefined, 'Bắc Kạn'),
      unit('BK.STP', 'Đảng bộ Sở Tư pháp tỉnh Bắc Kạn', 'grassroots', 'BK', 'Sở Tư pháp Bắc Kạn'),
      unit('TN', 'Đảng bộ tỉnh Thái Nguyên', 'province', undefined, 'Thái Nguyên'),
      unit('TN.PB', 'Đảng bộ huyện Phú Bình', 'district', 'TN', 'Phú Bình'),
    ],
    admissions: [
      adm('QN.BL', '2019', 109, { youth: 68, women: 53, ethnicMinority: 98, college: 64 }),
      adm('QN.BL', '2020-01..2020-07', 53),
      adm('VP.TT', '2015-2020', 50),
      adm('VP.TT', '2020-01..2020-11', 9),
      adm('BK.STP', '2015', 7),
      adm('BK.STP', '2016', 5),
      adm('BK.STP', '2017', 3),
      adm('BK.STP', '2018', 1),
      adm('BK.STP', '2019', 3),
      adm('BK.STP', '2020', 3),
      adm('TN.PB', '2020-01..2020-08', 31),
    ],
    targets: [tgt('QN.BL', '2020', 85), tgt('TN.PB', '2020', 253), tgt('BK.STP', '2021', 1)],
    training: [
      trn('QN.BL', '2019-01..2020-06', { classes: 5, trainees: 207 }),
      trn('DB.MN', '2016-01..2016-12', { classes: 9, trainees: 677 }),
      trn('TN.PB', '2020-01..2020-08', { classes: 4, trainees: 282, dossiers: 36 }),
    ],
    members: [
      mem('DB.MN', '2016-01-01', { villagesWithoutMembers: 37 }),
      mem('DB.MN', '2017-01-04', { members: 1488, ethnicMinority: 979, grassrootsOrgs: 42, villages: 118, villagesWithBranch: 59, villagesWithoutMembers: 18 }),
      mem('VP.TT', '2020-11-16', { members: 400, branches: 14 }),
      mem('BK.STP', '2021-03-04', { members: 46, probationary: 3 }),
      mem('TN.PB', '2020-08-27', { members: 7335, grassrootsOrgs: 48 }),
    ],
  });
}

export const articleDataset = (): Dataset => computeDataset(articleInputs(), { isDemo: false });

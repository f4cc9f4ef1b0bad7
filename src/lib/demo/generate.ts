/**
 * The demo data generator: a seeded, deterministic, clearly illustrative data set in the exact CSV
 * format of the data contract (../../../../shared/spec/data-format.md), written through a CsvSink.
 *
 * How it works:
 * 1. A unit tree: provinces, districts (territorial ones, and per province the agencies' bloc,
 *    the military and the police committees), grassroots organisations (communes, wards, agencies,
 *    schools, enterprises, armed forces). Per province one commune is dissolved in 2025-06 and a new
 *    one founded in 2025-07 (the 2025 reorganisation).
 * 2. A month-by-month simulation of every grassroots organisation: members, admissions (0–15 a year)
 *    and their breakdowns, probationary members, villages without members.
 * 3. Reports drawn from that truth the way committees report: yearly rows, monthly rows from some year
 *    on, half-year ranges, an early "7 months" report beside the yearly one, the current year up to
 *    `lastMonth`, and gaps (missing years or months). A district or province row, when present, is the
 *    true total of all its organisations, so it is never less than what its children report.
 *
 * Nothing here touches the file system; one unit's random numbers come from its own stream,
 * so the output depends only on the preset and the seed.
 */
import { monthIndex, monthText, yearOf, monthOf } from '../periods.ts';
import type { Level, UnitKind } from '../types.ts';
import type { CsvSink } from './csv.ts';
import {
  DISTRICT_AGENCIES,
  ENTERPRISE_KINDS,
  MILITARY_UNITS,
  POLICE_UNITS,
  PROVINCIAL_AGENCIES,
  SCHOOL_KINDS,
  freshPlaceName,
  placeName,
  slugify,
} from './names.ts';
import { Rng, distribute, stream } from './prng.ts';
import type { Preset } from './presets.ts';

export const DEMO_SOURCE = 'Dữ liệu minh họa, sinh tự động (không phải số liệu thật)';

export const DEMO_COLUMNS = {
  'units.csv': ['id', 'name', 'short_name', 'level', 'parent_id', 'kind', 'active_from', 'active_to', 'slug', 'note'],
  'admissions.csv': ['unit_id', 'period', 'admitted', 'youth', 'women', 'ethnic_minority', 'college', 'source', 'note'],
  'targets.csv': ['unit_id', 'period', 'target', 'source', 'note'],
  'members.csv': [
    'unit_id', 'as_of', 'members', 'probationary', 'women', 'ethnic_minority', 'grassroots_orgs', 'branches',
    'villages', 'villages_with_branch', 'villages_without_members', 'source', 'note',
  ],
  'training.csv': ['unit_id', 'period', 'classes', 'trainees', 'dossiers', 'source', 'note'],
} as const;

export type DemoFile = keyof typeof DEMO_COLUMNS;
export const DEMO_FILES = Object.keys(DEMO_COLUMNS) as DemoFile[];

export interface DemoStats {
  preset: string;
  seed: number;
  units: Record<Level, number>;
  rows: Record<DemoFile, number>;
}

type DistrictRole = 'city' | 'town' | 'rural' | 'agencies' | 'military' | 'police';
type GrassrootsType = 'xa' | 'phuong' | 'thitran' | 'agency' | 'school' | 'enterprise' | 'armed';

interface DemoUnit {
  id: string;
  name: string;
  shortName: string;
  level: Level;
  /** Index of the parent in the units array, -1 for a province. */
  parent: number;
  kind?: UnitKind;
  activeFrom?: number;
  activeTo?: number;
  /** Explicit slug, only when the derived one would clash with an earlier unit's. */
  slug: string;
  note?: string;
  children: number[];
  /** Index in the simulation arrays (grassroots only), else -1. */
  g: number;
  role?: DistrictRole;
  type?: GrassrootsType;
  /** Share of ethnic minorities among the members (0..1). */
  ethnic: number;
  /** Members at the start (grassroots only). */
  m0: number;
}

/* ---------------- 1. The unit tree ---------------- */

/** Admission intensity of each year (campaigns, the 2020–2021 pandemic, the 2025 reorganisation). */
const YEAR_FACTOR: Record<number, number> = {
  2011: 1.0, 2012: 1.03, 2013: 1.05, 2014: 1.04, 2015: 1.08, 2016: 1.0, 2017: 1.02, 2018: 1.05, 2019: 1.1,
  2020: 0.86, 2021: 0.9, 2022: 1.06, 2023: 1.1, 2024: 1.12, 2025: 0.94, 2026: 1.04,
};
/** Months with anniversaries (3/2, 26/3, 19/5, 2/9) see more admissions. Sum is 12. */
const MONTH_WEIGHT = [0.85, 1.25, 1.25, 0.8, 1.25, 0.9, 0.75, 0.95, 1.2, 0.9, 0.85, 1.05];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function buildTree(p: Preset, seed: number): DemoUnit[] {
  const rng = stream(seed, 'tree');
  const units: DemoUnit[] = [];
  const usedProvinceNames = new Set<string>(p.provinceNames ?? []);
  const districtsPer = p.provinces === 1 ? [p.districts] : distribute(rng, p.districts, p.provinces, 8);

  // Roles of every district first, so that the grassroots can be shared out by weight.
  const roles: DistrictRole[][] = districtsPer.map((n) => {
    if (p.territorialOnly || n < 6) return Array.from({ length: n }, (_, i): DistrictRole => (i === 0 && n > 2 ? 'city' : 'rural'));
    const territorial = n - 3;
    const r: DistrictRole[] = [];
    for (let i = 0; i < territorial; i++) r.push(i === 0 ? 'city' : i === 1 && territorial >= 4 ? 'town' : 'rural');
    r.push('agencies', 'military', 'police');
    return r;
  });
  const flatRoles = roles.flat();
  const weights = flatRoles.map((r) => (r === 'agencies' || r === 'military' || r === 'police' ? 0.6 : r === 'city' ? 1.1 : 1));
  const grassrootsPer = weightedDistribute(rng, p.grassroots, weights, 6);

  let flat = 0;
  for (let pi = 0; pi < p.provinces; pi++) {
    const provName = p.provinceNames?.[pi] ?? freshPlaceName(rng, usedProvinceNames);
    const isCity = p.provinces > 1 && pi < 2;
    const provId = p.provinces === 1 ? 'MH' : `T${pad(pi + 1, 2)}`;
    const highland = p.provinces === 1 ? 0.35 : rng.chance(0.4) ? rng.uniform(0, 0.03) : rng.chance(0.5) ? rng.uniform(0.05, 0.35) : rng.uniform(0.4, 0.85);
    const provIndex = units.length;
    units.push({
      id: provId,
      name: `Đảng bộ ${isCity ? 'thành phố' : 'tỉnh'} ${provName}`,
      shortName: provName,
      level: 'province',
      parent: -1,
      slug: '',
      note: pi === 0 ? 'Đơn vị giả định: tên và số liệu đều là minh họa' : undefined,
      children: [],
      g: -1,
      ethnic: highland,
      m0: 0,
    });
    const usedPlaces = new Set<string>([provName]);
    const territorialNames: string[] = [];
    const provRoles = roles[pi]!;
    for (let di = 0; di < provRoles.length; di++) {
      const role = provRoles[di]!;
      const count = grassrootsPer[flat++]!;
      const dId = `${provId}.H${pad(di + 1, 2)}`;
      let name: string, shortName: string, kind: UnitKind | undefined;
      const ethnic = role === 'city' ? clamp(highland * 0.4, 0, 1) : clamp(highland + rng.uniform(-0.25, 0.25), 0, 0.95);
      if (role === 'agencies') {
        name = `Đảng bộ Khối các cơ quan ${isCity ? 'thành phố' : 'tỉnh'}`;
        shortName = `Khối các cơ quan ${isCity ? 'thành phố' : 'tỉnh'}`;
        kind = 'agency';
      } else if (role === 'military') {
        name = `Đảng bộ Quân sự ${isCity ? 'thành phố' : 'tỉnh'}`;
        shortName = `Quân sự ${isCity ? 'thành phố' : 'tỉnh'}`;
        kind = 'armed_forces';
      } else if (role === 'police') {
        name = `Đảng bộ Công an ${isCity ? 'thành phố' : 'tỉnh'}`;
        shortName = `Công an ${isCity ? 'thành phố' : 'tỉnh'}`;
        kind = 'armed_forces';
      } else {
        const place = freshPlaceName(rng, usedPlaces);
        territorialNames.push(place);
        const word = role === 'city' ? (isCity ? 'quận' : 'thành phố') : role === 'town' ? 'thị xã' : 'huyện';
        name = `Đảng bộ ${word} ${place}`;
        shortName = role === 'city' ? (isCity ? `Quận ${place}` : `TP. ${place}`) : role === 'town' ? `TX. ${place}` : place;
      }
      const dIndex = units.length;
      units.push({ id: dId, name, shortName, level: 'district', parent: provIndex, kind, slug: '', children: [], g: -1, role, ethnic, m0: 0 });
      units[provIndex]!.children.push(dIndex);
      addGrassroots(rng, units, dIndex, role, count, usedPlaces, territorialNames, isCity, di === 0 && role !== 'agencies');
    }
  }
  assignSlugs(units);
  return units;
}

function weightedDistribute(rng: Rng, total: number, weights: readonly number[], min: number): number[] {
  const w = weights.map((x) => x * rng.uniform(0.6, 1.4));
  const sum = w.reduce((a, b) => a + b, 0);
  const spare = total - weights.length * min;
  if (spare < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const counts = w.map((x) => min + Math.floor((x / sum) * spare));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]!++;
  return counts;
}

function addGrassroots(
  rng: Rng,
  units: DemoUnit[],
  dIndex: number,
  role: DistrictRole,
  count: number,
  usedPlaces: Set<string>,
  territorialNames: readonly string[],
  isCityProvince: boolean,
  withReorganisation: boolean,
): void {
  const district = units[dIndex]!;
  const districtWord = role === 'city' ? (isCityProvince ? 'quận' : 'thành phố') : role === 'town' ? 'thị xã' : 'huyện';
  const districtPlace = district.shortName.replace(/^(TP\.|TX\.|Quận) /, '');
  const provinceWord = isCityProvince ? 'thành phố' : 'tỉnh';
  // The list of organisations, by type, before names and sizes.
  const types: GrassrootsType[] = [];
  const orgNames: string[] = [];
  if (role === 'agencies' || role === 'military' || role === 'police') {
    const list =
      role === 'agencies'
        ? PROVINCIAL_AGENCIES.map((s) => s.replace(/ tỉnh$/, ` ${provinceWord}`))
        : role === 'military'
          ? [...territorialNames.map((t) => `Ban Chỉ huy Quân sự ${t}`), ...MILITARY_UNITS.map((s) => s.replace(/ tỉnh$/, ` ${provinceWord}`))]
          : [...territorialNames.map((t) => `Công an ${t}`), ...POLICE_UNITS];
    for (let i = 0; i < count; i++) {
      if (i < list.length) {
        orgNames.push(list[i]!);
        types.push(role === 'agencies' ? (/^Trường/.test(list[i]!) ? 'school' : /^Công ty/.test(list[i]!) ? 'enterprise' : 'agency') : 'armed');
      } else if (role === 'agencies') {
        const isSchool = rng.chance(0.5);
        orgNames.push(isSchool ? `Trường THPT ${freshPlaceName(rng, usedPlaces)}` : `${rng.pick(ENTERPRISE_KINDS)} ${placeName(rng)}`);
        types.push(isSchool ? 'school' : 'enterprise');
      } else if (role === 'military') {
        orgNames.push(`Đồn Biên phòng ${freshPlaceName(rng, usedPlaces)}`);
        types.push('armed');
      } else {
        orgNames.push(`Công an xã ${freshPlaceName(rng, usedPlaces)}`);
        types.push('armed');
      }
    }
  } else {
    const agencies = Math.min(DISTRICT_AGENCIES.length, Math.round(count * 0.1));
    const schools = Math.round(count * 0.12);
    const enterprises = Math.round(count * (role === 'city' ? 0.1 : 0.05));
    const communes = count - agencies - schools - enterprises;
    for (let i = 0; i < communes; i++) {
      if (role === 'city') types.push(rng.chance(0.8) ? 'phuong' : 'xa');
      else if (role === 'town') types.push(rng.chance(0.5) ? 'phuong' : 'xa');
      else types.push(i === 0 && count >= 8 ? 'thitran' : 'xa');
      orgNames.push('');
    }
    const committee = districtWord === 'huyện' ? 'Huyện ủy' : districtWord === 'quận' ? 'Quận ủy' : districtWord === 'thị xã' ? 'Thị ủy' : 'Thành ủy';
    for (let i = 0; i < agencies; i++) {
      types.push('agency');
      orgNames.push(DISTRICT_AGENCIES[i]!.replace('{committee}', committee).replace('{district}', `${districtWord} ${districtPlace}`).replace('{place}', districtPlace));
    }
    for (let i = 0; i < schools; i++) {
      types.push('school');
      orgNames.push('');
    }
    for (let i = 0; i < enterprises; i++) {
      types.push('enterprise');
      orgNames.push('');
    }
  }

  // The reorganisation: the second commune is dissolved in 2025-06, the last commune is founded in 2025-07.
  let dissolved = -1;
  let founded = -1;
  if (withReorganisation) {
    const communes = types.flatMap((t, i) => (t === 'xa' || t === 'phuong' ? [i] : []));
    if (communes.length >= 3) {
      dissolved = communes[1]!;
      founded = communes[communes.length - 1]!;
    }
  }
  const reorgFrom = monthIndex(2025, 7);
  let dissolvedLabel = '';
  const foundedPlace = founded >= 0 ? freshPlaceName(rng, usedPlaces) : '';

  for (let i = 0; i < types.length; i++) {
    const type = types[i]!;
    let org = orgNames[i]!;
    let shortName: string;
    let kind: UnitKind;
    let m0: number;
    let ethnic = district.ethnic;
    switch (type) {
      case 'xa':
      case 'phuong':
      case 'thitran': {
        const place = i === founded ? foundedPlace : freshPlaceName(rng, usedPlaces);
        const word = type === 'xa' ? 'xã' : type === 'phuong' ? 'phường' : 'thị trấn';
        org = `${word} ${place}`;
        shortName = type === 'xa' ? `Xã ${place}` : type === 'phuong' ? `Phường ${place}` : `Thị trấn ${place}`;
        kind = 'commune';
        m0 = type === 'xa' ? rng.int(150, 600) : type === 'phuong' ? rng.int(100, 420) : rng.int(160, 400);
        ethnic = clamp(district.ethnic + rng.uniform(-0.15, 0.15), 0, 0.98);
        break;
      }
      case 'agency':
        shortName = org;
        kind = 'agency';
        m0 = rng.int(12, 140);
        ethnic = district.ethnic * 0.5;
        break;
      case 'school':
        if (!org) org = `${rng.pick(SCHOOL_KINDS)} ${freshPlaceName(rng, usedPlaces)}`;
        shortName = org;
        kind = 'school';
        m0 = rng.int(8, 55);
        ethnic = district.ethnic * 0.6;
        break;
      case 'enterprise':
        if (!org) org = `${rng.pick(ENTERPRISE_KINDS)} ${placeName(rng)}`;
        shortName = org;
        kind = 'enterprise';
        m0 = rng.int(6, 110);
        ethnic = district.ethnic * 0.4;
        break;
      case 'armed':
        shortName = org;
        kind = 'armed_forces';
        m0 = rng.int(30, 260);
        ethnic = district.ethnic * 0.4;
        break;
    }
    if (i === founded) m0 += rng.int(150, 350);
    const isCommittee = kind === 'commune' || m0 >= 30;
    const u: DemoUnit = {
      id: `${district.id}.${kind === 'commune' ? 'X' : 'C'}${pad(i + 1, 3)}`,
      name: `${isCommittee ? 'Đảng bộ' : 'Chi bộ'} ${org}`,
      shortName,
      level: 'grassroots',
      parent: dIndex,
      kind,
      slug: '',
      children: [],
      g: 0, // set below
      type,
      ethnic,
      m0,
    };
    if (i === dissolved) {
      u.activeTo = reorgFrom - 1;
      dissolvedLabel = org;
    }
    if (i === founded) u.activeFrom = reorgFrom;
    const index = units.length;
    units.push(u);
    district.children.push(index);
  }
  if (dissolved >= 0 && founded >= 0) {
    const dUnit = units[district.children[dissolved]!]!;
    const fUnit = units[district.children[founded]!]!;
    dUnit.note = `Giả định: sáp nhập vào ${fUnit.name.replace(/^Đảng bộ /, '')} từ 07/2025 khi sắp xếp đơn vị hành chính`;
    fUnit.note = `Giả định: thành lập 07/2025 trên cơ sở sáp nhập ${dissolvedLabel} và một phần địa bàn lân cận`;
  }
}

/**
 * Gives an explicit slug to every unit whose derived slug (from short_name) an earlier unit already has:
 * the derived one followed by the nearest territorial ancestor's (the district, or the province for the
 * organisations of the provincial blocs), then the next one up, then a number.
 */
function assignSlugs(units: DemoUnit[]): void {
  const used = new Set<string>();
  const isBloc = (u: DemoUnit) => u.role === 'agencies' || u.role === 'military' || u.role === 'police';
  for (const u of units) {
    const derived = slugify(u.shortName || u.name);
    if (!used.has(derived)) {
      used.add(derived);
      continue;
    }
    let candidate = derived;
    for (let a = u.parent >= 0 ? units[u.parent] : undefined; a && used.has(candidate); a = a.parent >= 0 ? units[a.parent] : undefined) {
      if (!isBloc(a)) candidate = `${candidate}-${slugify(a.shortName.replace(/^(TP\.|TX\.|Quận) /, ''))}`;
    }
    for (let n = 2; used.has(candidate); n++) candidate = `${derived}-${n}`;
    used.add(candidate);
    u.slug = candidate;
  }
}

/* ---------------- 2. The simulation ---------------- */

/** Flows per grassroots unit and month. */
const F_ADM = 0, F_YOUTH = 1, F_WOMEN = 2, F_ETHNIC = 3, F_COLLEGE = 4;
const FLOWS = 5;
/** Stock fields per grassroots unit and snapshot. */
const S_MEMBERS = 0, S_PROB = 1, S_WOMEN = 2, S_ETHNIC = 3, S_BRANCHES = 4, S_VILLAGES = 5, S_VWB = 6, S_VWM = 7;
const STOCKS = 8;

interface Sim {
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
    t === 'school' ? rng.uniform(0.06, 0.13) : t === 'armed' ? rng.uniform(0.05, 0.1) : t === 'enterprise' ? rng.uniform(0.03, 0.07) : t === 'agency' ? rng.uniform(0.02, 0.05) : rng.uniform(0.016, 0.03);
  return {
    rate,
    loss: t === 'xa' || t === 'thitran' ? rng.uniform(0.018, 0.03) : rng.uniform(0.012, 0.028),
    youth: t === 'school' ? rng.uniform(0.6, 0.95) : t === 'armed' ? rng.uniform(0.8, 0.98) : rng.uniform(0.5, 0.85),
    women: t === 'school' ? rng.uniform(0.6, 0.8) : t === 'armed' ? rng.uniform(0.03, 0.2) : rng.uniform(0.35, 0.6),
    ethnic: clamp(u.ethnic * rng.uniform(0.9, 1.1), 0, 1),
    college:
      t === 'agency' || t === 'school' ? rng.uniform(0.85, 1) : t === 'phuong' ? rng.uniform(0.4, 0.75) : t === 'xa' || t === 'thitran' ? rng.uniform(0.2, 0.5) : rng.uniform(0.3, 0.75),
    womenShare: t === 'school' ? rng.uniform(0.5, 0.75) : t === 'armed' ? rng.uniform(0.04, 0.14) : rng.uniform(0.25, 0.45),
  };
}

function simulate(p: Preset, seed: number, grassroots: readonly DemoUnit[]): Sim {
  const start = monthIndex(p.firstYear, 1);
  const end = monthIndex(p.lastYear, p.lastMonth);
  const months = end - start + 1;
  const years = p.lastYear - p.firstYear + 1;
  const snaps: Sim['snaps'] = [];
  for (let y = p.firstYear; y <= p.lastYear; y++) {
    snaps.push({ month: monthIndex(y - 1, 12), iso: `${y - 1}-12-31`, vn: `31/12/${y - 1}`, december: true });
    if (monthIndex(y, 6) <= end) snaps.push({ month: monthIndex(y, 6), iso: `${y}-06-30`, vn: `30/06/${y}`, december: false });
  }
  const G = grassroots.length;
  const flows = new Uint8Array(G * months * FLOWS);
  const stocks = new Int32Array(G * snaps.length * STOCKS).fill(-1);
  const expected = new Float32Array(G * years);
  const recent = new Int32Array(12);

  for (let g = 0; g < G; g++) {
    const u = grassroots[g]!;
    const rng = stream(seed, 'sim', g);
    const pr = profile(rng, u);
    const from = u.activeFrom ?? start;
    const to = Math.min(u.activeTo ?? end, end);
    let members = u.m0;
    const isCommune = u.kind === 'commune';
    const highland = u.ethnic > 0.4;
    const villages = isCommune ? (highland ? rng.int(8, 24) : rng.int(5, 18)) : 0;
    let withoutMembers = isCommune ? (highland ? rng.int(0, 5) : rng.chance(0.15) ? 1 : 0) : 0;
    const sharing = isCommune ? rng.int(0, 2) : 0;
    const extraBranches = isCommune ? rng.int(1, 4) : u.name.startsWith('Chi bộ') ? 0 : rng.int(2, Math.max(3, Math.round(u.m0 / 15)));
    const preProbationary = Math.min(15, Math.round(members * pr.rate));
    recent.fill(0);
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
      recent[m % 12] = 0;
      if (m >= from && m <= to) {
        const yi = y - p.firstYear;
        const raw = members * pr.rate * (YEAR_FACTOR[y] ?? 1);
        const mean = raw <= 11 ? raw : Math.min(13.5, 11 + (raw - 11) * 0.3);
        if (mo === 1 || m === from) expected[g * years + yi] = mean;
        let adm = rng.poisson((mean * MONTH_WEIGHT[mo - 1]!) / 12);
        if (yearCount + adm > 15) adm = 15 - yearCount;
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
    }
  }
  return { start, end, months, flows, snaps, stocks, expected, years };
}

/* ---------------- 3. The reports ---------------- */

interface Ctx {
  p: Preset;
  seed: number;
  units: DemoUnit[];
  sim: Sim;
  /** Grassroots unit indexes under each unit (itself for a grassroots unit). */
  leaves: number[][];
}

const flowSum = (ctx: Ctx, leaves: readonly number[], from: number, to: number): number[] => {
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

const periodOf = (from: number, to: number): string =>
  from === to ? monthText(from) : monthOf(from) === 1 && monthOf(to) === 12 && yearOf(from) === yearOf(to) ? String(yearOf(from)) : `${monthText(from)}..${monthText(to)}`;

/** Active months of unit `u` in year `y`, within the data; undefined when none. */
function activeIn(ctx: Ctx, u: DemoUnit, y: number): [number, number] | undefined {
  const from = Math.max(monthIndex(y, 1), u.activeFrom ?? -Infinity, ctx.sim.start);
  const to = Math.min(monthIndex(y, 12), u.activeTo ?? Infinity, ctx.sim.end);
  return from <= to ? [from, to] : undefined;
}

function admissionRow(sink: CsvSink, u: DemoUnit, period: string, f: readonly number[], breakdowns: boolean, ethnic: boolean, note?: string): void {
  sink.row([
    u.id,
    period,
    f[F_ADM],
    breakdowns ? f[F_YOUTH] : undefined,
    breakdowns ? f[F_WOMEN] : undefined,
    breakdowns && ethnic ? f[F_ETHNIC] : undefined,
    breakdowns ? f[F_COLLEGE] : undefined,
    DEMO_SOURCE,
    note,
  ]);
}

const COMPLETE_TERMS = [
  { id: '2010-2015', from: 2011, to: 2015 },
  { id: '2015-2020', from: 2016, to: 2020 },
  { id: '2020-2025', from: 2021, to: 2025 },
  { id: '2025-2030', from: 2026, to: 2030 },
];

function writeAdmissions(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  for (const ui of order) {
    const u = units[ui]!;
    const leaves = ctx.leaves[ui]!;
    if (u.level === 'grassroots') {
      const rng = stream(seed, 'report', u.g);
      const monthlyFrom = rng.chance(p.monthlyShare) ? rng.int(2015, 2022) : Infinity;
      const startYear = rng.chance(0.85) ? p.firstYear : rng.int(p.firstYear + 1, p.firstYear + 5);
      const hasBreakdowns = rng.chance(0.8);
      const hasEthnic = rng.chance(0.9);
      for (let y = startYear; y <= p.lastYear; y++) {
        const span = activeIn(ctx, u, y);
        if (!span) continue;
        const gap = rng.chance(0.03);
        const bd = hasBreakdowns && !rng.chance(0.08);
        if (gap) continue;
        const [a, b] = span;
        if (y >= monthlyFrom) {
          for (let m = a; m <= b; m++) if (!rng.chance(0.02)) admissionRow(sink, u, monthText(m), flowSum(ctx, leaves, m, m), bd, hasEthnic);
          continue;
        }
        const full = monthOf(a) === 1 && monthOf(b) === 12;
        if (full) {
          const r = rng.next();
          if (r < 0.04) {
            const mid = monthIndex(y, 6);
            admissionRow(sink, u, periodOf(a, mid), flowSum(ctx, leaves, a, mid), bd, hasEthnic, 'Báo cáo 6 tháng đầu năm');
            admissionRow(sink, u, periodOf(mid + 1, b), flowSum(ctx, leaves, mid + 1, b), bd, hasEthnic, 'Báo cáo 6 tháng cuối năm');
          } else if (r < 0.06) {
            const early = monthIndex(y, 7);
            admissionRow(sink, u, periodOf(a, early), flowSum(ctx, leaves, a, early), bd, hasEthnic, 'Báo cáo sơ kết 7 tháng đầu năm');
            admissionRow(sink, u, periodOf(a, b), flowSum(ctx, leaves, a, b), bd, hasEthnic);
          } else admissionRow(sink, u, periodOf(a, b), flowSum(ctx, leaves, a, b), bd, hasEthnic);
        } else {
          // The current year (up to lastMonth), or a unit founded or dissolved during the year.
          let to = b;
          if (y === p.lastYear && monthOf(a) === 1 && monthOf(b) > 6 && rng.chance(0.1)) to = monthIndex(y, 6);
          admissionRow(sink, u, periodOf(a, to), flowSum(ctx, leaves, a, to), bd, hasEthnic);
        }
      }
    } else {
      // A committee's own report is the true total of its organisations: never less than the children's sum.
      const rng = stream(seed, `report-${u.level}`, ui);
      const own = u.level === 'province' ? 0.5 : 0.4;
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        const a = monthIndex(y, 1);
        const b = Math.min(monthIndex(y, 12), ctx.sim.end);
        const current = b < monthIndex(y, 12);
        const bd = rng.chance(0.7);
        if (!(current && u.level === 'province') && !rng.chance(own)) continue;
        admissionRow(sink, u, periodOf(a, b), flowSum(ctx, leaves, a, b), bd, true, current ? `Ước đến hết tháng ${monthOf(b)}/${y}` : undefined);
      }
      if (u.level === 'province') {
        for (const t of COMPLETE_TERMS) {
          if (t.from < p.firstYear || monthIndex(t.to, 12) > ctx.sim.end) continue;
          admissionRow(sink, u, t.id, flowSum(ctx, leaves, monthIndex(t.from, 1), monthIndex(t.to, 12)), false, true, `Tổng kết nhiệm kỳ ${t.id.replace('-', '–')}`);
        }
      }
    }
  }
}

/** Expected admissions of a unit in year y (sum over its organisations, scaled by active months). */
function expectedOf(ctx: Ctx, ui: number, y: number): number {
  let sum = 0;
  for (const li of ctx.leaves[ui]!) {
    const u = ctx.units[li]!;
    const span = activeIn(ctx, u, y) ?? (y > ctx.p.lastYear ? activeIn(ctx, u, ctx.p.lastYear) : undefined);
    if (!span) continue;
    const yy = Math.min(y, ctx.p.lastYear);
    const months = y > ctx.p.lastYear ? 12 : span[1] - span[0] + 1;
    const fullMonths = y === ctx.p.lastYear && !u.activeTo ? 12 : months;
    sum += (ctx.sim.expected[u.g * ctx.sim.years + (yy - ctx.p.firstYear)]! * fullMonths) / 12;
  }
  return sum;
}

function writeTargets(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  const row = (u: DemoUnit, period: string, value: number, note?: string) => sink.row([u.id, period, Math.max(1, Math.round(value)), DEMO_SOURCE, note]);
  for (const ui of order) {
    const u = units[ui]!;
    const rng = stream(seed, 'targets', ui);
    if (u.level === 'grassroots') {
      if (!rng.chance(0.25)) continue;
      for (let y = Math.max(p.firstYear, 2021); y <= p.lastYear; y++) {
        const span = activeIn(ctx, u, y);
        if (!span || (monthOf(span[0]) !== 1) || (u.activeTo !== undefined && yearOf(u.activeTo) === y)) continue;
        row(u, String(y), expectedOf(ctx, ui, y) * rng.uniform(0.9, 1.2));
      }
      continue;
    }
    const firstYear = u.level === 'province' ? p.firstYear : p.firstYear + 5;
    for (let y = firstYear; y <= p.lastYear; y++) {
      if (u.level === 'district' && rng.chance(0.1)) continue;
      row(u, String(y), expectedOf(ctx, ui, y) * rng.uniform(0.92, 1.15));
    }
    for (const t of COMPLETE_TERMS) {
      if (t.to < p.firstYear || t.from > p.lastYear) continue;
      if (u.level === 'district' && t.from < p.firstYear + 5) continue;
      let sum = 0;
      for (let y = t.from; y <= t.to; y++) sum += expectedOf(ctx, ui, y);
      row(u, t.id, sum * rng.uniform(0.95, 1.12), `Chỉ tiêu nghị quyết đại hội nhiệm kỳ ${t.id.replace('-', '–')}`);
    }
  }
}

function writeMembers(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { seed, units, sim } = ctx;
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
        sink.row([
          u.id, snap.iso, v(S_MEMBERS, true), v(S_PROB, has[1]), v(S_WOMEN, has[2]), v(S_ETHNIC, has[3]), undefined,
          v(S_BRANCHES, has[4]), v(S_VILLAGES, hasVillages), v(S_VWB, hasVillages), v(S_VWM, hasVillages), DEMO_SOURCE, undefined,
        ]);
      }
      continue;
    }
    const leaves = ctx.leaves[ui]!;
    for (let s = 0; s < S; s++) {
      const snap = sim.snaps[s]!;
      if (!snap.december && s !== lastJune) continue;
      if (u.level === 'district' && !rng.chance(0.5)) continue;
      const sum = new Array<number>(STOCKS).fill(0);
      let orgs = 0;
      for (const li of leaves) {
        const base = (units[li]!.g * S + s) * STOCKS;
        if (sim.stocks[base]! < 0) continue;
        orgs++;
        for (let f = 0; f < STOCKS; f++) sum[f]! += Math.max(0, sim.stocks[base + f]!);
      }
      if (orgs === 0) continue;
      sink.row([
        u.id, snap.vn, sum[S_MEMBERS], sum[S_PROB], sum[S_WOMEN], sum[S_ETHNIC], orgs, sum[S_BRANCHES],
        sum[S_VILLAGES] || undefined, sum[S_VILLAGES] ? sum[S_VWB] : undefined, sum[S_VILLAGES] ? sum[S_VWM] : undefined, DEMO_SOURCE, undefined,
      ]);
    }
  }
}

function writeTraining(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  // True figures of every district and year, so that a province row is their total.
  const truth = new Map<number, number[][]>();
  for (const ui of order) {
    const u = units[ui]!;
    if (u.level !== 'district') continue;
    const rng = stream(seed, 'training', ui);
    const rows: number[][] = [];
    for (let y = p.firstYear; y <= p.lastYear; y++) {
      const b = Math.min(monthIndex(y, 12), ctx.sim.end);
      const adm = flowSum(ctx, ctx.leaves[ui]!, monthIndex(y, 1), b)[F_ADM]!;
      const classes = Math.max(1, Math.round(adm / 35 + rng.uniform(0, 1.5)));
      rows.push([classes, Math.round(adm * rng.uniform(1.15, 1.6)) + rng.int(0, 5), Math.round(adm * rng.uniform(1.0, 1.12))]);
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
    if (u.level === 'district') {
      const rows = truth.get(ui)!;
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        if (!rng.chance(0.85)) continue;
        const b = Math.min(monthIndex(y, 12), ctx.sim.end);
        sink.row([u.id, periodOf(monthIndex(y, 1), b), ...cells(rng, rows[y - p.firstYear]!), DEMO_SOURCE, undefined]);
      }
      continue;
    }
    const total = (y0: number, y1: number) => {
      const sum = [0, 0, 0];
      for (const di of u.children) {
        const rows = truth.get(di)!;
        for (let y = y0; y <= y1; y++) for (let k = 0; k < 3; k++) sum[k]! += rows[y - p.firstYear]![k]!;
      }
      return sum;
    };
    for (let y = p.firstYear; y < p.lastYear; y++) {
      if (rng.chance(0.3)) sink.row([u.id, String(y), ...total(y, y), DEMO_SOURCE, undefined]);
    }
    for (const t of COMPLETE_TERMS) {
      if (t.from < p.firstYear || t.to >= p.lastYear) continue;
      sink.row([u.id, t.id, ...total(t.from, t.to), DEMO_SOURCE, `Tổng kết nhiệm kỳ ${t.id.replace('-', '–')}`]);
    }
  }
}

/* ---------------- Entry point ---------------- */

/** Generates the whole data set into `sink`, file by file, and returns the counts. */
export function generateDemo(p: Preset, seed: number, sink: CsvSink): DemoStats {
  const units = buildTree(p, seed);
  const grassroots: DemoUnit[] = [];
  for (const u of units) if (u.level === 'grassroots') u.g = grassroots.push(u) - 1;
  const sim = simulate(p, seed, grassroots);

  // Depth-first order (province, its first district, that district's organisations, ...): units.csv is in
  // that order already, and the other files follow it.
  const order = units.map((_, i) => i);
  const leaves: number[][] = units.map(() => []);
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.level === 'grassroots') leaves[i]!.push(i);
    if (u.parent >= 0) leaves[u.parent]!.push(...leaves[i]!);
  }
  const ctx: Ctx = { p, seed, units, sim, leaves };

  const counts = {} as Record<DemoFile, number>;
  let current: DemoFile = 'units.csv';
  const counting: CsvSink = {
    begin: (name, columns) => sink.begin(name, columns),
    row: (cells) => {
      counts[current]++;
      sink.row(cells);
    },
    end: () => sink.end(),
  };
  const file = (name: DemoFile, body: () => void) => {
    current = name;
    counts[name] = 0;
    counting.begin(name, DEMO_COLUMNS[name]);
    body();
    counting.end();
  };

  file('units.csv', () => {
    for (const u of units) {
      counting.row([
        u.id, u.name, u.shortName, u.level, u.parent >= 0 ? units[u.parent]!.id : undefined, u.kind,
        u.activeFrom !== undefined ? monthText(u.activeFrom) : undefined, u.activeTo !== undefined ? monthText(u.activeTo) : undefined,
        u.slug || undefined, u.note,
      ]);
    }
  });
  file('admissions.csv', () => writeAdmissions(ctx, counting, order));
  file('targets.csv', () => writeTargets(ctx, counting, order));
  file('members.csv', () => writeMembers(ctx, counting, order));
  file('training.csv', () => writeTraining(ctx, counting, order));

  const levels: Record<Level, number> = { province: 0, district: 0, grassroots: 0, branch: 0 };
  for (const u of units) levels[u.level]++;
  return { preset: p.name, seed, units: levels, rows: counts };
}

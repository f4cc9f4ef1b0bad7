/**
 * The grassroots organisations of one district: communes, wards and towns, agencies, schools, enterprises, or the
 * provincial blocs' departments and armed-forces units; their names, kinds and sizes (reorg.ts then ends or
 * moves them in 2025).
 */
import type { UnitKind } from '../types.ts';
import {
  DISTRICT_AGENCIES,
  ENTERPRISE_KINDS,
  MILITARY_UNITS,
  POLICE_UNITS,
  PROVINCIAL_AGENCIES,
  SCHOOL_KINDS,
  freshPlaceName,
  placeName,
} from './names.ts';
import type { Rng } from './prng.ts';
import { clamp, districtPlace, pad, type DemoUnit, type DistrictRole, type GrassrootsType } from './unit.ts';

/** What a district of this role is called: `huyện`, `quận`, `thị xã`, `thành phố`. */
const districtWordOf = (role: DistrictRole | undefined, isCityProvince: boolean) =>
  role === 'city' ? (isCityProvince ? 'quận' : 'thành phố') : role === 'town' ? 'thị xã' : 'huyện';

interface OrgList {
  types: GrassrootsType[];
  /** The organisation's name without `Đảng bộ`/`Chi bộ`; '' where the name is drawn later. */
  names: string[];
}

/** The organisations of a provincial bloc: the known bodies first, then generated ones. */
function blocOrgs(
  rng: Rng,
  role: DistrictRole,
  count: number,
  usedPlaces: Set<string>,
  territorialNames: readonly string[],
  provinceWord: string,
): OrgList {
  const types: GrassrootsType[] = [];
  const names: string[] = [];
  const inProvince = (s: string) => s.replace(/ tỉnh$/, ` ${provinceWord}`);
  const list =
    role === 'agencies'
      ? PROVINCIAL_AGENCIES.map(inProvince)
      : role === 'military'
        ? [...territorialNames.map((t) => `Ban Chỉ huy Quân sự ${t}`), ...MILITARY_UNITS.map(inProvince)]
        : [...territorialNames.map((t) => `Công an ${t}`), ...POLICE_UNITS];
  for (let i = 0; i < count; i++) {
    if (i < list.length) {
      const name = list[i]!;
      names.push(name);
      const agencyType = /^Trường/.test(name) ? 'school' : /^Công ty/.test(name) ? 'enterprise' : 'agency';
      types.push(role === 'agencies' ? agencyType : 'armed');
    } else if (role === 'agencies') {
      const isSchool = rng.chance(0.5);
      if (isSchool) names.push(`Trường THPT ${freshPlaceName(rng, usedPlaces)}`);
      else names.push(`${rng.pick(ENTERPRISE_KINDS)} ${placeName(rng)}`);
      types.push(isSchool ? 'school' : 'enterprise');
    } else if (role === 'military') {
      names.push(`Đồn Biên phòng ${freshPlaceName(rng, usedPlaces)}`);
      types.push('armed');
    } else {
      names.push(`Công an xã ${freshPlaceName(rng, usedPlaces)}`);
      types.push('armed');
    }
  }
  return { types, names };
}

/** The organisations of a territorial district: communes first, then agencies, schools, enterprises. */
function territorialOrgs(rng: Rng, district: DemoUnit, count: number, districtWord: string): OrgList {
  const role = district.role;
  const types: GrassrootsType[] = [];
  const names: string[] = [];
  const place = districtPlace(district.shortName);
  const agencies = Math.min(DISTRICT_AGENCIES.length, Math.round(count * 0.1));
  const schools = Math.round(count * 0.12);
  const enterprises = Math.round(count * (role === 'city' ? 0.1 : 0.05));
  const communes = count - agencies - schools - enterprises;
  for (let i = 0; i < communes; i++) {
    if (role === 'city') types.push(rng.chance(0.8) ? 'phuong' : 'xa');
    else if (role === 'town') types.push(rng.chance(0.5) ? 'phuong' : 'xa');
    else types.push(i === 0 && count >= 8 ? 'thitran' : 'xa');
    names.push('');
  }
  const committee =
    districtWord === 'huyện'
      ? 'Huyện ủy'
      : districtWord === 'quận'
        ? 'Quận ủy'
        : districtWord === 'thị xã'
          ? 'Thị ủy'
          : 'Thành ủy';
  for (let i = 0; i < agencies; i++) {
    types.push('agency');
    names.push(
      DISTRICT_AGENCIES[i]!.replace('{committee}', committee)
        .replace('{district}', `${districtWord} ${place}`)
        .replace('{place}', place),
    );
  }
  for (let i = 0; i < schools; i++) {
    types.push('school');
    names.push('');
  }
  for (let i = 0; i < enterprises; i++) {
    types.push('enterprise');
    names.push('');
  }
  return { types, names };
}

export function addGrassroots(
  rng: Rng,
  units: DemoUnit[],
  dIndex: number,
  count: number,
  usedPlaces: Set<string>,
  territorialNames: readonly string[],
  isCityProvince: boolean,
): void {
  const district = units[dIndex]!;
  const role = district.role!;
  const districtWord = districtWordOf(role, isCityProvince);
  const provinceWord = isCityProvince ? 'thành phố' : 'tỉnh';
  // The list of organisations, by type, before names and sizes.
  const { types, names: orgNames } =
    role === 'agencies' || role === 'military' || role === 'police'
      ? blocOrgs(rng, role, count, usedPlaces, territorialNames, provinceWord)
      : territorialOrgs(rng, district, count, districtWord);

  for (let i = 0; i < types.length; i++) {
    const type = types[i]!;
    let org = orgNames[i]!;
    let shortName: string;
    let kind: UnitKind;
    let m0: number;
    let ethnic = district.ethnic;
    let place: string | undefined;
    switch (type) {
      case 'xa':
      case 'phuong':
      case 'thitran': {
        place = freshPlaceName(rng, usedPlaces);
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
      g: 0, // set by the entry point
      type,
      ethnic,
      m0,
    };
    if (place !== undefined) u.place = place;
    const index = units.length;
    units.push(u);
    district.children.push(index);
  }
}

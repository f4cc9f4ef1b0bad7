/**
 * Step 1 of the generator: the unit tree. Provinces; districts (territorial ones, and per province the agencies'
 * bloc, the military and the police committees); grassroots organisations (grassroots.ts); then the 2025
 * reorganisation (reorg.ts) and the explicit slugs of the units whose derived slug an earlier unit already has.
 */
import { monthText } from '../periods.ts';
import { slugFromName } from '../schema/values.ts';
import { rowWriter } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { addGrassroots } from './grassroots.ts';
import { freshPlaceName } from './names.ts';
import { distribute, stream, type Rng } from './prng.ts';
import type { Preset } from './presets.ts';
import { reorganise } from './reorg.ts';
import { clamp, districtPlace, isBlocRole, livesOf, pad, type DemoUnit, type DistrictRole } from './unit.ts';

export function buildTree(p: Preset, seed: number): DemoUnit[] {
  const rng = stream(seed, 'tree');
  const units: DemoUnit[] = [];
  const usedProvinceNames = new Set<string>(p.provinceNames ?? []);
  const districtsPer = p.provinces === 1 ? [p.districts] : distribute(rng, p.districts, p.provinces, 8);

  // Roles of every district first, so that the grassroots can be shared out by weight.
  const roles: DistrictRole[][] = districtsPer.map((n) => {
    if (p.territorialOnly || n < 6) {
      return Array.from({ length: n }, (_, i): DistrictRole => (i === 0 && n > 2 ? 'city' : 'rural'));
    }
    const territorial = n - 3;
    const r: DistrictRole[] = [];
    for (let i = 0; i < territorial; i++) r.push(i === 0 ? 'city' : i === 1 && territorial >= 4 ? 'town' : 'rural');
    r.push('agencies', 'military', 'police');
    return r;
  });
  const flatRoles = roles.flat();
  const weights = flatRoles.map((r) => (isBlocRole(r) ? 0.6 : r === 'city' ? 1.1 : 1));
  const grassrootsPer = weightedDistribute(rng, p.grassroots, weights, 6);

  let flat = 0;
  for (let pi = 0; pi < p.provinces; pi++) {
    const provName = p.provinceNames?.[pi] ?? freshPlaceName(rng, usedProvinceNames);
    const isCity = p.provinces > 1 && pi < (p.cities ?? 2);
    const provId = p.provinces === 1 ? 'MH' : `T${pad(pi + 1, 2)}`;
    const highland =
      p.provinces === 1
        ? 0.35
        : rng.chance(0.4)
          ? rng.uniform(0, 0.03)
          : rng.chance(0.5)
            ? rng.uniform(0.05, 0.35)
            : rng.uniform(0.4, 0.85);
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
    const provinceWord = isCity ? 'thành phố' : 'tỉnh';
    for (let di = 0; di < provRoles.length; di++) {
      const role = provRoles[di]!;
      const count = grassrootsPer[flat++]!;
      const dId = `${provId}.H${pad(di + 1, 2)}`;
      let name: string, shortName: string, kind: DemoUnit['kind'];
      const ethnic =
        role === 'city' ? clamp(highland * 0.4, 0, 1) : clamp(highland + rng.uniform(-0.25, 0.25), 0, 0.95);
      if (role === 'agencies') {
        name = `Đảng bộ Khối các cơ quan ${provinceWord}`;
        shortName = `Khối các cơ quan ${provinceWord}`;
        kind = 'agency';
      } else if (role === 'military') {
        name = `Đảng bộ Quân sự ${provinceWord}`;
        shortName = `Quân sự ${provinceWord}`;
        kind = 'armed_forces';
      } else if (role === 'police') {
        name = `Đảng bộ Công an ${provinceWord}`;
        shortName = `Công an ${provinceWord}`;
        kind = 'armed_forces';
      } else {
        const place = freshPlaceName(rng, usedPlaces);
        territorialNames.push(place);
        const word = role === 'city' ? (isCity ? 'quận' : 'thành phố') : role === 'town' ? 'thị xã' : 'huyện';
        name = `Đảng bộ ${word} ${place}`;
        shortName =
          role === 'city' ? (isCity ? `Quận ${place}` : `TP. ${place}`) : role === 'town' ? `TX. ${place}` : place;
      }
      const dIndex = units.length;
      units.push({
        id: dId,
        name,
        shortName,
        level: 'district',
        parent: provIndex,
        kind,
        slug: '',
        children: [],
        g: -1,
        role,
        ethnic,
        m0: 0,
      });
      units[provIndex]!.children.push(dIndex);
      addGrassroots(rng, units, dIndex, count, usedPlaces, territorialNames, isCity);
    }
  }
  reorganise(p, seed, units);
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

/**
 * Gives an explicit slug to every unit whose derived slug (from the latest row's short_name, as the data check
 * derives it) an earlier unit already has: the derived one followed by the nearest territorial ancestor's (the
 * district, or the province for the organisations of the provincial blocs), then the next one up, then a number.
 */
function assignSlugs(units: DemoUnit[]): void {
  const used = new Set<string>();
  const isBloc = (u: DemoUnit) => isBlocRole(u.role);
  const latest = (u: DemoUnit) => livesOf(u).at(-1)!;
  const parentOf = (u: DemoUnit) => {
    const parent = latest(u).parent;
    return parent >= 0 ? units[parent] : undefined;
  };
  for (const u of units) {
    const { shortName, name } = latest(u);
    const derived = slugFromName(shortName || name);
    if (!used.has(derived)) {
      used.add(derived);
      continue;
    }
    let candidate = derived;
    for (let a = parentOf(u); a && used.has(candidate); a = parentOf(a)) {
      if (!isBloc(a)) candidate = `${candidate}-${slugFromName(districtPlace(a.shortName))}`;
    }
    for (let n = 2; used.has(candidate); n++) candidate = `${derived}-${n}`;
    used.add(candidate);
    u.slug = candidate;
  }
}

/**
 * units.csv in the files' order (`order`), a row per period of each unit's life: a unit that moved in 07/2025
 * has a second row (same id, the new parent, from 2025-07), the first ending 2025-06.
 */
export function writeUnits(units: readonly DemoUnit[], order: readonly number[], sink: CsvSink): void {
  const write = rowWriter(sink, 'units.csv');
  const month = (m: number | undefined) => (m !== undefined ? monthText(m) : undefined);
  for (const ui of order) {
    const u = units[ui]!;
    const lives = livesOf(u);
    for (let i = 0; i < lives.length; i++) {
      const life = lives[i]!;
      const last = i === lives.length - 1;
      write({
        id: u.id,
        name: life.name,
        short_name: life.shortName,
        level: u.level,
        parent_id: life.parent >= 0 ? units[life.parent]!.id : undefined,
        kind: u.kind,
        active_from: month(life.from),
        active_to: month(life.to),
        successor_id: last && u.successor !== undefined ? units[u.successor]!.id : undefined,
        source: u.source,
        // The data contract takes a unit's slug from its latest row.
        slug: last ? u.slug || undefined : undefined,
        note: life.note,
      });
    }
  }
}

/**
 * The 2025 reorganisation, as it happened, on the tree before it (tree.ts):
 * - provinces merge when the preset has fewer after (63 into 34): the absorbed ones end 06/2025 with the one
 *   that goes on under its id as successor; their agencies', military and police committees end with the
 *   successor's committee of the same role as successor, and their organisations move to it (a second row),
 *   or, when it has one of the same name, end with that one as successor;
 * - every territorial district and every old commune committee ends 06/2025; new commune committees (level
 *   commune, under the province that goes on) start 07/2025, about one for every three old communes of the
 *   district, founded on them (their members and village branches go on in the new commune);
 * - the district's schools and enterprises move to a new commune of its area, its health centre to the
 *   provincial agencies' bloc (renamed "khu vực"), or to a commune where there is no bloc; its other bodies end.
 * The agencies', military and police committees of the provinces that go on continue unchanged.
 */
import { freshPlaceName } from './names.ts';
import { stream, type Rng } from './prng.ts';
import type { Preset } from './presets.ts';
import { REORG, REORG_SOURCE, districtPlace, isBlocRole, pad, type DemoUnit } from './unit.ts';

const ENDS = REORG - 1;
const isCommuneType = (u: DemoUnit) => u.type === 'xa' || u.type === 'phuong' || u.type === 'thitran';
/** `Đảng bộ xã Tân Lộc` → `xã Tân Lộc`, as lists in notes name them. */
const bare = (name: string) => name.replace(/^(Đảng bộ|Chi bộ) /, '');
/** `a, b và c` */
const andList = (xs: readonly string[]) =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} và ${xs.at(-1)}`;

/**
 * The name of unit `i` as a note in another province can tell it: a bloc committee with its province's place
 * (`Đảng bộ Công an tỉnh` → `Đảng bộ Công an tỉnh Tân Lộc`).
 */
const fullName = (units: readonly DemoUnit[], i: number) => {
  const u = units[i]!;
  return isBlocRole(u.role) ? `${u.name} ${units[u.parent]!.shortName}` : u.name;
};

function end(u: DemoUnit, note: string, successor?: number): void {
  u.activeTo = ENDS;
  u.source = REORG_SOURCE;
  u.note = u.note ? `${u.note}. ${note}` : note;
  if (successor !== undefined) u.successor = successor;
}

function moveTo(units: DemoUnit[], u: DemoUnit, parent: number, rename?: { name: string; shortName: string }): void {
  u.source = REORG_SOURCE;
  u.move = { parent, note: `Giả định: chuyển về ${fullName(units, parent)} từ 07/2025`, ...rename };
}

export function reorganise(p: Preset, seed: number, units: DemoUnit[]): void {
  const rng = stream(seed, 'reorg');
  const provinces = units.flatMap((u, i) => (u.level === 'province' ? [i] : []));
  // The districts of each province as built, before communes are added to the provinces' children.
  const districtsOf = new Map(provinces.map((pi) => [pi, [...units[pi]!.children]]));
  const successorOf = mergeProvinces(p, rng, units, provinces);
  const communeCount = new Map<number, number>();
  const usedPlaces = new Map<number, Set<string>>();
  for (const pi of provinces) {
    const si = successorOf.get(pi) ?? pi;
    if (!usedPlaces.has(si)) usedPlaces.set(si, new Set([units[si]!.shortName]));
    const places = usedPlaces.get(si)!;
    for (const di of districtsOf.get(pi)!) {
      const d = units[di]!;
      if (isBlocRole(d.role)) {
        if (si !== pi) endBloc(units, di, districtsOf.get(si)!);
        continue;
      }
      for (const ci of d.children) if (units[ci]!.place) places.add(units[ci]!.place!);
      const next = () => {
        const n = (communeCount.get(si) ?? 0) + 1;
        communeCount.set(si, n);
        return `${units[si]!.id}.X${pad(n, 3)}`;
      };
      endDistrict(rng, units, di, si, districtsOf.get(si)!, places, next);
    }
  }
}

/**
 * Chooses which provinces go on (the cities always do) and which merge into them, in the proportions of 2025
 * (34 from 63: 11 unchanged, 17 with one more, 6 with two more). Returns each absorbed province's successor.
 */
function mergeProvinces(p: Preset, rng: Rng, units: DemoUnit[], provinces: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const after = p.mergedProvinces;
  if (after === undefined || after >= provinces.length) return out;
  const cities = provinces.slice(0, p.cities ?? 0);
  const others = shuffle(rng, provinces.slice(cities.length));
  const keep = [...cities, ...others.slice(0, after - cities.length)];
  const absorbed = others.slice(after - cities.length);
  const triples = Math.round((absorbed.length * 6) / 29);
  const pairs = absorbed.length - 2 * triples;
  if (pairs < 0 || pairs + triples > keep.length) throw new Error(`cannot merge ${provinces.length} into ${after}`);
  let next = 0;
  keep.forEach((si, k) => {
    const count = k < triples ? 2 : k < triples + pairs ? 1 : 0;
    const merged = absorbed.slice(next, next + count);
    next += count;
    if (merged.length === 0) return;
    const s = units[si]!;
    for (const ai of merged) {
      out.set(ai, si);
      end(units[ai]!, `Giả định: hợp nhất vào ${s.name} từ 07/2025`, si);
    }
    const note = `Giả định: từ 07/2025 hợp nhất thêm ${andList(merged.map((ai) => units[ai]!.name))}`;
    s.note = s.note ? `${s.note}. ${note}` : note;
    s.source = REORG_SOURCE;
  });
  return out;
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** An absorbed province's bloc committee: ends into the successor's of the same role; its organisations follow. */
function endBloc(units: DemoUnit[], di: number, successorDistricts: readonly number[]): void {
  const d = units[di]!;
  const si = successorDistricts.find((x) => units[x]!.role === d.role);
  if (si === undefined) {
    end(d, 'Giả định: kết thúc hoạt động 06/2025');
    for (const gi of d.children) end(units[gi]!, 'Giả định: kết thúc hoạt động 06/2025');
    return;
  }
  const s = units[si]!;
  end(d, `Giả định: hợp nhất vào ${fullName(units, si)} từ 07/2025`, si);
  const byName = new Map<string, number>();
  for (const x of s.children) if (!byName.has(units[x]!.name)) byName.set(units[x]!.name, x);
  for (const gi of d.children) {
    const g = units[gi]!;
    const same = byName.get(g.name);
    const into = same !== undefined ? `${bare(units[same]!.name)} (${fullName(units, si)})` : '';
    if (same !== undefined) end(g, `Giả định: hợp nhất vào ${into} từ 07/2025`, same);
    else moveTo(units, g, si);
  }
}

/** A territorial district: it and its old communes end; new communes take over its area under province `si`. */
function endDistrict(
  rng: Rng,
  units: DemoUnit[],
  di: number,
  si: number,
  successorDistricts: readonly number[],
  places: Set<string>,
  nextId: () => string,
): void {
  const d = units[di]!;
  end(d, 'Giả định: kết thúc hoạt động 06/2025 khi kết thúc tổ chức đảng cấp huyện');
  const old = d.children.filter((ci) => isCommuneType(units[ci]!));
  const k = Math.max(1, Math.round(old.length / 3));
  const communes: number[] = [];
  for (let c = 0; c < k; c++) {
    // Even groups of neighbouring old communes: sizes differ by one at most.
    const group = old.slice(Math.floor((c * old.length) / k), Math.floor(((c + 1) * old.length) / k));
    communes.push(foundCommune(rng, units, group, si, places, nextId()));
  }
  const bloc = successorDistricts.find((x) => units[x]!.role === 'agencies');
  for (const ci of d.children) {
    const u = units[ci]!;
    if (isCommuneType(u)) continue;
    if (/^Trung tâm Y tế /.test(u.shortName)) {
      const org = `Trung tâm Y tế khu vực ${districtPlace(d.shortName)}`;
      const rename = { name: u.name.replace(/Trung tâm Y tế .*$/, org), shortName: org };
      moveTo(units, u, bloc ?? communes[rng.int(0, communes.length - 1)]!, rename);
    } else if (u.type === 'agency') {
      end(u, 'Giả định: kết thúc hoạt động 06/2025 cùng cấp huyện');
    } else {
      moveTo(units, u, communes[rng.int(0, communes.length - 1)]!);
    }
  }
}

/** A new commune committee founded in 07/2025 on the old commune committees `group`, under province `si`. */
function foundCommune(
  rng: Rng,
  units: DemoUnit[],
  group: readonly number[],
  si: number,
  places: Set<string>,
  id: string,
): number {
  const olds = group.map((i) => units[i]!);
  // As in 2025, a new commune often takes the name (and the word, xã or phường) of one it was founded on.
  const named = rng.chance(0.5) && olds[0]!.place ? olds[0]! : undefined;
  const place = named?.place ?? freshPlaceName(rng, places);
  const wards = olds.filter((u) => u.type === 'phuong').length;
  const type = (named ? named.type === 'phuong' : wards * 2 > olds.length) ? 'phuong' : 'xa';
  const word = type === 'phuong' ? 'phường' : 'xã';
  const index = units.length;
  const name = `Đảng bộ ${word} ${place}`;
  units.push({
    id,
    name,
    shortName: `${type === 'phuong' ? 'Phường' : 'Xã'} ${place}`,
    level: 'commune',
    parent: si,
    kind: 'commune',
    activeFrom: REORG,
    formedFrom: [...group],
    slug: '',
    note: `Giả định: thành lập 07/2025 trên cơ sở hợp nhất ${andList(olds.map((u) => bare(u.name)))}`,
    source: REORG_SOURCE,
    children: [],
    g: -1,
    type,
    place,
    ethnic: olds.reduce((a, u) => a + u.ethnic, 0) / olds.length,
    m0: 0,
  });
  units[si]!.children.push(index);
  const note = `Giả định: kết thúc hoạt động 06/2025; địa bàn và các chi bộ chuyển về ${name}`;
  for (const u of olds) end(u, note);
  return index;
}

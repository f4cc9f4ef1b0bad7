/** A unit of the demo's tree, as the generator's steps (tree, reorganisation, simulation, reports) share it. */
import { monthIndex } from '../periods.ts';
import type { Level, UnitKind } from '../types.ts';

/**
 * The levels the demo writes. `commune` is the data contract's level of the committees founded in 07/2025;
 * once the shared Level type has it (issue 10), this is just Level.
 */
export type DemoLevel = Level | 'commune';

export type DistrictRole = 'city' | 'town' | 'rural' | 'agencies' | 'military' | 'police';
export type GrassrootsType = 'xa' | 'phuong' | 'thitran' | 'agency' | 'school' | 'enterprise' | 'armed';

/** The first month of the 2025 reorganisation: districts and old communes end the month before. */
export const REORG = monthIndex(2025, 7);

/** The `source` of the rows the reorganisation changed. */
export const REORG_SOURCE = 'Giả định: sắp xếp tổ chức đảng năm 2025 (minh họa)';

/** The second period of the life of a unit that moved to another parent in REORG (a second units.csv row). */
export interface Move {
  parent: number;
  /** Set when the name changed with the move. */
  name?: string;
  shortName?: string;
  note?: string;
}

export interface DemoUnit {
  id: string;
  name: string;
  shortName: string;
  level: DemoLevel;
  /** Index of the parent in the units array (before any move), -1 for a province. */
  parent: number;
  kind?: UnitKind;
  activeFrom?: number;
  activeTo?: number;
  /** From REORG on, under another parent. */
  move?: Move;
  /** Index of the unit it merged into when it ended (successor_id): same level, active from REORG. */
  successor?: number;
  /** A new commune: the indexes of the old commune committees it was founded on (their members go on in it). */
  formedFrom?: number[];
  /** Explicit slug, only when the derived one would clash with an earlier unit's. */
  slug: string;
  note?: string;
  source?: string;
  /** Units written under this one in the files (the tree before the reorganisation, then the new communes). */
  children: number[];
  /** Index in the simulation arrays (grassroots organisations and new communes), else -1. */
  g: number;
  role?: DistrictRole;
  type?: GrassrootsType;
  /** The place name of a commune-type unit (`Tân Lộc` of `Xã Tân Lộc`). */
  place?: string;
  /** Share of ethnic minorities among the members (0..1). */
  ethnic: number;
  /** Members at the start (grassroots only). */
  m0: number;
}

/** One row of units.csv: a period of a unit's life. */
export interface Life {
  from?: number;
  to?: number;
  parent: number;
  name: string;
  shortName: string;
  note?: string;
}

/** The periods of a unit's life, oldest first: one, or two for a unit that moved in REORG. */
export function livesOf(u: DemoUnit): Life[] {
  const first: Life = { from: u.activeFrom, to: u.activeTo, parent: u.parent, name: u.name, shortName: u.shortName };
  if (u.note !== undefined) first.note = u.note;
  if (!u.move) return [first];
  first.to = REORG - 1;
  const m = u.move;
  const second: Life = {
    from: REORG,
    to: u.activeTo,
    parent: m.parent,
    name: m.name ?? u.name,
    shortName: m.shortName ?? u.shortName,
  };
  if (m.note !== undefined) second.note = m.note;
  return [first, second];
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The place of a district's short name (`TP. Tân Lộc` → `Tân Lộc`). */
export const districtPlace = (shortName: string) => shortName.replace(/^(TP\.|TX\.|Quận) /, '');

export const isBlocRole = (r: DistrictRole | undefined) => r === 'agencies' || r === 'military' || r === 'police';

/** A unit of the demo's tree, as the generator's steps (tree, simulation, reports) share it. */
import type { Level, UnitKind } from '../types.ts';

export type DistrictRole = 'city' | 'town' | 'rural' | 'agencies' | 'military' | 'police';
export type GrassrootsType = 'xa' | 'phuong' | 'thitran' | 'agency' | 'school' | 'enterprise' | 'armed';

export interface DemoUnit {
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

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The place of a district's short name (`TP. Tân Lộc` → `Tân Lộc`). */
export const districtPlace = (shortName: string) => shortName.replace(/^(TP\.|TX\.|Quận) /, '');

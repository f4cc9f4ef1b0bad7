/**
 * The sizes of the demo data sets. See generate.ts for what is in them. Every preset simulates the 2025
 * reorganisation (reorg.ts): districts and old commune committees end 06/2025, new communes start 07/2025.
 */

export type PresetName = 'district' | 'province' | 'national';

export interface Preset {
  name: PresetName;
  /** Provinces until 06/2025. */
  provinces: number;
  /** Provinces from 07/2025, when fewer: the others merge into these (63 into 34 in 2025). */
  mergedProvinces?: number;
  /** How many of the provinces are centrally-run cities (thành phố); none when there is one province. */
  cities?: number;
  /** Districts in all until 06/2025 (each province gets a share, at least 8 when there are several). */
  districts: number;
  /** Grassroots organisations in all before the reorganisation (the new communes come on top). */
  grassroots: number;
  /** First and last calendar year with figures; the last year is reported up to `lastMonth`. */
  firstYear: number;
  lastYear: number;
  lastMonth: number;
  /** Share of grassroots units that switch to monthly reports from some year on. */
  monthlyShare: number;
  /** Fixed province names (short names); the rest are generated. */
  provinceNames?: readonly string[];
  /** Only territorial districts (no provincial blocs, military, police). */
  territorialOnly?: boolean;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  district: {
    name: 'district',
    provinces: 1,
    districts: 1,
    grassroots: 25,
    firstYear: 2011,
    lastYear: 2026,
    lastMonth: 9,
    monthlyShare: 0.3,
    provinceNames: ['Minh Họa'],
    territorialOnly: true,
  },
  province: {
    name: 'province',
    provinces: 1,
    districts: 10,
    grassroots: 250,
    firstYear: 2011,
    lastYear: 2026,
    lastMonth: 9,
    monthlyShare: 0.3,
    provinceNames: ['Minh Họa'],
  },
  national: {
    name: 'national',
    provinces: 63,
    mergedProvinces: 34,
    cities: 5,
    districts: 700,
    grassroots: 10_000,
    firstYear: 2011,
    lastYear: 2026,
    lastMonth: 9,
    monthlyShare: 0.5,
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isPresetName(s: string): s is PresetName {
  return Object.hasOwn(PRESETS, s);
}

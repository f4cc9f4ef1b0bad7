/** The sizes of the demo data sets. See generate.ts for what is in them. */

export type PresetName = 'district' | 'province' | 'national';

export interface Preset {
  name: PresetName;
  provinces: number;
  /** Districts in all (each province gets a share, at least `minDistrictsPerProvince`). */
  districts: number;
  /** Grassroots organisations in all, including one dissolved and one newly founded per province. */
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
    provinces: 34,
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

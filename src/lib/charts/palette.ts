/** The charts' colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  orange: '#E69F00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Series colours in order, with a distinct marker symbol each (not colour alone). */
export const SERIES = [
  { color: PALETTE.blue, symbol: 'circle' },
  { color: PALETTE.vermillion, symbol: 'square' },
  { color: PALETTE.green, symbol: 'triangle' },
  { color: PALETTE.purple, symbol: 'diamond' },
  { color: PALETTE.orange, symbol: 'cross' },
] as const;

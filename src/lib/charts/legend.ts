/**
 * The marks a chart and its legend share: the hatch of partial periods and the legend's swatches. Drawn on the
 * site's pages (view/figure-html.ts), on embed pages and into the chart images (src/lib/press). Dependency-free.
 */
import { PALETTE } from './palette.ts';
import { escapeXml } from './xml.ts';

/** The dash of the same-period outline (periodBarsChart) and of its swatch. */
export const SAME_PERIOD_DASH = '4 2';

export interface LegendItem {
  label: string;
  /** A colour, or `hatch` for the partial-period swatch, `target` for the target mark, `same-period` (dashed). */
  swatch: string;
  symbol?: string;
}

/** The diagonal hatch of partial periods, as a `<pattern>` with id `id`, tiles of `size` px. */
export function hatchPattern(id: string, color: string, size = 6): string {
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${size}" height="${size}" ` +
    'patternTransform="rotate(45)">' +
    `<rect width="${size}" height="${size}" fill="${color}" fill-opacity="0.25"/>` +
    `<line x1="0" y1="0" x2="0" y2="${size}" stroke="${color}" stroke-width="${size / 2}"/></pattern>`
  );
}

function shape(symbol: string | undefined, c: string): string {
  switch (symbol) {
    case 'square':
      return `<rect x="4" y="2" width="8" height="8" fill="${c}"/>`;
    case 'triangle':
      return `<path d="M8 1.5L13 10.5H3z" fill="${c}"/>`;
    case 'diamond':
      return `<path d="M8 1L13 6 8 11 3 6z" fill="${c}"/>`;
    case 'circle':
      return `<circle cx="8" cy="6" r="4" fill="${c}"/>`;
    default:
      return '';
  }
}

/** The swatch of one item in a 16 × 12 box; `pid` is a document-unique id for the hatch pattern. */
export function swatch(it: LegendItem, pid: string): string {
  const c = escapeXml(it.swatch);
  const blue = PALETTE.blue;
  if (it.swatch === 'hatch') {
    return (
      `<defs>${hatchPattern(pid, blue, 4)}</defs>` +
      `<rect x="1" y="1" width="14" height="10" fill="url(#${pid})" stroke="${blue}"/>`
    );
  }
  if (it.swatch === 'same-period') {
    const k = PALETTE.black;
    const dash = `stroke-dasharray="${SAME_PERIOD_DASH}"`;
    return `<rect x="1" y="1" width="14" height="10" fill="none" stroke="${k}" stroke-width="1.5" ${dash}/>`;
  }
  if (it.swatch === 'target')
    return `<line x1="0" y1="6" x2="16" y2="6" stroke="${PALETTE.vermillion}" stroke-width="3"/>`;
  if (it.symbol) return `<line x1="0" y1="6" x2="16" y2="6" stroke="${c}" stroke-width="2"/>${shape(it.symbol, c)}`;
  return `<rect x="1" y="1" width="14" height="10" fill="${c}"/>`;
}

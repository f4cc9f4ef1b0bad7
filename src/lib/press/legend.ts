/**
 * A chart's legend swatches as SVG markup: for the embed page (the same `ul.legend` as the site's Legend.astro)
 * and drawn into the chart images.
 */
import type { LegendItem } from '../site/view.ts';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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
  const c = esc(it.swatch);
  if (it.swatch === 'hatch')
    return `<defs><pattern id="${pid}" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><rect width="4" height="4" fill="#0072B2" fill-opacity="0.25"/><line x1="0" y1="0" x2="0" y2="4" stroke="#0072B2" stroke-width="2"/></pattern></defs><rect x="1" y="1" width="14" height="10" fill="url(#${pid})" stroke="#0072B2"/>`;
  if (it.swatch === 'target') return `<line x1="0" y1="6" x2="16" y2="6" stroke="#D55E00" stroke-width="3"/>`;
  if (it.symbol) return `<line x1="0" y1="6" x2="16" y2="6" stroke="${c}" stroke-width="2"/>${shape(it.symbol, c)}`;
  return `<rect x="1" y="1" width="14" height="10" fill="${c}"/>`;
}

/** The legend as HTML (`ul.legend`), as on the site's pages. */
export function legendHtml(items: readonly LegendItem[], id: string): string {
  if (items.length === 0) return '';
  return `<ul class="legend" aria-label="Chú giải">${items
    .map((it, i) => `<li><svg viewBox="0 0 16 12" aria-hidden="true" focusable="false">${swatch(it, `${id}-lg${i}`)}</svg>${esc(it.label)}</li>`)
    .join('')}</ul>`;
}

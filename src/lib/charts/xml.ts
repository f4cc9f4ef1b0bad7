const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for SVG or HTML markup, in content or in a quoted attribute. Dependency-free: the browser islands use it. */
export function escapeXml(s: string): string {
  // Most texts need nothing: one test, no copy (every table cell of a national site passes here).
  return SPECIAL.test(s) ? s.replace(SPECIALS, (ch) => ENTITY[ch]!) : s;
}

/** A coordinate as SVG markup: one decimal, never `-0` (smaller pages, the same bytes across runs). */
export function coord(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Every number of a path `d` (or a transform) as `coord` writes it. */
export const roundPath = (d: string) => d.replace(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (m) => coord(Number(m)));

const SAFE_VALUE = /="([^"\s'=<>`]+)"/g;
// Before `/>`, a space: `x=1/>` would read as the value `1/`.
const SAFE_BEFORE_SLASH = /="([^"\s'=<>`]+)"\//g;

/**
 * A chart's SVG as a page inlines it: attribute values without their quotes where HTML allows it, no xmlns (the
 * HTML parser puts an <svg> in SVG's namespace), no focusable (for IE only): ~5 % fewer bytes, the same DOM. The
 * SVG files and PNGs keep the XML form. Safe on escapeXml'd text, which never holds a `"`.
 */
export const pageSvg = (svg: string) =>
  svg
    .replace(' xmlns="http://www.w3.org/2000/svg"', '')
    .replace(' focusable="false"', '')
    .replace(SAFE_BEFORE_SLASH, '=$1 /')
    .replace(SAFE_VALUE, '=$1');

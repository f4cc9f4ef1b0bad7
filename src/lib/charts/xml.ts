/** Text for SVG or HTML markup, in content or in a quoted attribute. Dependency-free: the browser islands use it. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate as SVG markup: one decimal, never `-0` (smaller pages, the same bytes across runs). */
export function coord(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Every number of a path `d` (or a transform) as `coord` writes it. */
export const roundPath = (d: string) => d.replace(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (m) => coord(Number(m)));

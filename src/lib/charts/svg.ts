/**
 * Turns Observable Plot's raw SVG into clean, accessible, deterministic markup:
 * - `role="img"` with `aria-labelledby` pointing at a `<title>` and `<desc>` placed first in the SVG;
 * - no `aria-label` / `aria-description` on role-less elements (validators reject them; the image has one name);
 * - no `font-variant` presentation attribute (not valid SVG 1.1 for validators): a `tnum` class instead;
 * - no inline `<style>` nor fixed width/height: the site stylesheet scales the fixed viewBox to the container
 *   (works under a strict CSP that forbids inline styles);
 * - coordinates rounded to one decimal (smaller pages, identical output across runs).
 */
import { parseHTML } from 'linkedom';
import { coord, escapeXml } from './xml.ts';

let doc: Document | undefined;

/** One shared linkedom document for every chart of the build (Plot only creates elements in it). */
export function chartDocument(): Document {
  if (!doc) doc = parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  return doc;
}

const NUMERIC_ATTRS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy', 'r', 'dx', 'dy']);

function roundNum(s: string): string {
  const n = Number(s);
  return Number.isFinite(n) ? coord(n) : s;
}

/** Rounds every number inside a path `d` / `transform` / `points` attribute to one decimal. */
function roundList(s: string): string {
  return s.replace(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi, (m) => roundNum(m));
}

export interface CleanOptions {
  /** Stable id, unique in its page: `bieu-do-ket-nap`. Used for the title/desc ids and any pattern ids. */
  id: string;
  title: string;
  description: string;
  /** Extra `<defs>` content (e.g. a hatch pattern), inserted before the marks. */
  defs?: string;
}

/** Cleans a Plot SVG element in place and returns its markup. */
export function cleanPlotSvg(svg: Element, opts: CleanOptions): string {
  const all = [svg, ...Array.from(svg.querySelectorAll('*'))];
  for (const el of all) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'style') {
      el.remove();
      continue;
    }
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
    if (el.hasAttribute('font-variant')) {
      el.removeAttribute('font-variant');
      el.setAttribute('class', [el.getAttribute('class'), 'tnum'].filter(Boolean).join(' '));
    }
    for (const name of el.getAttributeNames()) {
      const v = el.getAttribute(name);
      if (v == null) continue;
      if (NUMERIC_ATTRS.has(name)) el.setAttribute(name, roundNum(v));
      else if (name === 'd' || name === 'transform' || name === 'points') el.setAttribute(name, roundList(v));
    }
  }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.removeAttribute('font-family');
  svg.removeAttribute('style');
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${opts.id}-t ${opts.id}-d`);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('id', opts.id);
  const head =
    `<title id="${opts.id}-t">${escapeXml(opts.title)}</title>` +
    `<desc id="${opts.id}-d">${escapeXml(opts.description)}</desc>` +
    (opts.defs ? `<defs>${opts.defs}</defs>` : '');
  const html = svg.outerHTML;
  const open = html.indexOf('>') + 1;
  return html.slice(0, open) + head + html.slice(open);
}

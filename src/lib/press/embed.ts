/**
 * The embed page of a chart (`…/nhung/<chart>/`): what another portal puts in an <iframe>. The chart, its title,
 * legend, note and source line, and a link back to the chart on this site (target=_top); no header, navigation
 * or script. It has its own small stylesheet and font copies (nhung/nhung.css), written once, and fits any width
 * from 320 to 800 px. The page's strict CSP meta cannot set frame-ancestors, so any site may frame it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { swatch, type LegendItem } from '../charts/legend.ts';
import { escapeXml as esc } from '../charts/xml.ts';
import { CSP } from '../view/csp.ts';
import { href } from '../view/href.ts';
import { SITE_NAME } from '../view/labels.ts';
import type { PageFile } from '../view/shapes.ts';

/** The folder of the embed pages' shared stylesheet and fonts. */
export const EMBED_ASSETS = 'nhung/';

/** The unicode ranges of fontsource's Vietnamese and Latin subsets. */
const VIETNAMESE = [
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,',
  'U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
].join('');
const LATIN = [
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,',
  'U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
].join('');

const FONTS = [
  { file: 'be-vietnam-pro-vietnamese-400-normal.woff2', weight: 400, range: VIETNAMESE },
  { file: 'be-vietnam-pro-latin-400-normal.woff2', weight: 400, range: LATIN },
  { file: 'be-vietnam-pro-vietnamese-700-normal.woff2', weight: 700, range: VIETNAMESE },
  { file: 'be-vietnam-pro-latin-700-normal.woff2', weight: 700, range: LATIN },
] as const;

/** Widest the chart is drawn (its text then is ~1.6× the page's): wider iframes centre it. */
export const EMBED_CHART_MAX = 560;

const FACE = "font-family:'Be Vietnam Pro';font-style:normal;font-display:swap";
const BODY_FONT = "font-family:'Be Vietnam Pro',system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif";
const BODY_COLOURS = 'color:#1b1b1b;background:#fff';

const CSS = `${FONTS.map(
  (f) => `@font-face{${FACE};font-weight:${f.weight};src:url(${f.file}) format('woff2');unicode-range:${f.range}}`,
).join('\n')}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;padding:10px 12px;${BODY_FONT};font-size:15px;line-height:1.5;${BODY_COLOURS};overflow-wrap:break-word}
figure{margin:0 auto;max-width:${EMBED_CHART_MAX}px}
h1{font-size:1.05rem;line-height:1.3;margin:0 0 2px}
.subtitle{margin:0 0 6px;color:#595959;font-size:.88rem}
.chart-svg{display:block;width:100%;height:auto;overflow:visible;font-family:inherit}
.tnum{font-variant-numeric:tabular-nums}
.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:2px 14px;font-size:.82rem}
.legend li{display:inline-flex;align-items:center;gap:5px}
.legend svg{width:16px;height:12px;flex:none}
.note,.source{font-size:.8rem;color:#595959;margin:4px 0 0}
.source{border-top:1px solid #d9d4cc;padding-top:4px;margin-top:8px}
.back{font-size:.85rem;margin:4px 0 0}
a{color:#0b57a4;text-underline-offset:2px}
a:focus-visible{outline:3px solid #f2c94c;outline-offset:2px}
`;

let fontDir: string | undefined;
function fontsourceDir(): string {
  if (!fontDir) {
    const req = createRequire(path.join(process.cwd(), 'package.json'));
    fontDir = path.join(path.dirname(req.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
  }
  return fontDir;
}

/** The embed pages' stylesheet and its fonts, declared by every embed page (written once). */
export function embedAssets(): PageFile[] {
  return [
    { path: `${EMBED_ASSETS}nhung.css`, body: () => CSS },
    ...FONTS.map((f) => ({
      path: `${EMBED_ASSETS}${f.file}`,
      body: () => readFileSync(path.join(fontsourceDir(), f.file)),
    })),
  ];
}

/** The legend as HTML (`ul.legend`), as on the site's pages (Legend.astro). */
function legendHtml(items: readonly LegendItem[], id: string): string {
  if (items.length === 0) return '';
  const item = (it: LegendItem, i: number) =>
    `<li><svg viewBox="0 0 16 12" aria-hidden="true" focusable="false">${swatch(it, `${id}-lg${i}`)}</svg>` +
    `${esc(it.label)}</li>`;
  return `<ul class="legend" aria-label="Chú giải">${items.map(item).join('')}</ul>`;
}

export interface EmbedPageInput {
  title: string;
  subtitle?: string;
  /** The chart's SVG as on the site's page. */
  svg: string;
  legend?: readonly LegendItem[];
  /** DOM id of the chart (for the legend's pattern ids). */
  id: string;
  note?: string;
  /** `Nguồn: …` */
  source: string;
  /** Link to the chart on the site (href()). */
  back: string;
  /** Absolute URL of the chart's page, for the canonical link. */
  canonical: string;
}

export function embedPage(o: EmbedPageInput): string {
  return (
    '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(o.title)} — ${esc(SITE_NAME)}</title>` +
    `<meta name="description" content="${esc(o.subtitle ?? o.title)}">` +
    '<meta name="robots" content="noindex">' +
    `<link rel="canonical" href="${esc(o.canonical)}">` +
    // Without it a browser asks for /favicon.ico at the host's root, outside a sub-path deployment.
    `<link rel="icon" href="${esc(href('favicon.svg'))}" type="image/svg+xml">` +
    `<link rel="stylesheet" href="${esc(href(`${EMBED_ASSETS}nhung.css`))}">` +
    '</head><body><main><figure>' +
    `<figcaption><h1>${esc(o.title)}</h1>` +
    (o.subtitle ? `<p class="subtitle">${esc(o.subtitle)}</p>` : '') +
    '</figcaption>' +
    o.svg +
    legendHtml(o.legend ?? [], o.id) +
    (o.note ? `<p class="note">${esc(o.note)}</p>` : '') +
    `<p class="source">${esc(o.source)}</p>` +
    `<p class="back"><a href="${esc(o.back)}" target="_top">Xem trên trang ${esc(SITE_NAME)}</a></p>` +
    '</figure></main></body></html>\n'
  );
}

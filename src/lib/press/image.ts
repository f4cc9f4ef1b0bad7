/**
 * A chart as a standalone image: the page's chart SVG with its title, subtitle, legend, note and source line
 * drawn around it on a white background, text wrapped to the width (SVG text does not wrap), the font named with
 * fallbacks. Published as `<chart>.svg` and rasterised at 2× into `<chart>.png` (png.ts).
 */
import { swatch, type LegendItem } from '../charts/legend.ts';
import { escapeXml as esc } from '../charts/xml.ts';
import { FONT_STACK, textWidth, wrap, type Weight } from './fonts.ts';

export interface ChartImageInput {
  /** The chart's SVG as the page shows it (src/lib/charts). */
  svg: string;
  title: string;
  subtitle?: string;
  legend?: readonly LegendItem[];
  /** The chart's note (caption). */
  note?: string;
  /** `Nguồn: …` */
  source: string;
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const INK = '#1b1b1b';
const MUTED = '#595959';

/** The viewBox size of the page's chart SVG. */
export function chartSize(svg: string): { width: number; height: number } {
  const m = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg.slice(0, svg.indexOf('>') + 1));
  if (!m) throw new Error('chart image: the chart SVG has no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Lines of text, wrapped; returns the markup and the height used. */
function block(
  text: string,
  top: number,
  width: number,
  size: number,
  weight: Weight,
  fill: string,
  lineHeight: number,
): { markup: string; height: number } {
  const lines = wrap(text, width, size, weight);
  const markup = lines
    .map(
      (l, i) =>
        `<text x="${PAD}" y="${r1(top + size + i * lineHeight)}" font-size="${size}"` +
        `${weight === 700 ? ' font-weight="700"' : ''} fill="${fill}">${esc(l)}</text>`,
    )
    .join('');
  return { markup, height: lines.length * lineHeight };
}

/** The legend laid out in rows: swatch, label, gap; wraps to the next row. */
function legendBlock(items: readonly LegendItem[], top: number, width: number): { markup: string; height: number } {
  const size = 12;
  const rowH = 18;
  let x = PAD;
  let row = 0;
  let markup = '';
  items.forEach((it, i) => {
    const w = 16 + 5 + textWidth(it.label, size) + 14;
    if (x > PAD && x + w - 14 > PAD + width) {
      row++;
      x = PAD;
    }
    const y = top + row * rowH;
    const box = `<svg x="${r1(x)}" y="${r1(y + 2)}" width="16" height="12" viewBox="0 0 16 12">`;
    markup += `${box}${swatch(it, `lg${i}`)}</svg>`;
    markup += `<text x="${r1(x + 21)}" y="${r1(y + 12)}" font-size="${size}" fill="${INK}">${esc(it.label)}</text>`;
    x += w;
  });
  return { markup, height: items.length ? (row + 1) * rowH : 0 };
}

/** The standalone SVG document of a chart. */
export function chartImage(o: ChartImageInput): ChartImage {
  const chart = chartSize(o.svg);
  const inner = chart.width;
  const width = inner + 2 * PAD;
  let y = 12;
  const parts: string[] = [];
  const title = block(o.title, y, inner, 16, 700, INK, 21);
  parts.push(title.markup);
  y += title.height;
  if (o.subtitle) {
    const sub = block(o.subtitle, y + 1, inner, 12.5, 400, MUTED, 17);
    parts.push(sub.markup);
    y += sub.height + 1;
  }
  y += 8;
  // The page's chart, nested at its own size; `overflow` as on the page (labels may touch the edge).
  const open = o.svg.indexOf('>');
  const nested =
    `<svg x="${PAD}" y="${r1(y)}" width="${inner}" height="${chart.height}" overflow="visible"` +
    o.svg.slice(4, open).replace(/\s(?:class|role|aria-labelledby|width|height|x|y)="[^"]*"/g, '') +
    o.svg.slice(open);
  parts.push(nested);
  y += chart.height + 6;
  if (o.legend?.length) {
    const lg = legendBlock(o.legend, y, inner);
    parts.push(lg.markup);
    y += lg.height + 4;
  }
  if (o.note) {
    const note = block(o.note, y, inner, 11.5, 400, MUTED, 15.5);
    parts.push(note.markup);
    y += note.height + 4;
  }
  y += 4;
  parts.push(`<line x1="${PAD}" y1="${r1(y)}" x2="${PAD + inner}" y2="${r1(y)}" stroke="#d9d4cc" stroke-width="1"/>`);
  y += 3;
  const src = block(o.source, y, inner, 11, 400, MUTED, 15);
  parts.push(src.markup);
  y += src.height + 10;
  const height = Math.ceil(y);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${esc(FONT_STACK)}" color="${INK}">` +
    `<title>${esc(o.title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>\n`;
  return { svg, width, height };
}

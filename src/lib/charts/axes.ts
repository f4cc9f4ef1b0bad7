/**
 * The frame of a chart, as SVG strings: the svg element with its title and desc, grids, ticks, tick labels, the
 * axis label, a rule at zero. The charts were drawn by Observable Plot in a linkedom document, then cleaned up
 * (role="img" named by its title and desc, no inline style, no font-variant but a `tnum` class, no fixed size,
 * numbers to one decimal). bars.ts and lines.ts write that same markup directly, elements and attributes in the
 * same order, with d3's scales, lines and symbols: the same picture without a DOM, ~30 times faster.
 */
import { scaleBand, scalePoint, type ScaleBand, type ScalePoint } from 'd3';
import type { ChartText } from './small.ts';
import { coord as c, escapeXml as esc } from './xml.ts';

/** The width of every chart's viewBox: about a phone's width, so that 13 px text stays ~12 px there. */
export const CHART_WIDTH = 360;

/** The svg element (left open), its title and desc, and any `<defs>`. */
export function svgOpen(text: ChartText, height: number, defs?: string): string {
  const { id } = text;
  return (
    `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" aria-labelledby="${id}-t ${id}-d" role="img" ` +
    `viewBox="0 0 ${CHART_WIDTH} ${c(height)}" text-anchor="middle" font-size="${FONT_SIZE}" fill="currentColor" ` +
    `class="chart-svg"><title id="${id}-t">${esc(text.title)}</title>` +
    `<desc id="${id}-d">${esc(text.description)}</desc>` +
    (defs ? `<defs>${defs}</defs>` : '')
  );
}

/** A group of marks; nothing when there are none, as Plot skips an empty mark. */
export const group = (attrs: string, marks: string[]) => (marks.length ? `<g ${attrs}>${marks.join('')}</g>` : '');

const line = (x1: string, y1: string, x2: string, y2: string) => `<line y2="${y2}" y1="${y1}" x2="${x2}" x1="${x1}" />`;

/**
 * Lines drawn alike (grid lines, ticks) as one path of `d` pieces: the same strokes as one element each, which
 * were a tenth of a national site's pages. Nothing when there are none.
 */
const strokes = (attrs: string, pieces: string[]) =>
  group(attrs, pieces.length ? [`<path d="${pieces.join('')}" />`] : []);

/** The size of every chart's text, in viewBox units (the charts are drawn for it). */
const FONT_SIZE = 13;

/**
 * A text at (x, y) moved `em` of its size down: what Plot writes as `transform="translate(x,y)" y="0.32em"`, in
 * a third of the bytes (the same place to a twentieth of a pixel).
 */
export const textAt = (x: number, y: number, em: number, text: string) =>
  `<text x="${c(x)}" y="${c(y + em * FONT_SIZE)}">${esc(text)}</text>`;

const GRID = 'stroke-opacity="0.1" stroke="currentColor" aria-hidden="true"';
const TICKS = 'stroke="currentColor" fill="none" aria-hidden="true"';

/** Vertical grid lines from `y1` to `y2` at each x. */
export const gridX = (xs: number[], y1: number, y2: number) =>
  strokes(
    GRID,
    xs.map((x) => `M${c(x)},${c(y1)}V${c(y2)}`),
  );

/** Horizontal grid lines from `x1` to `x2` at each y. */
export const gridY = (ys: number[], x1: number, x2: number) =>
  strokes(
    GRID,
    ys.map((y) => `M${c(x1)},${c(y)}H${c(x2)}`),
  );

/** A rule across the plot at x (`ruleX([0])`). */
export const ruleX = (x: number, y1: number, y2: number) =>
  `<g stroke="currentColor">${line(c(x), c(y1), c(x), c(y2))}</g>`;

/** A rule across the plot at y (`ruleY([0])`). */
export const ruleY = (y: number, x1: number, x2: number) =>
  `<g stroke="currentColor">${line(c(x1), c(y), c(x2), c(y))}</g>`;

/** The bottom axis: 6 px ticks down from `y` and their labels below; `tnum` for numbers and dates. */
export function axisBottom(xs: number[], labels: string[], y: number, tnum: boolean): string {
  return (
    strokes(
      TICKS,
      xs.map((x) => `M${c(x)},${c(y)}v6`),
    ) +
    group(
      `${tnum ? 'class="tnum" ' : ''}transform="translate(0,9)"`,
      labels.map((l, i) => textAt(xs[i]!, y, 0.71, l)),
    )
  );
}

/** The left axis of numbers: 6 px ticks left of `x`, their labels, and the axis label above, `↑ label`. */
export function axisLeft(ys: number[], labels: string[], x: number, label: string, top: number): string {
  return (
    strokes(
      TICKS,
      ys.map((y) => `M${c(x)},${c(y)}h-6`),
    ) +
    group(
      'class="tnum" transform="translate(-9,0)" text-anchor="end"',
      labels.map((l, i) => textAt(x, ys[i]!, 0.32, l)),
    ) +
    `<g transform="translate(${c(3 - x)},${c(3 - top)})" text-anchor="start">` +
    `${textAt(x, top, 0.71, `↑ ${label}`)}</g>`
  );
}

/** Text of one or more lines centred on `y`, as Plot's text mark centres them (its text.js). */
export function centredText(lines: string[], x: number, y: number): string {
  const first = (164 - lines.length * 100) / 200;
  if (lines.length === 1) return textAt(x, y, first, lines[0]!);
  // The lines' tspans are placed in em from the text's origin: a transform puts it there.
  const at = `transform="translate(${c(x)},${c(y)})"`;
  const spans = lines.map((l, i) => `<tspan ${i ? 'dy="1em"' : `y="${first}em"`} x="0">${esc(l)}</tspan>`);
  return `<text ${at}>${spans.join('')}</text>`;
}

/** How many px rounding a band (or point) scale to whole pixels would waste: d3's arithmetic, as Plot's scales.js. */
function roundError(n: number, range: [number, number], inner: number, outer: number): number {
  const m = n - inner;
  const step = Math.abs(range[1] - range[0]) / Math.max(1, m + outer * 2);
  return (step - Math.floor(step)) * m;
}

/** Plot's band scale: d3's, rounded to whole pixels unless that wastes over 30 px (a long list of units). */
export function bandScale(domain: string[], range: [number, number], padding: number): ScaleBand<string> {
  const scale = scaleBand(domain, range).padding(padding);
  return roundError(domain.length, range, padding, padding) <= 30 ? scale.round(true) : scale;
}

/** Plot's point scale, rounded by the same rule (a point scale's inner padding is 1). */
export function pointScale(domain: string[], range: [number, number], padding: number): ScalePoint<string> {
  const scale = scalePoint(domain, range).padding(padding);
  return roundError(domain.length, range, 1, padding) <= 30 ? scale.round(true) : scale;
}

/**
 * The site's charts, rendered at build time into clean inline SVG strings, without a DOM: the bar charts
 * (bars.ts), the line charts (lines.ts) and the cards' small graphics (small.ts). Inputs are plain rows (no
 * Dataset): the view models in src/lib/site decide what to draw. Every chart uses a fixed viewBox (width 360,
 * about a phone's width, so 13 px text stays ~12 px there) that the stylesheet scales to its container.
 */
export { periodBarsChart, unitBarsChart } from './bars.ts';
export { datedLineChart, linesChart, thinTicks } from './lines.ts';
export { PALETTE, SERIES } from './palette.ts';
export { paceMeter, sparkline } from './small.ts';

/**
 * The line charts of the unit pages (composition by period, members over dated snapshots), written directly as
 * SVG strings like the bar charts (see axes.ts): the markup Observable Plot wrote, with d3's scales, line and
 * symbol paths (three decimals, as Plot draws them) for the same picture, without a DOM.
 */
import { extent, line, scaleLinear, scaleUtc, symbol, timeFormatLocale } from 'd3';
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';
import { fmtCount } from '../format/index.ts';
import { axisBottom, axisLeft, CHART_WIDTH, group, gridY, pointScale, ruleY, svgOpen, textAt } from './axes.ts';
import { pctTick } from './bars.ts';
import { PALETTE, SERIES } from './palette.ts';
import type { ChartText } from './small.ts';
import { coord as c, escapeXml as esc, roundPath } from './xml.ts';

/** Vietnamese month and day names for time axes. */
export const viTime = timeFormatLocale({
  dateTime: '%H:%M:%S %d/%m/%Y',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['SA', 'CH'],
  days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  months: [
    'tháng 1',
    'tháng 2',
    'tháng 3',
    'tháng 4',
    'tháng 5',
    'tháng 6',
    'tháng 7',
    'tháng 8',
    'tháng 9',
    'tháng 10',
    'tháng 11',
    'tháng 12',
  ],
  shortMonths: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
});

/** Plot's default margins with a labelled left axis and a bottom axis. */
const [TOP, BOTTOM] = [20, 30];
const LINE_G = 'stroke-linecap="round" stroke-linejoin="round" stroke-width="2"';

/** The symbols of SERIES by name, as Plot names d3's. */
const SYMBOLS: Record<string, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
};

/** A linear y from 0 to `max` made nice (d3's default of 10 ticks), its 5 ticks as a labelled left axis. */
function yAxis(max: number, height: number, right: number, label: string, fmt: (v: number) => string) {
  const y = scaleLinear([0, max], [height - BOTTOM, TOP]).nice();
  const ticks = y.ticks(5);
  const ys = ticks.map((t) => y(t));
  const frame = gridY(ys, 48, CHART_WIDTH - right) + axisLeft(ys, ticks.map(fmt), 48, label, TOP);
  return { y, frame };
}

/* ---------------- Lines by period (composition %, members) ---------------- */

export interface LinePoint {
  x: string;
  series: string;
  value: number;
  tip: string;
}

export interface LinesOptions extends ChartText {
  points: LinePoint[];
  /** Series labels in legend order; colours and symbols follow SERIES. */
  series: string[];
  /** All x values in order (a gap in a series stays a gap). */
  xDomain: string[];
  yLabel: string;
  percent?: boolean;
  height?: number;
}

/** At most ~6 tick labels on a band or point axis of years: every 2nd, 3rd or 5th, always the last. */
export function thinTicks(domain: string[]): string[] {
  const n = domain.length;
  if (n <= 6) return domain;
  const step = n <= 12 ? 2 : n <= 18 ? 3 : 5;
  return domain.filter((_, i) => (n - 1 - i) % step === 0);
}

export function linesChart(o: LinesOptions): string {
  const height = o.height ?? 240;
  const right = 20;
  const style = new Map(o.series.map((s, i) => [s, SERIES[i % SERIES.length]!]));
  const maxY = Math.max(1, ...o.points.map((p) => p.value));
  const x = pointScale(o.xDomain, [48, CHART_WIDTH - right], 0.3);
  const { y, frame } = yAxis(
    o.percent ? Math.min(100, Math.max(10, maxY * 1.1)) : maxY * 1.1,
    height,
    right,
    o.yLabel,
    o.percent ? pctTick : fmtCount,
  );
  const ticks = thinTicks(o.xDomain);
  // Lines connect only consecutive x values: a missing year breaks the line.
  const index = new Map(o.xDomain.map((v, i) => [v, i]));
  const path = line<LinePoint>(
    (p) => x(p.x)!,
    (p) => y(p.value),
  );
  const paths: string[] = [];
  for (const s of o.series) {
    const pts = o.points.filter((p) => p.series === s).sort((a, b) => index.get(a.x)! - index.get(b.x)!);
    let seg: LinePoint[] = [];
    const flush = () => {
      if (seg.length) paths.push(`<path d="${roundPath(path(seg)!)}" stroke="${style.get(s)!.color}" />`);
      seg = [];
    };
    let prev = -2;
    for (const p of pts) {
      const i = index.get(p.x)!;
      if (i !== prev + 1) flush();
      seg.push(p);
      prev = i;
    }
    flush();
  }
  const dots = o.points.map((p) => {
    const st = style.get(p.series)!;
    const d = symbol(SYMBOLS[st.symbol], 3.5 * 3.5 * Math.PI)()!;
    return (
      `<path stroke="${st.color}" fill="${st.color}" d="${roundPath(d)}" ` +
      `transform="translate(${c(x(p.x)!)},${c(y(p.value))})"><title>${esc(p.tip)}</title></path>`
    );
  });
  return (
    svgOpen(o, height) +
    frame +
    axisBottom(
      ticks.map((t) => x(t)!),
      ticks,
      height - BOTTOM,
      false,
    ) +
    ruleY(y(0), 48, CHART_WIDTH - right) +
    group(`${LINE_G} fill="none"`, paths) +
    group('stroke-width="1.5"', dots) +
    '</svg>'
  );
}

/** Members (or any stock) over dated snapshots, on a time axis. */
export interface DatedPoint {
  /** ISO date. */
  date: string;
  value: number;
  tip: string;
}

export function datedLineChart(o: ChartText & { points: DatedPoint[]; yLabel: string; height?: number }): string {
  const height = o.height ?? 220;
  const right = 24;
  const pts = o.points.map((p) => ({ ...p, d: new Date(`${p.date}T00:00:00Z`) }));
  const t = pts.map((p) => p.d.getTime());
  const spanYears = (Math.max(...t) - Math.min(...t)) / (365.25 * 864e5);
  const maxY = Math.max(1, ...pts.map((p) => p.value));
  // Inset 12 px from the plot's sides, so that the first and last dots clear the axes.
  const x = scaleUtc(extent(pts, (p) => p.d) as [Date, Date], [48 + 12, CHART_WIDTH - right - 12]);
  const { y, frame } = yAxis(maxY * 1.15, height, right, o.yLabel, fmtCount);
  const ticks = x.ticks(spanYears >= 2 ? Math.min(6, Math.ceil(spanYears)) : 4);
  const fmt = viTime.utcFormat(spanYears >= 2 ? '%Y' : '%b %Y');
  const path = line<(typeof pts)[number]>(
    (p) => x(p.d),
    (p) => y(p.value),
  );
  const labelled = pts.length > 5 ? pts.slice(-1) : pts;
  return (
    svgOpen(o, height) +
    frame +
    axisBottom(
      ticks.map((d) => x(d)),
      ticks.map(fmt),
      height - BOTTOM,
      true,
    ) +
    ruleY(y(0), 48, CHART_WIDTH - right) +
    group(
      `${LINE_G} stroke="${PALETTE.blue}" fill="none"`,
      pts.length ? [`<path d="${roundPath(path(pts)!)}" />`] : [],
    ) +
    group(
      `fill="${PALETTE.blue}"`,
      pts.map((p) => `<circle r="3.5" cy="${c(y(p.value))}" cx="${c(x(p.d))}"><title>${esc(p.tip)}</title></circle>`),
    ) +
    group(
      `transform="translate(0,-12)"${pts.length > 5 ? ' text-anchor="end"' : ''}`,
      labelled.map((p) => textAt(x(p.d)!, y(p.value), 0.32, fmtCount(p.value))),
    ) +
    '</svg>'
  );
}

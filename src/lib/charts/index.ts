/**
 * The site's charts, rendered at build time into clean inline SVG: the bar charts directly as strings (bars.ts),
 * the line charts with Observable Plot (see svg.ts).
 * Inputs are plain rows (no Dataset): the view models in src/lib/site decide what to draw.
 * Every chart uses a fixed viewBox (width 360, about a phone's width, so 13 px text stays ~12 px there) that the
 * stylesheet scales to its container.
 */
import * as Plot from '@observablehq/plot';
import { timeFormatLocale } from 'd3';
import { fmtCount } from '../format/index.ts';
import { CHART_WIDTH, pctTick } from './bars.ts';
import { PALETTE, SERIES } from './palette.ts';
import { chartDocument, cleanPlotSvg } from './svg.ts';
import type { ChartText } from './small.ts';

export {
  CHART_WIDTH,
  periodBarsChart,
  unitBarsChart,
  type PeriodBar,
  type PeriodBarsOptions,
  type UnitBar,
  type UnitBarsOptions,
} from './bars.ts';
export { PALETTE, SERIES } from './palette.ts';
export { paceMeter, sparkline, type ChartText } from './small.ts';

const FONT_SIZE = 13;

function render(options: Plot.PlotOptions, text: ChartText, defs?: string): string {
  const svg = Plot.plot({
    ...options,
    document: chartDocument(),
    width: options.width ?? CHART_WIDTH,
  }) as unknown as Element;
  svg.setAttribute('font-size', String(FONT_SIZE));
  return cleanPlotSvg(svg, { ...text, defs });
}

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

const countTick = (d: number) => fmtCount(d);

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
  const colors = o.series.map((_, i) => SERIES[i % SERIES.length]!.color);
  const symbols = o.series.map((_, i) => SERIES[i % SERIES.length]!.symbol);
  const maxY = Math.max(1, ...o.points.map((p) => p.value));
  // Lines connect only consecutive x values: a missing year breaks the line.
  const index = new Map(o.xDomain.map((x, i) => [x, i]));
  const segments: (LinePoint & { seg: string })[] = [];
  for (const s of o.series) {
    const pts = o.points.filter((p) => p.series === s).sort((a, b) => index.get(a.x)! - index.get(b.x)!);
    let seg = 0;
    let prev = -2;
    for (const p of pts) {
      const i = index.get(p.x)!;
      if (i !== prev + 1) seg++;
      prev = i;
      segments.push({ ...p, seg: `${s}#${seg}` });
    }
  }
  return render(
    {
      height: o.height ?? 240,
      marginLeft: 48,
      marginRight: 20,
      x: { type: 'point', domain: o.xDomain, label: null, padding: 0.3, ticks: thinTicks(o.xDomain) },
      y: {
        grid: true,
        label: o.yLabel,
        domain: o.percent ? [0, Math.min(100, Math.max(10, maxY * 1.1))] : [0, maxY * 1.1],
        nice: true,
        tickFormat: o.percent ? pctTick : countTick,
        ticks: 5,
      },
      color: { domain: o.series, range: colors },
      symbol: { domain: o.series, range: symbols },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(segments, { x: 'x', y: 'value', z: 'seg', stroke: 'series', strokeWidth: 2 }),
        Plot.dot(o.points, {
          x: 'x',
          y: 'value',
          stroke: 'series',
          fill: 'series',
          symbol: 'series',
          r: 3.5,
          title: 'tip',
        }),
      ],
    },
    o,
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
  const pts = o.points.map((p) => ({ ...p, d: new Date(`${p.date}T00:00:00Z`) }));
  const t = pts.map((p) => p.d.getTime());
  const spanYears = (Math.max(...t) - Math.min(...t)) / (365.25 * 864e5);
  const maxY = Math.max(1, ...pts.map((p) => p.value));
  return render(
    {
      height: o.height ?? 220,
      marginLeft: 48,
      marginRight: 24,
      insetLeft: 12,
      insetRight: 12,
      x: {
        type: 'utc',
        label: null,
        ticks: spanYears >= 2 ? Math.min(6, Math.ceil(spanYears)) : 4,
        tickFormat: spanYears >= 2 ? viTime.utcFormat('%Y') : viTime.utcFormat('%b %Y'),
      },
      y: { grid: true, label: o.yLabel, domain: [0, maxY * 1.15], nice: true, tickFormat: countTick, ticks: 5 },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(pts, { x: 'd', y: 'value', stroke: PALETTE.blue, strokeWidth: 2 }),
        Plot.dot(pts, { x: 'd', y: 'value', fill: PALETTE.blue, r: 3.5, title: 'tip' }),
        Plot.text(pts.length > 5 ? pts.slice(-1) : pts, {
          x: 'd',
          y: 'value',
          text: (p: DatedPoint) => fmtCount(p.value),
          dy: -12,
          textAnchor: pts.length > 5 ? 'end' : 'middle',
        }),
      ],
    },
    o,
  );
}

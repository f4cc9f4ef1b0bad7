/**
 * The horizontal bar charts, one period of a unit (periodBarsChart) or one unit (unitBarsChart) a row, written
 * directly as SVG strings on the frame of axes.ts: the markup Plot wrote, with d3's scales for the same positions
 * and ticks (Plot took ~7 ms and thousands of DOM objects a chart, on each of 12,000 pages).
 */
import { scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';
import { DASH, fmtCount, fmtNumber, fmtPct } from '../format/index.ts';
import { hatchPattern, SAME_PERIOD_DASH } from './legend.ts';
import { axisBottom, bandScale, CHART_WIDTH, centredText, gridX, group, ruleX, svgOpen, textAt } from './axes.ts';
import { PALETTE } from './palette.ts';
import type { ChartText } from './small.ts';
import { coord as c, escapeXml as esc } from './xml.ts';

/** A tick label of a percent axis: `12,5%`. */
export const pctTick = (d: number) => `${fmtNumber(d, 1)}%`;

/** Bars by period: see periodBarsChart. */
export interface PeriodBar {
  /** Axis label: `2020`. */
  x: string;
  /** Undefined = no figure for that period (drawn as a dash, never as 0). */
  value?: number;
  /** Set for partial periods: `7/12 tháng`. */
  partial?: string;
  target?: number;
  /** A partial year's same months of the year before: drawn as a dashed outline over the bar. */
  samePeriod?: number;
  /** Tooltip text (native SVG <title>). */
  tip: string;
}

export interface PeriodBarsOptions extends ChartText {
  rows: PeriodBar[];
  yLabel: string;
  height?: number;
}

/** What a bar chart's frame is made of; see barFrame. */
interface FrameSpec {
  text: ChartText;
  height: number;
  /** Left, right, top, bottom. */
  margins: [number, number, number, number];
  /** The end of the x domain before it is made nice (the largest value and some room past it). */
  xMax: number;
  /** One band a row, its label one string a line. */
  keys: string[];
  labels: string[][];
  padding: number;
  tickFormat: (v: number) => string;
  /** Some bar is hatched (a partial period): the pattern goes in the defs. */
  hatch: boolean;
}

interface Frame extends FrameSpec {
  x: ScaleLinear<number, number>;
  y: ScaleBand<string>;
  xTicks: number[];
}

/** Plot's scales: a linear x made nice (d3's default of 10 ticks), 4 ticks drawn; padded bands. */
function barFrame(spec: FrameSpec): Frame {
  const [left, right, top, bottom] = spec.margins;
  const x = scaleLinear([0, spec.xMax], [left, CHART_WIDTH - right]).nice();
  const y = bandScale(spec.keys, [top, spec.height - bottom], spec.padding);
  return { ...spec, x, y, xTicks: x.ticks(4) };
}

/** The svg element, its title, desc and defs, the band axis, the x grid and axis, the zero rule. */
function frame(f: Frame): string {
  const [left, , top, marginBottom] = f.margins;
  const bottom = f.height - marginBottom;
  const xs = f.xTicks.map((t) => f.x(t));
  return (
    svgOpen(f.text, f.height, f.hatch ? hatchPattern(`${f.text.id}-hatch`, PALETTE.blue) : undefined) +
    group(
      `transform="translate(-9,${c(f.y.bandwidth() / 2)})" text-anchor="end"`,
      f.y.domain().map((k, i) => centredText(f.labels[i]!, left, f.y(k)!)),
    ) +
    gridX(xs, top, bottom) +
    axisBottom(xs, f.xTicks.map(f.tickFormat), bottom, true) +
    ruleX(f.x(0), top, bottom)
  );
}

/** A bar from 0 to `v` in the band of `k`, `inset` px inside the band top and bottom, with its tooltip. */
function bar(f: Frame, k: string, v: number, inset: number, tip: string): string {
  const [x0, x1] = [f.x(0), f.x(v)];
  const h = Math.max(0, f.y.bandwidth() - 2 * inset);
  return (
    `<rect height="${c(h)}" y="${c(f.y(k)! + inset)}" width="${c(Math.abs(x1 - x0))}" x="${c(Math.min(x0, x1))}">` +
    `<title>${esc(tip)}</title></rect>`
  );
}

/** A label at `v` in the band of `k` (the group translates it by dx and half a band). */
const label = (f: Frame, k: string, v: number, text: string) => textAt(f.x(v), f.y(k)!, 0.32, text);

/**
 * Horizontal bars, one row per period (oldest first): readable on a 360 px phone for any number of years.
 * A partial period is hatched and its row label carries the coverage (`2020` / `7/12 tháng`); a target is a
 * vermillion tick across the row; a period without a figure shows a dash, never a zero-length bar.
 */
export function periodBarsChart(o: PeriodBarsOptions): string {
  const complete = o.rows.filter((r) => r.value !== undefined && !r.partial);
  const partial = o.rows.filter((r) => r.value !== undefined && r.partial);
  const has = [...complete, ...partial];
  const missing = o.rows.filter((r) => r.value === undefined);
  const targets = o.rows.filter((r) => r.target !== undefined);
  const same = o.rows.filter((r) => r.samePeriod !== undefined && r.value !== undefined);
  const rowH = partial.length ? 36 : 28;
  const maxX = Math.max(1, ...o.rows.map((r) => Math.max(r.value ?? 0, r.target ?? 0, r.samePeriod ?? 0)));
  const f = barFrame({
    text: o,
    height: o.height ?? 34 + o.rows.length * rowH,
    margins: [partial.length ? 84 : 48, 56, 6, 28],
    xMax: maxX * 1.04,
    keys: o.rows.map((r) => r.x),
    labels: o.rows.map((r) => (r.partial ? [r.x, r.partial] : [r.x])),
    padding: 0.1,
    tickFormat: fmtCount,
    hatch: partial.length > 0,
  });
  const half = c(f.y.bandwidth() / 2);
  return (
    frame(f) +
    group(
      `fill="${PALETTE.blue}"`,
      complete.map((r) => bar(f, r.x, r.value!, 3, r.tip)),
    ) +
    group(
      `stroke-width="1.5" stroke="${PALETTE.blue}" fill="url(#${o.id}-hatch)"`,
      partial.map((r) => bar(f, r.x, r.value!, 3, r.tip)),
    ) +
    // The same months of the year before, outlined: the bar of a running year against it (SAME_PERIOD_DASH).
    group(
      `stroke-dasharray="${SAME_PERIOD_DASH}" stroke-width="1.5" stroke="${PALETTE.black}" fill="none"`,
      same.map((r) => bar(f, r.x, r.samePeriod!, 1, r.tip)),
    ) +
    group(
      `stroke-width="3" stroke="${PALETTE.vermillion}"`,
      targets.map((r) => {
        const [x, y0] = [c(f.x(r.target!)), f.y(r.x)!];
        return (
          `<line y2="${c(y0 + f.y.bandwidth())}" y1="${c(y0)}" x2="${x}" x1="${x}">` +
          `<title>${esc(`Chỉ tiêu ${r.x}: ${fmtCount(r.target)}`)}</title></line>`
        );
      }),
    ) +
    // The value just past its bar, with a white halo so that a target tick behind it does not hide it.
    group(
      `transform="translate(5,${half})" text-anchor="start" paint-order="stroke" stroke-linejoin="round" ` +
        'stroke-width="3" stroke="white"',
      has.map((r) => label(f, r.x, r.value!, fmtCount(r.value))),
    ) +
    // After the target tick when there is one, so that the two never overlap.
    group(
      `transform="translate(6,${half})" text-anchor="start" fill="#555"`,
      missing.map((r) => label(f, r.x, r.target ?? 0, `${DASH} chưa có số liệu`)),
    ) +
    '</svg>'
  );
}

/* ---------------- Horizontal bars (units compared) ---------------- */

export interface UnitBar {
  label: string;
  value?: number;
  partial?: string;
  tip: string;
}

export interface UnitBarsOptions extends ChartText {
  rows: UnitBar[];
  percent?: boolean;
  /** Optional reference line (e.g. expected pace, 100% of target). */
  reference?: { value: number; label: string };
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One unit a row in the order given, its name on the left (cut at 20 characters), a partial figure hatched. */
export function unitBarsChart(o: UnitBarsOptions): string {
  // Rows are keyed by position: two units of the same name stay two rows.
  const rows = o.rows.map((r, i) => ({ ...r, key: `${i}` }));
  const labels = o.rows.map((r) => [truncate(r.label, 20)]);
  const longest = Math.max(4, ...labels.map(([l]) => l!.length));
  const height = 30 + rows.length * 26;
  const maxX = Math.max(1, ...rows.map((r) => r.value ?? 0), o.reference?.value ?? 0);
  const has = rows.filter((r) => r.value !== undefined);
  const complete = has.filter((r) => !r.partial);
  const partial = has.filter((r) => r.partial);
  const missing = rows.filter((r) => r.value === undefined);
  const fmt = (v: number | undefined) => (o.percent ? fmtPct(v) : fmtCount(v));
  const [top, bottom] = [8, 22];
  const f = barFrame({
    text: o,
    height,
    margins: [Math.min(148, 12 + longest * 6.8), 64, top, bottom],
    xMax: maxX * 1.05,
    keys: rows.map((r) => r.key),
    labels,
    padding: 0.15,
    tickFormat: o.percent ? pctTick : fmtCount,
    hatch: partial.length > 0,
  });
  const half = c(f.y.bandwidth() / 2);
  let s =
    frame(f) +
    group(
      `fill="${PALETTE.blue}"`,
      complete.map((r) => bar(f, r.key, r.value!, 2, r.tip)),
    ) +
    group(
      `stroke="${PALETTE.blue}" fill="url(#${o.id}-hatch)"`,
      partial.map((r) => bar(f, r.key, r.value!, 2, r.tip)),
    ) +
    group(
      `transform="translate(4,${half})" text-anchor="start"`,
      has.map((r) => label(f, r.key, r.value!, r.partial ? `${fmt(r.value)} *` : fmt(r.value))),
    ) +
    group(
      `transform="translate(4,${half})" text-anchor="start" fill="#555"`,
      missing.map((r) => label(f, r.key, 0, 'chưa có số liệu')),
    );
  if (o.reference) {
    const x = c(f.x(o.reference.value));
    s +=
      `<g stroke-dasharray="4,3" stroke-width="2" stroke="${PALETTE.vermillion}">` +
      `<line y2="${c(height - bottom)}" y1="${c(top)}" x2="${x}" x1="${x}" /></g>`;
  }
  return `${s}</svg>`;
}

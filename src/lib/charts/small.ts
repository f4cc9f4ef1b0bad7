/** The cards' small graphics, made by hand without Plot: cheap for thousands of pages. */
import { fmtPct } from '../format/index.ts';
import { PALETTE } from './palette.ts';
import { escapeXml } from './xml.ts';

/** The text every chart carries, these and the Plot charts of index.ts. */
export interface ChartText {
  /** Stable id, unique in the page. */
  id: string;
  title: string;
  /** What the chart shows, in words, for screen readers (the `<desc>`). */
  description: string;
}

/** A tiny trend line for a headline card. Decorative: the card states the numbers. */
export function sparkline(values: (number | undefined)[], tip: string): string {
  const w = 100;
  const h = 28;
  const known = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== undefined);
  if (known.length < 2) return '';
  const max = Math.max(...known.map((p) => p[1]));
  const min = Math.min(0, ...known.map((p) => p[1]));
  const sx = (i: number) => (values.length === 1 ? w / 2 : 3 + (i * (w - 6)) / (values.length - 1));
  const sy = (v: number) => h - 3 - ((v - min) / (max - min || 1)) * (h - 6);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  // Break the line where a period is missing.
  let d = '';
  let prev = -2;
  for (const [i, v] of known) {
    d += `${i === prev + 1 ? 'L' : 'M'}${r1(sx(i))},${r1(sy(v))}`;
    prev = i;
  }
  const [li, lv] = known[known.length - 1]!;
  return (
    `<svg class="spark" viewBox="0 0 ${w} ${h}" aria-hidden="true" focusable="false" ` +
    'xmlns="http://www.w3.org/2000/svg">' +
    `<title>${escapeXml(tip)}</title>` +
    `<path d="${d}" fill="none" stroke="${PALETTE.blue}" stroke-width="2" ` +
    'stroke-linejoin="round" stroke-linecap="round"/>' +
    `<circle cx="${r1(sx(li))}" cy="${r1(sy(lv))}" r="2.8" fill="${PALETTE.blue}"/></svg>`
  );
}

/**
 * Achievement against the pace of the year: a bar for the share of the target achieved, a mark for the share
 * of the year elapsed (months covered / 12). `id` must be unique in the page.
 */
export function paceMeter(o: ChartText & { achievedPct: number; pacePct?: number }): string {
  const w = 300;
  const h = 48;
  const x0 = 4;
  const x1 = w - 4;
  const span = x1 - x0;
  const cap = Math.max(100, o.achievedPct, o.pacePct ?? 0);
  const sx = (p: number) => Math.round((x0 + (Math.min(p, cap) / cap) * span) * 10) / 10;
  const ahead = o.pacePct === undefined || o.achievedPct >= o.pacePct;
  const fill = ahead ? PALETTE.green : PALETTE.vermillion;
  let s =
    `<svg class="pace" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" ` +
    'xmlns="http://www.w3.org/2000/svg">' +
    `<title id="${o.id}-t">${escapeXml(o.title)}</title><desc id="${o.id}-d">${escapeXml(o.description)}</desc>` +
    `<rect x="${x0}" y="8" width="${span}" height="18" rx="3" fill="#e6e6e6"/>` +
    `<rect x="${x0}" y="8" width="${Math.max(0, sx(o.achievedPct) - x0)}" height="18" rx="3" fill="${fill}"/>` +
    `<line x1="${sx(100)}" y1="4" x2="${sx(100)}" y2="30" stroke="#333" stroke-width="1"/>`;
  if (o.pacePct !== undefined) {
    const px = sx(o.pacePct);
    const anchor = o.pacePct > 75 ? 'end' : o.pacePct < 25 ? 'start' : 'middle';
    s +=
      `<line x1="${px}" y1="2" x2="${px}" y2="32" stroke="#111" stroke-width="2.5" stroke-dasharray="3,2"/>` +
      `<text x="${px}" y="46" font-size="13" text-anchor="${anchor}" fill="#111">` +
      `Tiến độ ${escapeXml(fmtPct(o.pacePct))}</text>`;
  }
  return s + '</svg>';
}

/**
 * A dependency-free horizontal bar chart as an SVG string, shared by the build (the compare page's static
 * default) and the browser (the compare island redraws it): same markup either way, a few hundred bytes of code.
 */
import { fmtCount, fmtNumber, fmtPct } from '../format/index.ts';
import { hatchPattern } from './legend.ts';
import { PALETTE } from './palette.ts';
import { escapeXml as esc } from './xml.ts';

export interface LiteBar {
  label: string;
  value?: number;
  /** `7/12 tháng` when the figure covers part of the period. */
  partial?: string;
}

export interface LiteBarsOptions {
  id: string;
  title: string;
  description: string;
  rows: LiteBar[];
  unit: 'count' | 'pct' | 'ratio';
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** About `count` round ticks from 0 to at least `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

export function barsLite(o: LiteBarsOptions): string {
  const W = 360;
  const row = 26;
  const top = 8;
  const bottom = 24;
  const fmt = (v: number | undefined) =>
    o.unit === 'pct' ? fmtPct(v) : o.unit === 'ratio' ? fmtNumber(v) : fmtCount(v);
  const tickFmt = (v: number) => (o.unit === 'pct' ? `${fmtNumber(v, 1)}%` : fmtNumber(v, 1));
  const labels = o.rows.map((r) => (r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label));
  const left = Math.min(148, 12 + Math.max(4, ...labels.map((l) => l.length)) * 6.8);
  const right = 64;
  const H = top + bottom + o.rows.length * row;
  const max = Math.max(0, ...o.rows.map((r) => r.value ?? 0));
  const min = Math.min(0, ...o.rows.map((r) => r.value ?? 0));
  // A change may be negative (so với cùng kỳ): bars then grow left from a zero line.
  const wide = niceTicks(Math.max(max, -min));
  const step = wide[1] ?? 1;
  const below: number[] = [];
  for (let k = 1; min < 0 && -(k - 1) * step > min; k++) below.unshift(Math.round(-k * step * 1e6) / 1e6);
  const above = below.length ? wide.filter((t) => t < max + step) : niceTicks(max);
  const ticks = [...below, ...above];
  const domainMax = ticks[ticks.length - 1] || (below.length ? 0 : 1);
  const domainMin = below[0] ?? 0;
  const sx = (v: number) => r1(left + ((v - domainMin) / (domainMax - domainMin)) * (W - left - right));
  const zero = domainMin === 0 ? left : sx(0); // left unrounded, as before negatives were drawn
  const hatch = `${o.id}-hatch`;
  let s =
    `<svg class="chart-svg" id="${o.id}" viewBox="0 0 ${W} ${H}" role="img" ` +
    `aria-labelledby="${o.id}-t ${o.id}-d" font-size="13" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${o.id}-t">${esc(o.title)}</title><desc id="${o.id}-d">${esc(o.description)}</desc>`;
  if (o.rows.some((r) => r.partial)) {
    s += `<defs>${hatchPattern(hatch, PALETTE.blue)}</defs>`;
  }
  s += '<g stroke="currentColor" stroke-opacity="0.1" aria-hidden="true">';
  for (const t of ticks) s += `<line x1="${sx(t)}" x2="${sx(t)}" y1="${top}" y2="${H - bottom}"/>`;
  s += '</g><g class="tnum" text-anchor="middle" fill="currentColor">';
  for (const t of ticks) s += `<text x="${sx(t)}" y="${H - bottom + 16}">${esc(tickFmt(t))}</text>`;
  s += '</g>';
  o.rows.forEach((r, i) => {
    const y = top + i * row;
    const label = labels[i]!;
    const value = r.value === undefined ? 'chưa có số liệu' : fmt(r.value);
    const tip = `${r.label}: ${value}${r.partial ? ` (${r.partial})` : ''}`;
    s += `<g><title>${esc(tip)}</title>`;
    s += `<text x="${left - 6}" y="${y + row / 2 + 4}" text-anchor="end" fill="currentColor">${esc(label)}</text>`;
    if (r.value === undefined) {
      s += `<text x="${left + 4}" y="${y + row / 2 + 4}" fill="#555">chưa có số liệu</text>`;
    } else {
      const end = sx(r.value);
      const x = Math.min(zero, end);
      const w = Math.abs(end - zero);
      s += r.partial
        ? `<rect x="${x}" y="${y + 3}" width="${r1(w)}" height="${row - 6}" fill="url(#${hatch})" ` +
          `stroke="${PALETTE.blue}"/>`
        : `<rect x="${x}" y="${y + 3}" width="${r1(w)}" height="${row - 6}" fill="${PALETTE.blue}"/>`;
      const value = `${esc(fmt(r.value))}${r.partial ? ' *' : ''}`;
      const at = end >= zero ? r1(x + w + 4) : r1(zero + 4);
      s += `<text x="${at}" y="${y + row / 2 + 4}" fill="currentColor" class="tnum">${value}</text>`;
    }
    s += '</g>';
  });
  s += `<line x1="${zero}" x2="${zero}" y1="${top}" y2="${H - bottom}" stroke="currentColor"/></svg>`;
  return s;
}

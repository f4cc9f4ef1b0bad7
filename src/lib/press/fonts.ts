/**
 * The site's font, Be Vietnam Pro, as TrueType files for the chart images (resvg reads TTF/OTF only: the
 * @fontsource WOFF/WOFF2 files the pages use fail to load there), and the glyph advance widths read from them,
 * so that titles and source lines can be wrapped to the image width before resvg draws them (SVG text does not wrap).
 * The TTFs come from the npm package @expo-google-fonts/be-vietnam-pro (OFL-1.1, full Vietnamese coverage).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const FONT_FAMILY = 'Be Vietnam Pro';
/** The font-family of the standalone SVG: the site's font, then what a viewer has. */
export const FONT_STACK = "'Be Vietnam Pro', 'Segoe UI', Roboto, Arial, 'Noto Sans', sans-serif";

const FILES = { 400: '400Regular/BeVietnamPro_400Regular.ttf', 700: '700Bold/BeVietnamPro_700Bold.ttf' } as const;
export type Weight = keyof typeof FILES;

let dir: string | undefined;

function packageDir(): string {
  if (dir) return dir;
  // From the project root first (the build chdirs there; Astro's bundled chunks live elsewhere), then from here.
  const tries = [path.join(process.cwd(), 'package.json'), import.meta.url];
  for (const from of tries) {
    try {
      const req = createRequire(from);
      dir = path.dirname(req.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
      return dir;
    } catch {
      // next
    }
  }
  throw new Error(
    'Không tìm thấy phông Be Vietnam Pro (gói @expo-google-fonts/be-vietnam-pro): ' + 'hãy chạy npm install.',
  );
}

/** Absolute paths of the regular and bold TTF files. */
export function fontFiles(): string[] {
  const d = packageDir();
  return [path.join(d, FILES[400]), path.join(d, FILES[700])];
}

/* ---------------- Advance widths from the TTF (cmap format 4 + hmtx) ---------------- */

interface Metrics {
  unitsPerEm: number;
  /** Advance width (font units) by code point, for the BMP characters the font maps. */
  advance: Map<number, number>;
  fallback: number;
}

const metrics = new Map<Weight, Metrics>();

function parse(buf: Buffer): Metrics {
  const numTables = buf.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined)
    throw new Error('font: missing table');
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const numberOfHMetrics = buf.readUInt16BE(hhea + 34);
  const advanceOf = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  // The Unicode BMP subtable, format 4 (platform 3 encoding 1, or platform 0).
  let sub: number | undefined;
  const n = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const off = cmap + buf.readUInt32BE(rec + 4);
    if (buf.readUInt16BE(off) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) {
      sub = off;
      if (platform === 3) break;
    }
  }
  if (sub === undefined) throw new Error('font: no format 4 cmap');
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const advance = new Map<number, number>();
  for (let s = 0; s < segX2 / 2; s++) {
    const end = buf.readUInt16BE(ends + 2 * s);
    const start = buf.readUInt16BE(starts + 2 * s);
    const delta = buf.readInt16BE(deltas + 2 * s);
    const ro = buf.readUInt16BE(rangeOffsets + 2 * s);
    if (start === 0xffff) continue;
    for (let c = start; c <= end; c++) {
      let g: number;
      if (ro === 0) g = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + 2 * s + ro + 2 * (c - start);
        g = buf.readUInt16BE(at);
        if (g !== 0) g = (g + delta) & 0xffff;
      }
      if (g !== 0) advance.set(c, advanceOf(g));
    }
  }
  return { unitsPerEm, advance, fallback: advance.get(0x6d) ?? unitsPerEm * 0.6 };
}

function metricsOf(weight: Weight): Metrics {
  let m = metrics.get(weight);
  if (!m) {
    const file = fontFiles()[weight === 400 ? 0 : 1]!;
    m = parse(readFileSync(file));
    metrics.set(weight, m);
  }
  return m;
}

/** The width of `text` in px at `size` px, from the font's advance widths (no kerning: a hair wider than drawn). */
export function textWidth(text: string, size: number, weight: Weight = 400): number {
  const m = metricsOf(weight);
  let units = 0;
  for (const ch of text.normalize('NFC')) units += m.advance.get(ch.codePointAt(0)!) ?? m.fallback;
  return (units / m.unitsPerEm) * size;
}

/** Whether the font has a glyph for every character of `text` (after NFC). */
export function hasGlyphs(text: string, weight: Weight = 400): boolean {
  const m = metricsOf(weight);
  for (const ch of text.normalize('NFC'))
    if (!/[ \t\r\n]/u.test(ch) && !m.advance.has(ch.codePointAt(0)!)) return false;
  return true;
}

/** Greedy word wrap to `width` px; a word longer than a line is left whole (it overflows a little). */
export function wrap(text: string, width: number, size: number, weight: Weight = 400): string[] {
  // Break at ordinary spaces only: a no-break space (`12,25%`) keeps its words together.
  const words = text.split(/[ \t\r\n]+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size, weight) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

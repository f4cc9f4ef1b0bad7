/**
 * The press kit: summaries on the unit pages and in data/summaries.json; chart images (standalone SVG, PNG at 2×
 * with the Vietnamese font); embed pages and their <iframe> code. Unit tests of src/lib/press, then one build of
 * the sample data under SITE_BASE=/thong-ke/.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { fontFiles, hasGlyphs, textWidth, wrap } from '../src/lib/press/fonts.ts';
import { chartImage, chartSize } from '../src/lib/press/image.ts';
import { imageScope, pressApplies } from '../src/lib/press/index.ts';
import { familyName, PNG_SCALE, renderPng } from '../src/lib/press/png.ts';
import { encodePng } from '../src/lib/press/png-encode.ts';
import { summaryLines } from '../src/lib/press/build.ts';
import { unitSummaries } from '../src/lib/press/summaries.ts';
import { periodBarsChart } from '../src/lib/charts/index.ts';
import type { Dataset, Unit } from '../src/lib/types.ts';
import { root, runScript } from './helpers/site.ts';

/* ---------------- A small PNG reader (8-bit RGB, RGBA or indexed, non-interlaced) ---------------- */

interface Png {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

function readPng(buf: Buffer): Png {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      colorType = data[9]!;
      expect(data[12]).toBe(0); // not interlaced
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    expect(buf.readUInt32BE(at + 8 + len)).toBe(crc32(buf.subarray(at + 4, at + 8 + len)));
    at += 12 + len;
  }
  expect(ended).toBe(true);
  expect([2, 3, 6]).toContain(colorType);
  if (colorType === 3) expect(palette).toBeDefined();
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  expect(raw.length).toBe(height * (stride + 1));
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i]! + p) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colorType === 3) {
        const i = line[x]!;
        expect(i * 3 + 2).toBeLessThan(palette!.length);
        out.set(palette!.subarray(i * 3, i * 3 + 3), o);
        out[o + 3] = 255;
      } else {
        for (let k = 0; k < 3; k++) out[o + k] = line[x * bpp + k]!;
        out[o + 3] = bpp === 4 ? line[x * bpp + 3]! : 255;
      }
    }
    prev = line;
  }
  return { width, height, pixels: out };
}

const pixel = (p: Png, x: number, y: number) => [...p.pixels.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4)];

/** How much darker than white the image is, summed over its pixels. */
function ink(p: Png): number {
  let s = 0;
  for (let i = 0; i < p.pixels.length; i += 4) s += 765 - (p.pixels[i]! + p.pixels[i + 1]! + p.pixels[i + 2]!);
  return s;
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="8" y="28" font-family="Be Vietnam Pro" font-size="20">${text}</text></svg>`;

/* ---------------- Unit tests ---------------- */

let ds: Dataset;
beforeAll(async () => {
  const inputs = await loadInputs(path.join(root, 'data'));
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
});

const sampleChart = () =>
  periodBarsChart({
    id: 'bd-thu',
    title: 'Kết nạp đảng viên theo năm — Bình Liêu',
    description: 'Thử',
    yLabel: 'Đảng viên kết nạp',
    rows: [
      { x: '2019', value: 109, tip: '2019: 109' },
      { x: '2020', value: 53, partial: '7/12 tháng', target: 85, tip: '2020: 53' },
    ],
  });

describe('chart images', () => {
  it('the font is Be Vietnam Pro as TTF, with every Vietnamese letter', () => {
    expect(fontFiles().map(familyName)).toEqual(['Be Vietnam Pro', 'Be Vietnam Pro']);
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
    expect(hasGlyphs(letters + letters.toLocaleUpperCase('vi'))).toBe(true);
    expect(hasGlyphs(letters.toLocaleUpperCase('vi'), 700)).toBe(true);
    expect(hasGlyphs('漢')).toBe(false);
  });

  it('wraps text to the width with the font metrics, keeping no-break spaces', () => {
    const lines = wrap('Đảng bộ huyện Phú Bình kết nạp được 31 đảng viên mới, đạt 12,25\u00a0% so với chỉ tiêu được giao', 200, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(200);
    expect(lines.some((l) => l.includes('12,25\u00a0%'))).toBe(true);
  });

  it('draws Vietnamese text (no tofu): "Đảng" has more ink than "Dang", and text is drawn at all', () => {
    const dang = readPng(renderPng(textSvg('Đảng viên')));
    const plain = readPng(renderPng(textSvg('Dang vien')));
    const none = readPng(renderPng(textSvg('')));
    expect(ink(none)).toBe(0);
    expect(ink(plain)).toBeGreaterThan(0);
    expect(ink(dang)).toBeGreaterThan(ink(plain));
  });

  it('the indexed PNG encoder: exact up to 256 colours, nearest kept colour beyond, same bytes twice', () => {
    const w = 40;
    const h = 10;
    const rgba = new Uint8Array(w * h * 4);
    // 400 distinct greys-and-blues: the first 256 by frequency are kept, the rest mapped to a near one.
    for (let i = 0; i < w * h; i++) rgba.set([i % 256, Math.floor(i / 256) * 40, 200, 255], i * 4);
    const png = encodePng(rgba, w, h);
    expect(Buffer.compare(png, encodePng(rgba, w, h))).toBe(0);
    const back = readPng(png);
    expect([back.width, back.height]).toEqual([w, h]);
    let exact = 0;
    for (let i = 0; i < w * h; i++) {
      const a = [...rgba.subarray(i * 4, i * 4 + 4)];
      const b = [...back.pixels.subarray(i * 4, i * 4 + 4)];
      if (a.every((v, k) => v === b[k])) exact++;
      expect(Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!)).toBeLessThanOrEqual(48);
    }
    expect(exact).toBeGreaterThanOrEqual(256);
    const few = new Uint8Array(8 * 4).fill(255);
    few.set([0, 114, 178, 255], 4);
    expect(pixel(readPng(encodePng(few, 4, 2)), 1, 0)).toEqual([0, 114, 178, 255]);
  });

  it('a chart image: valid PNG at 2×, white corners, title and source drawn, same bytes twice', () => {
    const svg = sampleChart();
    const image = chartImage({
      svg,
      title: 'Kết nạp đảng viên theo năm — Bình Liêu',
      subtitle: 'Bình Liêu, 2019–2020: số đảng viên kết nạp mỗi năm',
      legend: [
        { label: 'Năm đủ 12 tháng', swatch: '#0072B2' },
        { label: 'Năm chưa đủ tháng', swatch: 'hatch' },
        { label: 'Chỉ tiêu', swatch: 'target' },
      ],
      note: 'Thanh gạch chéo: năm chưa đủ 12 tháng.',
      source: 'Nguồn: Bài “Đảng bộ huyện Bình Liêu…”, 14/08/2020. Tổng hợp: Thống kê phát triển đảng viên.',
    });
    expect(image.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="392" height="\d+"/);
    expect(image.svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(image.svg).toContain("font-family=\"&#39;Be Vietnam Pro&#39;, ");
    expect(image.svg).toContain('>Nguồn: Bài “Đảng bộ huyện Bình Liêu…”,');
    expect(image.svg).toContain('font-weight="700" fill="#1b1b1b">Kết nạp đảng viên theo năm — Bình Liêu<');
    expect(image.height).toBeGreaterThan(chartSize(svg).height + 100);

    const a = renderPng(image.svg);
    const b = renderPng(image.svg);
    expect(Buffer.compare(a, b)).toBe(0);
    const png = readPng(a);
    expect(png.width).toBe(image.width * PNG_SCALE);
    expect(png.height).toBe(image.height * PNG_SCALE);
    for (const [x, y] of [
      [0, 0],
      [png.width - 1, 0],
      [0, png.height - 1],
      [png.width - 1, png.height - 1],
    ] as const) {
      expect(pixel(png, x, y)).toEqual([255, 255, 255, 255]);
    }
    // Ink in the title band (top 40 px at 2×) and in the source band (bottom 40 px).
    const band = (y0: number, y1: number) => {
      let s = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < png.width; x++) s += 765 - pixel(png, x, y).slice(0, 3).reduce((m, v) => m + v, 0);
      return s;
    };
    expect(band(20, 60)).toBeGreaterThan(0);
    expect(band(png.height - 60, png.height - 20)).toBeGreaterThan(0);
  });

  it('scope: site and province charts, a district\'s admissions chart by default; CHART_IMAGES=all: every chart; none: off', () => {
    const u = (level: Unit['level']) => ({ ...ds.units[0]!, level });
    expect(imageScope(undefined)).toBe('default');
    expect(imageScope('all')).toBe('all');
    expect(imageScope('none')).toBe('none');
    expect(pressApplies(undefined, 'xep-hang', 'default')).toBe(true);
    expect(pressApplies(u('province'), 'co-cau', 'default')).toBe(true);
    expect(pressApplies(u('district'), 'ket-nap-theo-nam', 'default')).toBe(true);
    expect(pressApplies(u('district'), 'don-vi-truc-thuoc', 'default')).toBe(false);
    expect(pressApplies(u('district'), 'don-vi-truc-thuoc', 'all')).toBe(true);
    expect(pressApplies(u('district'), 'co-cau', 'default')).toBe(false);
    expect(pressApplies(u('grassroots'), 'ket-nap-theo-nam', 'default')).toBe(false);
    expect(pressApplies(u('branch'), 'ket-nap-theo-nam', 'default')).toBe(false);
    expect(pressApplies(u('grassroots'), 'co-cau', 'all')).toBe(true);
    expect(pressApplies(undefined, 'xep-hang', 'none')).toBe(false);
    expect(pressApplies(u('district'), 'ket-nap-theo-nam', 'none')).toBe(false);
  });
});

describe('summaries', () => {
  it('a unit page quotes the latest year and the latest term', () => {
    const s = unitSummaries(ds, ds.unitById['TN.PB']!, 2020);
    expect(s.map((x) => [x.id, x.title])).toEqual([
      ['tom-tat-2020', 'Năm 2020'],
      ['tom-tat-2015-2020', 'Nhiệm kỳ 2015–2020'],
    ]);
    expect(s[0]!.text).toContain('kết nạp được 31 đảng viên mới, đạt 12,25\u00a0% so với chỉ tiêu được giao');
  });

  it('summaryLines: every unit in the dataset order, years then terms', () => {
    const lines = [...summaryLines(ds)];
    const ids = ds.units.map((u) => u.id);
    const order = lines.map((l) => ids.indexOf(l.unit_id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const pb = lines.filter((l) => l.unit_id === 'TN.PB').map((l) => l.period);
    expect(pb).toEqual(['2020', '2015-2020']);
  });
});

/* ---------------- The built site (sample data, under /thong-ke/) ---------------- */

describe('the built site', () => {
  let tmp: string;
  let out: string;
  const base = '/thong-ke/';
  const read = (rel: string) => readFile(path.join(out, rel), 'utf8');
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-press-'));
    out = path.join(tmp, 'dist');
    const r = await runScript('build.ts', { DATA_DIR: path.join(root, 'data'), OUT_DIR: out, SITE_BASE: base });
    if (r.code !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }, 120_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('data/summaries.json holds Phú Bình 2020: 31 admitted, 12,25 % of the target', async () => {
    const json = JSON.parse(await read('data/summaries.json')) as { summaries: { unit_id: string; period: string; kind: string; text: string }[] };
    const pb = json.summaries.find((s) => s.unit_id === 'TN.PB' && s.period === '2020');
    expect(pb?.kind).toBe('year');
    expect(pb?.text).toContain('31 đảng viên');
    expect(pb?.text).toContain('12,25\u00a0%');
    const data = await read('du-lieu/index.html');
    expect(data).toContain(`href="${base}data/summaries.json"`);
  });

  it('a unit page shows its summaries in blockquotes with a copy button hidden until the script runs', async () => {
    const html = await read('don-vi/phu-binh/index.html');
    expect(html).toMatch(/<blockquote id="tom-tat-2020">\s*<p>Năm 2020, Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên\./);
    expect(html).toMatch(/<blockquote id="tom-tat-2015-2020">/);
    expect(html).toMatch(/<button type="button" class="copy" data-copy="tom-tat-2020"[^>]* hidden>Sao chép<\/button>/);
    // No inline script: every script is a file of the site.
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(new RegExp(`src="${base}_astro/`));
      expect(m[2]!.trim()).toBe('');
    }
  });

  it('a district chart links its PNG, SVG and embed page, and gives the iframe code', async () => {
    const html = await read('don-vi/binh-lieu/index.html');
    const png = `${base}don-vi/binh-lieu/ket-nap-theo-nam.png`;
    const svg = `${base}don-vi/binh-lieu/ket-nap-theo-nam.svg`;
    const embed = `${base}don-vi/binh-lieu/nhung/ket-nap-theo-nam/`;
    expect(html).toContain(`<a href="${png}" download="binh-lieu-ket-nap-theo-nam.png">Tải ảnh</a>`);
    expect(html).toContain(`<a href="${svg}" download="binh-lieu-ket-nap-theo-nam.svg">SVG</a>`);
    expect(html).toContain(`<a href="${embed}">Nhúng</a>`);
    expect(html).toMatch(new RegExp(`<details class="fig-embed">.*<code>&lt;iframe src=&quot;${embed}&quot; title=&quot;Kết nạp đảng viên theo năm — Bình Liêu&quot;`, 's'));
    for (const rel of [png, svg, `${embed}index.html`]) expect(existsSync(path.join(out, rel.slice(base.length)))).toBe(true);

    const image = await read('don-vi/binh-lieu/ket-nap-theo-nam.svg');
    const w = Number(/width="(\d+)"/.exec(image)![1]);
    const h = Number(/height="(\d+)"/.exec(image)![1]);
    const p = readPng(await readFile(path.join(out, 'don-vi/binh-lieu/ket-nap-theo-nam.png')));
    expect([p.width, p.height]).toEqual([w * 2, h * 2]);
    expect(pixel(p, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(image).toContain('Kết nạp đảng viên theo năm — Bình Liêu');
    expect(image).toContain('>Nguồn: Bài “Đảng bộ huyện Bình Liêu:');
  });

  it('site-level charts have the kit; a grassroots unit has none by default', async () => {
    const home = await read('index.html');
    expect(home).toContain(`<a href="${base}bieu-do/nhung/xep-hang/">Nhúng</a>`);
    expect(existsSync(path.join(out, 'bieu-do/xep-hang.png'))).toBe(true);
    const grassroots = await read('don-vi/so-tu-phap-bac-kan/index.html');
    expect(grassroots).toContain('chart-svg');
    expect(grassroots).not.toContain('Tải ảnh');
    expect(existsSync(path.join(out, 'don-vi/so-tu-phap-bac-kan/nhung'))).toBe(false);
  });

  it('the embed page: the chart, its source, a link back with target=_top; no navigation, header or script', async () => {
    const html = await read('don-vi/binh-lieu/nhung/ket-nap-theo-nam/index.html');
    expect(html).toMatch(/<svg id="bd-ket-nap"[^>]*class="chart-svg"/);
    expect(html).toContain('<h1>Kết nạp đảng viên theo năm — Bình Liêu</h1>');
    expect(html).toContain('<p class="source">Nguồn: Bài “Đảng bộ huyện Bình Liêu');
    expect(html).toContain(`<a href="${base}don-vi/binh-lieu/#bd-ket-nap-h" target="_top">Xem trên trang Thống kê phát triển đảng viên</a>`);
    expect(html).not.toMatch(/<nav\b|<header\b|<script\b|<form\b/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;;');
    expect(html).toContain(`<link rel="stylesheet" href="${base}nhung/nhung.css">`);
    const css = await read('nhung/nhung.css');
    for (const m of css.matchAll(/url\(([^)]+)\)/g)) expect(existsSync(path.join(out, 'nhung', m[1]!))).toBe(true);
  });
});

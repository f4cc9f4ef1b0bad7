/**
 * The press kit as the build publishes it, on the shared build of the sample data under SITE_BASE=/thong-ke/
 * (`sub`, built once per run by test/helpers/global-setup.ts): data/summaries.json, the summaries on unit pages,
 * the chart images (PNG at 2×, standalone SVG), embed pages and their <iframe> code.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { pixel, readPng } from './helpers/png.ts';
import { readSummariesJson } from './helpers/published.ts';
import { sites } from './helpers/sites.ts';

/** A page's links as a reader's browser sees them (the markup may leave quotes out where HTML allows). */
function links(html: string): { href: string; download: string | null; text: string }[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('a')].map((a) => ({
    href: a.getAttribute('href') ?? '',
    download: a.getAttribute('download'),
    text: a.textContent ?? '',
  }));
}

describe('the built site (sample data, under /thong-ke/)', () => {
  let out: string;
  const base = '/thong-ke/';
  const read = (rel: string) => readFile(path.join(out, rel), 'utf8');
  beforeAll(() => {
    const sub = sites().sub;
    // The tests below spell the base out in the expected HTML.
    expect(sub.base).toBe(base);
    out = sub.dir;
  });

  it('data/summaries.json holds Phú Bình 2020: 31 admitted, 12,25% of the target', async () => {
    const summaries = await readSummariesJson(path.join(out, 'data'));
    const pb = summaries.find((s) => s.unit_id === 'TN.PB' && s.period === '2020');
    expect(pb?.kind).toBe('year');
    expect(pb?.text).toContain('31 đảng viên');
    expect(pb?.text).toContain('12,25%');
    const data = await read('du-lieu/index.html');
    expect(data).toContain(`href="${base}data/summaries.json"`);
  });

  it('a unit page shows its summaries in blockquotes with a copy button hidden until the script runs', async () => {
    const html = await read('don-vi/phu-binh/index.html');
    expect(html).toMatch(
      /<blockquote id="tom-tat-2020">\s*<details class="more">\s*<summary>Năm 2020, Đảng bộ huyện Phú Bình được/,
    );
    // The first sentence is the <summary> (shown), the others open on a tap.
    expect(html).toMatch(/chỉ tiêu kết nạp 253 đảng viên\.<\/summary>\s*<p>Trong 8 tháng đầu năm 2020/);
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
    const all = links(html);
    expect(all).toContainEqual({ href: png, download: 'binh-lieu-ket-nap-theo-nam.png', text: 'Tải ảnh' });
    expect(all).toContainEqual({ href: svg, download: 'binh-lieu-ket-nap-theo-nam.svg', text: 'SVG' });
    expect(all).toContainEqual({ href: embed, download: null, text: 'Nhúng' });
    const { document } = parseHTML(html);
    const code = document.querySelector('details.fig-embed code')?.textContent;
    expect(code).toContain(`<iframe src="${embed}" title="Kết nạp đảng viên theo năm — Bình Liêu"`);
    for (const rel of [png, svg, `${embed}index.html`]) {
      expect(existsSync(path.join(out, rel.slice(base.length))), rel).toBe(true);
    }

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
    expect(links(home)).toContainEqual({ href: `${base}bieu-do/nhung/xep-hang/`, download: null, text: 'Nhúng' });
    expect(existsSync(path.join(out, 'bieu-do/xep-hang.png'))).toBe(true);
    const grassroots = await read('don-vi/so-tu-phap-bac-kan/index.html');
    expect(grassroots).toContain('chart-svg');
    expect(grassroots).not.toContain('Tải ảnh');
    expect(existsSync(path.join(out, 'don-vi/so-tu-phap-bac-kan/nhung'))).toBe(false);
  });

  it('the embed page: the chart, its source, a link back with target=_top; no nav, header or script', async () => {
    const html = await read('don-vi/binh-lieu/nhung/ket-nap-theo-nam/index.html');
    expect(html).toMatch(/<svg id="bd-ket-nap"[^>]*class="chart-svg"/);
    expect(html).toContain('<h1>Kết nạp đảng viên theo năm — Bình Liêu</h1>');
    expect(html).toContain('<p class="source">Nguồn: Bài “Đảng bộ huyện Bình Liêu');
    const back = `<a href="${base}don-vi/binh-lieu/#bd-ket-nap-h" target="_top">`;
    expect(html).toContain(`${back}Xem trên trang Thống kê phát triển đảng viên</a>`);
    expect(html).not.toMatch(/<nav\b|<header\b|<script\b|<form\b/);
    const csp = 'content="default-src &#39;self&#39;; script-src &#39;self&#39;;';
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" ${csp}`);
    expect(html).toContain(`<link rel="stylesheet" href="${base}nhung/nhung.css">`);
    const css = await read('nhung/nhung.css');
    for (const m of css.matchAll(/url\(([^)]+)\)/g)) expect(existsSync(path.join(out, 'nhung', m[1]!))).toBe(true);
  });
});

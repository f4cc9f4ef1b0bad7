/**
 * The press kit, unit tests of src/lib/press: summaries of the sample data; chart images (standalone SVG,
 * PNG at 2× with the Vietnamese font). The built kit (summaries.json, unit pages, embed pages, the image files)
 * is checked on the shared /thong-ke/ build in test/quality-press.test.ts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { fontFiles, hasGlyphs, textWidth, wrap } from '../src/lib/press/fonts.ts';
import { chartImage, chartSize } from '../src/lib/press/image.ts';
import { imageScope, pressApplies } from '../src/lib/press/index.ts';
import { familyName, PNG_SCALE, renderPng } from '../src/lib/press/png.ts';
import { summaryUnits, writeSummaries } from '../src/lib/press/build.ts';
import { Templates } from '../src/lib/publish/templates.ts';
import { unitSummaries } from '../src/lib/press/summaries.ts';
import { summarize } from '../src/lib/summary/index.ts';
import { periodBarsChart } from '../src/lib/charts/index.ts';
import type { Dataset, Unit } from '../src/lib/types.ts';
import { ink, pixel, readPng } from './helpers/png.ts';
import { plain } from './helpers/summary.ts';
import { readSummariesJson } from './helpers/published.ts';
import { root } from './helpers/site.ts';

const textSvg = (text: string) =>
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="100%" height="100%" fill="#fff"/>' +
  `<text x="8" y="28" font-family="Be Vietnam Pro" font-size="20">${text}</text></svg>`;

let ds: Dataset;
let tmp: string;
beforeAll(async () => {
  const inputs = await loadInputs(path.join(root, 'data'));
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-press-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
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
    const text = 'Đảng bộ huyện Phú Bình kết nạp được 31 đảng viên mới, đạt 12,25% so với chỉ tiêu được giao';
    const lines = wrap(text, 200, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(200);
    expect(lines.some((l) => l.includes('12,25%'))).toBe(true);
  });

  it('draws Vietnamese text (no tofu): "Đảng" has more ink than "Dang", and text is drawn at all', async () => {
    const dang = readPng(await renderPng(textSvg('Đảng viên')));
    const plain = readPng(await renderPng(textSvg('Dang vien')));
    const none = readPng(await renderPng(textSvg('')));
    expect(ink(none)).toBe(0);
    expect(ink(plain)).toBeGreaterThan(0);
    expect(ink(dang)).toBeGreaterThan(ink(plain));
  });

  it('a chart image: valid PNG at 2×, white corners, title and source drawn, same bytes twice', async () => {
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
    expect(image.svg).toContain('font-family="&#39;Be Vietnam Pro&#39;, ');
    expect(image.svg).toContain('>Nguồn: Bài “Đảng bộ huyện Bình Liêu…”,');
    expect(image.svg).toContain('font-weight="700" fill="#1b1b1b">Kết nạp đảng viên theo năm — Bình Liêu<');
    expect(image.height).toBeGreaterThan(chartSize(svg).height + 100);

    const a = await renderPng(image.svg);
    const b = await renderPng(image.svg);
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
      for (let y = y0; y < y1; y++) {
        for (let x = 0; x < png.width; x++)
          s +=
            765 -
            pixel(png, x, y)
              .slice(0, 3)
              .reduce((m, v) => m + v, 0);
      }
      return s;
    };
    expect(band(20, 60)).toBeGreaterThan(0);
    expect(band(png.height - 60, png.height - 20)).toBeGreaterThan(0);
    // The 2019 bar is the largest coloured area: the commonest colour after white is the site's blue #0072B2
    // exactly (a quantiser that shifts colours, e.g. to #0072B3, fails here).
    const counts = new Map<string, number>();
    for (let i = 0; i < png.pixels.length; i += 4) {
      const key = png.pixels.subarray(i, i + 3).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [first, second] = [...counts].sort((p, q) => q[1] - p[1]);
    expect([first![0], second![0]]).toEqual(['255,255,255', '0,114,178']);
  });

  it("scope: site, province and a district's admissions charts by default; CHART_IMAGES=all: all; none: off", () => {
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
    expect(s[0]!.text).toContain('kết nạp được 31 đảng viên, đạt 12,25% so với chỉ tiêu được giao');
  });

  it('summaryUnits: every unit in the dataset order, years then terms', () => {
    const units = [...summaryUnits(ds, new Templates())];
    const ids = ds.units.map((u) => u.id);
    const order = units.map((u) => ids.indexOf(u.unit_id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const pb = units.find((u) => u.unit_id === 'TN.PB')!;
    expect(pb.summaries.map((s) => s[0])).toEqual(['2020', '2015-2020']);
  });
});

describe('data/summaries.json', () => {
  it('gives each unit its sentences once and each summary as their indexes, joined back to the text', async () => {
    const dir = path.join(tmp, 'whole');
    await writeSummaries(ds, dir);
    const text = await readFile(path.join(dir, 'summaries.json'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"summary_columns":["period","kind","complete","sentences"],"units":[');
    expect(lines.at(-2)).toBe(']}');
    // One unit a line: Phú Bình's line holds its two summaries. Its term (the seed article's 8 months of 2020) says
    // the year's classes and members at 27/08/2020 in the same words: 4 + 3 sentences, 5 of them distinct.
    const pb = JSON.parse(lines.find((l) => l.startsWith('{"unit_id":"TN.PB",'))!.replace(/,$/, ''));
    expect(pb.unit_name).toBe('Đảng bộ huyện Phú Bình');
    expect(pb.sentences).toHaveLength(5);
    expect(pb.summaries.map((s: unknown[]) => s.slice(0, 3))).toEqual([
      ['2020', 'year', false],
      ['2015-2020', 'term', false],
    ]);
    // Each sentence a template of the list at the file's end and its values: the term's last sentence (below) is
    // "Tại thời điểm 27/08/2020, Đảng bộ huyện có 7.335 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng."
    const templates = JSON.parse(text.slice(text.indexOf('\n"templates":[') + 13, -2)) as string[][];
    const stock = pb.sentences.find((s: unknown[]) => s[1] === '27/08/2020');
    expect(stock.slice(1)).toEqual(['27/08/2020', '7.335', 48]);
    expect(templates[stock[0]]).toEqual([
      'Tại thời điểm ',
      ', Đảng bộ huyện có ',
      ' đảng viên, sinh hoạt tại ',
      ' tổ chức cơ sở đảng.',
    ]);
    const published = await readSummariesJson(dir);
    const term = published.find((s) => s.unit_id === 'TN.PB' && s.period === '2015-2020')!;
    expect(plain(term.text)).toBe(
      'Từ tháng 1 đến hết tháng 8/2020, trong nhiệm kỳ 2015–2020 (số liệu 8/60 tháng), Đảng bộ huyện Phú Bình ' +
        'kết nạp được 31 đảng viên mới. Cũng trong thời gian này, Đảng bộ huyện mở được 4 lớp bồi dưỡng nhận ' +
        'thức về Đảng với 282 học viên và tiếp nhận 36 hồ sơ đề nghị kết nạp đảng. Tại thời điểm 27/08/2020, ' +
        'Đảng bộ huyện có 7.335 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng.',
    );
    const year = published.find((s) => s.unit_id === 'TN.PB' && s.period === '2020')!;
    expect(plain(year.text)).toMatch(/^Năm 2020, Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên\. /);
    expect(plain(year.text)).toContain('kết nạp được 31 đảng viên, đạt 12,25% so với chỉ tiêu được giao');
    // Every summary of every unit decodes to the text a unit page quotes and copies.
    expect(published.length).toBeGreaterThan(20);
    for (const s of published)
      expect(s.text, `${s.unit_id} ${s.period}`).toBe(summarize(ds, s.unit_id, s.period)!.text);
  });

  it('splits into parts of the same shape that decode to the whole, and writes the same bytes twice', async () => {
    const whole = path.join(tmp, 'again');
    await writeSummaries(ds, whole);
    const bytes = await readFile(path.join(whole, 'summaries.json'));
    await writeSummaries(ds, whole);
    expect((await readFile(path.join(whole, 'summaries.json'))).equals(bytes)).toBe(true);
    const split = path.join(tmp, 'split');
    await writeSummaries(ds, split, { partLimit: Math.ceil(bytes.length / 2) });
    const files = (await readdir(split)).sort();
    expect(files.length).toBeGreaterThan(3);
    expect(files).toContain('summaries.parts.json');
    for (const f of files.filter((x) => /^summaries-\d+\.json$/.test(x))) {
      const part = await readFile(path.join(split, f), 'utf8');
      expect(part.startsWith('{"summary_columns":["period","kind","complete","sentences"],"units":[\n')).toBe(true);
    }
    // The parts hold the provinces in id order: the same summaries as the whole, not in its order.
    const key = (x: { unit_id: string; period: string }) => `${x.unit_id} ${x.period}`;
    const sorted = (xs: Awaited<ReturnType<typeof readSummariesJson>>) =>
      [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sorted(await readSummariesJson(split))).toEqual(sorted(await readSummariesJson(whole)));
  });
});

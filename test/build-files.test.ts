/**
 * The build's file writer (src/lib/build/files.ts): the chart images drawn ahead of the pages are used only when
 * the page declares the same SVG, so the site is the same as when every image is drawn as its page declares it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWriter } from '../src/lib/build/files.ts';
import { renderPng } from '../src/lib/press/png.ts';
import type { PageFile } from '../src/lib/view/shapes.ts';

// Two plain images told apart by their colour: a PNG drawn from the wrong one would not match renderPng's.
const svgOf = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/></svg>`;
const kit = (stem: string, svg: string): PageFile[] => [
  { path: `${stem}.svg`, body: () => svg },
  { path: `${stem}.png`, pngOf: `${stem}.svg` },
];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-files-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('images drawn ahead of the pages', () => {
  it('are used when the page declares the same SVG, drawn again when it declares another, else dropped', async () => {
    const out = path.join(tmp, 'out');
    const ahead = path.join(tmp, 'ahead');
    const writer = fileWriter(out, ahead);
    writer.drawAhead([
      ...kit('don-vi/a/ket-nap', svgOf('#0072B2')),
      ...kit('don-vi/b/ket-nap', svgOf('#0072B2')),
      ...kit('don-vi/c/ket-nap', svgOf('#0072B2')),
      // Not an image's source: left to the pages.
      { path: 'don-vi/a/so-lieu.csv', body: () => 'a,b\n' },
    ]);
    // a: the same SVG; b: the page's differs (orange); c: no page declares it; d: not drawn ahead.
    writer.publish(kit('don-vi/a/ket-nap', svgOf('#0072B2')));
    writer.publish(kit('don-vi/b/ket-nap', svgOf('#E69F00')));
    writer.publish([...kit('don-vi/d/ket-nap', svgOf('#009E73')), { path: 'don-vi/d/index.csv', body: () => 'x\n' }]);
    const report = await writer.finish();

    expect(await listing(out)).toEqual([
      'don-vi/a/ket-nap.png',
      'don-vi/a/ket-nap.svg',
      'don-vi/b/ket-nap.png',
      'don-vi/b/ket-nap.svg',
      'don-vi/d/index.csv',
      'don-vi/d/ket-nap.png',
      'don-vi/d/ket-nap.svg',
    ]);
    // Each PNG is the one drawn from the SVG beside it; b's from the page's orange SVG, not the blue drawn ahead.
    for (const [stem, fill] of [
      ['a', '#0072B2'],
      ['b', '#E69F00'],
      ['d', '#009E73'],
    ] as const) {
      const dir = path.join(out, 'don-vi', stem);
      expect(await readFile(path.join(dir, 'ket-nap.svg'), 'utf8')).toBe(svgOf(fill));
      expect(Buffer.compare(await readFile(path.join(dir, 'ket-nap.png')), await renderPng(svgOf(fill)))).toBe(0);
    }
    // The images in the site: a, b (drawn again) and d; the blue b and the undeclared c are not counted.
    expect(report.images).toBe(3);
    expect(existsSync(path.join(out, 'don-vi/a/so-lieu.csv'))).toBe(false);
  });
});

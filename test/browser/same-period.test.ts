/**
 * "So với cùng kỳ" as a reader sees it (issue 14, §1), on the province demo at 360 px: the headline card of the
 * running year compares it with the same months of the year before, within the first screen; a commune founded
 * in 07/2025 says why it has no such comparison.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open } from '../helpers/browser.ts';
import { type Served, serve } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

let browser: Browser;
let server: Served;
/** The first commune's page, from the search index ([label, name, level, slug, parent]). */
let commune: string;

beforeAll(async () => {
  const demo = sites().demo;
  browser = await launch();
  server = await serve(demo.dir, demo.base);
  const index = JSON.parse(await readFile(path.join(demo.dir, 'tim-kiem.json'), 'utf8')) as string[][];
  commune = `don-vi/${index.find((e) => e[2] === 'x')![3]}/`;
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('same period of the previous year on the cards', () => {
  it('the province (home page) compares its running year with the same months of the year before', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 780 } });
    try {
      const { page } = await open(context, server.url, server.origin);
      const card = page.locator('.cards .card').first();
      const text = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
      // "9 tháng đầu năm: 1.415, tăng 9,44% so với cùng kỳ năm 2025 (1.293)": months, figure, change, base.
      expect(text).toMatch(/\d+ tháng đầu năm: [\d.]+, (tăng|giảm) [\d,]+% so với cùng kỳ năm 2025 \([\d.]+\)/);
      const bottom = await card.evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
      expect(bottom).toBeLessThanOrEqual(780);
    } finally {
      await context.close();
    }
  });

  it('a commune founded in 07/2025 says why its running year has no comparison', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 780 } });
    try {
      const { page } = await open(context, `${server.url}${commune}`, server.origin);
      const text = ((await page.locator('.cards').first().textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toContain('thành lập từ 07/2025');
    } finally {
      await context.close();
    }
  });
});

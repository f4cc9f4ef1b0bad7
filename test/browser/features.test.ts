/**
 * The two islands, driven as a reader would, under the page's own Content-Security-Policy:
 * - search: typing "phu binh" in the real search box lists Phú Bình, and its link opens Phú Bình's page
 *   (at the root and under /thong-ke/);
 * - compare: picking another indicator or unit changes the chart, the choice is kept in the URL, and a reload
 *   of that URL restores it.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open, type Watch } from '../helpers/browser.ts';
import { focusStyleOf, showsFocus } from '../helpers/focus.ts';
import { serve } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function expectClean(w: Watch, what: string) {
  const problems = await w.problems();
  expect(problems, `${what}:\n${problems.join('\n')}`).toEqual([]);
}

describe('search box', () => {
  for (const name of ['root', 'sub'] as const) {
    it(`${name} build: "phu binh" finds Phú Bình, and the result opens its page`, async () => {
      const site = sites()[name];
      const server = await serve(site.dir, site.base);
      const context = await newContext(browser);
      try {
        // From a unit page, so that a result link relative to the wrong folder would break.
        const { page, w } = await open(context, `${server.url}don-vi/`, server.origin);
        const box = page.getByRole('searchbox', { name: /Tìm đơn vị/ });
        await box.click();
        await box.pressSequentially('phu binh', { delay: 20 });
        const hit = page.locator('.search-results a', { hasText: 'Phú Bình' }).first();
        await hit.waitFor({ timeout: 10_000 });
        expect(await page.locator('.search-results a').first().textContent()).toContain('Phú Bình');
        const target = new URL((await hit.getAttribute('href'))!, page.url());
        expect(target.pathname.startsWith(site.base), `result link ${target.pathname} outside ${site.base}`).toBe(true);
        // Keyboard: arrow down focuses the first result, visibly; Enter follows it.
        const first = page.locator('.search-results a').first();
        const unfocused = await first.evaluate(focusStyleOf);
        await box.press('ArrowDown');
        expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Phú Bình');
        const focused = await first.evaluate(focusStyleOf);
        expect(
          showsFocus(unfocused, focused),
          `no visible focus on the search result: ${JSON.stringify({ unfocused, focused })}`,
        ).toBe(true);
        await Promise.all([page.waitForURL(target.href), page.keyboard.press('Enter')]);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('h1').textContent()).toContain('Phú Bình');
        await expectClean(w, 'search');
        // No hit: a message instead of an empty list.
        await page.goto(server.url, { waitUntil: 'networkidle' });
        await page.getByRole('searchbox').fill('zzzz khong co');
        await page.locator('.search-results li').first().waitFor();
        expect(await page.locator('.search-results a').count()).toBe(0);
        await expectClean(w, 'search with no hit');
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});

const chartOf = (page: Page) =>
  page
    .locator('main section figure svg')
    .first()
    .evaluate((e) => e.outerHTML);

async function compareState(page: Page) {
  return {
    indicator: await page.getByLabel('Chỉ số', { exact: true }).inputValue(),
    period: await page.getByLabel('Năm hoặc nhiệm kỳ').inputValue(),
    checked: await page
      .getByRole('group', { name: 'Đơn vị' })
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    chart: await chartOf(page),
    title: await page.locator('main section figure h2').first().textContent(),
  };
}

describe('compare island', () => {
  for (const name of ['sub', 'demo'] as const) {
    it(`${name} build: another indicator or unit changes the chart; the URL keeps the choice; a reload restores it`, async () => {
      const site = sites()[name];
      const server = await serve(site.dir, site.base);
      const context = await newContext(browser);
      try {
        const { page, w } = await open(context, `${server.url}so-sanh/`, server.origin);
        const indicator = page.getByLabel('Chỉ số', { exact: true });
        await indicator.waitFor({ state: 'visible' });
        const boxes = page.getByRole('group', { name: 'Đơn vị' }).getByRole('checkbox');
        await boxes.first().waitFor();
        expect(await boxes.count()).toBeGreaterThan(1);
        const start = await compareState(page);
        expect(start.chart).toContain('<svg');

        // Another indicator: the first other one whose chart differs.
        const options = await indicator
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        let picked: string | undefined;
        for (const o of options.filter((x) => x !== start.indicator)) {
          await indicator.selectOption(o);
          if ((await chartOf(page)) !== start.chart) {
            picked = o;
            break;
          }
        }
        expect(picked, 'no other indicator changed the chart').toBeDefined();
        expect(new URL(page.url()).searchParams.get('chi-so') ?? page.url()).toContain(picked!);

        // Another set of units: untick the first one.
        const before = await chartOf(page);
        await boxes.first().uncheck();
        await expect.poll(() => chartOf(page), { timeout: 10_000 }).not.toBe(before);
        const chosen = await compareState(page);
        expect(chosen.checked[0]).toBe(false);
        const url = page.url();
        expect(url).not.toBe(`${server.url}so-sanh/`);
        expect(new URL(url).search).not.toBe('');

        // The CSV download follows the choice: one row per ticked unit (clicked as a reader would, under the CSP).
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('main section figure a[download]').first().click(),
        ]);
        const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
        const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
        expect(rows.length - 1).toBe(chosen.checked.filter(Boolean).length);

        // A reload of that URL (and a fresh visit) restores the choice.
        await page.reload({ waitUntil: 'networkidle' });
        await boxes.first().waitFor();
        expect(await compareState(page)).toEqual(chosen);
        const fresh = await open(context, url, server.origin);
        await fresh.page.getByRole('group', { name: 'Đơn vị' }).getByRole('checkbox').first().waitFor();
        expect(await compareState(fresh.page)).toEqual(chosen);
        await expectClean(w, 'compare');
        await expectClean(fresh.w, 'compare, fresh visit');
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});

describe('the islands run under the page’s Content-Security-Policy', () => {
  it('home, unit list and compare pages carry the CSP meta in the browser and record no violation', async () => {
    const site = sites().root;
    const server = await serve(site.dir, site.base);
    const context = await newContext(browser);
    try {
      for (const p of ['', 'don-vi/', 'so-sanh/']) {
        const { page, w } = await open(context, server.url + p, server.origin);
        const policy = await page.evaluate(
          () => document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? '',
        );
        expect(policy, `no CSP meta on /${p}`).toMatch(/script-src 'self'/);
        // The recorder really listens: an inline script injected now must be reported.
        await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__ran = 1';
          document.body.append(s);
        });
        await expect.poll(() => w.csp(), { timeout: 10_000 }).toHaveLength(1);
        expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
        w.errors.length = 0; // the console error of that deliberate violation
        await page.close();
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
});

/**
 * Every page type (overview, unit list, a unit page per level, a term page, compare, data, 404) of the data/
 * build and of the demo build:
 * - loads with no console error, no failed request, no request to any host but 127.0.0.1, no CSP violation;
 * - shows the same charts (`figure svg`) and tables with JavaScript off as with it on.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open, settle } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/site.ts';
import { pageTypes, sites, type BuiltSite, type TypedPage } from '../helpers/sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const counts = () =>
  ({
    charts: document.querySelectorAll('figure svg').length,
    chartImages: document.querySelectorAll('figure svg[role="img"]').length,
    tables: document.querySelectorAll('table').length,
    rows: document.querySelectorAll('table tr').length,
  }) as const;

for (const name of ['root', 'demo'] as const) {
  describe(`${name} build: every page type`, () => {
    let site: BuiltSite;
    let server: Served;
    let types: TypedPage[];
    /** Counts with JavaScript on, taken by the first test for the second. */
    const withJs = new Map<string, ReturnType<typeof counts>>();
    beforeAll(async () => {
      site = sites()[name];
      server = await serve(site.dir, site.base);
      types = await pageTypes(site);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('has every page type: overview, unit list, province, district, grassroots, term, compare, data, 404', () => {
      const have = new Set(types.map((t) => t.type));
      for (const t of ['overview', 'units', 'province', 'district', 'grassroots', 'term', 'compare', 'data', '404'])
        expect(have, t).toContain(t);
    });

    it('loads each page with no console error, failed or off-host request or CSP violation', async () => {
      const context = await newContext(browser);
      const problems: string[] = [];
      let requests = 0;
      for (const t of types) {
        const url = server.url + t.path;
        const { page, w } = await open(context, url, server.origin, t.type === '404' ? url : undefined);
        // Let the islands finish (search index fetch on focus, compare render).
        if (await page.locator('input[type=search]').count()) {
          await page.focus('input[type=search]');
          await settle(w);
        }
        problems.push(...(await w.problems()).map((p) => `${t.type} ${t.path}: ${p}`));
        expect(w.requests.length, `${t.type}: no request recorded`).toBeGreaterThan(0);
        requests += w.requests.length;
        if (t.type === '404') expect(await page.locator('h1').textContent()).toMatch(/Không tìm thấy/);
        withJs.set(t.path, await page.evaluate(counts));
        await page.close();
      }
      await context.close();
      console.log(
        `[pages] ${name}: ${types.length} page types loaded, ${requests} requests recorded, ${problems.length} problems`,
      );
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('shows every chart and table with JavaScript off', async () => {
      const off = await newContext(browser, { javaScriptEnabled: false });
      const diffs: string[] = [];
      let charts = 0;
      let tables = 0;
      for (const t of types) {
        const url = server.url + t.path;
        const b = await open(off, url, server.origin, t.type === '404' ? url : undefined, 'load');
        const on = withJs.get(t.path);
        const without = await b.page.evaluate(counts);
        if (JSON.stringify(on) !== JSON.stringify(without))
          diffs.push(`${t.type} ${t.path}: with JS ${JSON.stringify(on)}, without ${JSON.stringify(without)}`);
        if (['overview', 'compare'].includes(t.type) && without.chartImages === 0)
          diffs.push(`${t.type} ${t.path}: no chart without JS`);
        if (['overview', 'term', 'compare'].includes(t.type) && without.tables === 0)
          diffs.push(`${t.type} ${t.path}: no table without JS`);
        diffs.push(...(await b.w.problems()).map((p) => `${t.type} ${t.path} (no JS): ${p}`));
        charts += without.chartImages;
        tables += without.tables;
        await b.page.close();
      }
      await off.close();
      console.log(
        `[no-js] ${name}: ${types.length} page types, ${charts} charts and ${tables} tables present without JavaScript`,
      );
      expect(diffs, diffs.join('\n')).toEqual([]);
      expect(charts).toBeGreaterThan(3);
    });
  });
}

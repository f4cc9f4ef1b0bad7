/**
 * Crawl the data/ build at the root and under SITE_BASE=/thong-ke/: every page reachable from the home page
 * loads cleanly, every href/src (pages, assets, CSS url()s, CSV/JSON downloads, sitemap URLs) answers 200 and
 * stays under the base, and no page scrolls sideways at 360 px. A sample of each page type of the demo build
 * (longer names, more rows) is checked at 360 px too.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open } from '../helpers/browser.ts';
import { crawl, sidewaysProblems } from '../helpers/crawl.ts';
import { serve } from '../helpers/site.ts';
import { htmlFiles, pagePath, pageTypes, sites } from '../helpers/sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('crawl: every link and asset answers 200 and stays under the base', () => {
  for (const name of ['sub', 'root'] as const) {
    it(`${name} build (base ${name === 'sub' ? '/thong-ke/' : '/'})`, async () => {
      const site = sites()[name];
      const server = await serve(site.dir, site.base);
      try {
        const built = (await htmlFiles(site.dir))
          .filter((f) => !f.endsWith('404.html'))
          .map((f) => server.url + pagePath(site, f));
        const r = await crawl(browser, server, site.base, { width: 360, allPages: built });
        console.log(
          `[crawl] ${name}: ${r.pages.length} pages visited at 360 px (${built.length} built, ${r.unlinked.length} not linked from the site: ${r.unlinked.join(' ') || '—'}), ${r.resources.size} other URLs requested, ` +
            `${r.browserRequests} browser requests, ${r.externalLinks.size} external links (not followed), ${r.problems.length} problems`,
        );
        expect(r.problems.slice(0, 40), r.problems.slice(0, 40).join('\n')).toEqual([]);
        // Every built page was visited (by links from the home page, or afterwards).
        for (const u of built) expect(r.pages).toContain(u);
        expect([...r.resources.keys()].some((u) => u.endsWith('.csv'))).toBe(true);
        expect([...r.resources.keys()].some((u) => u.endsWith('.woff2'))).toBe(true);
        expect([...r.resources.keys()].some((u) => u.endsWith('.json'))).toBe(true);
      } finally {
        await server.close();
      }
    });
  }
});

describe('360 px wide: no page scrolls sideways', () => {
  it('demo build: a sample of every page type', async () => {
    const site = sites().demo;
    const server = await serve(site.dir, site.base);
    const context = await newContext(browser, { viewport: { width: 360, height: 800 } });
    try {
      const types = await pageTypes(site, 3);
      const problems: string[] = [];
      for (const t of types) {
        const url = server.url + t.path;
        const { page, w } = await open(context, url, server.origin, t.type === '404' ? url : undefined, 'load');
        problems.push(...(await sidewaysProblems(page, `${t.type} ${t.path}`)));
        problems.push(...w.failed);
        await page.close();
      }
      console.log(
        `[360px] demo: ${types.length} pages of ${new Set(types.map((t) => t.type)).size} types checked, ${problems.length} problems`,
      );
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

/**
 * A reader on a phone (issue 14, §2), on the province demo at 360×780 px:
 * - on the home page and on unit pages of every level, the headline cards show within the first screen (780 px)
 *   and the first chart starts within two (1,560 px); nothing scrolls sideways;
 * - a summary shows its first sentence and keeps the rest closed until a tap, with JavaScript off and on;
 *   "Sao chép" copies the whole text, as data/summaries.json publishes it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open, type Watch } from '../helpers/browser.ts';
import { readSummariesJson } from '../helpers/published.ts';
import { serve, type Served } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

const PHONE = { width: 360, height: 780 };
const SCREEN = PHONE.height;

let browser: Browser;
let server: Served;
/** The summaries the build published, the copy's expected text. */
let published: { unit_id: string; period: string; text: string }[];
/** Home, then the first and the last unit page of each level in the search index: `['province', 'don-vi/x/']`. */
let pages: [string, string][];

const LEVELS: Record<string, string> = { t: 'province', h: 'district', x: 'commune', c: 'grassroots' };

beforeAll(async () => {
  const demo = sites().demo;
  browser = await launch();
  server = await serve(demo.dir, demo.base);
  published = await readSummariesJson(path.join(demo.dir, 'data'));
  // [label, name, level, slug, parent]
  const index = JSON.parse(await readFile(path.join(demo.dir, 'tim-kiem.json'), 'utf8')) as string[][];
  pages = [['home', '']];
  for (const [level, name] of Object.entries(LEVELS)) {
    const slugs = index.filter((e) => e[2] === level).map((e) => e[3]!);
    for (const slug of new Set([slugs[0], slugs[slugs.length - 1]])) if (slug) pages.push([name, `don-vi/${slug}/`]);
  }
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

async function expectClean(w: Watch, what: string) {
  const problems = await w.problems();
  expect(problems, `${what}:\n${problems.join('\n')}`).toEqual([]);
}

/** Where things are, in page coordinates (px from the top of the document). */
function layout() {
  const top = (e: Element | null) => (e ? e.getBoundingClientRect().top + window.scrollY : undefined);
  const value = document.querySelector('.cards .card .value');
  window.scrollTo(10_000, 0);
  const scrolledX = window.scrollX;
  window.scrollTo(0, 0);
  return {
    chart: top(document.querySelector('figure.chart svg')),
    cards: top(document.querySelector('.cards')),
    firstValueBottom: value ? value.getBoundingClientRect().bottom + window.scrollY : undefined,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    scrolledX,
  };
}

describe('the first screens on a phone (360×780, province demo)', () => {
  it('has a page of each level to look at', () => {
    // The province preset has one province, districts, communes (since 07/2025) and grassroots units.
    expect(pages.map((p) => p[0])).toEqual(
      expect.arrayContaining(['home', 'province', 'district', 'commune', 'grassroots']),
    );
  });

  it('cards within one screen, the first chart within two, nothing sideways', async () => {
    const context = await newContext(browser, { viewport: PHONE });
    try {
      const bad: string[] = [];
      for (const [level, p] of pages) {
        const { page, w } = await open(context, `${server.url}${p}`, server.origin);
        const l = await page.evaluate(layout);
        const where = `${level} /${p}: ${JSON.stringify(l)}`;
        if (l.chart === undefined || l.chart > 2 * SCREEN)
          bad.push(`first chart not within ${2 * SCREEN} px — ${where}`);
        if (l.cards === undefined || l.firstValueBottom === undefined || l.firstValueBottom > SCREEN) {
          bad.push(`first card's figure not within ${SCREEN} px — ${where}`);
        }
        if (l.scrollWidth > l.clientWidth || l.scrolledX !== 0) bad.push(`scrolls sideways — ${where}`);
        await expectClean(w, p);
        await page.close();
      }
      expect(bad, bad.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// The HTML's line breaks and indents; the text's non-breaking spaces (`72,83%`) stay, as published.
const squash = (s: string | null) => (s ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** What a reader sees of each summary of the page, and the whole text once opened. */
async function summaries(page: Page) {
  const quotes = page.locator('.summary blockquote');
  const out: { id: string; shown: string; restHidden: boolean; hint: string; whole: string }[] = [];
  for (let i = 0; i < (await quotes.count()); i++) {
    const q = quotes.nth(i);
    const id = (await q.getAttribute('id'))!;
    const rest = q.locator('details > p');
    const hasRest = (await rest.count()) > 0;
    const first = hasRest ? q.locator('details > summary') : q.locator('p');
    const shown = squash(await first.textContent());
    const restHidden = hasRest && !(await rest.isVisible());
    const hint = hasRest ? await first.evaluate((e) => getComputedStyle(e, '::after').content) : '';
    // A tap on the first sentence opens the rest.
    if (hasRest) await first.click();
    const whole = hasRest ? `${shown} ${squash(await rest.textContent())}` : shown;
    out.push({ id, shown, restHidden, hint, whole });
  }
  return out;
}

function expectCollapsed(s: Awaited<ReturnType<typeof summaries>>, what: string) {
  // The province's page quotes its latest year and its latest term, each longer than one sentence.
  expect(
    s.map((x) => x.id),
    what,
  ).toEqual([expect.stringMatching(/^tom-tat-\d{4}$/), expect.stringMatching(/^tom-tat-\d{4}-\d{4}$/)]);
  for (const x of s) {
    const text = published.filter((p) => `tom-tat-${p.period}` === x.id && p.text === x.whole);
    expect(
      text,
      `${what} ${x.id}: the opened summary is one published summary (${x.whole.slice(0, 80)}…)`,
    ).toHaveLength(1);
    // One sentence: it ends the shown text, and none ends inside it ("1.415" has a point, not a point and a space).
    expect(x.shown, `${what} ${x.id}`).toMatch(/\.$/);
    expect(x.shown, `${what} ${x.id}`).not.toMatch(/[.!?] /);
    expect(x.whole.length, `${what} ${x.id}: more than the first sentence`).toBeGreaterThan(x.shown.length + 20);
    expect(x.restHidden, `${what} ${x.id}: the rest is hidden until a tap`).toBe(true);
    expect(x.hint, `${what} ${x.id}: the tap is offered`).toContain('Đọc tiếp');
  }
}

describe('summaries: the first sentence, the rest on a tap', () => {
  const province = () => pages.find((p) => p[0] === 'province')![1];

  it('with JavaScript off: no copy button, the summary still opens', async () => {
    const context = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
    try {
      const { page, w } = await open(context, `${server.url}${province()}`, server.origin);
      expect(await page.getByRole('button', { name: 'Sao chép' }).count()).toBe(0);
      expectCollapsed(await summaries(page), 'JavaScript off');
      await expectClean(w, 'JavaScript off');
    } finally {
      await context.close();
    }
  });

  it('with JavaScript on: "Sao chép" copies the whole text while the rest stays closed', async () => {
    const context: BrowserContext = await newContext(browser, { viewport: PHONE });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const { page, w } = await open(context, `${server.url}${province()}`, server.origin);
      const buttons = page.locator('.summary button.copy');
      expect(await buttons.count()).toBe(2);
      for (let i = 0; i < 2; i++) {
        const figure = page.locator('.summary').nth(i);
        await figure.getByRole('button', { name: 'Sao chép' }).click();
        await expect.poll(() => figure.locator('[data-copy-status]').textContent()).toBe('Đã sao chép.');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const id = (await figure.locator('blockquote').getAttribute('id'))!;
        const whole = published.filter((p) => `tom-tat-${p.period}` === id && p.text === copied);
        expect(whole, `copied ${id}: ${copied.slice(0, 120)}…`).toHaveLength(1);
        expect(await figure.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      }
      expectCollapsed(await summaries(page), 'JavaScript on');
      await expectClean(w, 'JavaScript on');
    } finally {
      await context.close();
    }
  });
});

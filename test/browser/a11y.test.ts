/**
 * Accessibility of every page type of the data/ build and of the demo build:
 * - axe-core: zero violations of impact serious or critical (with every <details> opened, and on the home page
 *   with the search results showing);
 * - keyboard: Tab reaches every interactive control, and each shows a visible focus indicator;
 * - charts: every chart SVG is an image with a non-empty accessible name, and its figure holds a data table.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open, settle, type Watch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/site.ts';
import { showsFocus, type FocusStyle } from '../helpers/focus.ts';
import { pageTypes, sites, type TypedPage } from '../helpers/sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const openAllDetails = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });

async function axeViolations(page: Page, label: string): Promise<{ violations: string[]; rules: number }> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return {
    rules: result.passes.length + result.violations.length,
    violations: bad.map(
      (v) =>
        `${label}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)\n` +
        v.nodes
          .slice(0, 3)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
          .join('\n'),
    ),
  };
}

/** Marks every visible interactive control with data-qa-k and returns its description and unfocused style. */
function markControls(): { key: string; desc: string; group: string; style: FocusStyle }[] {
  const sel =
    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  const style = (e: Element): FocusStyle => {
    const s = getComputedStyle(e);
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}`,
      outlineWidth: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
      boxShadow: s.boxShadow,
      background: s.backgroundColor,
      border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor} ${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`,
    };
  };
  const els = [...document.querySelectorAll<HTMLElement>(sel)].filter(
    (e) =>
      e.checkVisibility({ visibilityProperty: true }) && !(e as HTMLButtonElement).disabled && !e.closest('[inert]'),
  );
  (document.activeElement as HTMLElement | null)?.blur();
  return els.map((e, i) => {
    e.setAttribute('data-qa-k', String(i));
    const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    // Tab enters a group of radio buttons once; arrow keys move inside it.
    const group =
      e instanceof HTMLInputElement && e.type === 'radio' && e.name ? `radio:${e.form?.id ?? ''}:${e.name}` : String(i);
    return {
      key: String(i),
      desc: `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}> "${text}"`,
      group,
      style: style(e),
    };
  });
}

function focusedStyle(): { key: string | null; style: FocusStyle | null; desc: string } {
  const e = document.activeElement;
  if (!e || e === document.body) return { key: null, style: null, desc: 'body' };
  const s = getComputedStyle(e);
  return {
    key: e.getAttribute('data-qa-k'),
    desc: `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}>`,
    style: {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}`,
      outlineWidth: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
      boxShadow: s.boxShadow,
      background: s.backgroundColor,
      border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor} ${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`,
    },
  };
}

/** Tabs through the page; returns the controls never reached and those reached without a visible focus indicator. */
async function keyboardProblems(page: Page, label: string): Promise<{ problems: string[]; controls: number }> {
  await openAllDetails(page);
  const controls = await page.evaluate(markControls);
  const byKey = new Map(controls.map((c) => [c.key, c]));
  const reached = new Set<string>();
  const problems: string[] = [];
  const limit = controls.length + 10;
  let first: string | null = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusedStyle);
    if (f.key === null) {
      if (f.desc !== 'body') problems.push(`${label}: Tab focused ${f.desc}, which is not a known interactive control`);
      if (first !== null) break; // past the last control
      continue;
    }
    if (f.key === first) break; // wrapped around
    first ??= f.key;
    if (reached.has(f.key)) continue;
    reached.add(f.key);
    const c = byKey.get(f.key)!;
    if (!showsFocus(c.style, f.style!))
      problems.push(
        `${label}: no visible focus indicator on ${c.desc} (unfocused ${JSON.stringify(c.style)}, focused ${JSON.stringify(f.style)})`,
      );
  }
  const reachedGroups = new Set(controls.filter((c) => reached.has(c.key)).map((c) => c.group));
  const missed = controls.filter((c) => !reachedGroups.has(c.group));
  if (missed.length)
    problems.push(
      `${label}: ${missed.length} controls never reached by Tab: ${missed
        .slice(0, 8)
        .map((c) => c.desc)
        .join(', ')}`,
    );
  return { problems, controls: controls.length };
}

function chartNames(): string[] {
  const problems: string[] = [];
  const text = (id: string) => document.getElementById(id)?.textContent?.trim() ?? '';
  for (const svg of document.querySelectorAll('svg')) {
    const hidden = svg.closest('[aria-hidden="true"]') !== null;
    const inFigure = svg.closest('figure') !== null;
    const desc = `svg${svg.id ? `#${svg.id}` : ''}${svg.getAttribute('class') ? `.${svg.getAttribute('class')!.split(' ').join('.')}` : ''}`;
    if (hidden) continue;
    if (svg.getAttribute('role') !== 'img') {
      if (inFigure || svg.querySelector('rect, path, line, circle'))
        problems.push(`${desc}: neither role="img" nor aria-hidden="true"`);
      continue;
    }
    const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const name = ids.length ? ids.map(text).join(' ').trim() : (svg.getAttribute('aria-label') ?? '').trim();
    if (!name) problems.push(`${desc}: role="img" without an accessible name (aria-labelledby="${ids.join(' ')}")`);
    for (const id of ids)
      if (!document.getElementById(id)) problems.push(`${desc}: aria-labelledby points to missing #${id}`);
    // The table sits in the chart's figure; an embed page (a chart alone, for another site's iframe) links to it instead.
    const figure = svg.closest('figure');
    if (
      figure &&
      !figure.querySelector('table') &&
      !(/\/nhung\//.test(location.pathname) && figure.querySelector('a[href]'))
    )
      problems.push(`${desc}: chart without a data table in its figure`);
  }
  return problems;
}

for (const name of ['root', 'demo'] as const) {
  describe(`${name} build: accessibility of every page type`, () => {
    let server: Served;
    let context: BrowserContext;
    /** One loaded page per type, shared by the three checks (read-only check first, keyboard last). */
    let pages: { t: TypedPage; page: Page; w: Watch; label: string }[];
    beforeAll(async () => {
      const site = sites()[name];
      server = await serve(site.dir, site.base);
      context = await newContext(browser);
      pages = [];
      for (const t of await pageTypes(site)) {
        const url = server.url + t.path;
        const { page, w } = await open(context, url, server.origin, t.type === '404' ? url : undefined);
        pages.push({ t, page, w, label: `${t.type} ${t.path}` });
      }
    });
    afterAll(async () => {
      await context?.close();
      await server?.close();
    });

    it('charts: accessible names and a data table in the figure', async () => {
      const all: string[] = [];
      let charts = 0;
      for (const { page, label } of pages) {
        all.push(...(await page.evaluate(chartNames)).map((p) => `${label}: ${p}`));
        charts += await page.locator('svg[role="img"]').count();
      }
      console.log(
        `[charts] ${name}: ${charts} chart images on ${pages.length} page types checked, ${all.length} problems`,
      );
      expect(charts).toBeGreaterThan(3);
      expect(all, all.join('\n')).toEqual([]);
    });

    it('axe: no serious or critical violation', async () => {
      const all: string[] = [];
      let rules = 0;
      for (const { t, page, label } of pages) {
        await openAllDetails(page);
        const r = await axeViolations(page, label);
        all.push(...r.violations);
        rules += r.rules;
        if (t.type === 'overview') {
          await page.locator('input[type=search]').fill('a');
          await page.locator('.search-results a, .search-results li').first().waitFor();
          all.push(...(await axeViolations(page, `${label} with search results`)).violations);
          await page.locator('input[type=search]').fill('');
          await page.keyboard.press('Escape');
        }
      }
      console.log(
        `[axe] ${name}: ${pages.length} page types, ${rules} rule results, ${all.length} serious/critical violations`,
      );
      expect(all, all.join('\n')).toEqual([]);
    });

    it('keyboard: Tab reaches every control, each with a visible focus indicator', async () => {
      const all: string[] = [];
      let controls = 0;
      for (const { page, w, label } of pages) {
        await page.reload({ waitUntil: 'load' });
        await settle(w);
        const r = await keyboardProblems(page, label);
        all.push(...r.problems);
        controls += r.controls;
      }
      console.log(
        `[keyboard] ${name}: ${pages.length} page types, ${controls} controls tabbed through, ${all.length} problems`,
      );
      expect(all, all.slice(0, 30).join('\n')).toEqual([]);
    });
  });
}

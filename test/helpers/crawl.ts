/**
 * A breadth-first crawl of a served build in Chromium: follows every internal link from the home page, then
 * requests every href/src it found (assets, CSS url()s, CSV/JSON downloads, the sitemap's URLs) and checks each
 * answers 200 and stays under the site's base. Pages are checked at a 360 px wide viewport for sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { newContext, open } from './browser.ts';
import type { Served } from './site.ts';

export interface CrawlResult {
  /** Every page visited (URL without hash). */
  pages: string[];
  /** Built pages no link led to, visited after the crawl (`opts.allPages`). */
  unlinked: string[];
  /** Every non-page URL requested, with its HTTP status. */
  resources: Map<string, number>;
  /** External links seen (not requested). */
  externalLinks: Set<string>;
  /** Number of URLs the browser itself requested. */
  browserRequests: number;
  problems: string[];
}

/** The origin `absoluteUrl()` uses when SITE_URL is not set (canonical, og:url, og:image, sitemap). */
const DEFAULT_SITE_ORIGINS = new Set(['http://localhost']);

interface Ref {
  tag: string;
  attr: string;
  value: string;
}

/** Every URL-bearing attribute in the page, and the `url()`s of inline style attributes. */
function collectRefs(): Ref[] {
  const out: Ref[] = [];
  const attrs = ['href', 'src', 'action', 'poster', 'data-src', 'data-index', 'data-base', 'xlink:href', 'formaction'];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v !== null) out.push({ tag, attr: a, value: v });
    }
    const srcset = el.getAttribute('srcset');
    if (srcset)
      for (const part of srcset.split(',')) out.push({ tag, attr: 'srcset', value: part.trim().split(/\s+/)[0] ?? '' });
    if (tag === 'meta') {
      const p = el.getAttribute('property') ?? el.getAttribute('name') ?? '';
      if (/^(og:(url|image)|twitter:image)$/.test(p))
        out.push({ tag, attr: `content(${p})`, value: el.getAttribute('content') ?? '' });
    }
  }
  return out;
}

/** What makes the page wider than the viewport, for the failure message. */
function overflow(): { scrollWidth: number; clientWidth: number; culprits: string[] } {
  const root = document.documentElement;
  const cw = root.clientWidth;
  const culprits: string[] = [];
  if (root.scrollWidth > cw) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > cw + 0.5 && r.width > 0) {
        // Report the outermost offenders only.
        const parent = el.parentElement?.getBoundingClientRect();
        if (!parent || parent.right <= cw + 0.5)
          culprits.push(
            `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}> right=${Math.round(r.right)}`,
          );
      }
      if (culprits.length >= 5) break;
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: cw, culprits };
}

/** Checks that `page` does not scroll sideways, as loaded and with every <details> opened. */
export async function sidewaysProblems(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const a = await page.evaluate(overflow);
  if (a.scrollWidth > a.clientWidth)
    problems.push(`${label}: scrolls sideways (${a.scrollWidth} > ${a.clientWidth}): ${a.culprits.join(', ')}`);
  const opened = await page.evaluate(() => {
    const d = [...document.querySelectorAll('details:not([open])')];
    for (const x of d) x.setAttribute('open', '');
    return d.length;
  });
  if (opened) {
    const b = await page.evaluate(overflow);
    if (b.scrollWidth > b.clientWidth)
      problems.push(
        `${label} (tables opened): scrolls sideways (${b.scrollWidth} > ${b.clientWidth}): ${b.culprits.join(', ')}`,
      );
  }
  return problems;
}

const isPage = (u: URL) => u.pathname.endsWith('/') || u.pathname.endsWith('.html');

/**
 * `opts.allPages`: the URLs of every built page; those no link led to are visited (and checked) after the crawl.
 */
export async function crawl(
  browser: Browser,
  server: Served,
  base: string,
  opts: { width?: number; allPages?: string[] } = {},
): Promise<CrawlResult> {
  const context = await newContext(browser, { viewport: { width: opts.width ?? 360, height: 800 } });
  const result: CrawlResult = {
    pages: [],
    unlinked: [],
    resources: new Map(),
    externalLinks: new Set(),
    browserRequests: 0,
    problems: [],
  };
  const queue = [server.url];
  const seen = new Set(queue);
  const toFetch = new Set<string>();
  const inBase = (u: URL, where: string) => {
    if (!u.pathname.startsWith(base)) result.problems.push(`${where}: ${u.href} escapes ${base}`);
  };
  const addRef = (raw: string, from: string, ref: Ref | undefined) => {
    const where = ref ? `<${ref.tag} ${ref.attr}> on ${from}` : from;
    if (raw === '' || raw.startsWith('#')) return;
    let u: URL;
    try {
      u = new URL(raw, from);
    } catch {
      result.problems.push(`${where}: bad URL ${JSON.stringify(raw)}`);
      return;
    }
    if (u.protocol === 'javascript:') return void result.problems.push(`${where}: javascript: URL`);
    if (u.protocol === 'data:' || u.protocol === 'mailto:' || u.protocol === 'tel:' || u.protocol === 'blob:') return;
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return void result.problems.push(`${where}: unexpected protocol ${u.href}`);
    if (u.origin !== server.origin) {
      if (DEFAULT_SITE_ORIGINS.has(u.origin) && ref && (ref.tag === 'meta' || ref.tag === 'link')) {
        // Canonical and Open Graph URLs: absolute on the configured site; check the path on our server.
        u = new URL(u.pathname + u.search, server.origin);
      } else if (ref && ref.tag === 'a' && ref.attr === 'href') {
        result.externalLinks.add(u.href);
        return;
      } else {
        return void result.problems.push(`${where}: refers to another host: ${u.href}`);
      }
    }
    inBase(u, where);
    u.hash = '';
    const key = u.href;
    if (isPage(u) && (!ref || ref.attr === 'href' || ref.attr.startsWith('content'))) {
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    } else toFetch.add(key);
  };

  let linkedDone = false;
  let linked = new Set<string>();
  for (;;) {
    if (!queue.length && !linkedDone) {
      linkedDone = true;
      linked = new Set(seen);
      result.unlinked = (opts.allPages ?? []).filter((u) => !seen.has(u));
      for (const u of result.unlinked) {
        seen.add(u);
        queue.push(u);
      }
    }
    const url = queue.shift();
    if (!url) break;
    const { page, w } = await open(context, url, server.origin);
    result.pages.push(url);
    result.browserRequests += w.requests.length;
    result.problems.push(...(await w.problems()).map((p) => `${url}: ${p}`));
    for (const r of w.requests) {
      if (r.startsWith(server.origin)) inBase(new URL(r), `browser request from ${url}`);
    }
    for (const ref of await page.evaluate(collectRefs)) addRef(ref.value, url, ref);
    result.problems.push(...(await sidewaysProblems(page, url)));
    await page.close();
  }
  await context.close();

  // The sitemap and robots.txt, and everything they point to.
  for (const f of ['sitemap.xml', 'robots.txt']) toFetch.add(new URL(f, server.url).href);

  const fetched = new Set<string>();
  while (toFetch.size) {
    const [url] = toFetch;
    toFetch.delete(url!);
    if (fetched.has(url!)) continue;
    fetched.add(url!);
    const res = await fetch(url!, { redirect: 'manual' });
    result.resources.set(url!, res.status);
    if (res.status !== 200) {
      result.problems.push(`${url}: HTTP ${res.status}`);
      await res.body?.cancel();
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (type.startsWith('text/css')) {
      for (const m of (await res.text()).matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) addRef(m[2]!, url!, undefined);
    } else if (url!.endsWith('sitemap.xml')) {
      const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      if (locs.length === 0) result.problems.push(`${url}: no <loc>`);
      for (const loc of locs) {
        const u = new URL(loc);
        const local = new URL(u.pathname + u.search, server.origin);
        inBase(local, `sitemap <loc>`);
        if (!linked.has(local.href))
          result.problems.push(`sitemap lists ${u.pathname}, not reachable by links from the home page`);
        toFetch.add(local.href);
      }
    } else if (url!.endsWith('robots.txt')) {
      for (const m of (await res.text()).matchAll(/^Sitemap:\s*(\S+)/gim)) inBase(new URL(m[1]!), 'robots.txt Sitemap');
    } else {
      await res.arrayBuffer();
    }
  }
  return result;
}

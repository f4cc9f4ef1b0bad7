/**
 * Browser helpers for the quality gates: launch Debian's Chromium, and watch a page for console errors,
 * failed or off-host requests, dialogs and Content-Security-Policy violations.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Records every `securitypolicyviolation` in `window.__csp` from before the first script of the page runs. */
const CSP_RECORDER = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + (e.sample ? ' [' + e.sample + ']' : ''));
  }, true);
})();`;

/** A context that records CSP violations on every page it opens. Use it for axe too (axe refuses browser.newPage()). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled !== false) await context.addInitScript({ content: CSP_RECORDER });
  return context;
}

export interface Watch {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that failed or answered with an HTTP error. */
  failed: string[];
  /** Requests to anything but the test server (127.0.0.1). */
  external: string[];
  /** Dialogs (alert, confirm, prompt) that opened; each is dismissed. */
  dialogs: string[];
  /** Every URL requested. */
  requests: string[];
  /** Requests sent and not yet finished or failed. */
  inflight: number;
  /** Violations recorded by the init script (empty with JavaScript off). */
  csp: () => Promise<string[]>;
  /** All problems at once, for one assertion with a readable message. */
  problems: () => Promise<string[]>;
}

/**
 * Watches `page`. `origin` is the test server's (`http://127.0.0.1:PORT`); `expected404` is the one URL
 * allowed to answer 404 (the missing page requested to see the 404 page).
 */
export function watch(page: Page, origin: string, expected404?: string): Watch {
  const w: Watch = {
    errors: [],
    failed: [],
    external: [],
    dialogs: [],
    requests: [],
    inflight: 0,
    csp: async () => {
      try {
        return ((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[]) ?? [];
      } catch {
        return [];
      }
    },
    problems: async () => [
      ...w.errors.map((e) => `console error: ${e}`),
      ...w.failed.map((e) => `failed request: ${e}`),
      ...w.external.map((e) => `request off 127.0.0.1: ${e}`),
      ...w.dialogs.map((e) => `dialog opened: ${e}`),
      ...(await w.csp()).map((e) => `CSP violation: ${e}`),
    ],
  };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs the 404 status of the missing page itself; that one is expected.
    if (expected404 && m.location().url === expected404 && /\b404\b/.test(m.text())) return;
    w.errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => w.errors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('requestfinished', () => (w.inflight = Math.max(0, w.inflight - 1)));
  page.on('requestfailed', () => (w.inflight = Math.max(0, w.inflight - 1)));
  page.on('request', (r) => {
    w.inflight++;
    const url = r.url();
    w.requests.push(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(`${origin}/`) && url !== origin) w.external.push(url);
  });
  page.on('requestfailed', (r) => w.failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  page.on('response', (r) => {
    const status = r.status();
    if (status < 400) return;
    if (status === 404 && r.url() === expected404 && r.request().isNavigationRequest()) return;
    w.failed.push(`${r.url()}: HTTP ${status}`);
  });
  return w;
}

/**
 * Resolves once the watched page has had no request in flight for `quiet` ms (Playwright's `networkidle` waits a
 * fixed 500 ms; this is the same idea, shorter, for the many page loads of the quality gates).
 */
export async function settle(w: Watch, quiet = 150, timeout = 15_000): Promise<void> {
  const t0 = Date.now();
  let idleSince = w.inflight === 0 ? Date.now() : 0;
  while (Date.now() - t0 < timeout) {
    await new Promise((r) => setTimeout(r, 25));
    if (w.inflight > 0) idleSince = 0;
    else if (!idleSince) idleSince = Date.now();
    else if (Date.now() - idleSince >= quiet) return;
  }
  throw new Error(`still ${w.inflight} requests in flight after ${timeout} ms`);
}

/** Opens `url` in a new page of `context`, watched; by default waits until no request is in flight. */
export async function open(
  context: BrowserContext,
  url: string,
  origin: string,
  expected404?: string,
  waitUntil: 'load' | 'networkidle' = 'networkidle',
): Promise<{ page: Page; w: Watch }> {
  const page = await context.newPage();
  const w = watch(page, origin, expected404);
  const res = await page.goto(url, { waitUntil: 'load' });
  // `networkidle`: also wait for what the islands fetch after the load event.
  if (waitUntil === 'networkidle') await settle(w);
  if (!res) throw new Error(`no response for ${url}`);
  const want = expected404 === url ? 404 : 200;
  if (res.status() !== want) w.failed.push(`${url}: HTTP ${res.status()} (expected ${want})`);
  return { page, w };
}

/**
 * The host files through real servers: a built site (at `/` and under `/thong-ke/`), with the files the build writes
 * for it (src/lib/hosts), served by Debian's Apache with its `.htaccess` (AllowOverride All) and by nginx with the
 * snippet included (for `/`, docs/nginx.conf itself). Chromium checks what a reader's browser gets: the headers of a
 * page under the header policy (and no violation of it), the long cache of `_astro/` only, the types of .csv, .json,
 * .woff2 and .xlsx, the 404 page for a missing path, and an embed page framed by another site.
 * The servers come from scripts/ensure-test-tools.sh (npm test's pretest).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostFiles } from '../../src/lib/hosts/index.ts';
import { launch, newContext, open, settle, watch } from '../helpers/browser.ts';
import { type Kind, problems } from '../helpers/hosts.ts';
import { root } from '../helpers/site.ts';
import { type BuiltSite, MISSING, pageTypes, sites } from '../helpers/sites.ts';

const APACHE = '/usr/sbin/apache2';
const NGINX = '/usr/sbin/nginx';
const MODULES = '/usr/lib/apache2/modules';

interface Server {
  /** Origin plus base, ending in `/`. */
  url: string;
  origin: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `cmd` and waits until `url` answers; the log file is in the error when it does not. */
async function start(cmd: string, args: string[], url: string, log: string): Promise<() => Promise<void>> {
  const child: ChildProcess = spawn(cmd, args, { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const ended = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await ended;
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return stop;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop();
  throw new Error(`${cmd} did not start:\n${await readFile(log, 'utf8').catch(() => '(no log)')}`);
}

/** Apache serving `docroot`, reading the site's .htaccess (the modules a host would have, nothing more). */
async function apache(work: string, docroot: string, base: string): Promise<Server> {
  const port = await freePort();
  const conf = path.join(work, 'httpd.conf');
  const log = path.join(work, 'apache-error.log');
  const mods = ['mpm_event', 'authz_core', 'dir', 'mime', 'headers'];
  await writeFile(
    conf,
    [
      `ServerRoot ${work}`,
      `Listen 127.0.0.1:${port}`,
      'ServerName 127.0.0.1',
      ...mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      // As root Apache must serve as another user (the copy is world-readable).
      ...(process.getuid?.() === 0 ? ['User www-data', 'Group www-data'] : []),
      `PidFile ${work}/httpd.pid`,
      `ErrorLog ${log}`,
      'TypesConfig /etc/mime.types',
      `DocumentRoot ${docroot}`,
      'DirectoryIndex index.html',
      '<Directory />',
      '  AllowOverride None',
      '  Require all denied',
      '</Directory>',
      `<Directory ${docroot}>`,
      '  AllowOverride All',
      '  Require all granted',
      '</Directory>',
      '',
    ].join('\n'),
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = await start(APACHE, ['-f', conf, '-DFOREGROUND'], origin, log);
  return { url: `${origin}${base}`, origin, stop };
}

/** nginx serving `docroot` with the host snippet included in its server block, as docs/deploy.md says. */
async function nginx(work: string, docroot: string, base: string, snippet: string): Promise<Server> {
  const port = await freePort();
  const conf = path.join(work, 'nginx-main.conf');
  const log = path.join(work, 'nginx-error.log');
  const tmp = path.join(work, 'nginx-tmp');
  await mkdir(tmp, { recursive: true });
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${tmp};`);
  await writeFile(
    conf,
    [
      // One process, no switch of user: a test server, not a production one.
      'daemon off;',
      'master_process off;',
      `pid ${work}/nginx.pid;`,
      `error_log ${log};`,
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...temps,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    root ${docroot};`,
      '    index index.html;',
      '    location / { try_files $uri $uri/ =404; }',
      `    include ${snippet};`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = await start(NGINX, ['-c', conf], origin, log);
  return { url: `${origin}${base}`, origin, stop };
}

/**
 * A copy of the built site with the host files its build writes, under `docroot` at the site's base, plus a small
 * .xlsx (the built sites have none yet; only its type is looked at).
 */
async function prepare(work: string, site: BuiltSite): Promise<string> {
  const docroot = path.join(work, 'www');
  const dir = path.join(docroot, ...site.base.split('/').filter(Boolean));
  await cp(site.dir, dir, { recursive: true });
  await writeHostFiles(dir, site.base);
  await writeFile(path.join(dir, 'data', 'kiem-thu-kieu-tep.xlsx'), 'PK');
  execFileSync('chmod', ['-R', 'a+rX', work]);
  return dir;
}

const headersOf = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const r = await fetch(u, { cache: 'no-store' });
    return { status: r.status, headers: Object.fromEntries(r.headers) as Record<string, string> };
  }, url);

let browser: Browser;
const work: string[] = [];
beforeAll(async () => {
  for (const bin of [APACHE, NGINX]) {
    if (!existsSync(bin)) throw new Error(`${bin} missing: run 'bash scripts/ensure-test-tools.sh' (as root)`);
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const w of work) await rm(w, { recursive: true, force: true });
});

for (const name of ['root', 'sub'] as const) {
  for (const kind of ['apache', 'nginx'] as const) {
    describe(`${kind}, ${name} build`, () => {
      let site: BuiltSite;
      let dir: string;
      let server: Server;
      beforeAll(async () => {
        site = sites()[name];
        const w = await mkdtemp(path.join(os.tmpdir(), `pdv-hosts-${kind}-`));
        work.push(w);
        dir = await prepare(w, site);
        const docroot = path.join(w, 'www');
        // At `/`, the snippet people copy from the docs; elsewhere the one the build wrote for the base.
        const snippet = site.base === '/' ? path.join(root, 'docs/nginx.conf') : path.join(dir, 'nginx.conf');
        server = kind === 'apache' ? await apache(w, docroot, site.base) : await nginx(w, docroot, site.base, snippet);
      });
      afterAll(async () => {
        await server?.stop();
      });

      it('sends the headers on a page and on its assets, the long cache on _astro/ only', async () => {
        const context = await newContext(browser);
        try {
          const url = `${server.url}don-vi/`;
          const page = await context.newPage();
          const w = watch(page, server.origin);
          const res = await page.goto(url, { waitUntil: 'load' });
          await settle(w);
          expect(res?.status()).toBe(200);
          expect(problems('page', res!.headers(), '', true)).toEqual([]);
          // The page under the header policy as well as its own <meta>: nothing blocked, nothing failed.
          const found = await w.problems();
          expect(found, found.join('\n')).toEqual([]);
          const hashed = w.requests.filter((u) => new URL(u).pathname.startsWith(`${site.base}_astro/`));
          expect(hashed.some((u) => u.endsWith('.css'))).toBe(true);
          expect(hashed.some((u) => u.endsWith('.js'))).toBe(true);
          for (const u of hashed) {
            const { headers } = await headersOf(page, u);
            expect(problems('hashed', headers), u).toEqual([]);
          }
        } finally {
          await context.close();
        }
      });

      it('serves .csv, .json, .woff2 and .xlsx with their types', async () => {
        const context = await newContext(browser);
        try {
          const { page } = await open(context, server.url, server.origin);
          const hashedFont = (await readdir(path.join(dir, '_astro'))).find((f) => f.endsWith('.woff2'));
          expect(hashedFont, 'a font under _astro/').toBeDefined();
          const files: [string, Kind, string][] = [
            ['data/indicators.csv', 'other', 'csv'],
            ['data/indicators.json', 'other', 'json'],
            ['data/kiem-thu-kieu-tep.xlsx', 'other', 'xlsx'],
            [`_astro/${hashedFont}`, 'hashed', 'woff2'],
            ['nhung/be-vietnam-pro-latin-400-normal.woff2', 'other', 'woff2'],
          ];
          for (const [p, k, ext] of files) {
            const { status, headers } = await headersOf(page, `${server.url}${p}`);
            expect(status, p).toBe(200);
            expect(problems(k, headers, ext, true), p).toEqual([]);
          }
        } finally {
          await context.close();
        }
      });

      it('answers a missing path with the 404 page and status 404', async () => {
        const context = await newContext(browser);
        try {
          const missing = `${server.url}${MISSING}`;
          const page = await context.newPage();
          const w = watch(page, server.origin, missing);
          const res = await page.goto(missing, { waitUntil: 'load' });
          await settle(w);
          expect(res?.status()).toBe(404);
          expect(problems('page', res!.headers(), '', true)).toEqual([]);
          const want = /<title>([^<]*)<\/title>/.exec(await readFile(path.join(dir, '404.html'), 'utf8'))?.[1];
          expect(want).toBeTruthy();
          expect(await page.title()).toBe(want!.replaceAll('&amp;', '&'));
          const found = await w.problems();
          expect(found, found.join('\n')).toEqual([]);
        } finally {
          await context.close();
        }
      });

      it('lets another site frame an embed page', async () => {
        const embed = (await pageTypes(site)).find((p) => p.type === 'embed');
        expect(embed, 'an embed page in the build').toBeDefined();
        const url = `${server.url}${embed!.path}`;
        const context = await newContext(browser);
        try {
          const page = await context.newPage();
          const res = await page.goto(url);
          expect(res?.status()).toBe(200);
          expect(problems('page', res!.headers(), '', true)).toEqual([]);
          const title = await page.title();
          // Another origin (about:blank's) framing it: X-Frame-Options or frame-ancestors would leave it blank.
          const framer = await context.newPage();
          await framer.setContent(`<iframe src="${url}" width="600" height="400"></iframe>`);
          const frame = await (await framer.waitForSelector('iframe')).contentFrame();
          await frame?.waitForLoadState('load');
          expect(await frame?.title()).toBe(title);
        } finally {
          await context.close();
        }
      });
    });
  }
}

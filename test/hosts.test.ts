/**
 * The host files the build writes, for the hosts without a server here: `_headers` (Netlify, Cloudflare Pages) and
 * `web.config` (IIS) are read as those hosts read them and must give the same headers as Apache and nginx do in
 * test/browser/hosts.test.ts; the 404 directives follow SITE_BASE. And which hosts a site fits, from listings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hostFiles } from '../src/lib/hosts/files.ts';
import { type BuiltFile, hostFit, hostFitText } from '../src/lib/hosts/fit.ts';
import { CSP } from '../src/lib/view/csp.ts';
import { type Kind, problems } from './helpers/hosts.ts';
import { root } from './helpers/site.ts';

const file = (base: string, name: string) => {
  const f = hostFiles({ base, csp: CSP }).find((x) => x.path === name);
  if (!f) throw new Error(`no ${name}`);
  return f.content;
};

/** Paths of a site at `base`, with what each is. */
const samples = (base: string): [string, Kind, string][] => [
  [base, 'page', ''],
  [`${base}don-vi/phu-binh/`, 'page', ''],
  [`${base}don-vi/phu-binh/nhung/ket-nap-theo-nam/`, 'page', ''],
  [`${base}404.html`, 'page', ''],
  [`${base}_astro/Base.CF46ABnw.css`, 'hashed', 'css'],
  [`${base}_astro/search.cVuH3HJG.js`, 'hashed', 'js'],
  [`${base}_astro/be-vietnam-pro-latin-400-normal.PpnXBOrz.woff2`, 'hashed', 'woff2'],
  [`${base}nhung/be-vietnam-pro-latin-400-normal.woff2`, 'other', 'woff2'],
  [`${base}data/indicators.csv`, 'other', 'csv'],
  [`${base}don-vi/phu-binh/ket-nap-theo-nam.csv`, 'other', 'csv'],
  [`${base}data/indicators.json`, 'other', 'json'],
  [`${base}tim-kiem.json`, 'other', 'json'],
  [`${base}data/mau-nhap-lieu.xlsx`, 'other', 'xlsx'],
];

/**
 * Cloudflare Pages' reading of `_headers`: a rule applies when its pattern (`*` matching anything) matches the whole
 * path; every matching rule's headers apply, a header set twice joined with a comma. Netlify differs only there (it
 * keeps one), so a header set twice for one path is reported: it would differ between the two hosts.
 */
function headersFor(text: string, urlPath: string): { headers: Record<string, string>; twice: string[] } {
  const rules: { re: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const re = `^${line
        .trim()
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`;
      rules.push({ re: new RegExp(re), headers: [] });
      continue;
    }
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!m || rules.length === 0) throw new Error(`bad _headers line: ${line}`);
    rules[rules.length - 1]!.headers.push([m[1]!.toLowerCase(), m[2]!]);
  }
  const headers: Record<string, string> = {};
  const twice: string[] = [];
  for (const r of rules) {
    if (!r.re.test(urlPath)) continue;
    for (const [k, v] of r.headers) {
      if (headers[k] !== undefined) twice.push(k);
      headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
    }
  }
  return { headers, twice };
}

/**
 * IIS' reading of `web.config` for a static file: the custom headers; the MIME map by extension; the client cache
 * of the innermost `<location>` whose path is a prefix of the request's (else the site's): `DisableCache` sends
 * `Cache-Control: no-cache`, `UseMaxAge` sends max-age in seconds with `cacheControlCustom`.
 */
function iisHeaders(text: string, base: string, urlPath: string, ext: string): Record<string, string> {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const root = doc.querySelector('configuration')!;
  const site = [...root.children].find((e) => e.tagName === 'system.webServer')!;
  const headers: Record<string, string> = {};
  for (const el of site.querySelectorAll('customHeaders > add')) {
    headers[el.getAttribute('name')!.toLowerCase()] = el.getAttribute('value')!;
  }
  for (const el of site.querySelectorAll('staticContent > mimeMap')) {
    if (el.getAttribute('fileExtension') === `.${ext}`) headers['content-type'] = el.getAttribute('mimeType')!;
  }
  const rel = urlPath.slice(base.length);
  let cache = site.querySelector('staticContent > clientCache');
  for (const loc of [...root.children].filter((e) => e.tagName === 'location')) {
    if (rel.startsWith(`${loc.getAttribute('path')}/`))
      cache = loc.querySelector('staticContent > clientCache') ?? cache;
  }
  const mode = cache?.getAttribute('cacheControlMode');
  if (mode === 'DisableCache') headers['cache-control'] = 'no-cache';
  if (mode === 'UseMaxAge') {
    // d.hh:mm:ss
    const [d, hms] = cache!.getAttribute('cacheControlMaxAge')!.split('.');
    const [h, m, s] = hms!.split(':').map(Number);
    const seconds = Number(d) * 86_400 + h! * 3600 + m! * 60 + s!;
    headers['cache-control'] = [cache!.getAttribute('cacheControlCustom'), `max-age=${seconds}`]
      .filter(Boolean)
      .join(', ');
  }
  return headers;
}

describe('host files', () => {
  for (const base of ['/', '/thong-ke/']) {
    it(`_headers gives every path its headers, each once (base ${base})`, () => {
      const text = file(base, '_headers');
      for (const [p, kind, ext] of samples(base)) {
        const { headers, twice } = headersFor(text, p);
        expect(twice, p).toEqual([]);
        expect(problems(kind, headers, ext), p).toEqual([]);
      }
      // Nothing outside the base: the rules are the site's only.
      if (base !== '/') expect(headersFor(text, '/other/x.csv').headers).toEqual({});
    });

    it(`web.config gives every path its headers and the 404 page at ${base}404.html`, () => {
      const text = file(base, 'web.config');
      for (const [p, kind, ext] of samples(base))
        expect(problems(kind, iisHeaders(text, base, p, ext), ext, true), p).toEqual([]);
      const doc = new DOMParser().parseFromString(text, 'text/xml');
      const error = doc.querySelector('httpErrors > error[statusCode="404"]');
      expect(error?.getAttribute('path')).toBe(`${base}404.html`);
      expect(error?.getAttribute('responseMode')).toBe('ExecuteURL');
      // Each MIME map is removed first: IIS 10 knows .json, .woff2 and .xlsx and refuses a second map.
      for (const ext of ['csv', 'json', 'woff2', 'xlsx']) {
        const removes = doc.querySelectorAll(`staticContent > remove[fileExtension=".${ext}"]`);
        expect(removes.length, ext).toBe(1);
      }
    });

    it(`.htaccess and nginx.conf send misses to ${base}404.html`, () => {
      expect(file(base, '.htaccess').split('\n')).toContain(`ErrorDocument 404 ${base}404.html`);
      expect(file(base, 'nginx.conf').split('\n')).toContain(`error_page 404 ${base}404.html;`);
      expect(file(base, 'nginx.conf')).toContain(`location ^~ ${base}_astro/ {`);
      expect(file(base, '.htaccess')).toContain(`m#^${base}_astro/#`);
    });
  }

  it('never lets the hosts stop other sites from framing the pages', () => {
    for (const f of hostFiles({ base: '/', csp: CSP })) {
      expect(f.content, f.path).not.toMatch(/X-Frame-Options|frame-ancestors/i);
    }
  });

  it('docs/nginx.conf is the snippet the build writes for a site at /', async () => {
    expect(await readFile(path.join(root, 'docs/nginx.conf'), 'utf8')).toBe(file('/', 'nginx.conf'));
  });
});

const MiB = 1024 * 1024;
/** A listing of `n` small files (1 000 bytes each) plus the given ones. */
const listing = (n: number, ...big: BuiltFile[]): BuiltFile[] => [
  ...Array.from({ length: n }, (_, i) => ({ path: `p/${i}.html`, bytes: 1000 })),
  ...big,
];
const verdicts = (files: BuiltFile[]) => hostFit(files).map((h) => h.fit);

describe('hostFit', () => {
  it('fits every host with a small site', () => {
    // 1 784 files: 1 783 of 1 000 bytes and one of 5 300 000: 7 083 000 bytes = 7,1 MB.
    const files = listing(1783, { path: 'data/indicators.json', bytes: 5_300_000 });
    expect(verdicts(files)).toEqual(['fits', 'fits', 'fits', 'fits']);
    expect(hostFitText(files)).toEqual([
      'Trang gồm 1.784 tệp, 7,1 MB (tệp lớn nhất: data/indicators.json, 5,3 MB).',
      '✓ GitHub Pages: vừa.',
      '✓ Cloudflare Pages (gói miễn phí): vừa.',
      '✓ Netlify: vừa.',
      '✓ Máy chủ web thường (Apache, nginx, IIS): vừa.',
    ]);
  });

  it('writes sizes under 1 MB in KB', () => {
    // 2 files: 42 400 + 800 000 bytes = 842 400 bytes = 842 KB; the largest 800 KB.
    expect(
      hostFitText([
        { path: 'og.png', bytes: 42_400 },
        { path: 'a.json', bytes: 800_000 },
      ])[0],
    ).toBe('Trang gồm 2 tệp, 842 KB (tệp lớn nhất: a.json, 800 KB).');
  });

  it('counts Cloudflare Pages’ 20 000 files, the limit itself allowed', () => {
    expect(verdicts(listing(20_000))[1]).toBe('fits');
    const over = hostFit(listing(20_001))[1]!;
    expect(over.fit).toBe('exceeds');
    expect(over.reasons).toEqual(['20.001 tệp, quá giới hạn 20.000 tệp']);
  });

  it('refuses a file over 25 MiB on Cloudflare Pages, doubts one over 10 MB on Netlify', () => {
    expect(verdicts(listing(10, { path: 'data/a.csv', bytes: 25 * MiB }))).toEqual(['fits', 'fits', 'risky', 'fits']);
    const files = listing(10, { path: 'data/a.csv', bytes: 25 * MiB + 1 }, { path: 'data/b.json', bytes: 30_000_000 });
    expect(verdicts(files)).toEqual(['fits', 'exceeds', 'risky', 'fits']);
    const lines = hostFitText(files).slice(1);
    // 30 000 000 bytes = 30,0 MB; 25 MiB = 26 214 400 bytes = 26,2 MB.
    expect(lines[1]).toBe(
      '✗ Cloudflare Pages (gói miễn phí): không vừa: 2 tệp lớn hơn giới hạn 25 MiB (26,2 MB) ' +
        '(lớn nhất: data/b.json, 30,0 MB).',
    );
    expect(lines[2]).toMatch(/^! Netlify: có thể không vừa: 2 tệp lớn hơn mức nơi này khuyên 10,0 MB/);
  });

  it('refuses a site over 1 GB or a file over 100 MiB on GitHub Pages', () => {
    // 11 files of 100 000 000 bytes: 1 100 000 000 bytes = 1 100,0 MB, over 1 000 000 000.
    const big = Array.from({ length: 11 }, (_, i) => ({ path: `d/${i}.bin`, bytes: 100_000_000 }));
    const gh = hostFit(big)[0]!;
    expect(gh.fit).toBe('exceeds');
    expect(gh.reasons).toEqual(['cả trang 1.100,0 MB, quá giới hạn 1.000,0 MB']);
    expect(hostFit([{ path: 'x', bytes: 100 * MiB + 1 }])[0]!.fit).toBe('exceeds');
    expect(hostFit([{ path: 'x', bytes: 100 * MiB }])[0]!.fit).toBe('fits');
    // A plain web server takes it all.
    expect(hostFit(big)[3]!.fit).toBe('fits');
  });
});

/**
 * The sites built once per run by global-setup.ts, and what the quality gates need to know about them:
 * their HTML files, the page types present (overview, a unit page per level, a term page, ...), the hostile values.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

export interface BuiltSite {
  /** The built dist/ folder. */
  dir: string;
  /** SITE_BASE of the build, e.g. `/` or `/thong-ke/`. */
  base: string;
  /** The data folder it was built from. */
  data: string;
}

export interface Sites {
  root: BuiltSite;
  sub: BuiltSite;
  hostile: BuiltSite;
  demo: BuiltSite;
  /** test/fixtures/reorg: the 2025 reorganisation (test/browser/reorg.test.ts). */
  reorg: BuiltSite;
}

/** Where the background vnu run (started by global-setup.ts) writes its output and its end. */
export interface VnuRun {
  out: string;
  done: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Sites;
    vnu: VnuRun;
  }
}

export const sites = (): Sites => inject('sites');

/** Every HTML page of a build (each index.html and 404.html), absolute paths, sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every file of a build with the given extension. */
export async function filesWithExt(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The URL path (under the base) of a built HTML file: `don-vi/x/index.html` → `don-vi/x/`. */
export function pagePath(site: BuiltSite, file: string): string {
  const rel = path.relative(site.dir, file).split(path.sep).join('/');
  return rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

export type PageType =
  | 'overview'
  | 'units'
  | 'province'
  | 'district'
  | 'commune'
  | 'grassroots'
  | 'branch'
  | 'term'
  | 'compare'
  | 'data'
  | 'embed'
  | '404';

export interface TypedPage {
  type: PageType;
  /** Path under the base, e.g. `don-vi/phu-binh/` ('' is the home page). */
  path: string;
}

const LEVELS: Record<string, PageType> = { t: 'province', h: 'district', x: 'commune', c: 'grassroots', b: 'branch' };

/** Path of a missing page, to get the 404 page from the server. */
export const MISSING = 'khong-co-trang-nay/';

/**
 * One page of every type the build has; `perType` > 1 takes up to that many of the unit and term types
 * (spread over the list, so that a sample is not just the first few).
 */
export async function pageTypes(site: BuiltSite, perType = 1): Promise<TypedPage[]> {
  const index = JSON.parse(await readFile(path.join(site.dir, 'tim-kiem.json'), 'utf8')) as unknown[][];
  const byLevel = new Map<PageType, string[]>();
  for (const e of index) {
    const type = LEVELS[String(e[2])];
    if (!type) throw new Error(`search index entry with unknown level: ${JSON.stringify(e)}`);
    const list = byLevel.get(type) ?? [];
    // [label, name, level, slug, parent]; older builds stored the path `don-vi/<slug>/`.
    const slug = String(e[3]).replace(/^\/+/, '');
    list.push(slug.includes('/') ? slug : `don-vi/${slug}/`);
    byLevel.set(type, list);
  }
  // Terms: the one the home page links to (the latest with data) first, then the others.
  const home = await readFile(path.join(site.dir, 'index.html'), 'utf8');
  const linked = [...home.matchAll(/href="[^"]*?nhiem-ky\/([^/"]+)\/"/g)].map((m) => `nhiem-ky/${m[1]}/`);
  const all = (await readdir(path.join(site.dir, 'nhiem-ky'), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => `nhiem-ky/${e.name}/`)
    .sort()
    .reverse();
  const terms = [...new Set([...linked, ...all])];
  const spread = (list: string[]) => {
    if (list.length <= perType) return list;
    return Array.from(
      { length: perType },
      (_, i) => list[Math.floor((i * (list.length - 1)) / Math.max(1, perType - 1))]!,
    );
  };
  const out: TypedPage[] = [
    { type: 'overview', path: '' },
    { type: 'units', path: 'don-vi/' },
  ];
  for (const type of ['province', 'district', 'grassroots', 'branch'] as const) {
    for (const p of spread(byLevel.get(type) ?? [])) out.push({ type, path: p });
  }
  for (const p of perType === 1 ? terms.slice(0, 1) : spread(terms)) out.push({ type: 'term', path: p });
  out.push({ type: 'compare', path: 'so-sanh/' }, { type: 'data', path: 'du-lieu/' });
  // Embed pages of charts (`…/nhung/<chart>/`, for other sites' iframes), when the build has them.
  const embeds = (await htmlFiles(site.dir))
    .map((f) => pagePath(site, f))
    .filter((p) => /(^|\/)nhung\/[^/]+\/$/.test(p));
  for (const p of spread(embeds)) out.push({ type: 'embed', path: p });
  out.push({ type: '404', path: MISSING });
  return out;
}

/** Hostile values the fixture puts in the data, as the site must show them: verbatim (after NFC and trimming). */
export const HOSTILE = {
  unitNames: [
    'Đảng bộ tỉnh <script>alert(1)</script> & "Quote"',
    'Đảng bộ huyện <img src=x onerror=alert(2)>',
    '=HYPERLINK("http://evil.example","bấm")',
    '@SUM(1+1)',
    'Chi bộ "trích dẫn" </script><script>alert(4)</script>',
    'javascript:alert(1)',
    "-1+2 ' OR 1=1 --",
  ],
  shortNames: [
    "<script>alert('t')</script>",
    '</title><script>alert(3)</script>',
    "+Cộng & 'nháy'",
    '-Trừ <b>đậm</b>',
    'G2 &amp; &lt;x&gt;',
    'javascript:alert(1)',
    '{{constructor.constructor("alert(9)")()}}',
  ],
  sources: [
    `<script>alert('nguồn')</script> "Báo" & co`,
    "=cmd|' /C calc'!A0",
    '@evil',
    '</title><img src=x onerror=alert(5)>',
    '-2+3',
    "'; alert(6); '",
    '<iframe src=javascript:alert(8)>',
    '@@',
    'javascript:alert(1)',
    '=HYPERLINK("http://evil.example","bấm")',
    '+tổng nhiệm kỳ',
    '<svg onload=alert(7)>',
    '=2*3',
    '<a href="javascript:alert(10)">bấm vào</a>',
  ],
  termNames: ['Nhiệm kỳ <script>alert(11)</script> "2020–2025" & <i>mới</i>', '=Nhiệm kỳ cũ+1'],
} as const;

/** Every hostile string, for checks that do not care where a value belongs. */
export const HOSTILE_ALL: string[] = [...new Set(Object.values(HOSTILE).flat())];

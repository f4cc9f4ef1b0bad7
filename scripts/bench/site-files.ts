/**
 * `node scripts/bench/site-files.ts DIST DATA_DIR`: what the files of a built site are, and how many files each
 * design of the chart CSVs would leave (bench/national-profile.md). DATA_DIR is the data the site was built from:
 * its units (slug, level, parent) say which CSV folder belongs to which unit. Prints Markdown tables.
 *
 * Designs of the chart CSVs (every one keeps each chart's data downloadable with and without JavaScript):
 * - today: one CSV per chart;
 * - per unit: one CSV per page folder with all its charts (a `chart` column; with JS the link cuts the chart's rows);
 * - light into parent: as per unit, the grassroots units' (and branches') charts inside their nearest non-light
 *   ancestor's file (a `unit` column too);
 * - inline: each chart's CSV in its download link (`data:text/csv` href, works without JS): no file at all, the
 *   page's HTML grows by the CSV (measured here as the gzip of the page with its CSVs appended).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCheck } from '../check.ts';
import { GZIP_LEVEL } from './config.ts';
import { fmtBytes, fmtInt, table } from './format.ts';

const [distArg, dataArg] = process.argv.slice(2);
if (!distArg || !dataArg) {
  console.error('Usage: node scripts/bench/site-files.ts DIST DATA_DIR');
  process.exit(2);
}
const dist = path.resolve(distArg);

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

type Kind = 'page' | 'chart csv' | 'png' | 'svg' | 'embed page' | 'embed asset' | 'data' | '_astro' | 'other';

function kindOf(rel: string): Kind {
  if (rel.startsWith('_astro/')) return '_astro';
  if (rel.startsWith('data/')) return 'data';
  if (rel.includes('/nhung/') || rel.startsWith('nhung/'))
    return rel.endsWith('index.html') ? 'embed page' : 'embed asset';
  if (rel.endsWith('index.html') || rel.endsWith('.html')) return 'page';
  if (rel.endsWith('.csv')) return 'chart csv';
  if (rel.endsWith('.png')) return 'png';
  if (rel.endsWith('.svg')) return 'svg';
  return 'other';
}

const files = walk(dist).map((f) => {
  const rel = path.relative(dist, f).split(path.sep).join('/');
  return { rel, bytes: statSync(f).size, kind: kindOf(rel) };
});
const byKind = new Map<Kind, { count: number; bytes: number; largest: string; largestBytes: number }>();
for (const f of files) {
  const k = byKind.get(f.kind) ?? { count: 0, bytes: 0, largest: '', largestBytes: 0 };
  k.count++;
  k.bytes += f.bytes;
  if (f.bytes > k.largestBytes) Object.assign(k, { largest: f.rel, largestBytes: f.bytes });
  byKind.set(f.kind, k);
}
const total = files.reduce((a, f) => a + f.bytes, 0);
const largest = files.reduce((a, f) => (f.bytes > a.bytes ? f : a));
console.log(`## Files of ${distArg}\n`);
console.log(
  table(
    ['kind', 'files', 'size', 'largest'],
    [...byKind.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([k, v]) => [k, fmtInt(v.count), fmtBytes(v.bytes), `${fmtBytes(v.largestBytes)} \`${v.largest}\``])
      .concat([['all', fmtInt(files.length), fmtBytes(total), `${fmtBytes(largest.bytes)} \`${largest.rel}\``]]),
  ),
);

// Units by slug, to say which CSV folders are light units and where their parent's folder is.
const check = await runCheck(path.resolve(dataArg), { log: () => {} });
const units = check.inputs.units;
const bySlug = new Map(units.map((u) => [u.slug, u]));
const byId = new Map(units.map((u) => [u.id, u]));
const light = (level: string) => level === 'grassroots' || level === 'branch';
const folderOf = (rel: string) => rel.slice(0, rel.lastIndexOf('/') + 1);
const unitFolder = (slug: string) => `don-vi/${slug}/`;

const csvs = files.filter((f) => f.kind === 'chart csv');
const csvBytes = new Map(csvs.map((f) => [f.rel, f.bytes]));
const perUnit = new Map<string, number>();
const intoParent = new Map<string, number>();
let lightCsvs = 0;
for (const f of csvs) {
  const folder = folderOf(f.rel);
  perUnit.set(folder, (perUnit.get(folder) ?? 0) + f.bytes);
  const m = /^don-vi\/([^/]+)\/$/.exec(folder);
  let owner = folder;
  let u = m ? bySlug.get(m[1]!) : undefined;
  if (u && light(u.level)) lightCsvs++;
  while (u && light(u.level) && u.parentId) {
    u = byId.get(u.parentId);
    if (u) owner = unitFolder(u.slug);
  }
  intoParent.set(owner, (intoParent.get(owner) ?? 0) + f.bytes);
}

// Inline: each page's CSV links (download attribute) appended to its HTML, percent-encoded as a data: URL would be.
const encode = (csv: string) => csv.replace(/[%#"&<\n\r\t]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const isLightFolder = (folder: string) => {
  const m = /^don-vi\/([^/]+)\/$/.exec(folder);
  const u = m ? bySlug.get(m[1]!) : undefined;
  return u !== undefined && light(u.level);
};
interface PageGzip {
  page: string;
  light: boolean;
  added: number;
  before: number;
  after: number;
}
const weights: PageGzip[] = files
  .filter((f) => f.kind === 'page')
  .map((p) => {
    const html = readFileSync(path.join(dist, p.rel), 'utf8');
    const links = [...html.matchAll(/href="([^"]+\.csv)"[^>]*\bdownload=/g)].map((m) => m[1]!.replace(/^\//, ''));
    const inline = links
      .filter((l) => csvBytes.has(l))
      .map((l) => encode(readFileSync(path.join(dist, l), 'utf8')))
      .join('"');
    const before = gzipSync(html, { level: GZIP_LEVEL }).length;
    const after = inline ? gzipSync(html + inline, { level: GZIP_LEVEL }).length : before;
    return { page: p.rel, light: isLightFolder(folderOf(p.rel)), added: Buffer.byteLength(inline), before, after };
  });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
/** The pages' HTML gzip when the pages chosen by `inlined` carry their CSVs. */
function inlineNote(inlined: (w: PageGzip) => boolean): string {
  const now = weights.map((w) => w.before);
  const then = weights.map((w) => (inlined(w) ? w.after : w.before));
  const worst = weights.reduce((a, w) =>
    (inlined(w) ? w.after : w.before) > (inlined(a) ? a.after : a.before) ? w : a,
  );
  const added = weights.reduce((a, w) => a + (inlined(w) ? w.added : 0), 0);
  return (
    `HTML +${fmtBytes(added)}; page HTML gzip median ${fmtBytes(median(now))} → ${fmtBytes(median(then))}, ` +
    `max ${fmtBytes(Math.max(...now))} → ${fmtBytes(Math.max(...then))} (\`${worst.page}\`)`
  );
}
const nonLightCsvs = csvs.filter((f) => !isLightFolder(folderOf(f.rel))).length;

const others = files.length - csvs.length;
const design = (name: string, count: number, note: string) => [
  name,
  fmtInt(count),
  fmtInt(others + count),
  others + count <= 20_000 ? '✅' : '❌',
  note,
];
const maxOf = (m: Map<string, number>) => Math.max(0, ...m.values());
console.log(`\n## Designs of the chart CSVs\n`);
console.log(
  `${fmtInt(csvs.length)} chart CSVs (${fmtBytes(csvs.reduce((a, f) => a + f.bytes, 0))}), ` +
    `${fmtInt(lightCsvs)} of them on grassroots and branch pages; ${fmtInt(others)} other files.\n`,
);
console.log(
  table(
    ['design', 'chart CSV files', 'site files', '≤ 20,000', 'note'],
    [
      design('today: one per chart', csvs.length, `largest ${fmtBytes(maxOf(csvBytes))}`),
      design('one per unit (page folder)', perUnit.size, `largest ${fmtBytes(maxOf(perUnit))}`),
      design('light units inside the parent', intoParent.size, `largest ${fmtBytes(maxOf(intoParent))}`),
      design(
        'inline data: links',
        0,
        inlineNote(() => true),
      ),
      design(
        'light units inline, the others one per chart',
        nonLightCsvs,
        inlineNote((w) => w.light),
      ),
    ],
  ),
);
process.exit(0);

/**
 * The built site: pages, size of the output, and the gzip transfer of each page (its HTML plus the CSS and JS it
 * loads, fonts aside; zlib level GZIP_LEVEL).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL } from './config.ts';

export interface SiteStats {
  pages: number;
  bytes: number;
  files: number;
  /** The largest file of the output, relative to it, and its size. */
  largestFile: string;
  largestFileBytes: number;
  pageGzipMedian: number;
  pageGzipMax: number;
  largestPage: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const FONT = /\.(woff2?|ttf|otf|eot)$/i;

/** The CSS and JS a page loads: stylesheets, scripts, module preloads, and the static imports of those scripts. */
function pageAssets(html: string, pageFile: string, distDir: string, base: string): string[] {
  const found = new Set<string>();
  const resolveRef = (ref: string, from: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) return undefined;
    const clean = ref.split(/[?#]/)[0]!;
    if (clean.startsWith('/')) {
      const rel = clean.startsWith(base) ? clean.slice(base.length) : clean.slice(1);
      return path.join(distDir, rel);
    }
    return path.resolve(path.dirname(from), clean);
  };
  const queue: string[] = [];
  for (const m of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!;
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
    const value = (name: string) => {
      const a = attr(name);
      return a ? (a[1] ?? a[2] ?? a[3]) : undefined;
    };
    let ref: string | undefined;
    if (tag === 'script') ref = value('src');
    else if (/\b(stylesheet|modulepreload)\b/i.test(value('rel') ?? '')) ref = value('href');
    if (!ref || FONT.test(ref)) continue;
    const file = resolveRef(ref, pageFile);
    if (file) queue.push(file);
  }
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (found.has(file) || !existsSync(file)) continue;
    found.add(file);
    if (file.endsWith('.js') || file.endsWith('.mjs')) {
      const js = readFileSync(file, 'utf8');
      for (const m of js.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)) {
        const dep = resolveRef(m[1]!, file);
        if (dep) queue.push(dep);
      }
    } else if (file.endsWith('.css')) {
      const css = readFileSync(file, 'utf8');
      for (const m of css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) {
        const dep = resolveRef(m[1]!, file);
        if (dep && !FONT.test(dep)) queue.push(dep);
      }
    }
  }
  return [...found];
}

export function siteStats(distDir: string, base: string): SiteStats {
  const files = walk(distDir);
  let bytes = 0;
  let largestFile = { file: '', bytes: 0 };
  for (const f of files) {
    const size = statSync(f).size;
    bytes += size;
    if (size > largestFile.bytes) largestFile = { file: path.relative(distDir, f), bytes: size };
  }
  const pages = files.filter((f) => path.basename(f) === 'index.html');
  const gz = new Map<string, number>();
  const gzipSize = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(file), { level: GZIP_LEVEL }).length;
      gz.set(file, n);
    }
    return n;
  };
  const weights: { page: string; bytes: number }[] = [];
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    let total = gzipSync(html, { level: GZIP_LEVEL }).length;
    for (const asset of pageAssets(html, page, distDir, base)) total += gzipSize(asset);
    weights.push({ page: path.relative(distDir, page), bytes: total });
  }
  weights.sort((a, b) => a.bytes - b.bytes);
  const n = weights.length;
  const median =
    n === 0 ? 0 : n % 2 ? weights[(n - 1) / 2]!.bytes : (weights[n / 2 - 1]!.bytes + weights[n / 2]!.bytes) / 2;
  const largest = weights[weights.length - 1];
  return {
    pages: pages.length,
    bytes,
    files: files.length,
    largestFile: largestFile.file,
    largestFileBytes: largestFile.bytes,
    pageGzipMedian: median,
    pageGzipMax: largest?.bytes ?? 0,
    largestPage: largest?.page ?? '',
  };
}

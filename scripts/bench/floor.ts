/**
 * The framework's floor: as many plain pages as the preset's build made, about 25 KB of static HTML each, no data,
 * no charts, built by the project's own Astro (node_modules/astro) in a throwaway project bench/out/floor-N/ (one
 * dynamic route). The build's time divided by this one says how far above what Astro itself costs the site is.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outRoot } from './config.ts';
import { runNode, type RunStats } from './memory.ts';

export interface FloorResult extends RunStats {
  /** Pages asked for and pages found in the output (index.html files). */
  pages: number;
  built: number;
  /** Size of one page's HTML, bytes. */
  pageBytes: number;
}

export const FLOOR_PAGE_BYTES = 25 * 1024;

/** Static prose for one page: sections of a heading and a paragraph, about `bytes` long in all. */
function body(bytes: number): string {
  const sentence = 'Công tác phát triển đảng viên được tổng hợp theo đơn vị và tháng. ';
  const section = (i: number) => `<section><h2>Mục ${i}</h2><p>${sentence.repeat(5)}</p></section>\n`;
  const out: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const s = section(i);
    out.push(s);
    size += Buffer.byteLength(s);
  }
  return out.join('');
}

/** The throwaway project: a config and one route with `pages` static paths. */
async function writeProject(dir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src/pages/p'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "name": "floor", "private": true, "type": "module" }\n');
  await writeFile(path.join(dir, 'astro.config.mjs'), 'export default {};\n');
  // Static prose (compiled into the template) around the page number: what Astro costs per page, no more.
  const route = `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Trang {n}</title></head>
<body>
<h1>Trang {n}</h1>
${body(FLOOR_PAGE_BYTES - 300)}</body>
</html>
`;
  await writeFile(path.join(dir, 'src/pages/p/[n].astro'), route);
}

function countPages(dir: string): { count: number; bytes: number } {
  const pagesDir = path.join(dir, 'dist/p');
  if (!existsSync(pagesDir)) return { count: 0, bytes: 0 };
  const names = readdirSync(pagesDir);
  const first = names[0] ? path.join(pagesDir, names[0], 'index.html') : '';
  const bytes = first && existsSync(first) ? statSync(first).size : 0;
  return { count: names.filter((n) => existsSync(path.join(pagesDir, n, 'index.html'))).length, bytes };
}

/** Writes bench/out/floor-<pages>/, builds it in a child process (scripts/bench/floor-build.ts) and times it. */
export async function floorBuild(pages: number, timeoutMs: number): Promise<FloorResult> {
  const dir = path.join(outRoot, `floor-${pages}`);
  await writeProject(dir, pages);
  const run = await runNode('bench/floor-build.ts', {}, timeoutMs, { args: [dir] });
  const found = countPages(dir);
  return { ...run, pages, built: found.count, pageBytes: found.bytes };
}

/**
 * Vitest globalSetup of the quality project: builds the five sites the quality gates inspect, ONCE per run.
 *
 *   root     data/ at base `/`
 *   sub      data/ with SITE_BASE=/thong-ke/
 *   hostile  test/fixtures/hostile at `/`
 *   demo     the `province` demo preset at `/`
 *   reorg    test/fixtures/reorg (the 2025 reorganisation by hand: a merged province, ended districts) at `/`
 *
 * The builds go to a fresh temporary folder, removed at the end. For quick iterations while writing tests,
 * `PDV_SITES_DIR=/some/dir` keeps the builds there and reuses them on the next run (delete the folder, or set
 * `PDV_REBUILD=1`, after changing the site).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TestProject } from 'vitest/node';
import { buildSite, root, runScript } from './site.ts';
import { htmlFiles, type Sites } from './sites.ts';

export const VNU_JAR = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');

/**
 * Starts the Nu HTML Checker on every page of the four builds, in the background (Java is slow to start and the
 * check takes a while; the browser tests run meanwhile). Writes its JSON to `vnu.json` and, when it has ended,
 * `vnu.done` ({ code, files, error }); test/quality-html.test.ts waits for that file.
 */
async function startVnu(dir: string, sites: Sites): Promise<ChildProcess | undefined> {
  const out = path.join(dir, 'vnu.json');
  const done = path.join(dir, 'vnu.done');
  await rm(done, { force: true });
  const files: string[] = [];
  // The reorg build is not in this list: test/quality-html.test.ts counts the pages of these four.
  for (const site of [sites.root, sites.demo, sites.sub, sites.hostile]) files.push(...(await htmlFiles(site.dir)));
  const sink = createWriteStream(out);
  const finish = (code: number | null, error?: string) =>
    sink.end(() => void writeFile(done, JSON.stringify({ code, files: files.length, error })).catch(() => undefined));
  const child = spawn('java', ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(sink, { end: false });
  child.stderr.pipe(sink, { end: false });
  child.on('error', (e) => finish(null, `cannot run java (Java 17 is needed for vnu): ${e.message}`));
  child.on('close', (code) => finish(code));
  return child;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const keep = process.env.PDV_SITES_DIR;
  const dir = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), 'pdv-quality-'));
  await mkdir(dir, { recursive: true });
  const sites: Sites = {
    root: { dir: path.join(dir, 'root'), base: '/', data: path.join(root, 'data') },
    sub: { dir: path.join(dir, 'sub'), base: '/thong-ke/', data: path.join(root, 'data') },
    hostile: { dir: path.join(dir, 'hostile'), base: '/', data: path.join(root, 'test/fixtures/hostile') },
    demo: { dir: path.join(dir, 'demo'), base: '/', data: path.join(dir, 'demo-data') },
    reorg: { dir: path.join(dir, 'reorg'), base: '/', data: path.join(root, 'test/fixtures/reorg') },
  };
  const done = path.join(dir, '.complete');
  if (!keep || process.env.PDV_REBUILD || !existsSync(done)) {
    await rm(done, { force: true });
    const t0 = performance.now();
    const gen = await runScript('demo.ts', {}, ['--preset', 'province', '--out', sites.demo.data, '--force']);
    if (gen.code !== 0) throw new Error(`demo data generation failed:\n${gen.stdout}\n${gen.stderr}`);
    // One build at a time: Astro builds share the project's caches, and two cores are all we can count on.
    for (const site of Object.values(sites)) await buildSite(site.data, site.dir, site.base);
    await writeFile(done, '');
    console.log(
      `[quality] built ${Object.keys(sites).length} sites in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${dir}`,
    );
  }
  const vnu = await startVnu(dir, sites);
  project.provide('sites', sites);
  project.provide('vnu', { out: path.join(dir, 'vnu.json'), done: path.join(dir, 'vnu.done') });
  return async () => {
    if (vnu && vnu.exitCode === null) vnu.kill();
    if (!keep) await rm(dir, { recursive: true, force: true });
  };
}

/**
 * `npm run bench [-- --presets district,province,national] [--seed 1] [--repeat 3] [--timeout 30] [--skip-build]`
 *
 * For each demo preset: generates the data into bench/out/<preset>/data, then measures
 * - the data check (`node scripts/check.ts`, a child process): wall time, rows per second, peak memory;
 * - two references on the same files: a bare CSV parse with d3-dsv (read + csvParse, the floor) and
 *   DuckDB's CSV reader (read_csv + count), and the check's time as a ratio to each;
 * - the full build (`node scripts/build.ts` with DATA_DIR and OUT_DIR=bench/out/<preset>/dist, so the real
 *   dist/ is untouched): wall time, peak memory of the whole process tree, pages, size of the output, and the
 *   gzip transfer of one page (its HTML plus the CSS and JS it loads, fonts aside; zlib level 9);
 * and writes bench/report.md with a chart bench/build-time.svg. Not a test: it prints and reports, and a
 * failing step is reported in the table rather than stopping the run.
 * Peak memory: the sum of VmRSS over the child and all its descendants, sampled from /proc every 100 ms (Linux).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { DEMO_FILES } from '../src/lib/demo/generate.ts';
import { PRESETS, PRESET_NAMES, isPresetName, type PresetName } from '../src/lib/demo/presets.ts';
import { writeDemo } from '../src/lib/demo/write.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const outRoot = path.join(benchDir, 'out');
const GZIP_LEVEL = 9;
const GOALS = { checkSeconds: 10, checkVsD3: 5, buildSeconds: 120, peakBytes: 2 * 1024 ** 3, pageGzipBytes: 40 * 1024 };

/* ---------------- Child processes and their memory ---------------- */

interface RunStats {
  code: number | null;
  seconds: number;
  peakBytes: number;
  /** Last lines of stdout and stderr, for the report when the step failed. */
  tail: string;
  timedOut: boolean;
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      for (const s of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/)) if (s) out.push(Number(s));
    } catch {
      // the task ended meanwhile
    }
  }
  return out;
}

/** `pid` and all its descendants. */
function treePids(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (out.includes(p)) continue;
    out.push(p);
    queue.push(...childPids(p));
  }
  return out;
}

/** Sum of VmRSS (bytes) of `pid` and all its descendants. */
function treeRss(pid: number): number {
  let total = 0;
  for (const p of treePids(pid)) {
    try {
      const m = /VmRSS:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

function runNode(script: string, env: Record<string, string>, timeoutMs: number): Promise<RunStats> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'scripts', script)], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      // The child and whatever it started (by pid: these are all ours).
      for (const p of child.pid !== undefined ? treePids(child.pid).reverse() : []) {
        try {
          process.kill(p, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    const tail: string[] = [];
    const keep = (d: Buffer) => {
      tail.push(...d.toString().split('\n'));
      if (tail.length > 400) tail.splice(0, tail.length - 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({
        code,
        seconds: (performance.now() - t0) / 1000,
        peakBytes: peak,
        tail: tail.filter((l) => l.trim() !== '').slice(-12).join('\n'),
        timedOut,
      });
    });
    sample();
  });
}

/* ---------------- References: d3-dsv and DuckDB ---------------- */

interface RefTimes {
  seconds: number;
  perFile: Record<string, number>;
  rows: number;
}

function d3Reference(dir: string): RefTimes {
  const perFile: Record<string, number> = {};
  let rows = 0;
  const t0 = performance.now();
  for (const f of DEMO_FILES) {
    const t = performance.now();
    const text = readFileSync(path.join(dir, f), 'utf8');
    rows += csvParse(text).length;
    perFile[f] = (performance.now() - t) / 1000;
  }
  return { seconds: (performance.now() - t0) / 1000, perFile, rows };
}

async function duckdbReference(dir: string): Promise<RefTimes & { version: string }> {
  const duck = await import('@duckdb/node-api');
  const instance = await duck.DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const perFile: Record<string, number> = {};
  let rows = 0;
  const t0 = performance.now();
  for (const f of DEMO_FILES) {
    const t = performance.now();
    const file = path.join(dir, f).replace(/'/g, "''");
    const result = await con.runAndReadAll(`SELECT count(*) AS n FROM read_csv('${file}', header = true)`);
    rows += Number(result.getRows()[0]![0]);
    perFile[f] = (performance.now() - t) / 1000;
  }
  const seconds = (performance.now() - t0) / 1000;
  con.closeSync();
  instance.closeSync();
  return { seconds, perFile, rows, version: duck.version() };
}

/* ---------------- The built site: pages, size, page weight ---------------- */

interface SiteStats {
  pages: number;
  bytes: number;
  files: number;
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

function siteStats(distDir: string, base: string): SiteStats {
  const files = walk(distDir);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
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
  const median = weights.length === 0 ? 0 : weights.length % 2 ? weights[(weights.length - 1) / 2]!.bytes : (weights[weights.length / 2 - 1]!.bytes + weights[weights.length / 2]!.bytes) / 2;
  const largest = weights[weights.length - 1];
  return { pages: pages.length, bytes, files: files.length, pageGzipMedian: median, pageGzipMax: largest?.bytes ?? 0, largestPage: largest?.page ?? '' };
}

/* ---------------- One preset ---------------- */

interface PresetResult {
  preset: PresetName;
  units: number;
  unitsByLevel: Record<string, number>;
  rows: number;
  rowsByFile: Record<string, number>;
  dataBytes: number;
  generateSeconds: number;
  check?: RunStats;
  d3?: RefTimes;
  duckdb?: RefTimes & { version: string };
  build?: RunStats;
  site?: SiteStats;
  errors: string[];
}

/** Runs `step` `times` times and keeps the fastest result (stops at the first failure). */
async function fastest<T extends { seconds: number }>(times: number, step: () => T | Promise<T>, ok: (r: T) => boolean = () => true): Promise<T> {
  let best = await step();
  for (let i = 1; i < times && ok(best); i++) {
    const r = await step();
    if (!ok(r)) return r;
    if (r.seconds < best.seconds) best = r;
  }
  return best;
}

async function benchPreset(name: PresetName, seed: number, timeoutMs: number, skipBuild: boolean, repeat: number): Promise<PresetResult> {
  const dir = path.join(outRoot, name);
  const dataDir = path.join(dir, 'data');
  const distDir = path.join(dir, 'dist');
  await mkdir(dir, { recursive: true });
  const log = (s: string) => console.log(`[${name}] ${s}`);

  const t0 = performance.now();
  const gen = writeDemo(dataDir, PRESETS[name], seed, true);
  const generateSeconds = (performance.now() - t0) / 1000;
  const rows = Object.values(gen.rows).reduce((a, b) => a + b, 0);
  const dataBytes = Object.values(gen.bytes).reduce((a, b) => a + b, 0);
  const result: PresetResult = {
    preset: name,
    units: gen.units.province + gen.units.district + gen.units.grassroots + gen.units.branch,
    unitsByLevel: gen.units,
    rows,
    rowsByFile: gen.rows,
    dataBytes,
    generateSeconds,
    errors: [],
  };
  log(`generated ${fmtInt(rows)} rows, ${fmtBytes(dataBytes)} in ${fmtSec(generateSeconds)}`);

  try {
    let peak = 0;
    result.check = await fastest(
      repeat,
      async () => {
        const r = await runNode('check.ts', { DATA_DIR: dataDir }, timeoutMs);
        peak = Math.max(peak, r.peakBytes);
        return r;
      },
      (r) => r.code === 0,
    );
    result.check.peakBytes = peak;
    log(`check: exit ${result.check.code}, ${fmtSec(result.check.seconds)}, peak ${fmtBytes(result.check.peakBytes)}`);
    if (result.check.code !== 0) result.errors.push(`check exited ${result.check.code}${result.check.timedOut ? ' (timed out)' : ''}:\n${result.check.tail}`);
  } catch (error) {
    result.errors.push(`check could not run: ${String(error)}`);
  }
  try {
    result.d3 = await fastest(repeat, () => d3Reference(dataDir));
    log(`d3-dsv: ${fmtSec(result.d3.seconds)} (${fmtInt(result.d3.rows)} rows)`);
  } catch (error) {
    result.errors.push(`d3-dsv reference failed: ${String(error)}`);
  }
  try {
    result.duckdb = await fastest(repeat, () => duckdbReference(dataDir));
    log(`DuckDB: ${fmtSec(result.duckdb.seconds)} (${fmtInt(result.duckdb.rows)} rows)`);
  } catch (error) {
    result.errors.push(`DuckDB reference failed: ${String(error)}`);
  }

  if (!skipBuild) {
    const clean = async () => {
      await rm(distDir, { recursive: true, force: true });
      // A build that was killed leaves its staging folder beside the output.
      for (const e of readdirSync(dir)) if (e.startsWith('.dist-staging-')) await rm(path.join(dir, e), { recursive: true, force: true });
    };
    await clean();
    try {
      result.build = await runNode('build.ts', { DATA_DIR: dataDir, OUT_DIR: distDir, SITE_BASE: '/' }, timeoutMs);
      log(`build: exit ${result.build.code}, ${fmtSec(result.build.seconds)}, peak ${fmtBytes(result.build.peakBytes)}`);
      if (result.build.code !== 0) {
        result.errors.push(`build exited ${result.build.code}${result.build.timedOut ? ' (timed out)' : ''}:\n${result.build.tail}`);
        if (result.build.timedOut) await clean();
      }
      else if (existsSync(distDir)) {
        result.site = siteStats(distDir, '/');
        log(`site: ${fmtInt(result.site.pages)} pages, ${fmtBytes(result.site.bytes)}, page gzip median ${fmtBytes(result.site.pageGzipMedian)}, max ${fmtBytes(result.site.pageGzipMax)}`);
      } else result.errors.push(`build exited 0 but ${path.relative(root, distDir)} does not exist (OUT_DIR not honoured?)`);
    } catch (error) {
      result.errors.push(`build could not run: ${String(error)}`);
    }
  }
  return result;
}

/* ---------------- Formatting ---------------- */

/** The time the check prints for itself in its summary line (`… 0 cảnh báo (5,8 s).`): reading and validating, without Node's start-up. */
function ownSeconds(run: RunStats): number | undefined {
  const m = /cảnh báo \((\d+(?:,\d+)?) s\)/.exec(run.tail);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtSec = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(s < 10 ? 2 : 1)} s`);
const fmtBytes = (b: number) =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GB` : b >= 1024 ** 2 ? `${(b / 1024 ** 2).toFixed(1)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} B`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function dataTable(results: PresetResult[]): string {
  return table(
    ['preset', 'units', 'data rows', 'CSV size', 'generate', 'check', 'own timer', 'check rows/s', 'check peak', 'd3-dsv parse', 'check ÷ d3-dsv', 'DuckDB read_csv', 'check ÷ DuckDB'],
    results.map((r) => {
      const c = r.check;
      const ok = c !== undefined && c.code === 0;
      // The check goals are for the national preset; smaller ones are dominated by Node's start-up.
      const goal = (met: boolean) => (r.preset === 'national' ? ` ${mark(met)}` : '');
      return [
        r.preset,
        fmtInt(r.units),
        fmtInt(r.rows),
        fmtBytes(r.dataBytes),
        fmtSec(r.generateSeconds),
        c ? `${fmtSec(c.seconds)}${ok ? goal(c.seconds <= GOALS.checkSeconds) : ` ❌ exit ${c.code}`}` : 'not run',
        c && ownSeconds(c) !== undefined ? fmtSec(ownSeconds(c)!) : '—',
        ok ? fmtInt(r.rows / c!.seconds) : '—',
        c ? `${fmtBytes(c.peakBytes)}${goal(c.peakBytes <= GOALS.peakBytes)}` : '—',
        r.d3 ? fmtSec(r.d3.seconds) : 'failed',
        ok && r.d3 ? `${ratio(c!.seconds, r.d3.seconds)}${goal(c!.seconds <= GOALS.checkVsD3 * r.d3.seconds)}` : '—',
        r.duckdb ? fmtSec(r.duckdb.seconds) : 'failed',
        ok && r.duckdb ? ratio(c!.seconds, r.duckdb.seconds) : '—',
      ];
    }),
  );
}

function buildTable(results: PresetResult[]): string {
  return table(
    ['preset', 'build', 'build peak', 'pages', 'output size', 'files', `page gzip median`, 'page gzip max', 'largest page'],
    results.map((r) => {
      const b = r.build;
      if (!b) return [r.preset, 'skipped', '—', '—', '—', '—', '—', '—', '—'];
      if (b.code !== 0) return [r.preset, `❌ failed (exit ${b.code}${b.timedOut ? ', timed out' : ''}) after ${fmtSec(b.seconds)}`, fmtBytes(b.peakBytes), '—', '—', '—', '—', '—', '—'];
      const s = r.site;
      const goal = (met: boolean) => (r.preset === 'national' ? ` ${mark(met)}` : '');
      return [
        r.preset,
        `${fmtSec(b.seconds)}${goal(b.seconds <= GOALS.buildSeconds)}`,
        `${fmtBytes(b.peakBytes)}${goal(b.peakBytes <= GOALS.peakBytes)}`,
        s ? fmtInt(s.pages) : '—',
        s ? fmtBytes(s.bytes) : '—',
        s ? fmtInt(s.files) : '—',
        s ? fmtBytes(s.pageGzipMedian) : '—',
        s ? `${fmtBytes(s.pageGzipMax)} ${mark(s.pageGzipMax <= GOALS.pageGzipBytes)}` : '—',
        s ? `\`${s.largestPage}\`` : '—',
      ];
    }),
  );
}

function goalsTable(results: PresetResult[]): string {
  const target = results.find((r) => r.preset === 'national') ?? results[results.length - 1];
  if (!target) return '';
  const c = target.check?.code === 0 ? target.check : undefined;
  const b = target.build?.code === 0 ? target.build : undefined;
  const s = target.site;
  const peak = Math.max(c?.peakBytes ?? 0, b?.peakBytes ?? 0);
  const row = (goal: string, measured: string, ok: boolean | undefined) => [goal, measured, ok === undefined ? 'not measured' : mark(ok)];
  const maxPage = Math.max(0, ...results.map((r) => r.site?.pageGzipMax ?? 0));
  return [
    `Measured on the **${target.preset}** preset${target.preset === 'national' ? '' : ' (the national preset was not run: the goals are for national)'}; the page goal on every preset run.`,
    '',
    table(
      ['goal', 'measured', 'met'],
      [
        row(`check ≤ ${GOALS.checkSeconds} s`, c ? fmtSec(c.seconds) : 'failed', c ? c.seconds <= GOALS.checkSeconds : undefined),
        row(`check ≤ ${GOALS.checkVsD3}× d3-dsv`, c && target.d3 ? ratio(c.seconds, target.d3.seconds) : '—', c && target.d3 ? c.seconds <= GOALS.checkVsD3 * target.d3.seconds : undefined),
        row(`build ≤ ${GOALS.buildSeconds} s`, b ? fmtSec(b.seconds) : target.build ? `failed (exit ${target.build.code})` : 'skipped', b ? b.seconds <= GOALS.buildSeconds : undefined),
        row('peak memory ≤ 2 GB (check and build)', b ? fmtBytes(peak) : `${fmtBytes(peak)} (check only)`, b ? peak <= GOALS.peakBytes : undefined),
        row('every page ≤ 40 KB gzip', results.some((r) => r.site) ? `largest ${fmtBytes(maxPage)}` : '—', results.some((r) => r.site) ? maxPage <= GOALS.pageGzipBytes : undefined),
      ],
    ),
  ].join('\n');
}

function growthTable(results: PresetResult[]): string {
  const built = results.filter((r) => r.build?.code === 0 && r.site);
  const rows = built.map((r) => [
    r.preset,
    fmtInt(r.rows),
    fmtInt(r.site!.pages),
    fmtSec(r.build!.seconds),
    `${((r.build!.seconds / r.rows) * 1e6).toFixed(1)} µs`,
    `${((r.build!.seconds / r.site!.pages) * 1e3).toFixed(1)} ms`,
    r.check?.code === 0 ? `${((r.check.seconds / r.rows) * 1e6).toFixed(1)} µs` : '—',
  ]);
  const p = built.find((r) => r.preset === 'province');
  const n = built.find((r) => r.preset === 'national');
  const lines = rows.length ? [table(['preset', 'rows', 'pages', 'build', 'build per row', 'build per page', 'check per row'], rows)] : [];
  if (p && n) {
    const f = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    lines.push(
      '',
      `From province to national: rows ×${(n.rows / p.rows).toFixed(1)}, pages ×${(n.site!.pages / p.site!.pages).toFixed(1)}, ` +
        `build time ×${(n.build!.seconds / p.build!.seconds).toFixed(1)}; time per row ${f(n.build!.seconds / n.rows, p.build!.seconds / p.rows)}, ` +
        `time per page ${f(n.build!.seconds / n.site!.pages, p.build!.seconds / p.site!.pages)} (≈ 1× or less means linear growth or better).`,
    );
  } else lines.push('', 'Province and national builds are both needed to compare growth.');
  return lines.join('\n').trim();
}

async function chart(results: PresetResult[], file: string): Promise<boolean> {
  const built = results.filter((r) => r.build?.code === 0 && r.site);
  if (built.length === 0) return false;
  const Plot = await import('@observablehq/plot');
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const panel = (measure: 'rows' | 'pages') => {
    const data = built.map((r) => ({ preset: r.preset, x: measure === 'rows' ? r.rows : r.site!.pages, y: r.build!.seconds }));
    // A line through the smallest-but-one point (or the only point), proportional to x: what linear growth looks like.
    const ref = data.find((d) => d.preset === 'province') ?? data[0]!;
    const xs = data.map((d) => d.x);
    const line = [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: (ref.y * x) / ref.x }));
    const svg = Plot.plot({
      document: document as unknown as Document,
      width: 380,
      height: 300,
      marginLeft: 50,
      marginRight: 30,
      grid: true,
      x: { type: 'log', label: measure === 'rows' ? 'CSV rows (log)' : 'pages built (log)' },
      y: { type: 'log', label: 'build time, s (log)' },
      marks: [
        Plot.line(line, { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' }),
        Plot.dot(data, { x: 'x', y: 'y', r: 4, fill: '#c0392b' }),
        Plot.text(data, { x: 'x', y: 'y', text: 'preset', dy: -10, fontSize: 11 }),
      ],
    }) as unknown as Element;
    return svg.outerHTML.replace(/^<svg /, `<svg x="${measure === 'rows' ? 0 : 400}" y="30" `);
  };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="340" viewBox="0 0 780 340" font-family="system-ui, sans-serif">` +
    `<rect width="780" height="340" fill="white"/>` +
    `<text x="10" y="20" font-size="14" font-weight="bold">Build time against data rows and pages (dashed: proportional growth through province)</text>` +
    panel('rows') +
    panel('pages') +
    `</svg>\n`;
  await writeFile(file, svg.replace(/<svg (?!xmlns)/g, '<svg xmlns="http://www.w3.org/2000/svg" '));
  return true;
}

const loadAtStart = os.loadavg();
let repeatCount = 1;

function machine(duckdbVersion: string | undefined): string {
  const cpus = os.cpus();
  const osRelease = (() => {
    try {
      return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.release();
    } catch {
      return os.release();
    }
  })();
  const pkg = (name: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return [
    `- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- CPU: ${cpus[0]?.model ?? '?'}, ${cpus.length} cores (os.cpus), ${os.availableParallelism()} available`,
    `- Memory: ${fmtBytes(os.totalmem())}`,
    `- Load average (1 min) at the start of the run ${loadAtStart[0]!.toFixed(2)}, at the end ${os.loadavg()[0]!.toFixed(2)}: other work on the machine slows every step`,
    `- OS: ${osRelease}, kernel ${os.release()}`,
    `- Node: ${process.version} (${process.execPath.startsWith(root) ? 'project runtime, node_modules/.bin/node' : process.execPath})`,
    `- Astro ${pkg('astro')}, d3-dsv ${pkg('d3-dsv')}, DuckDB ${duckdbVersion ?? pkg('@duckdb/node-api')}`,
  ].join('\n');
}

function report(results: PresetResult[], seed: number, chartOk: boolean): string {
  const duck = results.find((r) => r.duckdb)?.duckdb?.version;
  const errors = results.flatMap((r) => r.errors.map((e) => `- **${r.preset}**: ${e.includes('\n') ? `\n\n  \`\`\`\n${e.replace(/^/gm, '  ')}\n  \`\`\`` : e}`));
  const sizes = table(
    ['preset', 'provinces', 'districts', 'grassroots', ...DEMO_FILES],
    results.map((r) => [r.preset, fmtInt(r.unitsByLevel.province ?? 0), fmtInt(r.unitsByLevel.district ?? 0), fmtInt(r.unitsByLevel.grassroots ?? 0), ...DEMO_FILES.map((f) => fmtInt(r.rowsByFile[f] ?? 0))]),
  );
  return `# Benchmark

Generated by \`npm run bench -- --presets ${results.map((r) => r.preset).join(',')}\` (demo data, seed ${seed}). Do not edit: run the bench again.

## Machine

${machine(duck)}

## Data sets (rows per file)

${sizes}

## Data check

\`node scripts/check.ts\` on the folder, as a child process (fastest of ${repeatCount} runs): wall time (with Node's start-up and module loading; the goals use it) and the time the check reports for itself. References on the same files, in the bench's own process:
d3-dsv = read each file as UTF-8 and \`csvParse\` it (the floor: no validation); DuckDB = \`SELECT count(*) FROM read_csv(file, header = true)\` per file (native, multi-threaded).

${dataTable(results)}

## Build

\`node scripts/build.ts\` with \`DATA_DIR\` and \`OUT_DIR=bench/out/<preset>/dist\`. Page transfer = gzip (zlib level ${GZIP_LEVEL}) of the page's HTML plus every CSS and JS file it loads (stylesheets, scripts, module preloads and their static imports), font files aside; each file counted once per page.

${buildTable(results)}

## Goals

${goalsTable(results)}

## Growth

${chartOk ? '![Build time against rows and pages](build-time.svg)\n\n' : ''}${growthTable(results)}

## Method

- Peak memory: the sum of VmRSS over the child process and all its descendants, sampled from \`/proc\` every 100 ms (a process that lives less than that may be missed).
- The check and the two references run ${repeatCount} times each and the fastest run is shown (peak memory: the highest of the runs); the build runs once. Timings vary between runs, much more so when other work shares the machine (see the load average above). Data, outputs and the per-run JSON are in \`bench/out/\` (not committed).
${errors.length ? `\n## Failures\n\n${errors.join('\n')}\n` : ''}`;
}

/* ---------------- Main ---------------- */

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      presets: { type: 'string', default: PRESET_NAMES.join(',') },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '30' },
      'skip-build': { type: 'boolean', default: false },
      repeat: { type: 'string', default: '3' },
    },
  });
  const presets = values.presets.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = presets.filter((p) => !isPresetName(p));
  if (bad.length > 0 || presets.length === 0) {
    console.error(`Unknown preset(s): ${bad.join(', ')}. Use --presets ${PRESET_NAMES.join(',')}`);
    return 2;
  }
  const seed = Number(values.seed);
  const timeoutMs = Number(values.timeout) * 60_000;
  repeatCount = Math.max(1, Math.floor(Number(values.repeat)) || 1);
  await mkdir(outRoot, { recursive: true });
  const results: PresetResult[] = [];
  for (const p of presets as PresetName[]) results.push(await benchPreset(p, seed, timeoutMs, values['skip-build'], repeatCount));

  const chartOk = await chart(results, path.join(benchDir, 'build-time.svg')).catch((error: unknown) => {
    console.error(`chart failed: ${String(error)}`);
    return false;
  });
  const md = report(results, seed, chartOk);
  await writeFile(path.join(benchDir, 'report.md'), md);
  await writeFile(path.join(outRoot, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\n${dataTable(results)}\n\n${buildTable(results)}\n\n${goalsTable(results)}\n\n${growthTable(results)}`);
  console.log(`\nReport: ${path.relative(root, path.join(benchDir, 'report.md'))}${chartOk ? ', chart: bench/build-time.svg' : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/**
 * One preset: generates the demo data into bench/out/<preset>/data, then runs the data check (fastest of
 * `repeat`), the two references, the check of the same data as workbooks (bench/out/<preset>/xlsx, made by
 * scripts/csv-to-xlsx.ts), the full build (OUT_DIR=bench/out/<preset>/dist, so the real dist/ is untouched) and
 * measures its output, then the framework's floor for as many pages (floor.ts). A failing step is recorded in
 * `errors` rather than stopping the run.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PRESETS, type PresetName } from '../../src/lib/demo/presets.ts';
import { writeDemo } from '../../src/lib/demo/write.ts';
import { outRoot, root } from './config.ts';
import { fmtBytes, fmtInt, fmtSec } from './format.ts';
import { floorBuild, type FloorResult } from './floor.ts';
import { runNode, type RunStats } from './memory.ts';
import { siteStats, type SiteStats } from './pages.ts';
import { d3Reference, duckdbReference, type RefTimes } from './references.ts';

export interface PresetResult {
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
  /** The check of the same data converted to workbooks (one .xlsx per table). */
  workbookCheck?: RunStats;
  build?: RunStats;
  site?: SiteStats;
  /** Plain Astro pages, as many as the build's (floor.ts). */
  floor?: FloorResult;
  errors: string[];
}

/** Runs `step` `times` times and keeps the fastest result (stops at the first failure). */
async function fastest<T extends { seconds: number }>(
  times: number,
  step: () => T | Promise<T>,
  ok: (r: T) => boolean = () => true,
): Promise<T> {
  let best = await step();
  for (let i = 1; i < times && ok(best); i++) {
    const r = await step();
    if (!ok(r)) return r;
    if (r.seconds < best.seconds) best = r;
  }
  return best;
}

export async function benchPreset(
  name: PresetName,
  seed: number,
  timeoutMs: number,
  skipBuild: boolean,
  repeat: number,
): Promise<PresetResult> {
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
    const c = result.check;
    if (c.code !== 0) result.errors.push(`check exited ${c.code}${c.timedOut ? ' (timed out)' : ''}:\n${c.tail}`);
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

  await benchWorkbooks(result, dir, timeoutMs, repeat, log);

  if (!skipBuild) {
    const clean = async () => {
      await rm(distDir, { recursive: true, force: true });
      // A build that was killed leaves its staging folder beside the output.
      for (const e of readdirSync(dir)) {
        if (e.startsWith('.dist-staging-')) await rm(path.join(dir, e), { recursive: true, force: true });
      }
    };
    await clean();
    try {
      result.build = await runNode('build.ts', { DATA_DIR: dataDir, OUT_DIR: distDir, SITE_BASE: '/' }, timeoutMs);
      const b = result.build;
      log(`build: exit ${b.code}, ${fmtSec(b.seconds)}, peak ${fmtBytes(b.peakBytes)}`);
      if (b.code !== 0) {
        result.errors.push(`build exited ${b.code}${b.timedOut ? ' (timed out)' : ''}:\n${b.tail}`);
        if (b.timedOut) await clean();
      } else if (existsSync(distDir)) {
        const s = siteStats(distDir, '/');
        result.site = s;
        log(
          `site: ${fmtInt(s.pages)} pages, ${fmtBytes(s.bytes)}, ` +
            `page gzip median ${fmtBytes(s.pageGzipMedian)}, max ${fmtBytes(s.pageGzipMax)}`,
        );
        await benchFloor(result, s.pages, timeoutMs, log);
      } else {
        const out = path.relative(root, distDir);
        result.errors.push(`build exited 0 but ${out} does not exist (OUT_DIR not honoured?)`);
      }
    } catch (error) {
      result.errors.push(`build could not run: ${String(error)}`);
    }
  }
  return result;
}

/** The same data as workbooks (scripts/csv-to-xlsx.ts), then the check on them (fastest of `repeat`). */
async function benchWorkbooks(
  result: PresetResult,
  dir: string,
  timeoutMs: number,
  repeat: number,
  log: (s: string) => void,
): Promise<void> {
  const dataDir = path.join(dir, 'data');
  const xlsxDir = path.join(dir, 'xlsx');
  try {
    await rm(xlsxDir, { recursive: true, force: true });
    const convert = await runNode('csv-to-xlsx.ts', {}, timeoutMs, { args: [dataDir, xlsxDir] });
    if (convert.code !== 0) {
      result.errors.push(`csv-to-xlsx exited ${convert.code}:\n${convert.tail}`);
      return;
    }
    log(`workbooks written in ${fmtSec(convert.seconds)}`);
    const check = () => runNode('check.ts', { DATA_DIR: xlsxDir }, timeoutMs);
    const w = await fastest(repeat, check, (r) => r.code === 0);
    result.workbookCheck = w;
    log(`check of the workbooks: exit ${w.code}, ${fmtSec(w.seconds)}, peak ${fmtBytes(w.peakBytes)}`);
    if (w.code !== 0) result.errors.push(`check of the workbooks exited ${w.code}:\n${w.tail}`);
  } catch (error) {
    result.errors.push(`workbook check could not run: ${String(error)}`);
  }
}

/** The framework's floor for `pages` pages. */
async function benchFloor(
  result: PresetResult,
  pages: number,
  timeoutMs: number,
  log: (s: string) => void,
): Promise<void> {
  try {
    const f = await floorBuild(pages, timeoutMs);
    result.floor = f;
    log(`floor: ${fmtInt(f.built)} plain pages in ${fmtSec(f.seconds)}, peak ${fmtBytes(f.peakBytes)}`);
    if (f.code !== 0 || f.built !== pages) {
      result.errors.push(`floor build exited ${f.code} with ${f.built} of ${pages} pages:\n${f.tail}`);
    }
  } catch (error) {
    result.errors.push(`floor build could not run: ${String(error)}`);
  }
}

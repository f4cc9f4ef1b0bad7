/**
 * `npm run bench [-- --presets district,province,national] [--seed 1] [--repeat 3] [--timeout 30] [--skip-build]`
 *
 * For each demo preset: generates the data into bench/out/<preset>/data, then measures
 * - the data check (`node scripts/check.ts`, a child process): wall time, rows per second, peak memory;
 * - two references on the same files: a bare CSV parse with d3-dsv (read + csvParse, the floor) and
 *   DuckDB's CSV reader (read_csv + count), and the check's time as a ratio to each;
 * - the check of the same data as workbooks (scripts/csv-to-xlsx.ts into bench/out/<preset>/xlsx), as a ratio to
 *   the check of the CSV files;
 * - the full build (`node scripts/build.ts` with DATA_DIR and OUT_DIR=bench/out/<preset>/dist, so the real
 *   dist/ is untouched): wall time, peak memory of the whole process tree, pages, size of the output, and the
 *   gzip transfer of one page (its HTML plus the CSS and JS it loads, fonts aside; zlib level 9);
 * - the framework's floor: as many plain ~25 KB pages, no data, no charts, built by the same Astro in a throwaway
 *   project bench/out/floor-<pages>/, and the build's time as a ratio to it;
 * and writes bench/report.md with a chart bench/build-time.svg. Not a test: it prints and reports, and a
 * failing step is reported in the table rather than stopping the run.
 * Peak memory: the sum of VmRSS over the child and all its descendants, sampled from /proc every 100 ms (Linux).
 *
 * The parts, in scripts/bench/: memory.ts (child processes and their memory), references.ts (d3-dsv, DuckDB),
 * pages.ts (the built site and page weight), floor.ts and floor-build.ts (the floor), runner.ts (one preset),
 * tables.ts, chart.ts and report.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PRESET_NAMES, isPresetName, type PresetName } from '../src/lib/demo/presets.ts';
import { chart } from './bench/chart.ts';
import { benchDir, outRoot, root } from './bench/config.ts';
import { report } from './bench/report.ts';
import { benchPreset, type PresetResult } from './bench/runner.ts';
import { buildTable, dataTable, goalsTable, growthTable } from './bench/tables.ts';

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
  const presets = values.presets
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = presets.filter((p) => !isPresetName(p));
  if (bad.length > 0 || presets.length === 0) {
    console.error(`Unknown preset(s): ${bad.join(', ')}. Use --presets ${PRESET_NAMES.join(',')}`);
    return 2;
  }
  const seed = Number(values.seed);
  const timeoutMs = Number(values.timeout) * 60_000;
  const repeatCount = Math.max(1, Math.floor(Number(values.repeat)) || 1);
  await mkdir(outRoot, { recursive: true });
  const results: PresetResult[] = [];
  for (const p of presets as PresetName[]) {
    results.push(await benchPreset(p, seed, timeoutMs, values['skip-build'], repeatCount));
  }

  const chartOk = await chart(results, path.join(benchDir, 'build-time.svg')).catch((error: unknown) => {
    console.error(`chart failed: ${String(error)}`);
    return false;
  });
  const md = report(results, seed, chartOk, repeatCount);
  await writeFile(path.join(benchDir, 'report.md'), md);
  await writeFile(path.join(outRoot, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\n${dataTable(results)}\n\n${buildTable(results)}\n\n${goalsTable(results)}\n\n${growthTable(results)}`);
  const chartNote = chartOk ? ', chart: bench/build-time.svg' : '';
  console.log(`\nReport: ${path.relative(root, path.join(benchDir, 'report.md'))}${chartNote}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

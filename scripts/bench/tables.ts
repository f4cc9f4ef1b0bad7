/** The report's tables: data check, build, goals, growth (also printed at the end of the run). */
import { GOALS } from './config.ts';
import { fmtBytes, fmtDecimalBytes, fmtInt, fmtSec, mark, ownSeconds, ratio, table } from './format.ts';
import type { PresetResult } from './runner.ts';

export function dataTable(results: PresetResult[]): string {
  return table(
    [
      'preset',
      'units',
      'data rows',
      'CSV size',
      'generate',
      'check',
      'own timer',
      'check rows/s',
      'check peak',
      'd3-dsv parse',
      'check ÷ d3-dsv',
      'DuckDB read_csv',
      'check ÷ DuckDB',
      'check of workbooks',
      'workbooks ÷ CSV',
    ],
    results.map((r) => {
      const c = r.check;
      const w = r.workbookCheck;
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
        w ? (w.code === 0 ? fmtSec(w.seconds) : `❌ exit ${w.code}`) : 'not run',
        ok && w?.code === 0 ? ratio(w.seconds, c!.seconds) : '—',
      ];
    }),
  );
}

export function buildTable(results: PresetResult[]): string {
  return table(
    [
      'preset',
      'build',
      'build peak',
      'pages',
      'floor',
      'build ÷ floor',
      'output size',
      'files',
      'largest file',
      'its path',
      'page gzip median',
      'page gzip max',
      'largest page',
    ],
    results.map((r) => {
      const b = r.build;
      const none = Array<string>(10).fill('—');
      if (!b) return [r.preset, 'skipped', '—', ...none];
      if (b.code !== 0) {
        const failed = `❌ failed (exit ${b.code}${b.timedOut ? ', timed out' : ''}) after ${fmtSec(b.seconds)}`;
        return [r.preset, failed, fmtBytes(b.peakBytes), ...none];
      }
      const f = r.floor?.code === 0 ? r.floor : undefined;
      const s = r.site;
      const goal = (met: boolean) => (r.preset === 'national' ? ` ${mark(met)}` : '');
      return [
        r.preset,
        `${fmtSec(b.seconds)}${goal(b.seconds <= GOALS.buildSeconds)}`,
        `${fmtBytes(b.peakBytes)}${goal(b.peakBytes <= GOALS.peakBytes)}`,
        s ? fmtInt(s.pages) : '—',
        f ? fmtSec(f.seconds) : r.floor ? `❌ exit ${r.floor.code}` : '—',
        f ? `${ratio(b.seconds, f.seconds)}${goal(b.seconds <= GOALS.buildVsFloor * f.seconds)}` : '—',
        s ? `${fmtBytes(s.bytes)}${goal(s.bytes <= GOALS.siteBytes)}` : '—',
        s ? `${fmtInt(s.files)}${goal(s.files <= GOALS.siteFiles)}` : '—',
        s ? `${fmtBytes(s.largestFileBytes)}${goal(s.largestFileBytes <= GOALS.largestFileBytes)}` : '—',
        s ? `\`${s.largestFile}\`` : '—',
        s ? fmtBytes(s.pageGzipMedian) : '—',
        s ? `${fmtBytes(s.pageGzipMax)} ${mark(s.pageGzipMax <= GOALS.pageGzipBytes)}` : '—',
        s ? `\`${s.largestPage}\`` : '—',
      ];
    }),
  );
}

export function goalsTable(results: PresetResult[]): string {
  const target = results.find((r) => r.preset === 'national') ?? results[results.length - 1];
  if (!target) return '';
  const c = target.check?.code === 0 ? target.check : undefined;
  const b = target.build?.code === 0 ? target.build : undefined;
  const s = target.site;
  const f = target.floor?.code === 0 ? target.floor : undefined;
  const w = target.workbookCheck?.code === 0 ? target.workbookCheck : undefined;
  const peak = Math.max(c?.peakBytes ?? 0, b?.peakBytes ?? 0);
  const row = (goal: string, measured: string, ok: boolean | undefined) => [
    goal,
    measured,
    ok === undefined ? 'not measured' : mark(ok),
  ];
  const d3 = target.d3;
  const built = results.some((r) => r.site);
  const maxPage = Math.max(0, ...results.map((r) => r.site?.pageGzipMax ?? 0));
  return [
    `Measured on the **${target.preset}** preset` +
      `${target.preset === 'national' ? '' : ' (the national preset was not run: the goals are for national)'}` +
      '; the page goal on every preset run.',
    '',
    table(
      ['goal', 'measured', 'met'],
      [
        row(
          `check ≤ ${GOALS.checkSeconds} s`,
          c ? fmtSec(c.seconds) : 'failed',
          c ? c.seconds <= GOALS.checkSeconds : undefined,
        ),
        row(
          `check ≤ ${GOALS.checkVsD3}× d3-dsv`,
          c && d3 ? ratio(c.seconds, d3.seconds) : '—',
          c && d3 ? c.seconds <= GOALS.checkVsD3 * d3.seconds : undefined,
        ),
        [
          'check of the workbooks ÷ check of the CSV files (no goal)',
          c && w ? ratio(w.seconds, c.seconds) : '—',
          c && w ? '—' : 'not measured',
        ],
        row(
          `build ≤ ${GOALS.buildSeconds} s`,
          b ? fmtSec(b.seconds) : target.build ? `failed (exit ${target.build.code})` : 'skipped',
          b ? b.seconds <= GOALS.buildSeconds : undefined,
        ),
        row(
          `build ≤ ${GOALS.buildVsFloor}× the floor (plain Astro pages)`,
          b && f ? ratio(b.seconds, f.seconds) : '—',
          b && f ? b.seconds <= GOALS.buildVsFloor * f.seconds : undefined,
        ),
        row(
          `peak memory ≤ ${fmtDecimalBytes(GOALS.peakBytes)} (check and build)`,
          b ? fmtDecimalBytes(peak) : `${fmtDecimalBytes(peak)} (check only)`,
          b ? peak <= GOALS.peakBytes : undefined,
        ),
        row(
          `files ≤ ${fmtInt(GOALS.siteFiles)}`,
          s ? fmtInt(s.files) : '—',
          s ? s.files <= GOALS.siteFiles : undefined,
        ),
        row(
          `site ≤ ${fmtDecimalBytes(GOALS.siteBytes)}`,
          s ? fmtDecimalBytes(s.bytes) : '—',
          s ? s.bytes <= GOALS.siteBytes : undefined,
        ),
        row(
          `largest file ≤ ${fmtBytes(GOALS.largestFileBytes)}`,
          s ? `${fmtBytes(s.largestFileBytes)} (\`${s.largestFile}\`)` : '—',
          s ? s.largestFileBytes <= GOALS.largestFileBytes : undefined,
        ),
        row(
          'every page ≤ 40 KiB gzip',
          built ? `largest ${fmtBytes(maxPage)}` : '—',
          built ? maxPage <= GOALS.pageGzipBytes : undefined,
        ),
      ],
    ),
  ].join('\n');
}

export function growthTable(results: PresetResult[]): string {
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
  const head = ['preset', 'rows', 'pages', 'build', 'build per row', 'build per page', 'check per row'];
  const lines = rows.length ? [table(head, rows)] : [];
  if (p && n) {
    const f = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    lines.push(
      '',
      `From province to national: rows ×${(n.rows / p.rows).toFixed(1)}, ` +
        `pages ×${(n.site!.pages / p.site!.pages).toFixed(1)}, ` +
        `build time ×${(n.build!.seconds / p.build!.seconds).toFixed(1)}; ` +
        `time per row ${f(n.build!.seconds / n.rows, p.build!.seconds / p.rows)}, ` +
        `time per page ${f(n.build!.seconds / n.site!.pages, p.build!.seconds / p.site!.pages)} ` +
        '(≈ 1× or less means linear growth or better).',
    );
  } else lines.push('', 'Province and national builds are both needed to compare growth.');
  return lines.join('\n').trim();
}

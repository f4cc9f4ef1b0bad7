/** How the benchmark writes figures and tables (Markdown), in its log and its report. */
import type { RunStats } from './memory.ts';

/**
 * The time the check prints for itself in its summary line (`… 0 cảnh báo (5,8 s).`): reading and validating,
 * without Node's start-up.
 */
export function ownSeconds(run: RunStats): number | undefined {
  const m = /cảnh báo \((\d+(?:,\d+)?) s\)/.exec(run.tail);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtSec = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(s < 10 ? 2 : 1)} s`);
/** Binary units, named as such: the hosts' limits mix them (25 MiB a file, 1 GB a site). */
export const fmtBytes = (b: number) =>
  b >= 1024 ** 3
    ? `${(b / 1024 ** 3).toFixed(2)} GiB`
    : b >= 1024 ** 2
      ? `${(b / 1024 ** 2).toFixed(1)} MiB`
      : b >= 1024
        ? `${(b / 1024).toFixed(1)} KiB`
        : `${b} B`;
/** Decimal units, for the goals stated in them (1.5 GB of memory, 1 GB a site). */
export const fmtDecimalBytes = (b: number) =>
  b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : fmtBytes(b);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
export const mark = (ok: boolean) => (ok ? '✅' : '❌');

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Child processes (the check, the build) and their peak memory: the sum of VmRSS over the child and all its
 * descendants, sampled from /proc every 100 ms (Linux).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { root } from './config.ts';

export interface RunStats {
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
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      for (const s of children.split(/\s+/)) if (s) out.push(Number(s));
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

/** Node's own options (e.g. `--cpu-prof`) and the script's arguments. */
export interface RunOptions {
  nodeArgs?: string[];
  args?: string[];
}

/**
 * Runs `node scripts/<script>` with `env` (`script` may also be a path from scripts/, e.g. `bench/floor-build.ts`);
 * after `timeoutMs` it and what it started are killed.
 */
export function runNode(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
  { nodeArgs = [], args = [] }: RunOptions = {},
): Promise<RunStats> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, path.resolve(root, 'scripts', script), ...args], {
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
        tail: tail
          .filter((l) => l.trim() !== '')
          .slice(-12)
          .join('\n'),
        timedOut,
      });
    });
    sample();
  });
}

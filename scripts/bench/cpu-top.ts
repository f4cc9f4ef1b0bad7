/**
 * `node scripts/bench/cpu-top.ts FILE.cpuprofile [--top 25]`: the functions with the most self time in a CPU
 * profile (`node --cpu-prof`), and the same time by module (a package of node_modules, or a folder of the
 * project), as Markdown tables with each one's share of the sampled time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fmtSec, table } from './format.ts';
import { root } from './config.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: node scripts/bench/cpu-top.ts FILE.cpuprofile [--top 25]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// Self time per node: each sample's time delta goes to the node sampled.
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

/** `astro`, `@observablehq/plot`, `src/lib/model`, `node:internal`, or `(program)`/`(garbage collector)`. */
function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const rel = path.relative(root, url.replace(/^file:\/\//, ''));
  if (rel.startsWith('..')) return url;
  const parts = rel.split('/');
  return parts.slice(0, parts[0] === 'src' && parts[1] === 'lib' ? 3 : 2).join('/');
}

const byFn = new Map<string, number>();
const byModule = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const { functionName, url, lineNumber } = n.callFrame;
  const mod = moduleOf(url, functionName);
  const where = url ? `${mod}:${path.basename(url)}:${lineNumber + 1}` : mod;
  const key = `${functionName || '(anonymous)'} — ${where}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
  byModule.set(mod, (byModule.get(mod) ?? 0) + us);
}
const top = Number(values.top);
const rows = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => [`\`${k}\``, fmtSec(us / 1e6), `${((us / totalUs) * 100).toFixed(1)} %`]);
console.log(`Sampled ${fmtSec(totalUs / 1e6)} (wall ${fmtSec((profile.endTime - profile.startTime) / 1e6)}).\n`);
console.log(`### Self time by function\n\n${table(['function — module:file:line', 'self', 'share'], rows(byFn))}\n`);
console.log(`### Self time by module\n\n${table(['module', 'self', 'share'], rows(byModule))}`);

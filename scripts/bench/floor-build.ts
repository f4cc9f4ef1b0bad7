/**
 * `node scripts/bench/floor-build.ts DIR`: builds the throwaway floor project in DIR (scripts/bench/floor.ts) with
 * the project's own Astro, as scripts/build.ts does (in-process `build()`), and exits.
 */
import { build } from 'astro';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: node scripts/bench/floor-build.ts DIR');
  process.exit(2);
}
await build({ root: dir, logLevel: 'warn' });
process.exit(0);

/** Where the benchmark writes, and the goals it measures against (those of the national preset). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const benchDir = path.join(root, 'bench');
export const outRoot = path.join(benchDir, 'out');
export const GZIP_LEVEL = 9;
export const GOALS = {
  checkSeconds: 10,
  checkVsD3: 5,
  buildSeconds: 120,
  peakBytes: 2 * 1024 ** 3,
  pageGzipBytes: 40 * 1024,
};

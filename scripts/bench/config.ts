/**
 * Where the benchmark writes, and the goals it measures against (those of the national preset; issue 13 for the
 * floor, the memory and what a static host takes).
 */
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
  buildVsFloor: 4,
  /** Issue 13: 1.5 GB. */
  peakBytes: 1.5e9,
  pageGzipBytes: 40 * 1024,
  /** Cloudflare Pages' free plan: files, and the largest file. */
  siteFiles: 20_000,
  largestFileBytes: 25 * 1024 ** 2,
  /** GitHub Pages: the whole site, 1 GB (as the build's own line about the hosts counts it). */
  siteBytes: 1e9,
};

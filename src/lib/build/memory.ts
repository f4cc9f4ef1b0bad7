/**
 * What the build lets go of to stay within its memory budget (issue 13: ≤ 1.5 GB for the whole national build).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Dataset } from '../types.ts';

/**
 * Drops the input tables' rows (every CSV row as strings, kept to re-publish them under data/: ~110 MB of the
 * national heap) once data/ is written; the row counts stay for the data page. Reading the rows afterwards throws,
 * so that a late reader fails instead of publishing an empty table.
 */
export function releaseTableRows(ds: Dataset): void {
  for (const t of ds.inputs.tables) {
    if (t.rowCount !== undefined) continue;
    t.rowCount = t.rows.length;
    Object.defineProperty(t, 'rows', {
      get() {
        throw new Error(`${t.file}: its rows were released once data/ was written`);
      },
    });
  }
}

/**
 * Rolldown (Vite's bundler) and resvg (the PNGs) allocate with mimalloc, which gives freed pages back to the system
 * after a delay, on its thread's next allocation: once the bundle is built Rolldown's threads sit idle, so what it
 * freed stayed resident all through the pages (province demo: 314 → 169 MB in its arena, the build's peak 1,066 →
 * 888 MB); resvg kept ~85 MB after five images. With no delay it is given back at once. mimalloc reads the setting
 * when it loads: call before the PNG threads start and before Astro is imported.
 */
export function returnFreedNativeMemory(): void {
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
}

/** How much the old generation may grow past what the last full GC kept, in percent (V8's own factor is 2 to 4). */
const HEAP_GROWING_PERCENT = 30;

/**
 * Caps V8's heap growth between full collections for the rest of the run. The pages leave much short-lived garbage,
 * and V8 let the heap reach twice what stays live (national: 1.1 GB for 0.5–0.65 GB live) before collecting it.
 * V8 reads the factor at each collection, so setting it while running takes effect from the next one. National
 * build: peak 2.12 → 1.72 GB, CPU time +4 % (387 → 403 s).
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * A full collection now, compacting and giving the freed pages back (V8's last-resort flavour, as on low memory):
 * once the pages are rendered and the dataset let go, the main thread only waits for the last PNGs, drawn then by
 * more threads, and without it V8 kept the heap it had grown for Astro (national: 0.66–0.72 GB) through that tail,
 * where the build's peak was. Province demo: heap 230 → 75 MB, RSS 704 → 520 MB.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (options: object) => void;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * The press kit's steps of scripts/build.ts:
 * - `writeSummaries`: data/summaries.json, every unit's summary for each year and term (src/lib/summary);
 * - `startChartImages`: the PNGs of the charts the pages queue (index.ts), drawn from their standalone SVGs in
 *   worker threads while Astro renders, and finished after it.
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { summarize, summaryWindowIds } from '../summary/index.ts';
import type { Dataset } from '../types.ts';
import { queuedPngJobs } from './queue.ts';
import { PngPool, type RasterReport } from './png.ts';

export const SUMMARY_FIELDS = ['unit_id', 'unit_name', 'period', 'kind', 'complete', 'text'] as const;

export interface SummaryLine {
  unit_id: string;
  unit_name: string;
  period: string;
  kind: 'year' | 'term';
  /** False when a flow of the window covers part of it, or was summed from part of the children. */
  complete: boolean;
  text: string;
}

/** Every summary: units in the dataset's order, each unit's years ascending, then its terms in order. */
export function* summaryLines(ds: Dataset): Generator<SummaryLine> {
  for (const unit of ds.units) {
    const uf = ds.figures[unit.id];
    if (!uf) continue;
    for (const id of summaryWindowIds(uf)) {
      const s = summarize(ds, unit.id, id);
      if (s) yield { unit_id: unit.id, unit_name: unit.name, period: s.period, kind: s.kind, complete: s.complete, text: s.text };
    }
  }
}

/**
 * Writes `summaries.json` into `dataDir`: `{"summaries":[…]}`, one summary object a line (fields SUMMARY_FIELDS),
 * in a fixed order, so that two builds of the same data write the same bytes. Returns the file's path.
 */
export async function writeSummaries(ds: Dataset, dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'summaries.json');
  const fh = await open(file, 'w');
  try {
    let buf = '{"summaries":[';
    let first = true;
    for (const s of summaryLines(ds)) {
      buf += `${first ? '\n' : ',\n'}${JSON.stringify(s)}`;
      first = false;
      if (buf.length >= 1 << 20) {
        await fh.write(buf);
        buf = '';
      }
    }
    await fh.write(`${buf}\n]}\n`);
  } finally {
    await fh.close();
  }
  return file;
}

export interface ChartImages {
  /** Waits for every PNG (drawing what is left on all cores) and stops the threads. */
  finish(): Promise<RasterReport>;
}

/**
 * Call before Astro's build: from then on every PNG a page queues is drawn at once in a worker thread (on the core
 * Astro leaves idle); `finish()` after the build draws the rest on all cores. The files do not depend on the order.
 */
export function startChartImages(outDir: string): ChartImages {
  const pool = new PngPool(outDir, 1);
  globalThis.__PDV_PRESS_SINK__ = (job) => pool.push(job);
  return {
    finish: async () => {
      globalThis.__PDV_PRESS_SINK__ = undefined;
      for (const job of queuedPngJobs().splice(0)) pool.push(job);
      return pool.finish();
    },
  };
}

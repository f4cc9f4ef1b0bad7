/**
 * The PNG jobs the pages queue while Astro renders (index.ts). scripts/build.ts either lets them pile up and
 * rasterises them afterwards, or (build.ts → startChartImages) installs a sink that hands each job to a worker
 * thread at once, so that the images are drawn on the second core while Astro renders pages on the first.
 * Shared through globalThis: Astro's bundle of the pages has its own copy of this module.
 */

/** A PNG to make: paths relative to the output folder. */
export interface PngJob {
  svg: string;
  png: string;
}

declare global {
  // eslint-disable-next-line no-var
  var __PDV_PRESS_JOBS__: PngJob[] | undefined;
  // eslint-disable-next-line no-var
  var __PDV_PRESS_SINK__: ((job: PngJob) => void) | undefined;
}

export function queuedPngJobs(): PngJob[] {
  return (globalThis.__PDV_PRESS_JOBS__ ??= []);
}

const queued = new Set<string>();

/** Queues a job once per PNG path (its SVG must be written already). */
export function queuePng(job: PngJob): void {
  if (queued.has(job.png)) return;
  queued.add(job.png);
  const sink = globalThis.__PDV_PRESS_SINK__;
  if (sink) sink(job);
  else queuedPngJobs().push(job);
}

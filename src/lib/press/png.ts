/**
 * Rasterises the standalone chart SVGs into PNG at 2× with resvg (no browser), the TTF of Be Vietnam Pro loaded
 * from files (resvg parses font files given as paths far faster than buffers handed over from JS: ~2 ms vs ~35 ms
 * an image), and encoded as RGB PNG by sharp (libvips): the pixels resvg drew, exactly. The same SVG gives the
 * same PNG bytes. Many images are shared out between worker threads.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
// Imported here, in the thread that starts the workers: on glibc Linux libvips must stay loaded in the main thread
// while worker threads use it (sharp's documentation, "worker threads").
import sharp, { type PngOptions } from 'sharp';
import { FONT_FAMILY, fontFiles } from './fonts.ts';

/** A PNG to make from a chart image: paths relative to the pool's folder, or absolute. */
export interface PngJob {
  svg: string;
  png: string;
}

export const PNG_SCALE = 2;

let files: string[] | undefined;

/** One SVG document → its RGBA pixels at 2×, white background. */
export function rasterise(svg: string): { pixels: Buffer; width: number; height: number } {
  files ??= fontFiles();
  const r = new Resvg(svg, {
    font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#ffffff',
    logLevel: 'off',
  });
  const img = r.render();
  return { pixels: img.pixels, width: img.width, height: img.height };
}

// No cache of libvips operations: each image is encoded once, and the cache would keep its pixels.
sharp.cache(false);

/**
 * RGB, zlib level 6. Indexed colour (libimagequant, effort 4, the least that keeps the charts' colours exact) made
 * the files 40 % smaller but took 114 ms an image against 21 ms (50 national charts, 2026-12-01; bench/png-encoders.ts
 * compares the encoders): on the national demo its 1,019 images kept the build waiting 34 s after the pages; RGB adds
 * ~33 MB to the site.
 */
const ENCODING: PngOptions = { compressionLevel: 6 };

/** One SVG document → PNG bytes at 2×, white background. */
export async function renderPng(svg: string): Promise<Buffer> {
  const { pixels, width, height } = rasterise(svg);
  // Opaque (white background): the alpha channel dropped, so that the PNG has no transparency chunk.
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png(ENCODING)
    .toBuffer();
}

/** The family name (name id 1) of a TrueType file. */
export function familyName(file: string): string {
  const buf = readFileSync(file);
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const off = buf.readUInt32BE(rec + 8);
    const count = buf.readUInt16BE(off + 2);
    const strings = off + buf.readUInt16BE(off + 4);
    for (let j = 0; j < count; j++) {
      const r = off + 6 + j * 12;
      const platform = buf.readUInt16BE(r);
      const nameId = buf.readUInt16BE(r + 6);
      if (nameId !== 1 || platform !== 3) continue;
      const len = buf.readUInt16BE(r + 8);
      const at = strings + buf.readUInt16BE(r + 10);
      return buf
        .subarray(at, at + len)
        .swap16()
        .toString('utf16le');
    }
  }
  return '';
}

/** Renders one job in this thread; resolves to the PNG's size. */
export async function runJob(outDir: string, job: PngJob): Promise<number> {
  const png = await renderPng(readFileSync(path.resolve(outDir, job.svg), 'utf8'));
  const file = path.resolve(outDir, job.png);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, png);
  return png.length;
}

export interface RasterReport {
  images: number;
  bytes: number;
  /** From the first job to the last image written. */
  seconds: number;
  /** Spent in finish(): what the images added to the build after Astro's pages. */
  tail: number;
  workers: number;
}

const BATCH = 8;
/**
 * Batches a worker holds at once while many jobs wait: it starts the next as soon as one ends, without waiting for
 * this thread to send it (busy for seconds while data/ is written, when most images are drawn). With few waiting,
 * one: what is left at finish() is shared with the threads it adds.
 */
const AHEAD = 2;

/**
 * Worker threads that render the jobs pushed to them, as they come (started with no thread: the first job starts
 * one). `finish` adds threads up to its count, waits for the queue to drain and stops them.
 */
export class PngPool {
  private readonly queue: PngJob[] = [];
  private readonly slots: { worker: Worker; busy: number }[] = [];
  private images = 0;
  private bytes = 0;
  private t0 = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;

  private readonly outDir: string;
  private readonly initialWorkers: number;

  constructor(outDir: string, initialWorkers = 1) {
    this.outDir = outDir;
    this.initialWorkers = initialWorkers;
  }

  push(job: PngJob): void {
    if (this.t0 === 0) this.t0 = performance.now();
    this.queue.push(job);
    while (this.slots.length < this.initialWorkers) this.addWorker();
    this.dispatch();
  }

  private addWorker(): void {
    const worker = new Worker(new URL('./png-worker.ts', import.meta.url), { workerData: { outDir: this.outDir } });
    const slot = { worker, busy: 0 };
    worker.on('message', (m: { bytes: number; count: number }) => {
      this.bytes += m.bytes;
      this.images += m.count;
      slot.busy -= m.count;
      this.dispatch();
      this.wake?.();
    });
    worker.on('error', (e) => {
      this.failure = e;
      this.wake?.();
    });
    this.slots.push(slot);
  }

  /** A batch to each thread in turn, until each holds AHEAD batches or the queue is empty. */
  private dispatch(): void {
    let sent = true;
    while (sent && this.queue.length > 0) {
      sent = false;
      for (const slot of this.slots) {
        const room = slot.busy === 0 || (slot.busy < AHEAD * BATCH && this.queue.length > AHEAD * BATCH);
        if (!room || this.queue.length === 0) continue;
        const batch = this.queue.splice(0, BATCH);
        slot.busy += batch.length;
        slot.worker.postMessage(batch);
        sent = true;
      }
    }
  }

  /** Whether images are still waiting or being drawn. */
  drawing(): boolean {
    return !this.idle();
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.slots.every((s) => s.busy === 0);
  }

  /** Renders what is left with up to `workers` threads; resolves when every image is written. */
  async finish(workers = Math.max(1, Math.min(4, availableParallelism()))): Promise<RasterReport> {
    const t1 = performance.now();
    if (this.queue.length > 0) while (this.slots.length < workers) this.addWorker();
    this.dispatch();
    while (!this.idle() && this.failure === undefined) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    const n = this.slots.length;
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
    if (this.failure !== undefined) throw this.failure;
    const now = performance.now();
    return {
      images: this.images,
      bytes: this.bytes,
      seconds: this.t0 ? (now - this.t0) / 1000 : 0,
      tail: (now - t1) / 1000,
      workers: n,
    };
  }
}

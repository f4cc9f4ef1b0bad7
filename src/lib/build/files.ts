/**
 * The one place that writes the files the pages declare (chart CSVs, a unit's indicators, chart images, embed
 * pages): each at once into the folder Astro is building, once per path. A PNG is handed to a worker thread as
 * soon as its page declares it, so that the images are drawn on the second core while Astro renders pages on
 * the first; `finish()` after Astro draws the rest on all cores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PngPool, type RasterReport } from '../press/png.ts';
import type { PageFile } from '../view/shapes.ts';

export interface FileWriter {
  publish(files: readonly PageFile[]): void;
  /** Waits for every PNG and stops the threads. */
  finish(): Promise<RasterReport>;
}

export function fileWriter(folder: string): FileWriter {
  const outDir = path.resolve(folder);
  const pool = new PngPool(outDir, 1);
  const made = new Set<string>();
  const dirs = new Set<string>();
  const write = (relPath: string, content: string | Uint8Array) => {
    const file = path.join(outDir, relPath);
    if (!file.startsWith(outDir + path.sep)) throw new Error(`${relPath} escapes the output folder`);
    const parent = path.dirname(file);
    if (!dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      dirs.add(parent);
    }
    writeFileSync(file, content);
  };
  return {
    publish(files) {
      for (const f of files) {
        if (made.has(f.path)) continue;
        made.add(f.path);
        // Its SVG comes first in the page's list, so it is on disk when a worker reads it.
        if ('pngOf' in f) pool.push({ svg: f.pngOf, png: f.path });
        else write(f.path, f.body());
      }
    },
    finish: () => pool.finish(),
  };
}

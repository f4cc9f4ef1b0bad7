/**
 * The one place that writes the files the pages declare (chart CSVs, a unit's indicators, chart images, embed
 * pages): each at once into the folder Astro is building, once per path. A PNG is handed to a worker thread as
 * soon as its page declares it, so that the images are drawn on the second core while Astro renders pages on
 * the first; `finish()` after Astro draws the rest on all cores.
 *
 * The PNGs cost more than a core's time through Astro (national: ~200 s of drawing for ~180 s of pages), so most
 * are drawn ahead, from the view models before Astro starts (`ahead`, press.ts): their SVGs and PNGs go to a
 * folder of their own (Astro empties its output folder when it starts), and each is used only when the page then
 * declares the same SVG, byte for byte; `finish()` moves them in. What a page declares otherwise is drawn as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PngPool, type RasterReport } from '../press/png.ts';
import type { PageFile } from '../view/shapes.ts';

export interface FileWriter {
  publish(files: readonly PageFile[]): void;
  /**
   * Draws the PNGs of `files` (chart SVGs and the PNGs made from them) before any page declares them, into the
   * folder given to fileWriter as `ahead`. Other kinds of file are left to the pages.
   */
  drawAhead(files: readonly PageFile[]): void;
  /** Whether PNGs are still waiting or being drawn. */
  drawing(): boolean;
  /** Waits for every PNG, stops the threads, and moves in the images drawn ahead that the pages declared. */
  finish(): Promise<RasterReport>;
}

const digest = (content: string | Uint8Array) => createHash('sha1').update(content).digest('base64');

/** Writes each file under `dir` (relative paths only), making each folder once. */
function folderWriter(dir: string) {
  const dirs = new Set<string>();
  const ensure = (file: string) => {
    const parent = path.dirname(file);
    if (!dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      dirs.add(parent);
    }
  };
  const resolve = (relPath: string) => {
    const file = path.join(dir, relPath);
    if (!file.startsWith(dir + path.sep)) throw new Error(`${relPath} escapes the output folder`);
    return file;
  };
  return {
    resolve,
    ensure,
    write(relPath: string, content: string | Uint8Array) {
      const file = resolve(relPath);
      ensure(file);
      writeFileSync(file, content);
    },
  };
}

/** `ahead`: where the images drawn ahead go (removed by the caller); required for drawAhead. */
export function fileWriter(folder: string, ahead?: string): FileWriter {
  const outDir = path.resolve(folder);
  const pool = new PngPool(outDir, 1);
  const made = new Set<string>();
  const out = folderWriter(outDir);
  const early = ahead === undefined ? undefined : folderWriter(path.resolve(ahead));
  /** SVGs drawn ahead: path → digest of the bytes. */
  const drawn = new Map<string, string>();
  /** Paths drawn ahead that the pages declared the same (their SVG, then its PNG): moved in by finish(). */
  const confirmed = new Set<string>();
  return {
    drawAhead(files) {
      if (!early) throw new Error('drawAhead needs the folder for images drawn ahead');
      const svgs = new Set(files.flatMap((f) => ('pngOf' in f ? [f.pngOf] : [])));
      for (const f of files) {
        if (drawn.has(f.path) || made.has(f.path)) continue;
        if ('pngOf' in f) {
          if (!drawn.has(f.pngOf)) continue;
          drawn.set(f.path, '');
          pool.push({ svg: early.resolve(f.pngOf), png: early.resolve(f.path) });
        } else if (svgs.has(f.path)) {
          const body = f.body();
          early.write(f.path, body);
          drawn.set(f.path, digest(body));
        }
      }
    },
    publish(files) {
      for (const f of files) {
        if (made.has(f.path)) continue;
        made.add(f.path);
        const ready = drawn.get(f.path);
        if ('pngOf' in f) {
          // Drawn ahead from the SVG the page declares: nothing to do but move it in.
          if (ready !== undefined && confirmed.has(f.pngOf)) confirmed.add(f.path);
          // Its SVG comes first in the page's list, so it is on disk when a worker reads it.
          else pool.push({ svg: f.pngOf, png: f.path });
          continue;
        }
        const body = f.body();
        if (ready !== undefined && ready === digest(body)) confirmed.add(f.path);
        else out.write(f.path, body);
      }
    },
    drawing: () => pool.drawing(),
    async finish() {
      const report = await pool.finish();
      if (!early) return report;
      let unused = 0;
      for (const [p, d] of drawn) {
        // A PNG drawn ahead whose page declared another SVG was drawn again; the first is left behind.
        if (!confirmed.has(p)) unused += d === '' ? 1 : 0;
        else {
          const to = out.resolve(p);
          out.ensure(to);
          renameSync(early.resolve(p), to);
        }
      }
      return { ...report, images: report.images - unused };
    },
  };
}

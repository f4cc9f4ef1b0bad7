/**
 * The chart PNGs' encoders compared on a built site: `npx node bench/png-encoders.ts DIR [--every K]
 * [--only NAME,NAME]`, DIR a built output folder: every `*.png` with its `*.svg` next to it is a job (with --every,
 * every K-th of them in path order); --only keeps the encoders named. Each SVG is rendered once with resvg, as the
 * build does, and its RGBA encoded by each encoder twice (same bytes?); a second process encodes everything again
 * and compares digests (same bytes across processes?). Prints bytes, ms per image, the error against the RGBA
 * (mean and max per channel, share of pixels changed) and writes a few samples to DIR/../png-encoders-samples/.
 * The hand-written encoder (press/png-encode.ts, replaced by sharp) is read from git history when it is gone.
 *
 * 2026-12-01, national demo (951 charts), every 4th chart (238), CPU ms median per image, machine loaded (2 cores):
 * resvg render 46 ms; hand z4 14.14 MB 22 ms; hand z6 13.47 MB 27 ms; sharp e4 d0 13.37 MB 94 ms; all same bytes
 * twice and across processes; mean error 0.001 per channel for all; effort 1–3 shift colours (#0072B2 → #0072B3).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp, { type PngOptions } from 'sharp';
import { rasterise } from '../src/lib/press/png.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The last commit holding the hand-written encoder. */
const HAND_COMMIT = '4054f06';

type Encode = (rgba: Uint8Array, width: number, height: number) => Promise<Buffer>;

async function handEncoder(level: number): Promise<Encode> {
  let file = path.join(root, 'src/lib/press/png-encode.ts');
  if (!existsSync(file)) {
    file = path.join(tmpdir(), `png-encode-${HAND_COMMIT}.ts`);
    const src = execFileSync('git', ['-C', root, 'show', `${HAND_COMMIT}:src/lib/press/png-encode.ts`]);
    writeFileSync(file, src);
  }
  const mod = (await import(pathToFileURL(file).href)) as {
    encodePng: (rgba: Uint8Array, w: number, h: number, level: number) => Buffer;
  };
  return async (rgba, w, h) => mod.encodePng(rgba, w, h, level);
}

const viaSharp =
  (options: PngOptions): Encode =>
  (rgba, width, height) =>
    sharp(rgba, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .png(options)
      .toBuffer();

async function encoders(only: string[] | undefined): Promise<Record<string, Encode>> {
  const all: Record<string, () => Promise<Encode> | Encode> = {
    'hand z4': () => handEncoder(4),
    'hand z6': () => handEncoder(6),
    'hand z9': () => handEncoder(9),
    'sharp e1 d0': () => viaSharp({ palette: true, colours: 256, effort: 1, dither: 0 }),
    // The site's setting (src/lib/press/png.ts).
    'sharp e4 d0': () => viaSharp({ palette: true, colours: 256, effort: 4, dither: 0 }),
    'sharp e7 d0': () => viaSharp({ palette: true, colours: 256, effort: 7, dither: 0 }),
    'sharp e7 d1': () => viaSharp({ palette: true, colours: 256, effort: 7, dither: 1 }),
    'sharp e4 d0 z9': () => viaSharp({ palette: true, colours: 256, effort: 4, dither: 0, compressionLevel: 9 }),
    'sharp rgb': () => viaSharp({ compressionLevel: 6 }),
  };
  const names = only ?? Object.keys(all);
  const out: Record<string, Encode> = {};
  for (const n of names) {
    if (!all[n]) throw new Error(`no encoder "${n}": ${Object.keys(all).join(', ')}`);
    out[n] = await all[n]();
  }
  return out;
}

function jobs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      if (!e.isFile() || !e.name.endsWith('.png')) continue;
      const svg = p.replace(/\.png$/, '.svg');
      if (existsSync(svg)) out.push(svg);
    }
  };
  walk(dir);
  return out.sort();
}

/** Differences of the decoded PNG from the RGBA it was made from. */
async function error(png: Buffer, rgba: Uint8Array): Promise<{ sum: number; max: number; changed: number }> {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let max = 0;
  let changed = 0;
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    let px = 0;
    for (let k = 0; k < 3; k++) {
      const d = Math.abs(data[j + k]! - rgba[i + k]!);
      sum += d;
      px = Math.max(px, d);
    }
    if (px > 0) changed++;
    max = Math.max(max, px);
  }
  return { sum, max, changed };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

async function digests(files: string[], only: string[] | undefined): Promise<Record<string, string>> {
  const enc = await encoders(only);
  const h = Object.fromEntries(Object.keys(enc).map((k) => [k, createHash('sha256')]));
  for (const f of files) {
    const img = rasterise(readFileSync(f, 'utf8'));
    for (const [name, e] of Object.entries(enc)) h[name]!.update(await e(img.pixels, img.width, img.height));
  }
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.digest('hex')]));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const childArgs = args.filter((a) => a !== '--digest');
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const every = Number(option('--every') ?? 1);
  const only = option('--only')?.split(',');
  const digestOnly = args[0] === '--digest';
  if (digestOnly) args.shift();
  const dir = path.resolve(args[0] ?? 'dist');
  sharp.concurrency(Number(process.env.SHARP_THREADS ?? 1));
  sharp.cache(false);
  const files = jobs(dir).filter((_, i) => i % every === 0);
  if (digestOnly) {
    process.stdout.write(JSON.stringify(await digests(files, only)));
    return;
  }
  const enc = await encoders(only);
  const names = Object.keys(enc);
  const stats = Object.fromEntries(
    names.map((n) => [
      n,
      { bytes: 0, ms: [] as number[], cpu: [] as number[], same: true, sum: 0, max: 0, changed: 0, px: 0 },
    ]),
  );
  const hashes = Object.fromEntries(names.map((k) => [k, createHash('sha256')]));
  const render: number[] = [];
  const renderCpu: number[] = [];
  const samples = path.join(dir, '..', `${path.basename(dir)}-png-samples`);
  mkdirSync(samples, { recursive: true });
  const sampleEvery = Math.max(1, Math.floor(files.length / 4));
  const t0 = performance.now();
  for (const [i, f] of files.entries()) {
    const svg = readFileSync(f, 'utf8');
    const r0 = performance.now();
    const c0 = process.cpuUsage();
    const img = rasterise(svg);
    render.push(performance.now() - r0);
    renderCpu.push(cpuMs(c0));
    for (const n of names) {
      const s = stats[n]!;
      const e0 = performance.now();
      const c0 = process.cpuUsage();
      const png = await enc[n]!(img.pixels, img.width, img.height);
      s.ms.push(performance.now() - e0);
      s.cpu.push(cpuMs(c0));
      const again = await enc[n]!(img.pixels, img.width, img.height);
      s.same &&= Buffer.compare(png, again) === 0;
      s.bytes += png.length;
      hashes[n]!.update(png);
      const err = await error(png, img.pixels);
      s.sum += err.sum;
      s.max = Math.max(s.max, err.max);
      s.changed += err.changed;
      s.px += img.width * img.height;
      if (i % sampleEvery === 0) {
        const base = path
          .relative(dir, f)
          .replaceAll('/', '_')
          .replace(/\.svg$/, '');
        writeFileSync(path.join(samples, `${base}.${n.replaceAll(' ', '-')}.png`), png);
      }
    }
  }
  const total = (performance.now() - t0) / 1000;
  const mine = Object.fromEntries(Object.entries(hashes).map(([k, v]) => [k, v.digest('hex')]));
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--digest', ...childArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: process.env,
  });
  const other = child.status === 0 ? (JSON.parse(child.stdout) as Record<string, string>) : {};
  if (child.status !== 0) console.error(child.stderr);

  console.log(`${files.length} images in ${dir}; samples in ${samples}; wall ${total.toFixed(1)} s in all`);
  console.log(
    `resvg render: median ${median(render).toFixed(1)} ms (CPU ${median(renderCpu).toFixed(1)} ms), ` +
      `total ${(sum(render) / 1000).toFixed(1)} s (CPU ${(sum(renderCpu) / 1000).toFixed(1)} s)`,
  );
  console.log(
    '| encoder | total MB | median ms/image | median CPU ms | total s | total CPU s | same bytes twice |' +
      ' across processes | mean error /channel | max error | pixels changed |',
  );
  console.log(`|${' --- |'.repeat(11)}`);
  for (const n of names) {
    const s = stats[n]!;
    const cells = [
      n,
      (s.bytes / 1e6).toFixed(2),
      median(s.ms).toFixed(1),
      median(s.cpu).toFixed(1),
      (sum(s.ms) / 1000).toFixed(1),
      (sum(s.cpu) / 1000).toFixed(1),
      s.same ? 'yes' : 'NO',
      other[n] === undefined ? '?' : other[n] === mine[n] ? 'yes' : 'NO',
      (s.sum / (s.px * 3)).toFixed(3),
      String(s.max),
      `${((100 * s.changed) / s.px).toFixed(2)} %`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

/** CPU time of the process (every thread, libvips' included) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

await main();

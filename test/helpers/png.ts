/**
 * A small PNG reader for the tests of chart images (8-bit RGB, RGBA or indexed, non-interlaced): checks the
 * signature, every chunk's CRC and the IHDR fields as it goes, and gives the pixels as RGBA.
 */
import { crc32, inflateSync } from 'node:zlib';
import { expect } from 'vitest';

export interface Png {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

export function readPng(buf: Buffer): Png {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8); // bit depth
      colorType = data[9]!;
      expect(data[12]).toBe(0); // not interlaced
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    expect(buf.readUInt32BE(at + 8 + len)).toBe(crc32(buf.subarray(at + 4, at + 8 + len)));
    at += 12 + len;
  }
  expect(ended).toBe(true);
  expect([2, 3, 6]).toContain(colorType);
  if (colorType === 3) expect(palette).toBeDefined();
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  expect(raw.length).toBe(height * (stride + 1));
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  // The highest palette index used, checked once at the end (an expect() per pixel takes seconds on a chart).
  let maxIndex = -1;
  let maxFilter = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > maxFilter) maxFilter = filter;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i]! + p) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colorType === 3) {
        const i = line[x]!;
        if (i > maxIndex) maxIndex = i;
        out.set(palette!.subarray(i * 3, i * 3 + 3), o);
        out[o + 3] = 255;
      } else {
        for (let k = 0; k < 3; k++) out[o + k] = line[x * bpp + k]!;
        out[o + 3] = bpp === 4 ? line[x * bpp + 3]! : 255;
      }
    }
    prev = line;
  }
  expect(maxFilter).toBeLessThanOrEqual(4); // filter types 0–4
  if (colorType === 3) expect(maxIndex * 3 + 2).toBeLessThan(palette!.length);
  return { width, height, pixels: out };
}

/** The RGBA of one pixel. */
export const pixel = (p: Png, x: number, y: number): number[] => {
  const at = (y * p.width + x) * 4;
  return [...p.pixels.subarray(at, at + 4)];
};

/** How much darker than white the image is, summed over its pixels. */
export function ink(p: Png): number {
  let s = 0;
  for (let i = 0; i < p.pixels.length; i += 4) s += 765 - (p.pixels[i]! + p.pixels[i + 1]! + p.pixels[i + 2]!);
  return s;
}

/**
 * Buffered file I/O for the published files: writes gathered to about 1 MB (the national indicators run to millions
 * of rows), and byte ranges of a written file read back in one pass (to copy it into parts, parts.ts).
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export const CHUNK = 1 << 20;

/**
 * Buffered writes to one open file, gathered to about 1 MB and written at once: text (the whole file, as the records
 * come, encoded straight into the buffer) or bytes (the parts, copied from it), in the order they are added.
 */
export class Sink {
  private bin: Buffer | undefined;
  private used = 0;
  private readonly fh: FileHandle;
  constructor(fh: FileHandle) {
    this.fh = fh;
  }
  /**
   * Adds `text` in UTF-8 and gives its length in bytes: encoded once, into the buffer (no byteLength pass, no long
   * string gathered). A promise only when the buffer is being written out (most calls return at once).
   */
  text(text: string): number | Promise<number> {
    this.bin ??= Buffer.allocUnsafe(CHUNK);
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair 4 for its two), so it surely fits.
    if (text.length * 3 > this.bin.length - this.used) return this.spillText(text);
    const n = this.bin.write(text, this.used);
    this.used += n;
    return n;
  }
  private async spillText(text: string): Promise<number> {
    await this.flush();
    if (text.length * 3 <= this.bin!.length) {
      this.used = this.bin!.write(text, 0);
      return this.used;
    }
    const bytes = Buffer.from(text);
    await this.fh.write(bytes);
    return bytes.length;
  }
  /** Adds bytes (copied: many small pieces would make a slow vectored write); a promise as for text. */
  add(data: Buffer): Promise<void> | undefined {
    this.bin ??= Buffer.allocUnsafe(CHUNK);
    if (this.used + data.length > this.bin.length) return this.spill(data);
    data.copy(this.bin, this.used);
    this.used += data.length;
    return undefined;
  }
  private async spill(data: Buffer): Promise<void> {
    await this.flush();
    if (data.length >= CHUNK) await this.fh.write(data);
    else this.used = data.copy(this.bin!, 0);
  }
  async flush(): Promise<void> {
    if (this.used > 0) await this.fh.write(this.bin!, 0, this.used);
    this.used = 0;
  }
  async close(): Promise<void> {
    await this.flush();
    await this.fh.close();
  }
}

/** Byte ranges of a file, read in one pass from start to end: the ranges must come in increasing order. */
export class RangeReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  /** File offset of buf[0]. */
  private at = 0;
  constructor(file: string) {
    this.chunks = createReadStream(file, { highWaterMark: CHUNK })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }
  private dropBefore(start: number): void {
    const skip = Math.min(Math.max(0, start - this.at), this.buf.length);
    this.buf = this.buf.subarray(skip);
    this.at += skip;
  }
  /** Hands `to` bytes [start, start + length) of the file, piece by piece as they are read (no copy is made). */
  async copy(start: number, length: number, to: (piece: Buffer) => Promise<void> | undefined): Promise<void> {
    const end = start + length;
    let pos = start;
    while (pos < end) {
      this.dropBefore(pos);
      if (this.buf.length === 0) {
        const next = await this.chunks.next();
        if (next.done) throw new Error(`short read: wanted bytes ${start}..${end}`);
        this.buf = next.value;
        continue;
      }
      const from = pos - this.at;
      const n = Math.min(this.buf.length - from, end - pos);
      const writing = to(this.buf.subarray(from, from + n));
      if (writing) await writing;
      pos += n;
    }
  }
}

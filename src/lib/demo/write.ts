/** Writes a demo data set into a folder: the CSV files (streamed in chunks) and the empty `DEMO` marker. */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { csvLine, type Cell, type CsvSink } from './csv.ts';
import { DEMO_FILES } from './columns.ts';
import { generateDemo, type DemoStats } from './generate.ts';
import type { Preset } from './presets.ts';

/** Buffers lines and writes them in chunks of about 1 MB: one file open at a time, no giant string. */
export class FileSink implements CsvSink {
  private fd = -1;
  private buffer = '';
  readonly bytes: Record<string, number> = {};
  private file = '';
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  begin(file: string, columns: readonly string[]): void {
    this.file = file;
    this.bytes[file] = 0;
    this.fd = openSync(path.join(this.dir, file), 'w');
    this.buffer = csvLine(columns);
  }

  row(cells: readonly Cell[]): void {
    this.buffer += csvLine(cells);
    if (this.buffer.length >= 1 << 20) this.flush();
  }

  end(): void {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  private flush(): void {
    if (!this.buffer) return;
    const data = Buffer.from(this.buffer, 'utf8');
    writeSync(this.fd, data);
    this.bytes[this.file]! += data.length;
    this.buffer = '';
  }
}

export class DemoTargetError extends Error {}

/**
 * Generates `preset` with `seed` into `dir`. Refuses a folder that holds a units.csv without a DEMO marker
 * (real data) unless `force`; files of an earlier demo run that this one does not write (terms.csv) are removed.
 */
export function writeDemo(
  dir: string,
  preset: Preset,
  seed: number,
  force = false,
): DemoStats & { bytes: Record<string, number> } {
  if (existsSync(path.join(dir, 'units.csv')) && !existsSync(path.join(dir, 'DEMO')) && !force) {
    throw new DemoTargetError(
      `${dir} đã có units.csv mà không có tệp đánh dấu DEMO: ` +
        'có vẻ là dữ liệu thật, không ghi đè (thêm --force nếu chắc chắn).',
    );
  }
  mkdirSync(dir, { recursive: true });
  rmSync(path.join(dir, 'terms.csv'), { force: true });
  const sink = new FileSink(dir);
  const stats = generateDemo(preset, seed, sink);
  writeFileSync(path.join(dir, 'DEMO'), '');
  for (const f of DEMO_FILES) if (!(f in sink.bytes)) throw new Error(`internal: ${f} not written`);
  return { ...stats, bytes: sink.bytes };
}

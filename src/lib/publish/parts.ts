/**
 * A published file that would pass the hosts' per-file limit (25 MiB: Cloudflare Pages refuses larger files) is
 * published as parts instead (spec, "What the site publishes"): `NAME-1.csv`, `NAME-2.csv`, … split between
 * provinces, each a complete file of the same shape, and `NAME.parts.json` listing them in order with the
 * provinces and units they hold. Only when the whole would pass the limit: otherwise the file is written as before,
 * byte for byte.
 *
 * CSV parts each start with the BOM and the header row, so that each opens right in Excel by itself; the whole file
 * is part 1 followed by every later part without its first line (BOM and header go together on that line).
 * JSON parts are each a whole document (`{"columns":…,"rows":[…]}`); the whole set is their rows in order.
 *
 * The records are read once: the whole file is written as always, noting where each unit's records lie in it; only
 * when it passes the limit are those byte ranges copied into the parts (all at once, in one read of the file) and
 * the whole file removed. So a split costs a copy of the file, not a second computation of its rows.
 */
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Unit } from '../types.ts';
import { BOM } from './csv.ts';
import { RangeReader, Sink } from './io.ts';
import { dropEarlierParts, listName, type PartsManifest, writeList } from './parts-list.ts';

export type { PartsList, PartsManifest } from './parts-list.ts';

/** 25 MiB: the largest file Cloudflare Pages accepts, the smallest limit of the common static hosts. */
export const PART_LIMIT = 25 * 1024 * 1024;

/** What opens and closes every file, and what goes before its first and before each later record. */
export interface PartLayout {
  head: string;
  /** Or made once every record is written (a list gathered from them: summaries.json's templates). */
  tail: string | (() => string);
  first: string;
  between: string;
}

/** CSV: every file opens with the BOM and the header line (`headerLine` ends with its line break). */
export const csvLayout = (headerLine: string): PartLayout => ({
  head: BOM + headerLine,
  tail: '',
  first: '',
  between: '',
});

/** JSON `{"…":[` one record a line `]}`: `head` is the text up to and including the array's `[`. */
export const jsonLayout = (head: string): PartLayout => ({ head, tail: '\n]}\n', first: '\n', between: ',\n' });

/** One record of a file (a CSV line with its line break, or one JSON value) and the unit it belongs to. */
export interface PartRecord {
  /** Absent for a table without units (terms.csv): such a file is never split. */
  unitId?: string;
  text: string;
}

export interface PartsOptions {
  /** Largest file in bytes; PART_LIMIT unless a test sets a small one. */
  limit?: number;
  /** The first-level unit whose part a unit's records go in (see provinceOf); every unit its own when absent. */
  provinceOf?: (unitId: string) => string;
}

export interface PartedFile {
  /** Paths written: the whole file, or the parts and then `NAME.parts.json` (shared by NAME's formats). */
  files: string[];
  manifest?: PartsManifest;
  /** In Vietnamese: a part still over the limit because one unit's records alone pass it. */
  warnings: string[];
}

const bytesOf = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The first-level unit whose part a unit goes in: the root of its (latest) parent chain, and for a province that
 * ended by merging, its successor's (recursively). Unknown ids are their own. Memoised: call once per dataset.
 */
export function provinceOf(units: readonly Unit[]): (unitId: string) => string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const memo = new Map<string, string>();
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    for (;;) {
      seen.add(cur);
      const u = byId.get(cur);
      const next = u?.parentId ?? u?.successorId;
      // A cycle is an error of the data check; here it only must not loop.
      if (next === undefined || seen.has(next) || !byId.has(next)) return cur;
      cur = next;
    }
  };
  return (id) => {
    let p = memo.get(id);
    if (p === undefined) {
      p = rootOf(id);
      memo.set(id, p);
    }
    return p;
  };
}

/** A NAME.ext file name with a suffix before the extension: (`indicators.csv`, `-2`) → `indicators-2.csv`. */
function withSuffix(name: string, suffix: string): string {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}${suffix}${ext}`;
}

/** The records of one unit that came one after another: where their text lies in the whole file. */
interface Run {
  unit: string;
  /** Offset and length in bytes, separators between its records included, the one before it not. */
  start: number;
  bytes: number;
  rows: number;
}

interface Tally {
  bytes: number;
  rows: number;
  /** Runs: each but the first of a file has a separator before it. */
  runs: number;
}

interface Plan {
  /** Unit key → part index. */
  partOf: Map<string, number>;
  parts: { provinces: string[]; units: string[]; tally: Tally }[];
}

/** Packs provinces, in id order, into parts of at most `limit` bytes; a province too big alone goes by units. */
function plan(
  provinces: Map<string, Map<string, Tally>>,
  size: (t: Tally) => number,
  limit: number,
  warnings: string[],
  name: string,
): Plan {
  const out: Plan = { partOf: new Map(), parts: [] };
  let cur: Plan['parts'][number] | undefined;
  const startPart = () => {
    cur = { provinces: [], units: [], tally: { bytes: 0, rows: 0, runs: 0 } };
    out.parts.push(cur);
    return cur;
  };
  const put = (part: Plan['parts'][number], province: string, unit: string, t: Tally) => {
    if (part.provinces[part.provinces.length - 1] !== province) part.provinces.push(province);
    part.units.push(unit);
    part.tally.bytes += t.bytes;
    part.tally.rows += t.rows;
    part.tally.runs += t.runs;
    out.partOf.set(unit, out.parts.length - 1);
  };
  const plus = (a: Tally, b: Tally): Tally => ({
    bytes: a.bytes + b.bytes,
    rows: a.rows + b.rows,
    runs: a.runs + b.runs,
  });
  // Provinces in the order of their ids (code points), each province's units in the order they come.
  const ordered = [...provinces].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [province, units] of ordered) {
    let whole: Tally = { bytes: 0, rows: 0, runs: 0 };
    for (const t of units.values()) whole = plus(whole, t);
    if (size(whole) <= limit) {
      const part = cur && size(plus(cur.tally, whole)) <= limit ? cur : startPart();
      for (const [unit, t] of units) put(part, province, unit, t);
      continue;
    }
    // One province alone passes the limit: its units fill parts of their own, never a unit split.
    let part = startPart();
    for (const [unit, t] of units) {
      if (part.units.length > 0 && size(plus(part.tally, t)) > limit) part = startPart();
      put(part, province, unit, t);
      if (size(t) > limit && unit !== '') {
        warnings.push(
          `${name}: riêng số liệu của đơn vị ${unit} đã vượt ${limit.toLocaleString('vi-VN')} byte nên phần chứa ` +
            'nó vẫn lớn hơn giới hạn; một số nơi lưu trữ sẽ không nhận tệp này.',
        );
      }
    }
    // The next province starts a new part: the last one here may be nearly full.
    cur = undefined;
  }
  return out;
}

const HOW_TO_JOIN = {
  csv:
    'Tệp được chia thành nhiều phần vì quá lớn. Mỗi phần là một tệp CSV đầy đủ (có dòng tiêu đề). Để có tệp ' +
    'trọn vẹn: lấy nguyên phần 1, rồi nối lần lượt các phần sau, mỗi phần bỏ dòng đầu tiên (dòng tiêu đề). ' +
    'Chương trình có thể đọc danh sách các phần ở đây và đọc từng phần theo thứ tự.',
  json:
    'Tệp được chia thành nhiều phần vì quá lớn. Mỗi phần là một tài liệu JSON đầy đủ cùng dạng với tệp gốc; ' +
    'nối các mảng dữ liệu của các phần theo thứ tự này là được toàn bộ.',
};

/**
 * Writes `name` into `dir` from `records` (a function, since the records are read twice when the file is split),
 * or its parts and `NAME.parts.json` when the whole would pass the limit.
 */
export async function writeParted(
  dir: string,
  name: string,
  layout: PartLayout,
  records: () => Iterable<PartRecord>,
  options: PartsOptions = {},
): Promise<PartedFile> {
  const limit = options.limit ?? PART_LIMIT;
  const province = options.provinceOf ?? ((id: string) => id);
  const firstBytes = bytesOf(layout.first);
  const betweenBytes = bytesOf(layout.between);
  // Known once the records are written.
  let tail = '';
  let fixed = 0;
  const size = (t: Tally) => fixed + t.bytes + (t.runs > 0 ? firstBytes + (t.runs - 1) * betweenBytes : 0);

  await mkdir(dir, { recursive: true });
  await dropEarlierParts(dir, name);

  // Pass 1: the whole file, a unit's consecutive records at a time, noting where each such run lies.
  const file = path.join(dir, name);
  const whole = new Sink(await open(file, 'w'));
  const runs: Run[] = [];
  let pos = 0;
  let rows = 0;
  let cur: { unit: string; text: string; rows: number } | undefined;
  // A unit's consecutive records are gathered (one string), then encoded once into the write buffer, which counts
  // their bytes: no byteLength pass. A write per record would cost more than the gathering.
  const endRun = async () => {
    if (!cur) return;
    const first = runs.length === 0;
    const sepBytes = first ? firstBytes : betweenBytes;
    let n = whole.text((first ? layout.first : layout.between) + cur.text);
    if (typeof n !== 'number') n = await n;
    runs.push({ unit: cur.unit, start: pos + sepBytes, bytes: n - sepBytes, rows: cur.rows });
    pos += n;
    rows += cur.rows;
    cur = undefined;
  };
  try {
    pos = await whole.text(layout.head);
    for (const r of records()) {
      const unit = r.unitId ?? '';
      if (cur?.unit === unit) {
        cur.text += layout.between + r.text;
        cur.rows += 1;
      } else {
        await endRun();
        cur = { unit, text: r.text, rows: 1 };
      }
    }
    await endRun();
    tail = typeof layout.tail === 'string' ? layout.tail : layout.tail();
    await whole.text(tail);
  } finally {
    await whole.close();
  }
  fixed = bytesOf(layout.head) + bytesOf(tail);
  const totalBytes = pos + bytesOf(tail);
  if (totalBytes <= limit) return { files: [file], warnings: [] };

  // Each province's units, in the order they come, with their bytes.
  const tallies = new Map<string, Map<string, Tally>>();
  for (const run of runs) {
    const p = run.unit === '' ? '' : province(run.unit);
    const units = tallies.get(p) ?? new Map<string, Tally>();
    tallies.set(p, units);
    const t = units.get(run.unit) ?? { bytes: 0, rows: 0, runs: 0 };
    t.bytes += run.bytes;
    t.rows += run.rows;
    t.runs += 1;
    units.set(run.unit, t);
  }
  const total: Tally = { bytes: 0, rows, runs: runs.length };
  for (const run of runs) total.bytes += run.bytes;

  // Pass 2: the runs copied from the whole file into their parts (nothing computed again), then the whole removed.
  const warnings: string[] = [];
  const p = plan(tallies, size, limit, warnings, name);
  // Nothing to split between (one unit, or a table without units): the whole file, over the limit, and a warning.
  const single = p.parts.length === 1;
  const names = single ? [name] : p.parts.map((_, i) => withSuffix(name, `-${i + 1}`));
  if (!single) {
    const sinks: Sink[] = [];
    const started = p.parts.map(() => false);
    const reader = new RangeReader(file);
    const [head, first, between, end] = [layout.head, layout.first, layout.between, tail].map((t) => Buffer.from(t));
    try {
      for (const n of names) sinks.push(new Sink(await open(path.join(dir, n), 'w')));
      for (const s of sinks) await s.add(head!);
      // Runs that follow each other in the whole file and go to the same part are copied as one range, the
      // separator between them included (between two runs of the whole file there is always `between`).
      const copy = async (i: number, start: number, end: number) => {
        const sink = sinks[i]!;
        // Awaited only when a write is under way: two writes at once could land out of order.
        const sep = sink.add(started[i] ? between! : first!);
        if (sep) await sep;
        started[i] = true;
        await reader.copy(start, end - start, (piece) => sink.add(piece));
      };
      let span: { part: number; start: number; end: number } | undefined;
      for (const run of runs) {
        const part = p.partOf.get(run.unit) ?? 0;
        if (span && span.part === part && run.start === span.end + betweenBytes) {
          span.end = run.start + run.bytes;
          continue;
        }
        if (span) await copy(span.part, span.start, span.end);
        span = { part, start: run.start, end: run.start + run.bytes };
      }
      if (span) await copy(span.part, span.start, span.end);
      for (const s of sinks) await s.add(end!);
    } finally {
      for (const s of sinks) await s.close();
    }
    await rm(file);
  }
  if (single) {
    if (warnings.length === 0) {
      warnings.push(
        `${name}: tệp lớn ${totalBytes.toLocaleString('vi-VN')} byte, ` +
          `vượt giới hạn ${limit.toLocaleString('vi-VN')} byte, nhưng không chia được theo tỉnh ` +
          '(tệp không có cột đơn vị); một số nơi lưu trữ sẽ không nhận tệp này.',
      );
    }
    return { files: [file], warnings };
  }
  const manifest: PartsManifest = {
    file: name,
    bytes: totalBytes,
    rows: total.rows,
    limit,
    how_to_join: tail ? HOW_TO_JOIN.json : HOW_TO_JOIN.csv,
    parts: p.parts.map((part, i) => ({
      file: names[i]!,
      bytes: size(part.tally),
      rows: part.tally.rows,
      provinces: part.provinces,
      units: part.units,
    })),
  };
  await writeList(dir, name, manifest);
  return { files: [...names.map((n) => path.join(dir, n)), path.join(dir, listName(name))], manifest, warnings };
}

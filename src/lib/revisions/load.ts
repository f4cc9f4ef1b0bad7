/**
 * Reads the previous publication: the `data/` folder of the output the build replaces, or the folder (a path
 * or an address) that PREVIOUS_DATA names. A publication that is not there (first build, a 404) is no error:
 * there is nothing to compare. One that is there but cannot be read (a network failure, HTTP 500, a broken
 * parts list) is: going on would start revisions.csv afresh and lose the published history.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBytes } from '../ingest/decode.ts';
import { IndicatorIndex, type PreviousPublication } from './previous.ts';
import { parseRevisions, type RevisionRow } from './records.ts';

export interface PreviousSource {
  dir?: string;
  url?: string;
}

/** A file of the publication, or undefined when it is not there. */
type Fetcher = (name: string) => Promise<Uint8Array | undefined>;

export class PreviousDataError extends Error {}

/** PREVIOUS_DATA when set (an http(s) address or a path), else `<outDir>/data`. */
export function previousSourceFromEnv(outDir: string, env: Record<string, string | undefined> = process.env) {
  const v = env.PREVIOUS_DATA?.trim();
  if (!v) return { dir: path.join(outDir, 'data') };
  return /^https?:\/\//i.test(v) ? { url: v } : { dir: path.resolve(v) };
}

function folderFetcher(dir: string): Fetcher {
  return async (name) => {
    try {
      return await readFile(path.join(dir, name));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new PreviousDataError(`Không đọc được ${path.join(dir, name)} của bản công bố trước: ${String(error)}`);
    }
  };
}

function urlFetcher(url: string): Fetcher {
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  return async (name) => {
    const at = new URL(name, base);
    let res: Response;
    try {
      res = await fetch(at, { signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      throw new PreviousDataError(
        `Không tải được ${at.href} của bản công bố trước (${String(error)}). ` +
          'Kiểm tra mạng hoặc địa chỉ PREVIOUS_DATA; bỏ biến PREVIOUS_DATA nếu muốn dựng mà không so sánh ' +
          '(lịch sử cập nhật sẽ bắt đầu lại từ đầu).',
      );
    }
    if (res.status === 404 || res.status === 410) return undefined;
    if (!res.ok) throw new PreviousDataError(`Không tải được ${at.href} của bản công bố trước: HTTP ${res.status}.`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The files a `NAME.parts.json` lists, in order. Accepts a list of names, or of objects naming their file
 * (`file`, `name`, `path` or `href`), bare or under `parts`; names only, never a path out of the folder.
 */
export function partFiles(json: unknown, where: string): string[] {
  const o = json as { parts?: unknown; files?: unknown } | null;
  const list = Array.isArray(json) ? json : (o?.parts ?? o?.files);
  if (!Array.isArray(list)) throw new PreviousDataError(`${where}: không có danh sách các phần (parts).`);
  return list.map((p: unknown) => {
    const e = p as Record<string, unknown> | null;
    const name = typeof p === 'string' ? p : (e?.file ?? e?.name ?? e?.path ?? e?.href);
    const base = typeof name === 'string' ? name.split('/').pop()! : '';
    if (!SAFE_NAME.test(base)) throw new PreviousDataError(`${where}: tên phần không hợp lệ ${JSON.stringify(name)}.`);
    return base;
  });
}

/** The texts of a published table: `NAME.csv`, or its parts; undefined when neither is there. */
async function* tableTexts(get: Fetcher, name: string, where: string): AsyncGenerator<{ text: string; file: string }> {
  const listed = await get(`${name}.parts.json`);
  let files: string[];
  if (listed) {
    let json: unknown;
    try {
      json = JSON.parse(decodeBytes(listed, `${name}.parts.json`).text);
    } catch (error) {
      throw new PreviousDataError(`${where}/${name}.parts.json không đọc được: ${String(error)}`);
    }
    files = partFiles(json, `${where}/${name}.parts.json`);
  } else {
    const whole = await get(`${name}.csv`);
    if (whole) {
      yield { text: decodeBytes(whole, `${name}.csv`).text, file: `${name}.csv` };
      return;
    }
    // Parts without their list (a partial upload): NAME-1.csv, NAME-2.csv, … as far as they go.
    for (let i = 1; ; i++) {
      const file = `${name}-${i}.csv`;
      const bytes = await get(file);
      if (!bytes) return;
      yield { text: decodeBytes(bytes, file).text, file };
    }
  }
  for (const file of files) {
    const bytes = await get(file);
    if (!bytes) throw new PreviousDataError(`${where}/${name}.parts.json liệt kê ${file} nhưng không có tệp này.`);
    yield { text: decodeBytes(bytes, file).text, file };
  }
}

/** The previous publication, or undefined when there is none at `source`. */
export async function loadPrevious(source: PreviousSource): Promise<PreviousPublication | undefined> {
  const where = source.url ?? source.dir;
  if (!where) return undefined;
  const get = source.url ? urlFetcher(source.url) : folderFetcher(source.dir!);
  const index = new IndicatorIndex();
  let found = false;
  for await (const part of tableTexts(get, 'indicators', where)) {
    index.add(part.text, part.file);
    found = true;
  }
  const revisions: RevisionRow[] = [];
  for await (const part of tableTexts(get, 'revisions', where)) {
    for (const r of parseRevisions(part.text, part.file)) revisions.push(r);
  }
  if (!found && revisions.length === 0) return undefined;
  return { source: where, ...(found ? { indicators: index.finish() } : {}), revisions };
}

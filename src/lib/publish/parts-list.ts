/**
 * `NAME.parts.json` (parts.ts): the parts of NAME's files (`indicators.csv` and `indicators.json` share
 * `indicators.parts.json`), one file a line and one part a line, kept right when a folder is written again.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PartInfo {
  file: string;
  bytes: number;
  rows: number;
  /** The provinces whose records the part holds, in the order they come. */
  provinces: string[];
  /** Every unit with records in the part, in the order they come. */
  units: string[];
}

export interface PartsManifest {
  /** The whole file's name, e.g. `indicators.csv`. */
  file: string;
  bytes: number;
  rows: number;
  limit: number;
  /** How to get the whole set, in Vietnamese. */
  how_to_join: string;
  parts: PartInfo[];
}

/** `NAME.parts.json`: one list for every format of NAME (indicators.csv and indicators.json share it). */
export const listName = (name: string) => `${name.slice(0, name.length - path.extname(name).length)}.parts.json`;

/** The content of `NAME.parts.json`. */
export interface PartsList {
  name: string;
  files: PartsManifest[];
}

async function readList(dir: string, name: string): Promise<PartsList | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, listName(name)), 'utf8')) as PartsList;
  } catch {
    return undefined;
  }
}

/** One file a line, one part a line: the unit lists are long at national size. */
async function saveList(dir: string, name: string, list: PartsList): Promise<void> {
  const file = path.join(dir, listName(name));
  if (list.files.length === 0) return rm(file, { force: true });
  const entry = ({ parts, ...rest }: PartsManifest) =>
    `${JSON.stringify(rest).slice(0, -1)},"parts":[\n${parts.map((x) => JSON.stringify(x)).join(',\n')}\n]}`;
  await writeFile(file, `{"name":${JSON.stringify(list.name)},"files":[\n${list.files.map(entry).join(',\n')}\n]}\n`);
}

/** A folder written before (not the build's, which is new) may hold this file's parts: they go, with their entry. */
export async function dropEarlierParts(dir: string, name: string): Promise<void> {
  const list = await readList(dir, name);
  const old = list?.files.find((f) => f.file === name);
  if (!list || !old) return;
  for (const part of old.parts) await rm(path.join(dir, part.file), { force: true });
  await saveList(dir, name, { ...list, files: list.files.filter((f) => f !== old) });
}

export async function writeList(dir: string, name: string, manifest: PartsManifest): Promise<void> {
  const list = (await readList(dir, name)) ?? { name: path.basename(listName(name), '.parts.json'), files: [] };
  const files = [...list.files.filter((f) => f.file !== name), manifest].sort((a, b) => (a.file < b.file ? -1 : 1));
  await saveList(dir, name, { ...list, files });
}

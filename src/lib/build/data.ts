/**
 * The site's data/ folder: the validated inputs and the indicators (src/lib/publish), summaries.json,
 * revisions.csv (src/lib/revisions), the blank templates (src/lib/template) and the whole data set as one
 * workbook (workbook.ts). Every file that may pass the hosts' limit goes through the parts rule (parts.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSummaries } from '../press/build.ts';
import { listName } from '../publish/parts-list.ts';
import { csvLayout, type PartRecord, type PartsList, writeParted } from '../publish/parts.ts';
import { csvLine, publishData } from '../publish/index.ts';
import { parseRevisions, REVISION_COLUMNS } from '../revisions/index.ts';
import { templateFiles } from '../template/index.ts';
import type { Dataset } from '../types.ts';
import { DATA_WORKBOOK, dataWorkbook } from './workbook.ts';

export interface DataFolderOptions {
  /** data/revisions.csv as the comparison wrote it; a header alone when absent (nothing compared). */
  revisionsCsv?: string;
  /** The site's base path, for the template's pointer to the site (default `/`). */
  base?: string;
  /** du-lieu.xlsx, made before the pages render (the data page says whether it is published); made here if absent. */
  workbook?: Awaited<ReturnType<typeof dataWorkbook>>;
  /** Receives the parts rule's warnings (a part still over the limit), in Vietnamese. */
  onWarning?: (message: string) => void;
}

/**
 * revisions.csv's records keyed by build date, so that parts (if ever) split between dates and, read back in order,
 * give the rows in the order written: a rebuild over a split publication writes the same bytes.
 */
function* revisionRecords(text: string): Generator<PartRecord> {
  for (const r of parseRevisions(text)) {
    yield { unitId: r.revised_on, text: csvLine(REVISION_COLUMNS.map((c) => r[c])) };
  }
}

/** Writes every file of data/ into `dir`; returns their paths. */
export async function writeDataFolder(ds: Dataset, dir: string, opts: DataFolderOptions = {}): Promise<string[]> {
  const onWarning = opts.onWarning ?? (() => {});
  const files = await publishData(ds, dir, { onWarning });
  files.push(...(await writeSummaries(ds, dir, { onWarning })));

  const revisions = opts.revisionsCsv ?? '';
  const parted = await writeParted(dir, 'revisions.csv', csvLayout(csvLine(REVISION_COLUMNS)), () =>
    revisionRecords(revisions),
  );
  files.push(...parted.files);
  parted.warnings.forEach(onWarning);

  const base = opts.base ?? '/';
  for (const f of await templateFiles({ checkPage: `${base.endsWith('/') ? base : `${base}/`}kiem-tra/` })) {
    const file = path.join(dir, f.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, f.content);
    files.push(file);
  }

  const workbook = opts.workbook ?? (await dataWorkbook(ds));
  if ('bytes' in workbook) {
    await writeFile(path.join(dir, DATA_WORKBOOK), workbook.bytes);
    files.push(path.join(dir, DATA_WORKBOOK));
  }
  return files;
}

/**
 * Which file of the data folder `dir` holds a unit's rows of indicators.csv, as a site path: `data/indicators.csv`,
 * or when it was split its part listed in indicators.parts.json (a unit without rows: the first part).
 */
export async function indicatorsAt(dir: string): Promise<(unitId: string) => string> {
  const name = 'indicators.csv';
  const file = path.join(dir, listName(name));
  const list = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as PartsList) : undefined;
  const parts = list?.files.find((f) => f.file === name)?.parts ?? [];
  if (parts.length === 0) return () => `data/${name}`;
  const partOf = new Map<string, string>();
  for (const p of parts) for (const u of p.units) partOf.set(u, p.file);
  return (unitId) => `data/${partOf.get(unitId) ?? parts[0]!.file}`;
}

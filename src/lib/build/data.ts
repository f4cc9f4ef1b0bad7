/** The site's data/ folder: the validated inputs and the indicators (src/lib/publish), and summaries.json. */
import { publishData } from '../publish/index.ts';
import { writeSummaries } from '../press/build.ts';
import type { Dataset } from '../types.ts';

/** Writes every file of data/ into `dir`; returns their paths. */
export async function writeDataFolder(ds: Dataset, dir: string): Promise<string[]> {
  const files = await publishData(ds, dir);
  files.push(await writeSummaries(ds, dir));
  return files;
}

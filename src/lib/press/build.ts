/** data/summaries.json: every unit's summary for each year and term (src/lib/summary), written by the build. */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { summarize, summaryWindowIds } from '../summary/index.ts';
import type { Dataset } from '../types.ts';

export const SUMMARY_FIELDS = ['unit_id', 'unit_name', 'period', 'kind', 'complete', 'text'] as const;

export interface SummaryLine {
  unit_id: string;
  unit_name: string;
  period: string;
  kind: 'year' | 'term';
  /** False when a flow of the window covers part of it, or was summed from part of the children. */
  complete: boolean;
  text: string;
}

/** Every summary: units in the dataset's order, each unit's years ascending, then its terms in order. */
export function* summaryLines(ds: Dataset): Generator<SummaryLine> {
  for (const unit of ds.units) {
    const uf = ds.figures[unit.id];
    if (!uf) continue;
    for (const id of summaryWindowIds(uf)) {
      const s = summarize(ds, unit.id, id);
      if (s)
        yield {
          unit_id: unit.id,
          unit_name: unit.name,
          period: s.period,
          kind: s.kind,
          complete: s.complete,
          text: s.text,
        };
    }
  }
}

/**
 * Writes `summaries.json` into `dataDir`: `{"summaries":[…]}`, one summary object a line (fields SUMMARY_FIELDS),
 * in a fixed order, so that two builds of the same data write the same bytes. Returns the file's path.
 */
export async function writeSummaries(ds: Dataset, dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'summaries.json');
  const fh = await open(file, 'w');
  try {
    let buf = '{"summaries":[';
    let first = true;
    for (const s of summaryLines(ds)) {
      buf += `${first ? '\n' : ',\n'}${JSON.stringify(s)}`;
      first = false;
      if (buf.length >= 1 << 20) {
        await fh.write(buf);
        buf = '';
      }
    }
    await fh.write(`${buf}\n]}\n`);
  } finally {
    await fh.close();
  }
  return file;
}

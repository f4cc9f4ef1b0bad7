/** data/summaries.json: every unit's summary for each year and term (src/lib/summary), written by the build. */
import { jsonLayout, provinceOf, writeParted } from '../publish/parts.ts';
import { summarize, summaryWindowIds } from '../summary/index.ts';
import type { Dataset } from '../types.ts';

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
 * Writes `summaries.json` into `dataDir`: `{"summaries":[…]}`, one summary object a line (the fields of SummaryLine),
 * in a fixed order, so that two builds of the same data write the same bytes; as parts between provinces, with
 * `summaries.parts.json`, when it would pass the hosts' limit (src/lib/publish/parts.ts). Returns the paths written.
 */
export async function writeSummaries(
  ds: Dataset,
  dataDir: string,
  opts: { partLimit?: number; onWarning?: (message: string) => void } = {},
): Promise<string[]> {
  const records = function* () {
    for (const s of summaryLines(ds)) yield { unitId: s.unit_id, text: JSON.stringify(s) };
  };
  const options = { limit: opts.partLimit, provinceOf: provinceOf(ds.units) };
  const result = await writeParted(dataDir, 'summaries.json', jsonLayout('{"summaries":['), records, options);
  for (const w of result.warnings) opts.onWarning?.(w);
  return result.files;
}

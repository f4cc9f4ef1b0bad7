/**
 * data/summaries.json: every unit's summary for each year and term (src/lib/summary), written by the build.
 * One unit a line, its distinct sentences listed once and each summary as the indexes of its sentences:
 * ```
 * {"summary_columns":["period","kind","complete","sentences"],"units":[
 * {"unit_id":"T01","unit_name":"Đảng bộ …","sentences":["Tại thời điểm …","Năm 2011, …",…],
 *  "summaries":[["2010","year",true,[0,1]],["2011","year",false,[2,3,4,1]],…]},
 * …
 * ]}
 * ```
 * A summary's text is its sentences joined by one space (summarize: `sentences.map((s) => s.text).join(' ')`),
 * so it is recovered exactly. A unit's summaries repeat sentences (a term's summary says its last year's stock in
 * the same words; an unchanged village count is said alike each year) and the unit's name. On a national data set
 * one object per summary with its text was 196 MB; grouped by unit 180 MB; with the sentences listed once 163 MB;
 * with each summary an array under `summary_columns` 154 MB. A list of all the file's sentences (95 MB) would
 * have to head each part (parts.ts copies byte ranges under one head), and alone passes a part's 25 MiB.
 * Decoding, in JavaScript (`doc` the parsed file, or one of its parts):
 * ```
 * for (const u of doc.units)
 *   for (const [period, kind, complete, ids] of u.summaries)
 *     console.log(u.unit_id, period, kind, complete, ids.map((i) => u.sentences[i]).join(' '));
 * ```
 */
import { jsonLayout, provinceOf, writeParted } from '../publish/parts.ts';
import { summarize, summaryWindowIds } from '../summary/index.ts';
import type { Dataset } from '../types.ts';

export const SUMMARY_COLUMNS = ['period', 'kind', 'complete', 'sentences'] as const;

/**
 * One summary: its window id, the window's kind, whether it is complete (false when a flow of the window covers
 * part of it, or was summed from part of the children) and the indexes of its sentences in its unit's list.
 */
export type SummaryRow = [period: string, kind: 'year' | 'term', complete: boolean, sentences: number[]];

/** One line of summaries.json: a unit with every summary it has. */
export interface SummaryUnit {
  unit_id: string;
  unit_name: string;
  /** The unit's distinct sentences, in the order they first come. */
  sentences: string[];
  summaries: SummaryRow[];
}

/** Every unit with a summary, in the dataset's order; each unit's years ascending, then its terms in order. */
export function* summaryUnits(ds: Dataset): Generator<SummaryUnit> {
  for (const unit of ds.units) {
    const uf = ds.figures[unit.id];
    if (!uf) continue;
    const sentences: string[] = [];
    const index = new Map<string, number>();
    const summaries: SummaryRow[] = [];
    for (const id of summaryWindowIds(uf)) {
      const s = summarize(ds, unit.id, id);
      if (!s) continue;
      const ids = s.sentences.map(({ text }) => {
        let i = index.get(text);
        if (i === undefined) {
          i = sentences.push(text) - 1;
          index.set(text, i);
        }
        return i;
      });
      summaries.push([s.period, s.kind, s.complete, ids]);
    }
    if (summaries.length > 0) yield { unit_id: unit.id, unit_name: unit.name, sentences, summaries };
  }
}

/**
 * Writes `summaries.json` into `dataDir`, in a fixed order, so that two builds of the same data write the same
 * bytes; as parts between provinces, with `summaries.parts.json`, when it would pass the hosts' limit
 * (src/lib/publish/parts.ts). Returns the paths written.
 */
export async function writeSummaries(
  ds: Dataset,
  dataDir: string,
  opts: { partLimit?: number; onWarning?: (message: string) => void } = {},
): Promise<string[]> {
  const records = function* () {
    for (const u of summaryUnits(ds)) yield { unitId: u.unit_id, text: JSON.stringify(u) };
  };
  const options = { limit: opts.partLimit, provinceOf: provinceOf(ds.units) };
  const head = `{"summary_columns":${JSON.stringify(SUMMARY_COLUMNS)},"units":[`;
  const result = await writeParted(dataDir, 'summaries.json', jsonLayout(head), records, options);
  for (const w of result.warnings) opts.onWarning?.(w);
  return result.files;
}

/**
 * data/summaries.json: every unit's summary for each year and term (src/lib/summary), written by the build.
 * One unit a line, its distinct sentences listed once and each summary as the indexes of its sentences; each
 * sentence as a template (the words every unit's sentence of that kind shares, listed once at the end of the file)
 * and its values, the numbers and the unit's name (src/lib/publish/templates.ts):
 * ```
 * {"summary_columns":["period","kind","complete","sentences"],"units":[
 * {"unit_id":"T01","unit_name":"Đảng bộ …","sentences":[[0,"31/12/2010",null,"123.265",…],[1,2011,null,"3.271"],…],
 *  "summaries":[["2010","year",true,[0,1]],["2011","year",false,[2,3,4,1]],…]},
 * …
 * ],
 * "templates":[
 * ["Tại thời điểm ",", "," có "," đảng viên, trong đó có ",…],
 * …
 * ]}
 * ```
 * A sentence `[t, v1, v2, …]` is template t's pieces with the values between them (a number written as it is,
 * null as the unit's `unit_name`); a summary's text is its sentences joined by one space (summarize:
 * `sentences.map((s) => s.text).join(' ')`), so both are recovered exactly. On a national data set one object per
 * summary with its text was 196 MB; grouped by unit, its sentences listed once, each summary an array 154 MB; with
 * the sentences as templates 34 MB (1,812 templates, 0.5 MB). The templates are the whole file's, at the end of it
 * and of each part (parts.ts copies byte ranges between one head and one tail, the tail made after the rows).
 * Decoding, in JavaScript (`doc` the parsed file, or one of its parts):
 * ```
 * const fill = ([t, ...values], name) =>
 *   doc.templates[t].map((piece, i) => (i === 0 ? '' : String(values[i - 1] ?? name)) + piece).join('');
 * for (const u of doc.units) {
 *   const sentences = u.sentences.map((s) => fill(s, u.unit_name));
 *   for (const [period, kind, complete, ids] of u.summaries)
 *     console.log(u.unit_id, period, kind, complete, ids.map((i) => sentences[i]).join(' '));
 * }
 * ```
 */
import { jsonLayout, provinceOf, writeParted } from '../publish/parts.ts';
import { type TemplatedText, Templates } from '../publish/templates.ts';
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
  /** The unit's distinct sentences, in the order they first come, each as a template and its values. */
  sentences: TemplatedText[];
  summaries: SummaryRow[];
}

/**
 * Every unit with a summary, in the dataset's order; each unit's years ascending, then its terms in order. The
 * sentences' templates are added to `templates`.
 */
export function* summaryUnits(ds: Dataset, templates: Templates): Generator<SummaryUnit> {
  for (const unit of ds.units) {
    const uf = ds.figures[unit.id];
    if (!uf) continue;
    const sentences: TemplatedText[] = [];
    const index = new Map<string, number>();
    const summaries: SummaryRow[] = [];
    for (const id of summaryWindowIds(uf)) {
      const s = summarize(ds, unit.id, id);
      if (!s) continue;
      const ids = s.sentences.map(({ text }) => {
        let i = index.get(text);
        if (i === undefined) {
          i = sentences.push(templates.encode(text, unit.name)) - 1;
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
  const templates = new Templates();
  const records = function* () {
    for (const u of summaryUnits(ds, templates)) yield { unitId: u.unit_id, text: JSON.stringify(u) };
  };
  const options = { limit: opts.partLimit, provinceOf: provinceOf(ds.units) };
  const head = `{"summary_columns":${JSON.stringify(SUMMARY_COLUMNS)},"units":[`;
  const layout = { ...jsonLayout(head), tail: () => `\n],\n"templates":[\n${templates.lines()}\n]}\n` };
  const result = await writeParted(dataDir, 'summaries.json', layout, records, options);
  for (const w of result.warnings) opts.onWarning?.(w);
  return result.files;
}

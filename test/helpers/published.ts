/**
 * Reads data/indicators.json and data/summaries.json as a program would, following the shapes the data page and
 * README describe (written here apart from src/lib/publish and src/lib/press, so the tests do not take the code's
 * word for them): the whole file, or its parts in the order `NAME.parts.json` lists them, decoded.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown;

/** The documents of `name` in `dataDir`: the whole file, or each of its parts in order. */
export async function jsonDocuments(dataDir: string, name: string): Promise<unknown[]> {
  const list = path.join(dataDir, name.replace(/\.json$/, '.parts.json'));
  if (!existsSync(path.join(dataDir, name)) && existsSync(list)) {
    const parts = (await readJson(list)) as { files: { file: string; parts: { file: string }[] }[] };
    const entry = parts.files.find((f) => f.file === name);
    if (!entry) throw new Error(`${list} does not list ${name}`);
    return Promise.all(entry.parts.map((p) => readJson(path.join(dataDir, p.file))));
  }
  return [await readJson(path.join(dataDir, name))];
}

export interface IndicatorsDoc {
  columns: string[];
  dictionary: Record<string, string[]>;
  rows: unknown[][];
}

/** A document's rows with every coded cell replaced by its text: the rows of indicators.csv, values typed. */
export function indicatorRows(doc: IndicatorsDoc): unknown[][] {
  return doc.rows.map((row) =>
    row.map((v, i) => {
      const list = doc.dictionary[doc.columns[i]!];
      if (!list) return v;
      if (typeof v !== 'number' || list[v] === undefined) throw new Error(`no ${doc.columns[i]} ${String(v)}`);
      return list[v];
    }),
  );
}

/** Every row of a data folder's indicators.json (whole or parts), decoded. */
export async function readIndicatorsJson(dataDir: string): Promise<unknown[][]> {
  const docs = (await jsonDocuments(dataDir, 'indicators.json')) as IndicatorsDoc[];
  return docs.flatMap(indicatorRows);
}

export interface SummariesDoc {
  summary_columns: string[];
  units: {
    unit_id: string;
    unit_name: string;
    /** Each sentence: a template's index, then the values between its pieces (null: the unit's name). */
    sentences: [number, ...(number | string | null)[]][];
    summaries: [string, string, boolean, number[]][];
  }[];
  /** Each template: the literal pieces of a sentence, its values going between them. */
  templates: string[][];
}

/** A sentence of summaries.json written out: its template's pieces with the values between them. */
function sentenceText(
  doc: SummariesDoc,
  [t, ...values]: SummariesDoc['units'][number]['sentences'][number],
  name: string,
) {
  const pieces = doc.templates[t];
  if (!pieces || pieces.length !== values.length + 1) throw new Error(`template ${t} does not take ${values.length}`);
  return pieces.map((piece, i) => (i === 0 ? '' : String(values[i - 1] ?? name)) + piece).join('');
}

/** One summary as a reader gets it: the unit, the window, and the text (its sentences joined by a space). */
export interface PublishedSummary {
  unit_id: string;
  unit_name: string;
  period: string;
  kind: string;
  complete: boolean;
  text: string;
}

export function summaryTexts(doc: SummariesDoc): PublishedSummary[] {
  return doc.units.flatMap((u) =>
    u.summaries.map(([period, kind, complete, ids]) => {
      const sentences = ids.map((i) => {
        if (u.sentences[i] === undefined) throw new Error(`${u.unit_id} ${period}: no sentence ${i}`);
        return sentenceText(doc, u.sentences[i], u.unit_name);
      });
      return { unit_id: u.unit_id, unit_name: u.unit_name, period, kind, complete, text: sentences.join(' ') };
    }),
  );
}

/** Every summary of a data folder's summaries.json (whole or parts), decoded. */
export async function readSummariesJson(dataDir: string): Promise<PublishedSummary[]> {
  const docs = (await jsonDocuments(dataDir, 'summaries.json')) as SummariesDoc[];
  return docs.flatMap(summaryTexts);
}

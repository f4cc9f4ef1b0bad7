/** Checks shared by the summary tests: every figure a summary states is the dataset's own. */
import { expect } from 'vitest';
import { SUMMARY_COLUMNS, summaryUnits } from '../../src/lib/press/build.ts';
import { Templates } from '../../src/lib/publish/templates.ts';
import { summarize, type CitedFigure } from '../../src/lib/summary/index.ts';
import type { Dataset } from '../../src/lib/types.ts';
import { summaryTexts } from './published.ts';

/** A published summary (of summaries.json, from summaryUnits, decoded) with its sentences and cited figures. */
export interface SummaryRecord {
  unit_id: string;
  period: string;
  kind: 'year' | 'term';
  complete: boolean;
  text: string;
  sentences: string[];
  /** The sentence stating the admitted figure, if any. */
  admitted?: string;
  figures: CitedFigure[];
}

/** Every summary the build publishes, in its order, each with what summarize() cites for it. */
export function publishedSummaries(ds: Dataset): SummaryRecord[] {
  const templates = new Templates();
  const units = [...summaryUnits(ds, templates)];
  // The file's tail, read back as a program reads it.
  const doc = { summary_columns: [...SUMMARY_COLUMNS], units, templates: JSON.parse(`[${templates.lines()}]`) };
  return summaryTexts(doc).map((line) => {
    const s = summarize(ds, line.unit_id, line.period);
    expect(s, `${line.unit_id} ${line.period}`).toBeDefined();
    const { unit_id, period, complete, text } = line;
    const kind = line.kind as SummaryRecord['kind'];
    expect([kind, complete], `${unit_id} ${period}`).toEqual([s!.kind, s!.complete]);
    const sentences = s!.sentences.map((x) => x.text);
    const admitted = s!.sentences.find((x) => x.topic === 'admitted')?.text;
    return { unit_id, period, kind, complete, text, sentences, ...(admitted ? { admitted } : {}), figures: s!.figures };
  });
}

/** Non-breaking spaces (before `%`) as plain spaces, so expectations can be typed. */
export const plain = (s: string): string => s.replace(/\u00a0/g, ' ');

/** Numbers in the text that are not figures: dates, months, years, coverage, reporting counts, ages. */
const NOT_FIGURES: RegExp[] = [
  /\d{2}\/\d{2}\/\d{4}/g, // 27/08/2020
  /các năm \d{4}((, | và )\d{4})*/g, // trong các năm 2016, 2017 và 2020
  /tháng \d{1,2}\/\d{4}–\d{1,2}\/\d{4}/g, // tháng 1/2021–6/2025 (a group's months in a term)
  /tháng \d{1,2}(–\d{1,2})?(, \d{1,2}(–\d{1,2})?)* của/g, // tháng 1–6 của (a group's months in a year)
  /\d+ tháng đầu năm \d{4}/g, // 7 tháng đầu năm 2020
  /\d+ năm (đầu|cuối)/g, // 4 năm đầu nhiệm kỳ
  /\d+\/\d+ tháng/g, // 7/12 tháng, 48/60 tháng
  /sau \d+ tháng/g, // sau 8 tháng
  /tháng \d{1,2}\/\d{4}/g, // tháng 8/2020
  /tháng \d{1,2} đến/g, // từ tháng 3 đến
  /năm \d{4}/gi, // năm 2020
  /nhiệm kỳ \d{4}–\d{4}/gi, // nhiệm kỳ 2015–2020
  /lần lượt (\d+\/\d+(, | và )?)+ đơn vị báo cáo/g, // lần lượt 4/7, 36/47 và 3/3 đơn vị báo cáo
  /\d+\/\d+ (tổ chức|đảng bộ|chi bộ|đơn vị)/g, // 3/5 tổ chức cơ sở đảng, 12/12 đảng bộ xã, phường, đặc khu
  /18 đến 30 tuổi/g,
];

/**
 * For every summary: no empty sentence; every cited figure equals the row of dataset.indicators for
 * the same unit, period and indicator (or, for a dated stock, the unit's snapshot of that date) and
 * appears in its sentence; every other number in the text is a date, month, year or coverage.
 */
export function checkAgainstIndicators(ds: Dataset, records: readonly SummaryRecord[]): void {
  const rows = new Map(ds.indicators.map((r) => [`${r.unit_id}|${r.period}|${r.indicator}`, r]));
  for (const rec of records) {
    const where = `${rec.unit_id} ${rec.period}: ${plain(rec.text)}`;
    expect(rec.sentences.length, where).toBeGreaterThan(0);
    expect(rec.text).toBe(rec.sentences.join(' '));
    for (const s of rec.sentences) expect(s.trim().length, where).toBeGreaterThan(10);
    expect(rec.figures.length, where).toBeGreaterThan(0);
    for (const f of rec.figures) {
      expect(rec.text, `${where} — ${f.indicator}`).toContain(f.text);
      if (f.asOf) {
        const snap = ds.figures[rec.unit_id]!.snapshots.find((s) => s.asOf === f.asOf);
        expect(snap?.villagesWithoutMembers, `${where} — ${f.indicator} at ${f.asOf}`).toBe(f.value);
        continue;
      }
      const row = rows.get(`${rec.unit_id}|${f.period}|${f.indicator}`);
      expect(row, `${where} — no indicator row ${f.indicator} for ${f.period}`).toBeDefined();
      expect(row!.value, `${where} — ${f.indicator}`).toBe(f.value);
    }
    // Every remaining number is the text of a cited figure.
    let rest = plain(rec.text);
    for (const re of NOT_FIGURES) rest = rest.replace(re, ' ');
    const cited = new Set(rec.figures.map((f) => plain(f.text).replace(/ ?%$/, '')));
    for (const token of rest.match(/\d+(?:[.,]\d+)*/g) ?? []) {
      expect(cited.has(token), `${where} — "${token}" is not a cited figure`).toBe(true);
    }
    // A partial year's admitted figure is never said like a whole one's (a training figure of the same year may
    // well cover the whole year, and say so).
    const f = ds.figures[rec.unit_id]!.years[rec.period];
    if (f?.admitted && f.admitted.months < f.admitted.ofMonths) {
      expect(rec.admitted, where).toBeDefined();
      expect(plain(rec.admitted!), where).not.toMatch(new RegExp(`[Tt]rong năm ${rec.period}\\b`));
      expect(plain(rec.admitted!), where).not.toMatch(/^Kết quả,/);
    }
  }
}

/**
 * How a sentence opens, for the rule "no two sentences of a summary open with the same clause": the words
 * before the first comma, and the first six words (lower case, trailing punctuation dropped). Written here
 * apart from src/lib/summary/openings.ts, so that the test does not take the code's word for it.
 */
export function openings(sentence: string): [string, string] {
  const clause = sentence.split(',')[0]!.trim().toLowerCase();
  const six = sentence
    .trim()
    .split(/\s+/)
    .slice(0, 6)
    .map((w) => w.replace(/[,.;:()]+$/, '').toLowerCase())
    .join(' ');
  return [clause, six];
}

/** The summaries (as `unit period: sentence`) with a sentence opening like an earlier one of the same summary. */
export function repeatedOpenings(records: readonly SummaryRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    const clauses = new Set<string>();
    const sixes = new Set<string>();
    for (const s of r.sentences) {
      const [clause, six] = openings(s);
      if (clauses.has(clause) || sixes.has(six)) out.push(`${r.unit_id} ${r.period}: ${s}`);
      clauses.add(clause);
      sixes.add(six);
    }
  }
  return out;
}

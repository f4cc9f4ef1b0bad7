/**
 * The summaries a unit page quotes under its cards: the cards' year (the latest with an admitted figure) and the
 * latest term the unit has a summary for. Texts come from src/lib/summary, never written by hand.
 */
import { type Summary, summarize } from '../summary/index.ts';
import type { Dataset, Unit } from '../types.ts';

export interface PageSummary {
  /** DOM id of the quote, unique in its page: `tom-tat-2020`. */
  id: string;
  /** `Năm 2020`, `Nhiệm kỳ 2015–2020`. */
  title: string;
  /** The window id: `2020`, `2015-2020`. */
  period: string;
  /** The whole summary, as data/summaries.json publishes it and as "Sao chép" copies it. */
  text: string;
  /** Its first sentence, which the page shows collapsed (on a phone the rest would push the charts away). */
  first: string;
  /** The other sentences, shown on a tap; empty for a summary of one sentence. */
  rest: string;
}

/** The page's view of a summary: its sentences as summarize() wrote them, the first apart. */
function pageSummary(s: Summary, title: string): PageSummary {
  const [first, ...rest] = s.sentences.map((x) => x.text);
  return { id: `tom-tat-${s.period}`, title, period: s.period, text: s.text, first: first ?? '', rest: rest.join(' ') };
}

export function unitSummaries(ds: Dataset, unit: Unit, year: number | undefined): PageSummary[] {
  const out: PageSummary[] = [];
  const y = year === undefined ? undefined : summarize(ds, unit.id, String(year));
  if (y) out.push(pageSummary(y, `Năm ${year}`));
  const terms = [...ds.terms].sort((a, b) => b.from - a.from);
  for (const t of terms) {
    if (!ds.figures[unit.id]?.terms[t.id]) continue;
    const s = summarize(ds, unit.id, t.id);
    if (s) {
      out.push(pageSummary(s, t.name));
      break;
    }
  }
  return out;
}

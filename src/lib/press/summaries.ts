/**
 * The summaries a unit page quotes under its cards: the cards' year (the latest with an admitted figure) and the
 * latest term the unit has a summary for. Texts come from src/lib/summary, never written by hand.
 */
import { summarize } from '../summary/index.ts';
import type { Dataset, Unit } from '../types.ts';

export interface PageSummary {
  /** DOM id of the quote, unique in its page: `tom-tat-2020`. */
  id: string;
  /** `Năm 2020`, `Nhiệm kỳ 2015–2020`. */
  title: string;
  /** The window id: `2020`, `2015-2020`. */
  period: string;
  text: string;
}

export function unitSummaries(ds: Dataset, unit: Unit, year: number | undefined): PageSummary[] {
  const out: PageSummary[] = [];
  const y = year === undefined ? undefined : summarize(ds, unit.id, String(year));
  if (y) out.push({ id: `tom-tat-${y.period}`, title: `Năm ${year}`, period: y.period, text: y.text });
  const terms = [...ds.terms].sort((a, b) => b.from - a.from);
  for (const t of terms) {
    if (!ds.figures[unit.id]?.terms[t.id]) continue;
    const s = summarize(ds, unit.id, t.id);
    if (s) {
      out.push({ id: `tom-tat-${s.period}`, title: t.name, period: s.period, text: s.text });
      break;
    }
  }
  return out;
}

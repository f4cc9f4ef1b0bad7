/**
 * Summaries: a short paragraph per unit and window, in the register of the board's articles
 * ("Tính đến hết tháng 8/2020, Đảng bộ huyện mới kết nạp được 31 đảng viên,
 * đạt 12,25% so với chỉ tiêu được giao"), generated from the Dataset, never written by hand.
 *
 * Rules:
 * - Each sentence is written only when every figure it states exists; an unknown figure is left
 *   out, never said as 0, and a sentence with nothing to say is not written.
 * - Every figure is taken from the window's figures (the same values indicators.csv publishes) and
 *   listed in `figures` with its indicator name, so a test can look each one up in dataset.indicators.
 * - Partial figures are said as such (the covered months, "số liệu 48/60 tháng"), and summed
 *   figures say so with how many children reported ("tổng hợp từ 3/5 tổ chức cơ sở đảng báo cáo").
 * - The unit's full name is the subject the first time, a short form after.
 *
 * The sentences by topic: admitted.ts (target, admitted, composition, change, rate), training.ts,
 * stock.ts (members, organisations, villages); wording.ts holds what they share.
 */
import type { Dataset, Flow, UnitFigures, WindowFigures } from '../types.ts';
import { admittedSentence, changeSentence, compositionSentence, rateSentence, targetSentence } from './admitted.ts';
import { stockSentences, villagesChangeSentence } from './stock.ts';
import { trainingSentences } from './training.ts';
import { varyOpenings } from './openings.ts';
import type { Summary } from './types.ts';
import { Subject, type Ctx } from './wording.ts';
export type { CitedFigure, Summary } from './types.ts';
export { shortSubject } from './wording.ts';

function windowFigures(ds: Dataset, unitId: string, windowId: string): WindowFigures | undefined {
  const uf = ds.figures[unitId];
  if (!uf) return undefined;
  return uf.years[windowId] ?? uf.terms[windowId];
}

/**
 * The summary of one unit in one window (a year id `2020` or a term id `2015-2020`); undefined when
 * the unit or window is unknown or there is no figure to state.
 */
export function summarize(dataset: Dataset, unitId: string, windowId: string): Summary | undefined {
  const unit = dataset.unitById[unitId];
  const f = windowFigures(dataset, unitId, windowId);
  if (!unit || !f) return undefined;
  const ctx: Ctx = {
    ds: dataset,
    unit,
    w: f.window,
    f,
    subject: new Subject(unit, f.window),
    out: [],
    said: new Set(),
  };
  targetSentence(ctx);
  admittedSentence(ctx);
  rateSentence(ctx);
  compositionSentence(ctx);
  changeSentence(ctx);
  trainingSentences(ctx);
  stockSentences(ctx);
  villagesChangeSentence(ctx);
  const sentences = ctx.out.filter((s) => s.text.length > 0 && s.figures.length > 0);
  if (sentences.length === 0) return undefined;
  varyOpenings(sentences);
  const flows = [f.admitted, f.classes, f.trainees, f.dossiers].filter((x): x is Flow => x !== undefined);
  const complete = flows.every(
    (x) => x.months >= x.ofMonths && (!x.reporting || x.reporting.reported === x.reporting.active),
  );
  return {
    unitId,
    period: f.window.id,
    kind: f.window.kind,
    complete,
    text: sentences.map((s) => s.text).join(' '),
    sentences,
    figures: sentences.flatMap((s) => s.figures),
  };
}

/** A unit's window ids in summary order: years ascending, then terms in time order. */
export function summaryWindowIds(uf: UnitFigures): string[] {
  return [
    ...Object.keys(uf.years).sort((a, b) => Number(a) - Number(b)),
    ...Object.values(uf.terms)
      .sort((a, b) => a.window.from - b.window.from)
      .map((t) => t.window.id),
  ];
}

/**
 * Same period of the previous year (spec, Indicators, "so với cùng kỳ"): for a year whose admitted figure
 * is partial and covers the months M, the unit's figure over the months M of the year before, by the same
 * rules (own rows tiling exactly; else the children and predecessors it had then, each exactly).
 *
 * Only partial years ask for it, and every figure over months is memoised (the engine's sub-window
 * figures by unit and span, and here the combined ones), so the cost stays linear in units.
 */
import type { Basis, Flow, SamePeriodReason, Unit, Window, WindowFigures } from '../types.ts';
import type { Flows } from './flows.ts';
import { lifeSpan } from './lives.ts';
import { pct } from './round.ts';
import type { Contribution } from './rollup.ts';
import { count, coveredOf, intersect, sameSet, type SpanSet } from './spans.ts';

/** What the engine lends: a unit's own-or-summed flows over one span of a window, and its predecessors. */
export interface SamePeriodDeps {
  spanFlows: (u: Unit, from: number, to: number, w: Window) => Flows;
  predecessors: (u: Unit) => Unit[];
  /** Whether an own admissions row reaches both into and out of from..to (a row that cannot be split). */
  straddles: (u: Unit, from: number, to: number) => boolean;
  hasChildren: (u: Unit, from: number, to: number) => boolean;
}

type Known = { value: number; basis: Basis };
type Result = Known | { reason: SamePeriodReason };

/** One participant of this year's figure: the months it was there and its flow (undefined: not reporting). */
export interface CurrentPart {
  present: SpanSet;
  flow: Flow | undefined;
}

const YEAR = 12;

export function samePeriodOf(deps: SamePeriodDeps) {
  const memo = new Map<string, Result>();

  /** The unit's figure over from..to (one span of `w`), combined with its predecessors'; else why not. */
  function overSpan(u: Unit, from: number, to: number, w: Window): Result {
    const key = `${u.id}\u0000${from}:${to}`;
    const done = memo.get(key);
    if (done) return done;
    memo.set(key, { reason: 'missing-part' }); // a cycle (input error) reads nothing
    const r = compute(u, from, to, w);
    memo.set(key, r);
    return r;
  }

  function compute(u: Unit, from: number, to: number, w: Window): Result {
    const life = lifeSpan(u);
    const preds = deps.predecessors(u).filter((p) => {
      const l = lifeSpan(p);
      return l.from <= to && l.to >= from;
    });
    // Founded after these months began, and no predecessor there then: nothing to compare with.
    if (life.from > from && !preds.some((p) => lifeSpan(p).from <= from)) return { reason: 'founded' };
    const a = Math.max(from, life.from);
    const b = Math.min(to, life.to);
    let value = 0;
    let basis: Basis | undefined;
    let covered = 0;
    if (a <= b) {
      const own = deps.spanFlows(u, a, b, w).admitted;
      const r = own?.reporting;
      if (!own || own.months !== b - a + 1 || (r && r.reported < r.active)) {
        // A summed figure failed on a child (even if an own row of the whole year also exists).
        if (own && own.basis !== 'reported') return { reason: 'missing-part' };
        if (deps.straddles(u, a, b)) return { reason: 'no-split' };
        if (own) return { reason: 'missing-months' };
        return { reason: deps.hasChildren(u, a, b) ? 'missing-part' : 'no-data' };
      }
      value += own.value;
      basis = own.basis;
      covered += b - a + 1;
    }
    for (const p of preds) {
      const l = lifeSpan(p);
      const pa = Math.max(from, l.from);
      const pb = Math.min(to, l.to);
      const r = overSpan(p, pa, pb, w);
      if ('reason' in r) return { reason: 'missing-part' };
      value += r.value;
      basis = 'combined';
      covered += pb - pa + 1;
    }
    // A month nobody was there for (a gap between lives) leaves the figure short.
    if (covered < to - from + 1 || basis === undefined) return { reason: 'missing-part' };
    return { value, basis };
  }

  /**
   * Fills the same-period figures of `f` (a year) when its admitted is partial; `parts` are the figure's
   * participants (own rows, children, predecessors), each of which must cover exactly M.
   */
  return function fill(u: Unit, f: WindowFigures, parts: readonly CurrentPart[], prev: Window | undefined): void {
    const a = f.admitted;
    const w = f.window;
    if (w.kind !== 'year' || !a || a.months >= w.months) return;
    const M = coveredOf(a, w);
    if (a.reporting && a.reporting.reported < a.reporting.active) {
      f.samePeriodReason = 'incomplete';
      return;
    }
    for (const p of parts) {
      if (!p.flow) continue;
      if (!sameSet(intersect(coveredOf(p.flow, w), p.present), intersect(M, p.present))) {
        f.samePeriodReason = 'uneven';
        return;
      }
    }
    if (!prev) {
      const life = lifeSpan(u);
      f.samePeriodReason = life.from > w.from - YEAR ? 'founded' : 'no-data';
      return;
    }
    let value = 0;
    let basis: Basis = 'reported';
    for (const s of M) {
      const r = overSpan(u, s.from - YEAR, s.to - YEAR, prev);
      if ('reason' in r) {
        f.samePeriodReason = r.reason;
        return;
      }
      value += r.value;
      if (r.basis === 'combined' || (r.basis === 'summed' && basis === 'reported')) basis = r.basis;
    }
    const months = count(M);
    f.samePeriodPrev = { value, months, ofMonths: YEAR, basis, rows: [] };
    f.admittedChangeSamePeriod = a.value - value;
    const p = pct(a.value - value, value);
    if (p !== undefined) f.admittedChangeSamePeriodPct = p;
  };
}

/** This year's participants of a unit's admitted: itself (own rows), else its children; then predecessors. */
export function currentParts(
  f: WindowFigures,
  ownPresent: SpanSet,
  children: readonly Contribution[],
  preds: readonly { present: SpanSet; figures: WindowFigures | undefined }[],
  base: WindowFigures,
): CurrentPart[] {
  const out: CurrentPart[] = [];
  const own = base.admitted;
  if (own?.basis === 'reported') out.push({ present: ownPresent, flow: own });
  else for (const c of children) out.push({ present: c.present, flow: c.flows.admitted });
  if (f.admitted?.basis === 'combined')
    for (const p of preds) out.push({ present: p.present, flow: p.figures?.admitted });
  return out;
}

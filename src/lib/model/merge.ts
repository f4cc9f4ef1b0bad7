/**
 * Merged units (spec, "Units that change", Merged units): a successor's figures include its predecessors'
 * for the months they were active, recursively (a predecessor's figure already includes its own).
 *
 * - Flow: the successor's own figure (own rows or children's sum) plus each predecessor's window figure
 *   (a predecessor has no month outside its life, so its window figure is its figure over its months),
 *   coverage by the month rule with each predecessor a participant present in its months. Basis
 *   `combined` when a predecessor contributed; the parts are kept, the successor's own first.
 * - Target: only when the successor (if active in the window) and every active predecessor have one.
 * - Stocks: at a date when predecessors were active, own + each active predecessor's snapshot of that
 *   date, unknown when one of them has none. Members at the start of a year: each part's own start of
 *   year snapshot (the admission-rate rule), all of them needed.
 * The parents of a successor sum its own figures, never the combined ones: a predecessor counts under
 * its own parent in its months, so combined figures are for the successor's page and rows only.
 */
import type { Flow, Part, Snapshot, Unit, Window, WindowFigures } from '../types.ts';
import { BREAKDOWNS, type FlowKey, type Flows } from './flows.ts';
import { lifeSpan } from './lives.ts';
import { addUp, flowOfSum, type Contribution, type Piece, type Target } from './rollup.ts';
import { clip, EMPTY, union, wholeOf, type SpanSet } from './spans.ts';
import { STOCK_FIELDS, monthOfDate, withShare } from './stocks.ts';

type MembersAtStart = NonNullable<WindowFigures['membersAtStart']>;

export const aliveIn = (u: Unit, from: number, to: number): boolean => {
  const l = lifeSpan(u);
  return l.from <= to && l.to >= from;
};

/** The unit's life months inside the window, as a span set (the window's shared array when whole). */
export function lifeIn(u: Unit, w: Window): SpanSet {
  const l = lifeSpan(u);
  if (l.from <= w.from && l.to >= w.to) return wholeOf(w);
  const s = clip([l], w.from, w.to);
  return s.length === 0 ? EMPTY : s;
}

export interface PredWindow {
  unit: Unit;
  present: SpanSet;
  figures: WindowFigures | undefined;
}

const MAIN = ['admitted', 'classes', 'trainees', 'dossiers'] as const;

/**
 * The window figures of a successor from its own (`base`, with the children it summed) and its
 * predecessors active in the window. Returns `base` itself when no predecessor was active.
 */
export function combineWindow(
  unit: Unit,
  base: WindowFigures,
  children: readonly Contribution[],
  preds: readonly PredWindow[],
  withBreakdowns = true,
): WindowFigures {
  const w = base.window;
  if (preds.length === 0) return base;
  const ownPresent = lifeIn(unit, w);
  let childPresent: SpanSet = EMPTY;
  for (const c of children) childPresent = union(childPresent, c.present);
  const out: WindowFigures = { window: w };
  for (const key of MAIN) {
    const own = base[key];
    const pieces: Piece[] = [];
    if (own?.basis === 'reported') pieces.push({ unitId: unit.id, present: ownPresent, flow: own });
    else if (own) pieces.push({ unitId: unit.id, present: childPresent, flow: own, counts: own.reporting! });
    else if (children.length > 0) {
      const counts = { reported: 0, active: children.length };
      pieces.push({ unitId: unit.id, present: childPresent, flow: undefined, counts });
    } else if (ownPresent.length > 0) pieces.push({ unitId: unit.id, present: ownPresent, flow: undefined });
    let fromPreds = false;
    for (const p of preds) {
      const f = p.figures?.[key];
      if (f) fromPreds = true;
      pieces.push({ unitId: p.unit.id, present: p.present, flow: f });
    }
    const s = addUp(
      pieces,
      (p) => p.flow,
      w,
      (p) => p.counts,
    );
    if (!s) continue;
    const flow = flowOfSum(s, w, fromPreds ? 'combined' : own!.basis);
    if (fromPreds) flow.parts = partsOf(unit, own, preds, key);
    out[key] = flow;
    if (key === 'admitted' && withBreakdowns) breakdowns(unit, base, preds, flow, fromPreds, out);
  }
  const target = combineTarget(unit, base.target, w, preds);
  if (target) out.target = target;
  return out;
}

function partsOf(unit: Unit, own: Flow | undefined, preds: readonly PredWindow[], key: FlowKey): Part[] {
  const parts: Part[] = own ? [{ unitId: unit.id, value: own.value }] : [];
  for (const p of preds) {
    const f = p.figures?.[key];
    if (f) parts.push({ unitId: p.unit.id, value: f.value });
  }
  return parts;
}

/** Breakdowns of a combined admitted (rule 4 over the parts): known when every part with admitted has them. */
function breakdowns(
  unit: Unit,
  base: Flows,
  preds: readonly PredWindow[],
  admitted: Flow,
  fromPreds: boolean,
  out: Flows,
): void {
  const all: Flows[] = [base, ...preds.map((p) => p.figures ?? {})];
  for (const b of BREAKDOWNS) {
    if (!fromPreds) {
      const f = base[b];
      if (f) out[b] = { ...admitted, value: f.value };
      continue;
    }
    let sum = 0;
    let known = true;
    for (const p of all) {
      if (!p.admitted) continue;
      const f = p[b];
      if (!f) {
        known = false;
        break;
      }
      sum += f.value;
    }
    if (known) out[b] = { ...admitted, value: sum, parts: partsOf(unit, base[b], preds, b) };
  }
}

/** Own target (if the successor is active in the window) plus every active predecessor's; else unknown. */
function combineTarget(
  unit: Unit,
  own: Target | undefined,
  w: Window,
  preds: readonly PredWindow[],
): Target | undefined {
  if (!own && aliveIn(unit, w.from, w.to)) return undefined;
  let value = own?.value ?? 0;
  const parts: Part[] = own ? [{ unitId: unit.id, value: own.value }] : [];
  for (const p of preds) {
    const t = p.figures?.target;
    if (!t) return undefined;
    value += t.value;
    parts.push({ unitId: p.unit.id, value: t.value });
  }
  return { value, basis: 'combined', parts };
}

/**
 * A successor's snapshots: at each date when a predecessor was active, own + each active predecessor's
 * (unknown, so left out, when one of them has none of that date); at other dates its own.
 */
export function combineSnapshots(
  unit: Unit,
  own: readonly Snapshot[],
  preds: readonly { unit: Unit; snapshots: readonly Snapshot[] }[],
): Snapshot[] {
  if (preds.length === 0) return own as Snapshot[];
  const at = (list: readonly Snapshot[]) => new Map(list.map((s) => [s.asOf, s]));
  const ownAt = at(own);
  const predAt = preds.map((p) => at(p.snapshots));
  const dates = new Set<string>(ownAt.keys());
  for (const m of predAt) for (const d of m.keys()) dates.add(d);
  const out: Snapshot[] = [];
  for (const d of [...dates].sort()) {
    const m = monthOfDate(d);
    const mine = ownAt.get(d);
    const active = preds.map((p, i) => ({ p, s: predAt[i]!.get(d) })).filter((x) => aliveIn(x.p.unit, m, m));
    if (active.length === 0) {
      if (mine) out.push(mine);
      continue;
    }
    if (!mine && aliveIn(unit, m, m)) continue;
    if (active.some((x) => !x.s)) continue;
    const parts = active.map((x) => ({ unitId: x.p.unit.id, snapshot: x.s! }));
    if (mine) parts.unshift({ unitId: unit.id, snapshot: mine });
    const s: Snapshot = { asOf: d, basis: 'combined' };
    for (const f of STOCK_FIELDS) {
      let sum = 0;
      let known = true;
      for (const p of parts) {
        const v = p.snapshot[f];
        if (v === undefined) {
          known = false;
          break;
        }
        sum += v;
      }
      if (known) s[f] = sum;
    }
    s.parts = parts;
    out.push(withShare(s));
  }
  return out;
}

/**
 * Members at the start of year Y of a successor: its own start-of-year snapshot (when it was active in
 * December of Y−1 or January of Y) plus each predecessor's start of Y (already combined), when a
 * predecessor was active then; `own` alone otherwise. Unknown when a part has none.
 */
export function combineStart(
  unit: Unit,
  year: number,
  own: MembersAtStart | undefined,
  preds: readonly { unit: Unit; start: MembersAtStart | undefined }[],
): MembersAtStart | undefined {
  const lo = year * 12 - 1;
  const hi = year * 12;
  const active = preds.filter((p) => aliveIn(p.unit, lo, hi));
  if (active.length === 0) return own;
  if (!own && aliveIn(unit, lo, hi)) return undefined;
  const parts: (Part & { asOf: string })[] = own ? [{ unitId: unit.id, value: own.value, asOf: own.asOf }] : [];
  for (const p of active) {
    if (!p.start) return undefined;
    parts.push({ unitId: p.unit.id, value: p.start.value, asOf: p.start.asOf });
  }
  let value = 0;
  for (const p of parts) value += p.value;
  return { value, asOf: parts[0]!.asOf, basis: 'combined', parts };
}

/**
 * The unit tree: lookups, children in Vietnamese collation order, roots, and a bottom-up order.
 *
 * A unit whose lives have different parents (a grassroots committee moved from a district to a new
 * commune in 07/2025) is a child of each, with the months it was under each (spec, "Units that change").
 */
import { LEVEL_RANK, type MonthSpan, type Unit } from '../types.ts';
import { livesOf } from './lives.ts';
import { clip, count, EMPTY, minus, normalise, type SpanSet } from './spans.ts';

/** A child of one parent, with the months it was under that parent. */
export interface Member {
  unit: Unit;
  /** Months under this parent (open ends as ±Infinity). */
  months: SpanSet;
  /** Months of its life under another parent or none: empty for a child that never moved. */
  elsewhere: SpanSet;
}

export interface Tree {
  unitById: Record<string, Unit>;
  /** Children at any time, sorted by label. */
  childrenOf: Record<string, string[]>;
  /** The same children with their months under the unit, in the same order; absent for none. */
  membersOf: Record<string, Member[]>;
  /** Units whose successor_id is the unit, sorted by label (a shared frozen [] for none). */
  predecessorsOf: Record<string, string[]>;
  roots: string[];
  /** Every unit, children before their parents. */
  bottomUp: Unit[];
}

const collator = new Intl.Collator('vi');
/** By label in Vietnamese collation, then id, so equal labels still sort the same way every run. */
export const byLabel = (a: Unit, b: Unit): number =>
  collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const ALL: SpanSet = [{ from: -Infinity, to: Infinity }];
const NONE = Object.freeze([]) as unknown as string[];

export function buildTree(units: readonly Unit[]): Tree {
  const unitById: Record<string, Unit> = {};
  for (const u of units) unitById[u.id] = u;
  const kids = new Map<string, Member[]>();
  const rootUnits: Unit[] = [];
  const preds = new Map<string, Unit[]>();
  for (const u of units) {
    const s = u.successorId;
    if (s !== undefined && s !== u.id && Object.hasOwn(unitById, s)) {
      const list = preds.get(s);
      if (list) list.push(u);
      else preds.set(s, [u]);
    }
    // A parent that is missing (an error the check reports) leaves the unit at the top rather than lost.
    const parentOf = (pid: string | undefined) =>
      pid !== undefined && pid !== u.id && Object.hasOwn(unitById, pid) ? pid : undefined;
    const lives = livesOf(u);
    if (lives.length === 1 && !u.lives) {
      const pid = parentOf(u.parentId);
      if (pid === undefined) rootUnits.push(u);
      else add(kids, pid, { unit: u, months: lifeMonths(u.activeFrom, u.activeTo), elsewhere: EMPTY });
      continue;
    }
    const byParent = new Map<string, { from: number; to: number }[]>();
    for (const l of lives) {
      const pid = parentOf(l.parentId) ?? '';
      const span = { from: l.from ?? -Infinity, to: l.to ?? Infinity };
      const list = byParent.get(pid);
      if (list) list.push(span);
      else byParent.set(pid, [span]);
    }
    const life = normalise([...byParent.values()].flat());
    if (parentOf(u.parentId) === undefined) rootUnits.push(u);
    for (const [pid, spans] of byParent) {
      if (pid === '') continue;
      const months = normalise(spans);
      add(kids, pid, { unit: u, months, elsewhere: minus(life, months) });
    }
  }
  const childrenOf: Record<string, string[]> = {};
  const membersOf: Record<string, Member[]> = {};
  const predecessorsOf: Record<string, string[]> = {};
  for (const u of units) {
    const m = kids.get(u.id)?.sort((a, b) => byLabel(a.unit, b.unit));
    if (m) membersOf[u.id] = m;
    childrenOf[u.id] = m ? m.map((c) => c.unit.id) : [];
    // One shared empty list for the units nothing merged into (nearly all): no array per unit.
    const p = preds.get(u.id);
    predecessorsOf[u.id] = p ? p.sort(byLabel).map((x) => x.id) : NONE;
  }
  // Deepest first, so every child is done before its parent, whatever the levels say (a level
  // mismatch is an input error, but the site may still render data that has one).
  const depth = new Map<string, number>();
  const depthOf = (u: Unit): number => {
    const path: Unit[] = [];
    let d = 0;
    for (let x: Unit | undefined = u; x; ) {
      const known = depth.get(x.id);
      if (known !== undefined) {
        d = known + 1;
        break;
      }
      if (path.includes(x)) break; // a cycle (an input error): stop climbing
      path.push(x);
      const pid: string | undefined = x.parentId;
      x = pid !== undefined && Object.hasOwn(unitById, pid) ? unitById[pid] : undefined;
    }
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!.id, d++);
    return depth.get(u.id)!;
  };
  for (const u of units) depthOf(u);
  const bottomUp = [...units].sort(
    (a, b) => depth.get(b.id)! - depth.get(a.id)! || LEVEL_RANK[b.level] - LEVEL_RANK[a.level],
  );
  return { unitById, childrenOf, membersOf, predecessorsOf, roots: rootUnits.sort(byLabel).map((u) => u.id), bottomUp };
}

function add(kids: Map<string, Member[]>, pid: string, m: Member): void {
  const list = kids.get(pid);
  if (list) list.push(m);
  else kids.set(pid, [m]);
}

function lifeMonths(from: number | undefined, to: number | undefined): SpanSet {
  if (from === undefined && to === undefined) return ALL;
  return [{ from: from ?? -Infinity, to: to ?? Infinity }];
}

/** Dataset.activeChildren: the children under a unit in some month of a span, with those months. */
export function activeChildren(membersOf: Record<string, Member[]>) {
  return (unitId: string, span: MonthSpan): { unitId: string; months: number; spans: MonthSpan[] }[] => {
    const out: { unitId: string; months: number; spans: MonthSpan[] }[] = [];
    for (const m of membersOf[unitId] ?? []) {
      const spans = clip(m.months, span.from, span.to);
      if (spans.length > 0) out.push({ unitId: m.unit.id, months: count(spans), spans: spans.map((x) => ({ ...x })) });
    }
    return out;
  };
}

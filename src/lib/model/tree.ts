/**
 * The unit tree: lookups, children in Vietnamese collation order, roots, and a bottom-up order.
 */
import { LEVEL_RANK, type Unit } from '../types.ts';

export interface Tree {
  unitById: Record<string, Unit>;
  childrenOf: Record<string, string[]>;
  roots: string[];
  /** Every unit, children before their parents. */
  bottomUp: Unit[];
}

const collator = new Intl.Collator('vi');
/** By label in Vietnamese collation, then id, so equal labels still sort the same way every run. */
export const byLabel = (a: Unit, b: Unit): number => collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildTree(units: readonly Unit[]): Tree {
  const unitById: Record<string, Unit> = {};
  for (const u of units) unitById[u.id] = u;
  const kids = new Map<string, Unit[]>();
  const rootUnits: Unit[] = [];
  for (const u of units) {
    // A parent that is missing (an error the check reports) leaves the unit at the top rather than lost.
    const parent = u.parentId !== undefined && Object.hasOwn(unitById, u.parentId) ? unitById[u.parentId] : undefined;
    if (!parent || parent === u) {
      rootUnits.push(u);
      continue;
    }
    const list = kids.get(parent.id);
    if (list) list.push(u);
    else kids.set(parent.id, [u]);
  }
  const childrenOf: Record<string, string[]> = {};
  for (const u of units) childrenOf[u.id] = (kids.get(u.id) ?? []).sort(byLabel).map((c) => c.id);
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
  const bottomUp = [...units].sort((a, b) => depth.get(b.id)! - depth.get(a.id)! || LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  return { unitById, childrenOf, roots: rootUnits.sort(byLabel).map((u) => u.id), bottomUp };
}

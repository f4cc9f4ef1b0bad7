/** What the sections of a unit page share: the light pages, the latest snapshot's sentence, the download block. */
import type { Dataset, Snapshot, Unit } from '../../types.ts';
import { href, unitPath } from '../../view/href.ts';
import type { CsvData, Table } from '../../view/shapes.ts';

/** Light pages for the lowest levels: tables instead of most charts (there are thousands of them). */
export const isLight = (u: Unit) => u.level === 'grassroots' || u.level === 'branch';

/**
 * Whose shared CSV (`so-lieu.csv`, ../files.ts) holds a unit's charts: a province, district or commune's own; a
 * grassroots unit's or branch's, its nearest ancestor that is neither (latest parent chain), or the top of its
 * chain when there is none (a data set whose root is a grassroots committee). One file per owner, not per chart:
 * a national data set has ~10,000 light pages of ~5 charts each, more files than hosts take.
 */
export function ownerOf(ds: Dataset, unit: Unit): Unit {
  const seen = new Set<string>();
  let cur = unit;
  while (isLight(cur)) {
    seen.add(cur.id);
    const parent = cur.parentId === undefined ? undefined : ds.unitById[cur.parentId];
    // A cycle is an error of the data check; here it only must not loop.
    if (!parent || seen.has(parent.id)) return cur;
    cur = parent;
  }
  return cur;
}

const owned = new WeakMap<Dataset, Map<string, Unit[]>>();

/** The units whose charts are in `owner`'s file, the owner first, then the others in the dataset's order. */
export function ownedBy(ds: Dataset, owner: Unit): Unit[] {
  let byOwner = owned.get(ds);
  if (!byOwner) {
    byOwner = new Map();
    for (const u of ds.units) {
      const o = ownerOf(ds, u).id;
      const list = byOwner.get(o) ?? [];
      if (u.id === o) list.unshift(u);
      else list.push(u);
      byOwner.set(o, list);
    }
    owned.set(ds, byOwner);
  }
  return byOwner.get(owner.id) ?? [];
}

/** The sentence on the latest snapshot that has a figure (`get`), for a folded table. */
export function lastWith(
  snaps: Snapshot[],
  get: (s: Snapshot) => number | undefined,
  say: (s: Snapshot, v: number) => string,
): string | undefined {
  for (let i = snaps.length - 1; i >= 0; i--) {
    const v = get(snaps[i]!);
    if (v !== undefined) return say(snaps[i]!, v);
  }
  return undefined;
}

/**
 * A unit chart's CSV as a reader saves it, `<slug>-<key>.csv`, and the chart's own address `don-vi/<slug>/<key>.csv`
 * (no file is written there: the unit page points the link at its owner's shared file, ../files.ts sharedLink).
 */
export const unitCsvLink = (unit: Unit, key: string) => ({
  csvHref: href(`${unitPath(unit.slug)}${key}.csv`),
  csvName: `${unit.slug}-${key}.csv`,
});

/** A unit chart's key, table, CSV and the CSV's download (the block every section ends with). */
export function unitData(unit: Unit, key: string, table: Table, csv: CsvData) {
  return { key, table, csv, ...unitCsvLink(unit, key) };
}

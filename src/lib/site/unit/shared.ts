/** What the sections of a unit page share: the light pages, the latest snapshot's sentence, the download block. */
import type { Snapshot, Unit } from '../../types.ts';
import { href, unitPath } from '../../view/href.ts';
import type { CsvData, Table } from '../../view/shapes.ts';

/** Light pages for the lowest levels: tables instead of most charts (there are thousands of them). */
export const isLight = (u: Unit) => u.level === 'grassroots' || u.level === 'branch';

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

/** The download of a unit chart's CSV: `don-vi/<slug>/<key>.csv`, saved as `<slug>-<key>.csv`. */
export const unitCsvLink = (unit: Unit, key: string) => ({
  csvHref: href(`${unitPath(unit.slug)}${key}.csv`),
  csvName: `${unit.slug}-${key}.csv`,
});

/** A unit chart's key, table, CSV and the CSV's download (the block every section ends with). */
export function unitData(unit: Unit, key: string, table: Table, csv: CsvData) {
  return { key, table, csv, ...unitCsvLink(unit, key) };
}

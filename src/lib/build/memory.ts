/**
 * What the build lets go of to stay within its memory budget (issue 13: ≤ 1.5 GB for the whole national build).
 */
import type { Dataset } from '../types.ts';

/**
 * Drops the input tables' rows (every CSV row as strings, kept to re-publish them under data/: ~110 MB of the
 * national heap) once data/ is written; the row counts stay for the data page. Reading the rows afterwards throws,
 * so that a late reader fails instead of publishing an empty table.
 */
export function releaseTableRows(ds: Dataset): void {
  for (const t of ds.inputs.tables) {
    if (t.rowCount !== undefined) continue;
    t.rowCount = t.rows.length;
    Object.defineProperty(t, 'rows', {
      get() {
        throw new Error(`${t.file}: its rows were released once data/ was written`);
      },
    });
  }
}

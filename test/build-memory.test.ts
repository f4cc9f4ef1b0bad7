/**
 * The build lets go of the input tables' rows once data/ is written (src/lib/build/memory.ts): the data page still
 * gives each table's row count, and a late reader of the rows fails instead of publishing an empty table.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseTableRows } from '../src/lib/build/memory.ts';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { dataPage } from '../src/lib/site/data-page.ts';
import type { Dataset } from '../src/lib/types.ts';

let ds: Dataset;
beforeAll(async () => {
  const inputs = await loadInputs(path.resolve(import.meta.dirname, '../data'));
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
});

const note = (file: string) => dataPage(ds).downloads.find((d) => d.label === file)?.note;

describe('releasing the input rows after data/ is written', () => {
  it('keeps the row counts the data page gives, and makes reading the rows an error', () => {
    // data/admissions.csv: 12 lines, the header and 11 rows; data/units.csv: 15 lines, 14 rows.
    expect(note('admissions.csv')).toContain('(11 dòng)');
    releaseTableRows(ds);
    expect(note('admissions.csv')).toContain('(11 dòng)');
    expect(note('units.csv')).toContain('(14 dòng)');
    const admissions = ds.inputs.tables.find((t) => t.file === 'admissions.csv')!;
    expect(() => admissions.rows).toThrow(/released/);
    // Twice is harmless (a second build step may call it again).
    releaseTableRows(ds);
    expect(note('admissions.csv')).toContain('(11 dòng)');
  });
});

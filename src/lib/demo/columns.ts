/**
 * The files the demo writes and their columns, taken from the data check's own list (schema/columns.ts), so that
 * the demo's header is always what the check knows; rows are given by column name and put in the header's order.
 */
import { FILE_COLUMNS } from '../schema/columns.ts';
import type { Cell, CsvSink } from './csv.ts';

export const DEMO_SOURCE = 'Dữ liệu minh họa, sinh tự động (không phải số liệu thật)';

/** In the order they are written; no terms.csv (the default terms apply). */
export const DEMO_FILES = ['units.csv', 'admissions.csv', 'targets.csv', 'members.csv', 'training.csv'] as const;
export type DemoFile = (typeof DEMO_FILES)[number];

/**
 * Columns of the data contract the demo writes that the data check may not know yet (added for the 2025
 * reorganisation, issue 10): appended to the header when FILE_COLUMNS lacks them, so nothing once it has them.
 */
const CONTRACT_COLUMNS: Partial<Record<DemoFile, readonly string[]>> = { 'units.csv': ['successor_id', 'source'] };

/** Each file's header: every column the data check knows for it, in its order. */
export const DEMO_COLUMNS = {} as Record<DemoFile, readonly string[]>;
for (const f of DEMO_FILES) {
  const known = FILE_COLUMNS[f].known;
  DEMO_COLUMNS[f] = [...known, ...(CONTRACT_COLUMNS[f] ?? []).filter((c) => !known.includes(c))];
}

export type RowValues = Readonly<Record<string, Cell>>;

/** Writes rows of one file given by column name; a name the header lacks is a mistake here, so it throws. */
export function rowWriter(sink: CsvSink, file: DemoFile): (values: RowValues) => void {
  const columns = DEMO_COLUMNS[file];
  const index = new Map(columns.map((c, i) => [c, i]));
  return (values) => {
    const cells = new Array<Cell>(columns.length).fill(undefined);
    for (const key in values) {
      const i = index.get(key);
      if (i === undefined) throw new Error(`internal: ${file} has no column ${key}`);
      cells[i] = values[key];
    }
    sink.row(cells);
  };
}

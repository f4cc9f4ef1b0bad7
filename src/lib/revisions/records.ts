/**
 * `revisions.csv` (spec, "What the site publishes"): its columns, its rows as published, the indicators it
 * covers, and reading published CSV back (a previous publication's indicators.csv and revisions.csv).
 * Cells stay text as published, so a rebuild over its own publication writes the same bytes.
 */
import { parseRows, exactCopy } from '../ingest/parse.ts';
import type { IndicatorName } from '../model/dictionary.ts';
import { toCsv } from '../publish/csv.ts';

export const REVISION_COLUMNS = [
  'revised_on',
  'unit_id',
  'period',
  'indicator',
  'old_value',
  'new_value',
  'old_months',
  'new_months',
  'note',
] as const;

/** One row of revisions.csv, cells as published; `new_value` empty for a withdrawn figure. */
export type RevisionRow = Record<(typeof REVISION_COLUMNS)[number], string>;

/**
 * The counts the spec tracks: `admitted` and its breakdowns, `target`, `classes`, `trainees`, `dossiers` and the
 * stock counts (members at the start of a year included: it is a members count at a date). Shares, changes and
 * ratios are derived from these and are left out, so one typo is one revision, not five.
 */
export const REVISED_INDICATORS: ReadonlySet<string> = new Set<IndicatorName>([
  'admitted',
  'youth',
  'women',
  'ethnic_minority',
  'college',
  'target',
  'members_at_start',
  'classes',
  'trainees',
  'dossiers',
  'members',
  'probationary',
  'women_members',
  'ethnic_minority_members',
  'grassroots_orgs',
  'branches',
  'villages',
  'villages_with_branch',
  'villages_without_members',
]);

const GUARDED = /^'[=+\-@\t\r]/;

/** Undoes the formula guard of src/lib/publish/csv.ts: `'-3` → `-3`; any other text unchanged. */
export const unguard = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);

/** Header names (lower-cased, trimmed) → position, and the rows' cells (unguarded) with their line. */
export interface CsvVisitor {
  header(columns: ReadonlyMap<string, number>): void;
  row(cells: readonly string[], line: number): void;
}

/**
 * Reads published CSV text (BOM already dropped by decodeBytes, or not). Our own files have no quoted cell in
 * indicators.csv: those are split by hand, which is several times faster than the full grammar on millions of
 * rows; anything with a quote, or not comma-separated, goes through the project's CSV reader.
 */
export function readCsv(input: string, file: string, visit: CsvVisitor): void {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstBreak = text.indexOf('\n');
  const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const onHeader = (cells: readonly string[]) =>
    visit.header(new Map(cells.map((c, i) => [c.trim().toLowerCase(), i] as const)));
  if (!text.includes('"') && first.includes(',')) {
    let headerDone = false;
    let line = 0;
    for (const raw of text.split('\n')) {
      line++;
      const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (l === '') continue;
      const cells = l.split(',');
      if (!headerDone) {
        headerDone = true;
        onHeader(cells);
        continue;
      }
      for (let i = 0; i < cells.length; i++) cells[i] = unguard(cells[i]!);
      visit.row(cells, line);
    }
    return;
  }
  parseRows(text, file, {
    header: (cells) => onHeader(cells),
    row: (line, cells) => {
      const out = exactCopy(cells);
      for (let i = 0; i < out.length; i++) out[i] = unguard(out[i]!);
      visit.row(out, line);
    },
  });
}

/** Reads the rows of a revisions.csv (published by this or an earlier build); missing columns read as empty. */
export function parseRevisions(text: string, file = 'revisions.csv'): RevisionRow[] {
  const out: RevisionRow[] = [];
  let at: (number | undefined)[] = [];
  readCsv(text, file, {
    header: (columns) => {
      at = REVISION_COLUMNS.map((c) => columns.get(c));
    },
    row: (cells) => {
      const r = {} as RevisionRow;
      REVISION_COLUMNS.forEach((c, i) => {
        const p = at[i];
        r[c] = p === undefined ? '' : (cells[p] ?? '');
      });
      if (r.unit_id !== '' && r.indicator !== '') out.push(r);
    },
  });
  return out;
}

/** The whole revisions.csv: BOM, header, rows in the order given, formula guard on every cell. */
export const revisionsCsvText = (rows: readonly RevisionRow[]): string =>
  toCsv(
    REVISION_COLUMNS,
    rows.map((r) => REVISION_COLUMNS.map((c) => r[c])),
  );

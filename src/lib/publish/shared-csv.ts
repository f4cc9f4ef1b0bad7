/**
 * One CSV for the charts of many unit pages (an owner's `so-lieu.csv`, src/lib/site/files.ts), and the cut that
 * gives one chart's own file back from it, or one unit's rows from data/indicators.csv (the download script of the
 * unit pages, src/components/client/download.ts).
 *
 * Each row of a shared file is led by the unit whose page shows the chart (id, name) and the chart's key, then the
 * union of the charts' columns in the order they first come; a row leaves the other charts' columns empty. Cells
 * follow csv.ts (BOM, CRLF, formula guard). The guard leaves a guarded cell as it is (it then starts with `'`), so
 * a cell read back and written again is the same text: the cut is byte for byte the chart's file as toCsv makes it.
 * A chart's columns travel in its link as codes (columnCodes), four characters a column, that the cut finds in the
 * shared file's header: the names in every link were ~13 MB of a national site's pages.
 * Browser-safe: no Node import.
 */
import Papa from 'papaparse';
import { BOM, type Cell, csvCell, csvLine, EOL, toCsv } from './csv.ts';

/** The columns leading every row of a shared file: the unit of the page, and the chart. */
export const LEAD_COLUMNS = ['Mã trang đơn vị', 'Trang đơn vị', 'Biểu đồ'] as const;

export interface SharedChart {
  unitId: string;
  unitName: string;
  /** The chart's key, e.g. `ket-nap-theo-nam`. */
  key: string;
  csv: { columns: readonly string[]; rows: readonly (readonly Cell[])[] };
}

/** Each column's name with its rank among the columns of that name (a chart may repeat a name). */
function slots(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = seen.get(c) ?? 0;
    seen.set(c, n + 1);
    return `${n}\u0000${c}`;
  });
}

const CODE = 4;

/** A column's code: FNV-1a of its slot (name and rank), in base 36, `CODE` characters. */
function code(slot: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < slot.length; i++) h = Math.imul(h ^ slot.charCodeAt(i), 0x01000193) >>> 0;
  return (h % 36 ** CODE).toString(36).padStart(CODE, '0');
}

/** A chart's columns as its link carries them (`data-cut-cols`): their codes, end to end. */
export const columnCodes = (columns: readonly string[]) => slots(columns).map(code).join('');

/** The shared file of `charts`, in the order given. */
export function sharedCsv(charts: readonly SharedChart[]): string {
  const union: string[] = [];
  const at = new Map<string, number>();
  const places = charts.map((c) =>
    slots(c.csv.columns).map((slot, i) => {
      const name = c.csv.columns[i]!;
      if ((LEAD_COLUMNS as readonly string[]).includes(name)) throw new Error(`chart ${c.key}: column ${name}`);
      let p = at.get(slot);
      if (p === undefined) {
        p = union.length;
        at.set(slot, p);
        union.push(name);
      }
      return p;
    }),
  );
  const codes = new Map<string, string>();
  for (const slot of at.keys()) {
    const other = codes.get(code(slot));
    // Names come from the code, not the data: a clash shows in the tests, and a new name can be renamed.
    if (other !== undefined) throw new Error(`columns ${other} and ${slot} share the code ${code(slot)}`);
    codes.set(code(slot), slot);
  }
  let out = BOM + csvLine([...LEAD_COLUMNS, ...union]);
  // Each row's cells written once into their places (empty elsewhere), its chart's lead cells once per chart.
  charts.forEach((c, k) => {
    const place = places[k]!;
    const lead = csvLine([c.unitId, c.unitName, c.key]).slice(0, -EOL.length);
    for (const row of c.csv.rows) {
      const cells: string[] = new Array(union.length).fill('');
      row.forEach((v, i) => {
        cells[place[i]!] = csvCell(v);
      });
      out += union.length ? `${lead},${cells.join(',')}${EOL}` : lead + EOL;
    }
  });
  return out;
}

const parse = (text: string) =>
  Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, { delimiter: ',', skipEmptyLines: true }).data;

export interface Cut {
  unitId: string;
  /** A chart of a shared file; absent: every row of the unit in a file whose first column is the unit's id. */
  key?: string;
  /** The chart's columns (columnCodes); absent: the file's own columns. */
  columns?: string;
}

/** The file `cut` asks for, from `text` (a shared file, or data/indicators.csv or one of its parts). */
export function cutCsv(text: string, cut: Cut): string {
  const [header = [], ...rows] = parse(text);
  if (cut.key === undefined) {
    return toCsv(
      header,
      rows.filter((r) => r[0] === cut.unitId),
    );
  }
  const lead = LEAD_COLUMNS.length;
  const own = header.slice(lead);
  const index = new Map(slots(own).map((s, i) => [code(s), lead + i]));
  const wanted = cut.columns ?? slots(own).map(code).join('');
  const from: number[] = [];
  for (let i = 0; i < wanted.length; i += CODE) {
    const at = index.get(wanted.slice(i, i + CODE));
    if (at === undefined) throw new Error(`no column of code ${wanted.slice(i, i + CODE)} in the file`);
    from.push(at);
  }
  const picked = rows.filter((r) => r[0] === cut.unitId && r[2] === cut.key).map((r) => from.map((i) => r[i]));
  return toCsv(
    from.map((i) => header[i]!),
    picked,
  );
}

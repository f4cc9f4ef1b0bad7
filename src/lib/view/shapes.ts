/**
 * Shapes shared by the page view models, the press kit and the components that render them: tables, charts,
 * cards, and the files a page needs besides its HTML. Every string in here is ready to print (already formatted);
 * components do no arithmetic.
 */
import type { LegendItem } from '../charts/legend.ts';

export type { LegendItem } from '../charts/legend.ts';

export interface Cell {
  text: string;
  /** A flag printed after the value, e.g. `7/12 tháng` for a partial figure or `cộng` for a summed one. */
  flag?: string;
  href?: string;
  /** Tooltip (title attribute). */
  title?: string;
  /** Render as a row header (`<th scope="row">`). */
  header?: boolean;
  /** Set when the figure is summed from the children: its explanation (`cộng từ 2/3 đơn vị`), shown as Σ. */
  sum?: string;
  /** A status word shown as a badge: `ahead` / `behind`. */
  status?: 'ahead' | 'behind';
  /** The figure was revised on the latest update: `đã điều chỉnh 01/12/2026: 38 → 39` (src/lib/revisions). */
  revision?: string;
}

export interface Table {
  /** The table's caption (also the label of its scroll box). */
  caption: string;
  head: string[];
  /** Per column: right-aligned numbers. */
  numeric: boolean[];
  rows: Cell[][];
  /** A note under the table. */
  note?: string;
}

/** A CSV file's content before serialisation: header and rows of plain values (dot decimals). */
export interface CsvData {
  columns: string[];
  rows: (string | number | undefined | null)[][];
}

export interface ChartView {
  /** File stem of the chart's CSV and part of its DOM id: `ket-nap-theo-nam`. */
  key: string;
  /** DOM id, unique in its page. */
  id: string;
  title: string;
  subtitle?: string;
  caption?: string;
  /** Renders the SVG, once (the page, its images and its embed page share it). Absent: a table only. */
  svg?: () => string;
  legend?: LegendItem[];
  /** One sentence with the latest figure, shown when a long table (no chart) is folded away. */
  summary?: string;
  table: Table;
  csv: CsvData;
  /** Link to the CSV (already through href()). */
  csvHref: string;
  /** The name the chart's CSV is saved under. */
  csvName: string;
  /** Set when the link points to a file shared by many charts: what the download script cuts from it. */
  csvCut?: CsvCut;
  /** The press kit's links, for a chart in its scope (src/lib/press). */
  press?: PressLinks;
}

/**
 * A download cut from a shared file (src/lib/publish/shared-csv.ts): with JavaScript the page's script saves
 * exactly the chart's or unit's own file; without, the link saves the shared file, and the note says so.
 */
export interface CsvCut {
  /** The shared file's name, the one saved without JavaScript. */
  fileName: string;
  unitId: string;
  /** The chart's key; absent: every row of the unit (data/indicators.csv or its part). */
  key?: string;
  /**
   * The name the cut is saved under, when not the page's `<slug>-<key>.csv`: a chart's link on a unit page
   * carries only its key, the page its unit and slug (UnitBody.astro, `data-cut-page`).
   */
  save?: string;
  /** The chart's columns as codes (shared-csv.ts columnCodes). */
  columns?: string;
  /** Shown without JavaScript: which file the link saves and how to find the rows in it. */
  note: string;
}

export interface PressLinks {
  png: string;
  pngName: string;
  svg: string;
  svgName: string;
  /** The embed page (href()). */
  embed: string;
  /** The <iframe> code to paste, as text. */
  snippet: string;
  /** The sentence before the snippet (tells to add the domain when SITE_URL is not set). */
  intro: string;
}

/**
 * A file a page needs besides its HTML, at a site path (`don-vi/phu-binh/ket-nap-theo-nam.csv`): its content,
 * made only when the file is written or served; or a PNG drawn from the chart image declared at `pngOf`.
 */
export type PageFile = { path: string; body: () => string | Uint8Array } | { path: string; pngOf: string };

export interface Card {
  key: string;
  label: string;
  value: string;
  /** Partial coverage or basis, shown next to the value. */
  flag?: string;
  lines: string[];
  status?: 'ahead' | 'behind';
  /** Inline SVG markup (sparkline, pace meter). */
  graphic?: string;
  /** The figure was revised on the latest update: `đã điều chỉnh 01/12/2026: 38 → 39` (src/lib/revisions). */
  revision?: string;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface SourceItem {
  text: string;
  /** What it supports: `kết nạp 2019, 2020; chỉ tiêu 2020`. */
  uses: string;
}

/**
 * Whether a table's numbers can be aligned by one class on the table instead of one on every cell: a first
 * column of labels and numbers in all the others (most tables). Saves ~10 bytes a cell: 31 MB of HTML nationally.
 */
export const numbersAfterFirst = (t: Table): boolean => t.numeric[0] === false && t.numeric.slice(1).every(Boolean);

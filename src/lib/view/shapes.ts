/**
 * Shapes shared by the page view models and the components that render them: tables, charts, cards.
 * Every string in here is ready to print (already formatted); components do no arithmetic.
 */

export interface Cell {
  text: string;
  /** A flag printed after the value, e.g. `7/12 tháng` for a partial figure or `cộng` for a summed one. */
  flag?: string;
  href?: string;
  /** Tooltip (title attribute). */
  title?: string;
  /** Render as a row header (`<th scope="row">`). */
  header?: boolean;
  /** Set when the figure is summed from the children: the explanation (`cộng từ 2/3 đơn vị trực thuộc`), shown as Σ. */
  sum?: string;
  /** A status word shown as a badge: `ahead` / `behind`. */
  status?: 'ahead' | 'behind';
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

export interface LegendItem {
  label: string;
  /** A colour, or `hatch` for the partial-period swatch, or `target` for the target mark. */
  swatch: string;
  symbol?: string;
}

export interface ChartView {
  /** File stem of the chart's CSV and part of its DOM id: `ket-nap-theo-nam`. */
  key: string;
  /** DOM id, unique in its page. */
  id: string;
  title: string;
  subtitle?: string;
  caption?: string;
  /** Renders the SVG (only pages call it: CSV endpoints need just the data). Absent: a table only. */
  svg?: () => string;
  legend?: LegendItem[];
  /** One sentence with the latest figure, shown when a long table (no chart) is folded away. */
  summary?: string;
  table: Table;
  csv: CsvData;
  /** Link to the CSV (already through href()). */
  csvHref: string;
  csvName: string;
}

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

/**
 * The files a page's view model declares besides its HTML: the CSV of each site-level chart, the shared CSV of a
 * unit's charts and of the units it owns (unit/shared.ts ownerOf), a unit's indicators, and the press kit of the
 * charts in its scope (src/lib/press). Nothing is written here: the build writes them (src/lib/build/files.ts),
 * the dev server serves them (src/lib/build/dev.ts).
 */
import { pressFiles, pressLinks } from '../press/index.ts';
import { INDICATOR_COLUMNS, toCsv } from '../publish/index.ts';
import { columnsLine, LEAD_COLUMNS, sharedCsv, type SharedChart } from '../publish/shared-csv.ts';
import type { Dataset, IndicatorRow, Unit } from '../types.ts';
import { href, sitePath, unitPath } from '../view/href.ts';
import type { ChartView, CsvCut, CsvData, PageFile } from '../view/shapes.ts';

/** An owner's shared CSV: the charts and tables of its page and of the pages of the units it owns. */
export const sharedCsvPath = (owner: Unit) => `${unitPath(owner.slug)}so-lieu.csv`;

/** The shared CSV file of `owner`, from the charts of every unit it owns (made when the file is written). */
export const sharedCsvFile = (owner: Unit, charts: () => SharedChart[]): PageFile => ({
  path: sharedCsvPath(owner),
  body: () => sharedCsv(charts()),
});

/** A unit chart whose download is cut from its owner's shared CSV (the link saves the whole file without JS). */
export function sharedLink<V extends ChartView>(view: V, unit: Unit, owner: Unit): V;
export function sharedLink<V extends ChartView>(view: V | undefined, unit: Unit, owner: Unit): V | undefined;
export function sharedLink<V extends ChartView>(view: V | undefined, unit: Unit, owner: Unit): V | undefined {
  if (!view) return undefined;
  const fileName = `${owner.slug}-so-lieu.csv`;
  const cut: CsvCut = {
    fileName,
    unitId: unit.id,
    key: view.key,
    columns: columnsLine(view.csv.columns),
    // The file's name, not the owner's: no name from the data in a <noscript>, whose markup is raw text (escapes
    // and all) when scripts run.
    note:
      `Không có JavaScript: tải cả tệp ${fileName}, ` +
      `lọc “${LEAD_COLUMNS[0]}” ${unit.id}, “${LEAD_COLUMNS[2]}” ${view.key}.`,
  };
  return { ...view, csvHref: href(sharedCsvPath(owner)), csvCut: cut };
}

/** The CSV behind a chart or table, at the address its download link points to (an href() link). */
export const csvFile = (link: string, csv: CsvData): PageFile => ({
  path: sitePath(link),
  body: () => toCsv(csv.columns, csv.rows),
});

/** A unit's rows of indicators.csv, at its download link. */
export const indicatorsFile = (link: string, rows: () => readonly IndicatorRow[]): PageFile => ({
  path: sitePath(link),
  body: () =>
    toCsv(
      INDICATOR_COLUMNS,
      rows().map((r) => [r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis]),
    ),
});

function once(make: () => string): () => string {
  let made: string | undefined;
  return () => (made ??= make());
}

/** A chart as its page shows it: its SVG rendered once (page, image and embed page share it), its kit's links. */
export function pageChart<V extends ChartView>(view: V, unit: Unit | undefined): V;
export function pageChart<V extends ChartView>(view: V | undefined, unit: Unit | undefined): V | undefined;
export function pageChart<V extends ChartView>(view: V | undefined, unit: Unit | undefined): V | undefined {
  if (!view) return undefined;
  const shown = { ...view, svg: view.svg && once(view.svg) };
  return { ...shown, press: pressLinks(shown, unit) };
}

/**
 * The files of the charts a page shows (pageChart views of `unit`, or site-level ones): their CSVs (but those of a
 * shared file, which its owner's page declares) and press kits.
 */
export function chartFiles(
  ds: Dataset,
  views: readonly (ChartView | undefined)[],
  unit: Unit | undefined,
  page: string,
): PageFile[] {
  return views.flatMap((v) =>
    v ? [...(v.csvCut ? [] : [csvFile(v.csvHref, v.csv)]), ...pressFiles(ds, v, unit, page)] : [],
  );
}

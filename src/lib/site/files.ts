/**
 * The files a page's view model declares besides its HTML: the CSV of each site-level chart, the shared CSV of a
 * unit's charts and of the units it owns (unit/shared.ts ownerOf), and the press kit of the charts in its scope
 * (src/lib/press). Nothing is written here: the build writes them (src/lib/build/files.ts), the dev server serves
 * them (src/lib/build/dev.ts).
 */
import { pressFiles, pressLinks } from '../press/index.ts';
import { toCsv } from '../publish/index.ts';
import { columnCodes, LEAD_COLUMNS, sharedCsv, type SharedChart } from '../publish/shared-csv.ts';
import type { Dataset, Unit } from '../types.ts';
import { href, sitePath, unitPath } from '../view/href.ts';
import type { ChartView, CsvCut, CsvData, PageFile } from '../view/shapes.ts';

/** An owner's shared CSV: the charts and tables of its page and of the pages of the units it owns. */
export const sharedCsvPath = (owner: Unit) => `${unitPath(owner.slug)}so-lieu.csv`;

/** The shared CSV file of `owner`, from the charts of every unit it owns (made when the file is written). */
export const sharedCsvFile = (owner: Unit, charts: () => SharedChart[]): PageFile => ({
  path: sharedCsvPath(owner),
  body: () => sharedCsv(charts()),
});

/**
 * The cut of `unit`'s chart `key` (columns `columns`) from `owner`'s shared file. The note names the file, not the
 * owner: no name from the data in a <noscript>, whose markup is raw text (escapes and all) when scripts run.
 */
function sharedCut(unit: Unit, owner: Unit, key: string, columns: readonly string[], name: string): CsvCut {
  const fileName = `${owner.slug}-so-lieu.csv`;
  return {
    fileName,
    unitId: unit.id,
    key,
    save: name === `${unit.slug}-${key}.csv` ? undefined : name,
    columns: columnCodes(columns),
    note:
      `Không có JavaScript: tải cả tệp ${fileName}, ` +
      `lọc “${LEAD_COLUMNS[0]}” ${unit.id}, “${LEAD_COLUMNS[2]}” ${key}.`,
  };
}

/** A unit chart whose download is cut from its owner's shared CSV (the link saves the whole file without JS). */
export function sharedLink<V extends ChartView>(view: V, unit: Unit, owner: Unit): V {
  const csvCut = sharedCut(unit, owner, view.key, view.csv.columns, view.csvName);
  return { ...view, csvHref: href(sharedCsvPath(owner)), csvCut };
}

/**
 * A unit's indicators, `<slug>-chi-so.csv`: its rows of the data/ file holding them (`dataFile`, a site path:
 * data/indicators.csv or its part), cut by the download script. No unit has a file of its own: ~12,500 on a
 * national site, and the same bytes as data/indicators.csv.
 */
export function indicatorsCut(unitId: string, dataFile: string): CsvCut {
  const fileName = dataFile.slice(dataFile.lastIndexOf('/') + 1);
  return {
    fileName,
    unitId,
    note: `Không có JavaScript: tải cả tệp ${fileName} (chỉ số của nhiều đơn vị), lọc “unit_id” ${unitId}.`,
  };
}

/** The CSV behind a chart or table, at the address its download link points to (an href() link). */
export const csvFile = (link: string, csv: CsvData): PageFile => ({
  path: sitePath(link),
  body: () => toCsv(csv.columns, csv.rows),
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

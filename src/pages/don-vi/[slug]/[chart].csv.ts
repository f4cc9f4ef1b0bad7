/** The CSV of each chart of a unit page, plus `chi-so.csv`: every indicator row of the unit (as indicators.csv). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../lib/publish/csv.ts';
import { getDataset } from '../../../lib/site/dataset.ts';
import { siteIndex } from '../../../lib/site/site.ts';
import { unitChartViews } from '../../../lib/site/unit.ts';

export const getStaticPaths = (async () => {
  const ds = await getDataset();
  return ds.units.flatMap((unit) => [
    { params: { slug: unit.slug, chart: 'chi-so' }, props: { unitId: unit.id, chart: 'chi-so' } },
    ...unitChartViews(ds, unit).map((v) => ({ params: { slug: unit.slug, chart: v.key }, props: { unitId: unit.id, chart: v.key } })),
  ]);
}) satisfies GetStaticPaths;

// Astro renders a unit's CSV files one after another: keep the last unit's views instead of recomputing them per file.
let last: { id: string; views: ReturnType<typeof unitChartViews> } | undefined;

export const GET: APIRoute = async ({ props }) => {
  const ds = await getDataset();
  const unit = ds.unitById[props.unitId as string]!;
  let body: string;
  if (props.chart === 'chi-so') {
    const rows = siteIndex(ds).indicatorsOf.get(unit.id) ?? [];
    body = toCsv(
      ['unit_id', 'period', 'indicator', 'value', 'months', 'of_months', 'basis'],
      rows.map((r) => [r.unit_id, r.period, r.indicator, r.value, r.months, r.of_months, r.basis]),
    );
  } else {
    if (last?.id !== unit.id) last = { id: unit.id, views: unitChartViews(ds, unit) };
    const view = last.views.find((v) => v.key === props.chart)!;
    body = toCsv(view.csv.columns, view.csv.rows);
  }
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

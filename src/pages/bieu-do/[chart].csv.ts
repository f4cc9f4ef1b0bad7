/** CSV of the site-level charts: the home ranking, the roots by year, each term's comparison. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../lib/publish/csv.ts';
import { getDataset } from '../../lib/site/dataset.ts';
import { overviewCharts } from '../../lib/site/overview.ts';
import { termView } from '../../lib/site/term.ts';
import type { ChartView } from '../../lib/site/view.ts';
import type { Dataset } from '../../lib/types.ts';

function views(ds: Dataset): ChartView[] {
  return [...overviewCharts(ds), ...ds.terms.map((t) => termView(ds, t)).filter((v): v is ChartView => !!v)];
}

export const getStaticPaths = (async () => {
  const ds = await getDataset();
  return views(ds).map((v) => ({ params: { chart: v.key }, props: { key: v.key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const ds = await getDataset();
  const v = views(ds).find((x) => x.key === props.key)!;
  return new Response(toCsv(v.csv.columns, v.csv.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

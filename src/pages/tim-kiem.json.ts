/** The search index: every unit as [label, name, level, slug, parent position], fetched by the search box on first use. */
import type { APIRoute } from 'astro';
import { getDataset } from '../lib/site/dataset.ts';
import { searchIndex } from '../lib/site/search.ts';

export const GET: APIRoute = async () => {
  const ds = await getDataset();
  const entries = searchIndex(ds.units);
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

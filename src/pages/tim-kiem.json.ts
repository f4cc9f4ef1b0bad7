/**
 * The search index: every unit as [label, name, level, slug, parent position], fetched by the search box on first
 * use.
 */
import type { APIRoute } from 'astro';
import { buildContext } from '../lib/build/context.ts';
import { searchIndex } from '../lib/site/search.ts';

export const GET: APIRoute = async () => {
  const ds = await buildContext().dataset;
  const entries = searchIndex(ds.units);
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

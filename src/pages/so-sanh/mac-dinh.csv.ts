/** The CSV of the compare page's default view (the island replaces the link with the reader's choice). */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/publish/csv.ts';
import { compareData, compareResult } from '../../lib/site/compare.ts';
import { getDataset } from '../../lib/site/dataset.ts';

export const GET: APIRoute = async () => {
  const data = compareData(await getDataset());
  const r = compareResult(data, { ...data.defaults });
  return new Response(toCsv(r.csv.columns, r.csv.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

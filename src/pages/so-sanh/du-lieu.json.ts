/** The compare island's data: compared units × periods × indicators (see src/lib/site/compare.ts). */
import type { APIRoute } from 'astro';
import { buildContext } from '../../lib/build/context.ts';
import { compareData } from '../../lib/site/compare.ts';

export const GET: APIRoute = async () => {
  const ds = await buildContext().dataset;
  return new Response(JSON.stringify(compareData(ds)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

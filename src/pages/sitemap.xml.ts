/** sitemap.xml from the page list (no timestamps: two builds are byte-identical). */
import type { APIRoute } from 'astro';
import { buildContext } from '../lib/build/context.ts';
import { absoluteUrl, termPath, unitPath } from '../lib/view/href.ts';

export const GET: APIRoute = async ({ site }) => {
  const ds = await buildContext().dataset;
  const paths = [
    '',
    'don-vi/',
    'so-sanh/',
    'du-lieu/',
    'lich-su-cap-nhat/',
    'kiem-tra/',
    ...ds.terms.map((t) => termPath(t.id)),
    ...ds.units.map((u) => unitPath(u.slug)),
  ];
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    paths.map((p) => `<url><loc>${absoluteUrl(p, site).replace(/&/g, '&amp;')}</loc></url>`).join('\n') +
    '\n</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

/**
 * Every internal link goes through `href()`, so that the site works under any base path (SITE_BASE=/thong-ke/).
 * Never write a root-absolute literal such as "/don-vi/" in a page.
 */

function baseUrl(): string {
  // `import.meta.env` is filled in by Vite (Astro, Vitest); plain Node leaves it undefined.
  const b: string = import.meta.env?.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/**
 * `href('don-vi/phu-binh/')` → `/thong-ke/don-vi/phu-binh/` under SITE_BASE=/thong-ke/. `href('')` is the home page.
 */
export function href(path = ''): string {
  return baseUrl() + path.replace(/^\/+/, '');
}

/** The inverse of href(): `/thong-ke/don-vi/x/a.csv` → `don-vi/x/a.csv`. */
export function sitePath(link: string): string {
  const b = baseUrl();
  if (!link.startsWith(b)) throw new Error(`sitePath: ${link} is not under ${b}`);
  return link.slice(b.length);
}

export const unitPath = (slug: string) => `don-vi/${slug}/`;
export const termPath = (id: string) => `nhiem-ky/${id}/`;

/** An absolute URL (for Open Graph and the sitemap) from the configured `site`. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  const origin = site ? String(site) : 'http://localhost/';
  return new URL(href(path), origin).href;
}

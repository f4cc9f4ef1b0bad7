/**
 * What every host must send with the site, in one place, for the generators of files.ts:
 * - on every response: the pages' Content-Security-Policy (the same text as their <meta>, from src/lib/view/csp.ts;
 *   never `frame-ancestors`, nor X-Frame-Options: other sites frame the embed pages), `nosniff`, a Referrer-Policy;
 * - Astro's hashed assets (`_astro/`, a new name whenever the content changes) cached for a year, immutable; the
 *   rest revalidated on each visit (`no-cache`: pages and data change with every build, the revisions log says so);
 * - the types of the published files, which servers get wrong or leave out (nginx has no `csv`).
 */

export interface HostPolicy {
  /** SITE_BASE: `/` or `/thong-ke/`; the site is served under it. */
  base: string;
  /** The Content-Security-Policy of the pages. */
  csp: string;
}

export const SECURITY_HEADERS = (csp: string): [string, string][] => [
  ['Content-Security-Policy', csp],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/** The folder of Astro's content-hashed files, under the base. */
export const HASHED_DIR = '_astro';
export const HASHED_CACHE = 'public, max-age=31536000, immutable';
export const OTHER_CACHE = 'no-cache';
export const YEAR_SECONDS = 31_536_000;

/** Content types by extension (without the dot), charset where the type takes one and servers omit it. */
export const TYPES: [string, string][] = [
  ['csv', 'text/csv; charset=utf-8'],
  ['json', 'application/json'],
  ['woff2', 'font/woff2'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

/** The host configuration files the build writes into the site; servers must not hand them out. */
export const CONFIG_FILES = ['_headers', 'web.config', '.htaccess', 'nginx.conf'];

/** `/thong-ke/` → `/thong-ke/`; `` or `/` → `/`; a missing slash added at either end. */
export function normalBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

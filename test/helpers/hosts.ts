/**
 * What every host must send, written out by hand (not taken from src/lib/hosts), for the unit tests of the generated
 * files (test/hosts.test.ts) and the real servers (test/browser/hosts.test.ts). The policy text itself is the pages'
 * (src/lib/view/csp.ts): the point is that the header and the <meta> say the same.
 */
import { CSP } from '../../src/lib/view/csp.ts';

export const SECURITY: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  woff2: 'font/woff2',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `text/csv;Charset=UTF-8` → `text/csv; charset=utf-8`. */
export const normalType = (t: string | undefined) =>
  (t ?? '')
    .split(';')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .join('; ');

export const cacheDirectives = (v: string | undefined) =>
  new Set(
    (v ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  );

export type Kind = 'page' | 'hashed' | 'other';

/**
 * What is wrong with the headers (lower-case names) of a response of `kind`, for a file of extension `ext`.
 * `revalidate`: the unhashed files must say `no-cache` (the servers do; Netlify and Cloudflare revalidate anyway).
 */
export function problems(
  kind: Kind,
  headers: Record<string, string | undefined>,
  ext = '',
  revalidate = false,
): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(SECURITY)) if (headers[k] !== v) out.push(`${k}: ${headers[k]} (want ${v})`);
  if (headers['x-frame-options'] !== undefined) out.push(`x-frame-options: ${headers['x-frame-options']}`);
  if (/frame-ancestors/i.test(headers['content-security-policy'] ?? '')) out.push('frame-ancestors in the policy');
  const cache = cacheDirectives(headers['cache-control']);
  if (kind === 'hashed') {
    for (const d of ['public', 'max-age=31536000', 'immutable'])
      if (!cache.has(d)) out.push(`cache-control lacks ${d}`);
  } else {
    if (cache.has('immutable')) out.push(`unhashed file cached as immutable: ${headers['cache-control']}`);
    if (revalidate && !cache.has('no-cache')) out.push(`cache-control: ${headers['cache-control']} (want no-cache)`);
  }
  const want = TYPES[ext];
  if (want && normalType(headers['content-type']) !== want)
    out.push(`content-type: ${headers['content-type']} (want ${want})`);
  return out;
}

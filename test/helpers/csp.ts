/** The site's Content-Security-Policy rule, checked on built HTML (see test/quality-html.test.ts). */
import { parseHTML } from 'linkedom';

/** The policy as a map of directive → sources (lower-cased directive names). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** What is wrong with a policy, against the site's rule: nothing from another origin, no inline script. */
export function cspProblems(policy: string): string[] {
  const d = parseCsp(policy);
  const problems: string[] = [];
  const effective = (name: string) => d.get(name) ?? d.get('default-src');
  const only = (name: string, allowed: string[]) => {
    const src = effective(name);
    if (!src) return problems.push(`${name}: missing (and no default-src)`);
    const bad = src.filter((x) => !allowed.includes(x.toLowerCase()));
    if (bad.length) problems.push(`${name}: ${bad.join(' ')} not allowed (only ${allowed.join(' ')})`);
    if (src.length === 0) problems.push(`${name}: empty`);
  };
  const def = d.get('default-src');
  if (!def?.every((x) => x === "'self'" || x === "'none'"))
    problems.push(`default-src must be 'self' or 'none', is ${def?.join(' ') ?? 'missing'}`);
  only('script-src', ["'self'", "'none'"]);
  if (d.has('script-src-elem')) only('script-src-elem', ["'self'", "'none'"]);
  if (d.has('script-src-attr')) only('script-src-attr', ["'none'"]);
  only('style-src', ["'self'", "'unsafe-inline'", "'none'"]);
  only('img-src', ["'self'", 'data:', "'none'"]);
  only('font-src', ["'self'", 'data:', "'none'"]);
  only('connect-src', ["'self'", "'none'"]);
  const obj = d.get('object-src') ?? d.get('default-src');
  if (obj?.join(' ') !== "'none'") problems.push(`object-src must be 'none', is ${obj?.join(' ') ?? 'missing'}`);
  const base = d.get('base-uri');
  if (!base?.every((x) => x === "'self'" || x === "'none'"))
    problems.push(`base-uri must be 'self' or 'none', is ${base?.join(' ') ?? 'missing'}`);
  const form = d.get('form-action');
  if (!form?.every((x) => x === "'self'" || x === "'none'"))
    problems.push(`form-action must be 'self', is ${form?.join(' ') ?? 'missing'}`);
  for (const [name, src] of d) {
    if (src.some((x) => x === '*' || /^https?:/i.test(x) || /^(blob|filesystem|ws|wss):$/i.test(x) || x.includes('.')))
      problems.push(`${name} allows another origin: ${src.join(' ')}`);
    if (
      src.some((x) =>
        ["'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"].includes(x.toLowerCase()),
      )
    )
      problems.push(`${name}: ${src.join(' ')}`);
  }
  if (d.has('frame-ancestors') || d.has('report-uri') || d.has('sandbox'))
    problems.push('frame-ancestors, report-uri and sandbox are ignored in a meta policy');
  return problems;
}

/** Everything in one page that breaks the CSP rule. */
export function pageCspProblems(html: string): string[] {
  const { document } = parseHTML(html);
  const problems: string[] = [];
  const metas = [...document.querySelectorAll('meta')].filter(
    (m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1) problems.push(`${metas.length} Content-Security-Policy meta tags (want exactly 1)`);
  const meta = metas[0];
  let policy = '';
  if (meta) {
    policy = meta.getAttribute('content') ?? '';
    if (meta.parentElement?.tagName.toLowerCase() !== 'head') problems.push('CSP meta is not in <head>');
    // A meta policy applies only to what follows it.
    const before = [...document.querySelectorAll('head > *')];
    const governed = before.findIndex((e) => ['script', 'style', 'link'].includes(e.tagName.toLowerCase()));
    const at = before.indexOf(meta);
    if (governed >= 0 && governed < at)
      problems.push(`CSP meta comes after <${before[governed]!.tagName.toLowerCase()}>`);
    problems.push(...cspProblems(policy));
  }
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (!s.hasAttribute('src') && type !== 'application/json' && type !== 'application/ld+json')
      problems.push(`inline <script${type ? ` type="${type}"` : ''}>: ${s.textContent!.slice(0, 80)}`);
    if (type === 'application/json' || type === 'application/ld+json') {
      try {
        JSON.parse(s.textContent ?? '');
      } catch (e) {
        problems.push(`JSON island does not parse: ${(e as Error).message}`);
      }
    }
  }
  const inlineStyleAllowed = parseCsp(policy).get('style-src')?.includes("'unsafe-inline'") ?? false;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`inline event handler ${name} on <${el.tagName.toLowerCase()}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*javascript:/i.test(attr.value))
        problems.push(`javascript: URL in ${name} of <${el.tagName.toLowerCase()}>`);
      if (name === 'style' && !inlineStyleAllowed)
        problems.push(`style attribute on <${el.tagName.toLowerCase()}> (blocked by style-src)`);
    }
    if (el.tagName.toLowerCase() === 'style' && !inlineStyleAllowed)
      problems.push('<style> element (blocked by style-src)');
  }
  return problems;
}

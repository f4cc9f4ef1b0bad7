/**
 * The configuration each common host needs to serve the site right (policy.ts says what): `_headers` (Netlify,
 * Cloudflare Pages), `web.config` (IIS), `.htaccess` (Apache) and
 * `nginx.conf`, a snippet to include in a `server { }` block. Pure: text in, text out; the build writes them.
 * GitHub Pages reads none of them (it sets its own headers; the pages carry their policy in a <meta>).
 */
import {
  CONFIG_FILES,
  HASHED_CACHE,
  HASHED_DIR,
  type HostPolicy,
  normalBase,
  OTHER_CACHE,
  SECURITY_HEADERS,
  TYPES,
  YEAR_SECONDS,
} from './policy.ts';

export interface HostFile {
  /** Path inside the built site, `/`-separated. */
  path: string;
  content: string;
}

/**
 * Netlify and Cloudflare Pages: every rule matching a path applies, and Cloudflare joins a header set by two rules
 * with a comma, so no header is set by two rules that can match one path. Both serve `404.html` for a miss and
 * revalidate unhashed files by default, so neither needs saying.
 */
function headersFile(base: string, csp: string): string {
  const lines = [
    '# Netlify, Cloudflare Pages: headers of the site (written by the build, src/lib/hosts; do not edit here).',
    `${base}*`,
    ...SECURITY_HEADERS(csp).map(([k, v]) => `  ${k}: ${v}`),
    '',
    `${base}${HASHED_DIR}/*`,
    `  Cache-Control: ${HASHED_CACHE}`,
  ];
  for (const [ext, type] of TYPES) lines.push('', `${base}*.${ext}`, `  Content-Type: ${type}`);
  return `${lines.join('\n')}\n`;
}

const xml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * IIS: custom headers, MIME maps (each removed first: IIS refuses a second map of an extension it knows), no-cache
 * except `_astro`, and the 404 page run in place (`ExecuteURL` keeps the 404 status).
 */
function webConfig(base: string, csp: string): string {
  const days = YEAR_SECONDS / 86_400;
  const immutable = HASHED_CACHE.split(', ')
    .filter((d) => !d.startsWith('max-age'))
    .join(', ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- IIS: headers, types and 404 page of the site (written by the build, src/lib/hosts; do not edit here). -->',
    '<configuration>',
    '  <system.webServer>',
    '    <httpProtocol>',
    '      <customHeaders>',
    ...SECURITY_HEADERS(csp).flatMap(([k, v]) => [
      `        <remove name="${xml(k)}" />`,
      `        <add name="${xml(k)}" value="${xml(v)}" />`,
    ]),
    '      </customHeaders>',
    '    </httpProtocol>',
    '    <staticContent>',
    ...TYPES.flatMap(([ext, type]) => [
      `      <remove fileExtension=".${ext}" />`,
      `      <mimeMap fileExtension=".${ext}" mimeType="${xml(type)}" />`,
    ]),
    '      <clientCache cacheControlMode="DisableCache" />',
    '    </staticContent>',
    '    <httpErrors errorMode="Custom" existingResponse="Replace">',
    '      <remove statusCode="404" subStatusCode="-1" />',
    `      <error statusCode="404" path="${xml(`${base}404.html`)}" responseMode="ExecuteURL" />`,
    '    </httpErrors>',
    '    <security>',
    '      <requestFiltering>',
    '        <hiddenSegments>',
    ...CONFIG_FILES.filter((f) => f !== 'web.config').map((f) => `          <add segment="${xml(f)}" />`),
    '        </hiddenSegments>',
    '      </requestFiltering>',
    '    </security>',
    '  </system.webServer>',
    `  <location path="${HASHED_DIR}">`,
    '    <system.webServer>',
    '      <staticContent>',
    `        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="${days}.00:00:00" ` +
      `cacheControlCustom="${xml(immutable)}" />`,
    '      </staticContent>',
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
    '',
  ].join('\r\n');
}

const quoted = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** `text` as a literal inside an ap_expr regex `m#…#`. */
const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');

/**
 * Apache 2.4 (needs `AllowOverride FileInfo` or `All`, and mod_headers for the headers). `always` puts the headers
 * on the 404 page too.
 */
function htaccess(base: string, csp: string): string {
  return [
    '# Apache: headers, types and 404 page of the site (written by the build, src/lib/hosts; do not edit here).',
    `ErrorDocument 404 ${base}404.html`,
    '<IfModule mod_mime.c>',
    ...TYPES.map(([ext, type]) => `  AddType ${type.split(';')[0]} .${ext}`),
    ...TYPES.filter(([, t]) => t.includes('charset=utf-8')).map(([ext]) => `  AddCharset utf-8 .${ext}`),
    '</IfModule>',
    '<IfModule mod_headers.c>',
    ...SECURITY_HEADERS(csp).map(([k, v]) => `  Header always set ${k} ${quoted(v)}`),
    `  <If "%{REQUEST_URI} =~ m#^${regexLiteral(`${base}${HASHED_DIR}/`)}#">`,
    `    Header set Cache-Control ${quoted(HASHED_CACHE)}`,
    '  </If>',
    '  <Else>',
    `    Header set Cache-Control ${quoted(OTHER_CACHE)}`,
    '  </Else>',
    '</IfModule>',
    `<FilesMatch "^(${CONFIG_FILES.map((f) => f.replaceAll('.', '\\.')).join('|')})$">`,
    '  Require all denied',
    '</FilesMatch>',
    '',
  ].join('\n');
}

/**
 * nginx: a snippet for a `server { }` block whose `root` serves the site at `base`. nginx drops the server's
 * `add_header`s in a location that has its own, so each location repeats them. Its mime.types has no `csv`.
 */
function nginxConf(base: string, csp: string): string {
  const security = SECURITY_HEADERS(csp).map(([k, v]) => `add_header ${k} ${quoted(v)} always;`);
  const indent = (lines: string[]) => lines.map((l) => `    ${l}`);
  const cache = (v: string) => `add_header Cache-Control ${quoted(v)} always;`;
  const blocks: string[] = [
    '# nginx: headers, types and 404 page of the site (written by the build, src/lib/hosts; do not edit here).',
    '# Include it in the server { } block that serves the site, e.g. `include /etc/nginx/snippets/thong-ke.conf;`.',
    ...security,
    cache(OTHER_CACHE),
    `error_page 404 ${base}404.html;`,
    '',
    `location ^~ ${base}${HASHED_DIR}/ {`,
    ...indent([...security, cache(HASHED_CACHE)]),
    '}',
  ];
  for (const [ext, type] of TYPES) {
    blocks.push(
      '',
      `location ~* \\.${ext}$ {`,
      ...indent(['types { }', `default_type ${quoted(type)};`, ...security, cache(OTHER_CACHE)]),
      '}',
    );
  }
  const config = CONFIG_FILES.map((f) => f.replaceAll('.', '\\.')).join('|');
  blocks.push('', `location ~ (^|/)(${config})$ {`, '    return 404;', '}', '');
  return blocks.join('\n');
}

/** Every host file for a site served at `base` with the pages' `csp`. */
export function hostFiles(policy: HostPolicy): HostFile[] {
  const base = normalBase(policy.base);
  return [
    { path: '_headers', content: headersFile(base, policy.csp) },
    { path: 'web.config', content: webConfig(base, policy.csp) },
    { path: '.htaccess', content: htaccess(base, policy.csp) },
    { path: 'nginx.conf', content: nginxConf(base, policy.csp) },
  ];
}

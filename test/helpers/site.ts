/** Test helpers: build the site as a maintainer would, serve a dist/ folder on 127.0.0.1, launch Debian's Chromium. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script>` with the project's own Node (the one running the tests) and extra env. */
export function runScript(script: string, env: Record<string, string>, args: string[] = []): Promise<RunResult> {
  if (script === 'build.ts' && process.env.PDV_TEST_PROJECT === 'unit') {
    // Unit tests stay fast: a test that needs a built site reads the shared builds of the quality project.
    const where = 'read sites() from test/helpers/sites.ts in a test/quality*.test.ts file';
    return Promise.reject(new Error(`the unit project runs no build (scripts/build.ts): ${where}`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Builds the site from `dataDir` into `outDir`; throws with the build's output when it fails. */
export async function buildSite(dataDir: string, outDir: string, base = '/'): Promise<RunResult> {
  const result = await runScript('build.ts', { DATA_DIR: dataDir, OUT_DIR: outDir, SITE_BASE: base });
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface Served {
  /** Origin plus base, ending in `/`, e.g. `http://127.0.0.1:4321/thong-ke/`. */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** Serves `dir` under `base` on 127.0.0.1 like a plain static host: `x/` → `x/index.html`, misses → 404.html. */
export async function serve(dir: string, base = '/'): Promise<Served> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname = decodeURIComponent(url.pathname);
    const notFound = async () => {
      const page = await readFile(path.join(dir, '404.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    };
    if (!pathname.startsWith(base)) return notFound();
    pathname = pathname.slice(base.length);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return notFound();
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        s = await stat(file);
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': s.size });
      createReadStream(file).pipe(res);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every file below `dir` with the sha256 of its bytes, sorted: equal maps mean byte-identical trees. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  files.sort();
  for (const file of files) {
    out.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

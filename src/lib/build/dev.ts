/**
 * `astro dev`'s build context, installed by the integration in astro.config.mjs: the Dataset from DATA_DIR, data/
 * written to a temporary folder, and a middleware that serves what the build would write (the files the pages
 * declare, and data/), so that a maintainer previewing the site can click every download. A declared file is known
 * once its page has rendered; a download asked for first (a bookmarked CSV) renders the pages that may declare it,
 * then looks again.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../load.ts';
import { renderPng } from '../press/png.ts';
import type { PageFile } from '../view/shapes.ts';
import { setBuildContext } from './context.ts';
import { indicatorsAt, writeDataFolder } from './data.ts';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface DevOptions {
  dataDir: string;
  /** The site's base path (`/`, `/thong-ke/`). */
  base: string;
  /** The dev server, to render a page from inside a request. */
  server: { address(): AddressInfo | string | null } | null;
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The folders under which pages declare files (and data/): other paths are Vite's and Astro's. */
const OWN = /^(?:don-vi|bieu-do|so-sanh|nhiem-ky|nhung|data)\//;

export function startDev(o: DevOptions): Middleware {
  const dataset = loadDataset(o.dataDir);
  const declared = new Map<string, PageFile>();
  // data/ at once, as the build does before the pages: a unit page links to the part holding its indicators.
  const dataFolder = dataset.then(async (ds) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pdv-dev-data-'));
    await writeDataFolder(ds, dir);
    return dir;
  });
  setBuildContext({
    dataset,
    publish: (files) => {
      for (const f of files) declared.set(f.path, f);
    },
    indicatorsAt: dataFolder.then(indicatorsAt),
  });
  const base = o.base.endsWith('/') ? o.base : `${o.base}/`;

  const origin = () => {
    const a = o.server?.address();
    if (!a || typeof a === 'string') throw new Error('the dev server has no address yet');
    const host =
      a.address === '::' || a.address === '0.0.0.0' ? 'localhost' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}`;
  };

  /** Renders the pages that may declare `rel` (its folders, then the site-level pages) until one has. */
  async function renderOwners(rel: string): Promise<void> {
    const parts = rel.split('/').slice(0, -1);
    const folders = parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`).reverse();
    const ds = await dataset;
    const pages = [
      ...folders.filter((f) => !f.includes('nhung/')),
      '',
      'so-sanh/',
      ...ds.terms.map((t) => `nhiem-ky/${t.id}/`),
    ];
    for (const page of new Set(pages)) {
      await fetch(`${origin()}${base}${page}`).then((r) => r.arrayBuffer());
      if (declared.has(rel)) return;
    }
  }

  async function content(rel: string): Promise<string | Uint8Array | undefined> {
    if (rel.startsWith('data/')) {
      const file = path.join(await dataFolder, rel.slice('data/'.length));
      return existsSync(file) ? readFile(file) : undefined;
    }
    if (!declared.has(rel)) await renderOwners(rel);
    const f = declared.get(rel);
    if (!f) return undefined;
    if (!('pngOf' in f)) return f.body();
    const svg = declared.get(f.pngOf);
    return svg && 'body' in svg ? renderPng(String(svg.body())) : undefined;
  }

  return (req, res, next) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !pathname.startsWith(base)) return next();
    let rel = pathname.slice(base.length);
    if (rel.endsWith('/') && rel.includes('nhung/')) rel += 'index.html';
    const type = TYPES[path.extname(rel)];
    if (!type || (!declared.has(rel) && !OWN.test(rel))) return next();
    content(rel).then(
      (body) => {
        if (body === undefined) return next();
        res.writeHead(200, { 'Content-Type': type });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      },
    );
  };
}

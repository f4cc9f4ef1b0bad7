/**
 * For scripts/build.ts: `writeHostFiles(outDir, base)` writes the hosts' configuration into the built site (files.ts),
 * with the pages' own Content-Security-Policy; `hostFitLines(outDir)` says which hosts the site fits (fit.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CSP } from '../view/csp.ts';
import { hostFiles } from './files.ts';

export { hostFitLines } from './fit.ts';

/** Writes `_headers`, `web.config`, `.htaccess` and `nginx.conf` into `outDir`; returns their paths. */
export async function writeHostFiles(outDir: string, base: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of hostFiles({ base, csp: CSP })) {
    const file = path.join(outDir, ...f.path.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, f.content);
    written.push(file);
  }
  return written;
}

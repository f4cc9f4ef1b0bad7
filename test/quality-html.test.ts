/**
 * Quality gates on the built HTML, without a browser:
 * - every page passes the Nu HTML Checker (vnu) with zero errors (data/ build, demo build, sub-path and hostile builds,
 *   all in one Java run);
 * - every page carries a strict Content-Security-Policy meta tag, before anything it governs, and has no inline
 *   script, inline event handler, `javascript:` URL or inline style the policy would block.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pageCspProblems } from './helpers/csp.ts';
import { htmlFiles, sites, type BuiltSite, type Sites } from './helpers/sites.ts';

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** Waits for the background vnu run of global-setup.ts and parses its output. */
async function vnuResult(): Promise<{ code: number | null; files: number; messages: VnuMessage[] }> {
  const { out, done } = inject('vnu');
  const t0 = Date.now();
  while (!existsSync(done)) {
    if (Date.now() - t0 > 170_000) throw new Error('vnu did not finish in time');
    await new Promise((r) => setTimeout(r, 250));
  }
  const end = JSON.parse(await readFile(done, 'utf8')) as { code: number | null; files: number; error?: string };
  if (end.error) throw new Error(end.error);
  const text = await readFile(out, 'utf8');
  const start = text.indexOf('{"');
  try {
    return {
      code: end.code,
      files: end.files,
      messages: (JSON.parse(text.slice(start)) as { messages: VnuMessage[] }).messages,
    };
  } catch {
    throw new Error(`vnu did not answer JSON (exit ${end.code}):\n${text.slice(0, 2000)}`);
  }
}

let s: Sites;
beforeAll(() => {
  s = sites();
});

describe('valid HTML (Nu HTML Checker)', () => {
  it('every page of the data/, demo, sub-path and hostile builds has zero errors', async () => {
    const builds = { root: s.root, demo: s.demo, sub: s.sub, hostile: s.hostile };
    const files: string[] = [];
    const counts: Record<string, number> = {};
    for (const [name, site] of Object.entries(builds)) {
      const f = await htmlFiles(site.dir);
      counts[name] = f.length;
      files.push(...f);
    }
    expect(counts.root).toBeGreaterThan(10);
    expect(counts.demo).toBeGreaterThan(200);
    const { code, files: checked, messages } = await vnuResult();
    expect(checked).toBe(files.length);
    const errors = messages.filter(
      (m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error',
    );
    const report = errors
      .slice(0, 40)
      .map(
        (m) =>
          `${m.url.replace('file:', '')}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''}`,
      );
    console.log(
      `[vnu] ${files.length} pages checked (${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}): ${errors.length} errors`,
    );
    expect(report, `vnu errors (${errors.length}):\n${report.join('\n')}`).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('Content-Security-Policy on every page', () => {
  it('the rule itself catches a weak policy, an inline script and a missing meta', () => {
    const good = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"><title>x</title><script type="module" src="/a.js"></script></head><body></body></html>`;
    expect(pageCspProblems(good)).toEqual([]);
    expect(pageCspProblems(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))).not.toEqual([]);
    expect(pageCspProblems(good.replace("connect-src 'self'", 'connect-src https://evil.example'))).not.toEqual([]);
    expect(pageCspProblems(good.replace('</body>', '<script>alert(1)</script></body>'))).not.toEqual([]);
    expect(pageCspProblems(good.replace('</body>', '<img src=x onerror="alert(1)"></body>'))).not.toEqual([]);
    expect(pageCspProblems(good.replace(/<meta http-equiv[^>]*>/, ''))).not.toEqual([]);
    expect(
      pageCspProblems(
        good.replace('<meta charset="utf-8">', '<meta charset="utf-8"><link rel="stylesheet" href="/a.css">'),
      ),
    ).not.toEqual([]);
  });

  const check = async (site: BuiltSite) => {
    const files = await htmlFiles(site.dir);
    const bad: string[] = [];
    for (const file of files) {
      const problems = pageCspProblems(await readFile(file, 'utf8'));
      if (problems.length) bad.push(`${path.relative(site.dir, file)}: ${[...new Set(problems)].join('; ')}`);
    }
    console.log(`[csp] ${files.length} pages of ${path.basename(site.dir)}: ${bad.length} with problems`);
    return { files, bad };
  };

  for (const name of ['root', 'sub', 'hostile', 'demo'] as const) {
    it(`${name} build: a strict CSP meta on every page, no inline script or handler`, async () => {
      const { files, bad } = await check(s[name]);
      expect(files.length).toBeGreaterThan(5);
      expect(bad, bad.slice(0, 20).join('\n')).toEqual([]);
    });
  }
});

/**
 * The layers of src/lib, in the manner of Starlight's no-internal-barrel-imports test: every relative import of
 * every module is read, and a folder may import only folders below it in LAYERS. Two folders that import each
 * other are reported as such (whatever the order); a folder missing from LAYERS fails until it is placed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Bottom to top. A top-level file of src/lib is a layer of its own (`types.ts`). */
const LAYERS = [
  'types.ts',
  'diagnostics.ts',
  'periods.ts',
  'format',
  'ingest',
  'schema',
  'model',
  'load.ts',
  'publish',
  'revisions',
  'demo',
  'summary',
  'charts',
  'view',
  'check',
  'template',
  'hosts',
  'press',
  'site',
  'build',
];

const lib = path.resolve(import.meta.dirname, '../src/lib');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? modules(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The layer of a file of src/lib: its folder under src/lib, or its own name at the top. */
const layerOf = (file: string) => path.relative(lib, file).split(path.sep)[0]!;

interface Import {
  from: string;
  to: string;
  /** `file:line` of the import. */
  at: string;
  spec: string;
}

/** Every `import … from '…'`, `export … from '…'` and `import('…')` of a module. */
function importsOf(file: string): { spec: string; line: number }[] {
  const src = readFileSync(file, 'utf8');
  const found: { spec: string; line: number }[] = [];
  const re = /(?:^|[^.\w])(?:import|export)\b[^'";]*?(?:from\s*)?\(?\s*['"]([^'"]+)['"]/gm;
  for (const m of src.matchAll(re)) found.push({ spec: m[1]!, line: src.slice(0, m.index).split('\n').length });
  return found;
}

function libImports(): Import[] {
  const out: Import[] = [];
  for (const file of modules(lib)) {
    for (const { spec, line } of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(lib + path.sep)) continue;
      const from = layerOf(file);
      const to = layerOf(target);
      if (from !== to) out.push({ from, to, spec, at: `${path.relative(lib, file)}:${line}` });
    }
  }
  return out;
}

/** The rule, on a list of imports: what it reports. */
function violations(imports: Import[]): string[] {
  const rank = new Map(LAYERS.map((l, i) => [l, i]));
  const problems = new Set<string>();
  const pairs = new Set(imports.map((i) => `${i.from}→${i.to}`));
  const mutual = new Set<string>();
  for (const i of imports) {
    if (!rank.has(i.from)) problems.add(`src/lib/${i.from} is not in LAYERS: place it in the list`);
    if (!rank.has(i.to)) problems.add(`src/lib/${i.to} is not in LAYERS: place it in the list`);
    if (!rank.has(i.from) || !rank.has(i.to) || rank.get(i.to)! < rank.get(i.from)!) continue;
    const where = `${i.at}: ${i.from} imports ${i.to}, a layer above it ('${i.spec}')`;
    if (!pairs.has(`${i.to}→${i.from}`)) problems.add(where);
    else if (!mutual.has(i.from)) {
      // One line per pair of folders, at the first import that goes up.
      mutual.add(i.from);
      problems.add(`${i.from} and ${i.to} import each other; ${where}`);
    }
  }
  return [...problems];
}

describe('src/lib layers', () => {
  const imports = libImports();

  it('reads the imports (the reader is not blind)', () => {
    // Counted by hand: site/unit.ts imports press/summaries.ts; view/sources.ts imports model/origins.ts.
    expect(imports).toContainEqual(
      expect.objectContaining({ at: expect.stringMatching(/^site\/unit\.ts:/), to: 'press' }),
    );
    expect(imports).toContainEqual(
      expect.objectContaining({ at: expect.stringMatching(/^view\/sources\.ts:/), to: 'model' }),
    );
  });

  it('every folder imports only the layers below it, and no two folders import each other', () => {
    expect(violations(imports)).toEqual([]);
  });

  it('the rule catches an import upwards and a pair of folders importing each other', () => {
    const up: Import = { from: 'charts', to: 'site', spec: '../site/site.ts', at: 'charts/index.ts:1' };
    const down: Import = { from: 'site', to: 'charts', spec: '../charts/index.ts', at: 'site/ranked.ts:1' };
    expect(violations([up])).toEqual(["charts/index.ts:1: charts imports site, a layer above it ('../site/site.ts')"]);
    expect(violations([up, down, { ...down, at: 'site/term.ts:1' }])).toEqual([
      "charts and site import each other; charts/index.ts:1: charts imports site, a layer above it ('../site/site.ts')",
    ]);
    expect(violations([{ ...down, from: 'widgets' }])).toEqual([
      'src/lib/widgets is not in LAYERS: place it in the list',
    ]);
  });

  it('src/lib is plain TypeScript: no Astro import', () => {
    const astro = modules(lib).flatMap((f) =>
      importsOf(f)
        .filter((i) => i.spec === 'astro' || i.spec.startsWith('astro/') || i.spec.endsWith('.astro'))
        .map((i) => `${path.relative(lib, f)}:${i.line}`),
    );
    expect(astro).toEqual([]);
  });
});

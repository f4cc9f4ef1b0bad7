// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// SITE_BASE lets the site live under a sub-path (e.g. /thong-ke/); SITE_URL is only used for absolute links
// (sitemap, Open Graph).
const base = process.env.SITE_BASE || '/';
const outDir = process.env.ASTRO_OUT_DIR || './dist';

/**
 * The build context when Astro runs without scripts/build.ts (which installs its own before it calls Astro):
 * - `astro dev` (src/lib/build/dev.ts): the Dataset from DATA_DIR for the pages, and a middleware serving the
 *   files they declare (chart CSVs, images, embed pages) and data/, as `npm run build` writes them;
 * - a plain `astro build` (src/lib/build/standalone.ts): the declared files written into Astro's outDir.
 * The modules are imported in the hooks (Node runs the TypeScript), so that loading the config stays cheap.
 * @returns {import('astro').AstroIntegration}
 */
function siteFiles() {
  let dev = false;
  /** @type {string} */
  let out = '';
  /** @type {{ finish(): Promise<unknown> } | undefined} */
  let standalone;
  const dataDir = process.env.DATA_DIR || 'data';
  return {
    name: 'site-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        dev = command === 'dev';
      },
      'astro:config:done': ({ config }) => {
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        const { hasBuildContext } = await import('./src/lib/build/context.ts');
        if (hasBuildContext()) return;
        const { startStandaloneBuild } = await import('./src/lib/build/standalone.ts');
        standalone = startStandaloneBuild(dataDir, out);
      },
      'astro:build:done': async () => {
        await standalone?.finish();
      },
      // Also called by a build's internal Vite server when NODE_ENV is not `production` (tests): dev only.
      'astro:server:setup': async ({ server }) => {
        if (!dev) return;
        const { startDev } = await import('./src/lib/build/dev.ts');
        server.middlewares.use(startDev({ dataDir, base, server: server.httpServer }));
      },
    },
  };
}

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost',
  base,
  outDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [siteFiles()],
  // Never inline a small <script> or asset into the HTML: the CSP allows only script files of the site itself.
  vite: { build: { assetsInlineLimit: 0 } },
});

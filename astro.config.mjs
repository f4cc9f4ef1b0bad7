// @ts-check
import { defineConfig } from 'astro/config';

// SITE_BASE lets the site live under a sub-path (e.g. /thong-ke/); SITE_URL is only used for absolute links
// (sitemap, Open Graph).
const base = process.env.SITE_BASE || '/';
const outDir = process.env.ASTRO_OUT_DIR || './dist';

/**
 * The build context of `astro dev` (src/lib/build/dev.ts): the Dataset from DATA_DIR for the pages, and a
 * middleware serving the files they declare (chart CSVs, images, embed pages) and data/, as `npm run build`
 * writes them. `npm run build` installs its own context (scripts/build.ts) before it calls Astro.
 * @returns {import('astro').AstroIntegration}
 */
function siteFiles() {
  let dev = false;
  return {
    name: 'site-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        dev = command === 'dev';
      },
      // Also called by a build's internal Vite server when NODE_ENV is not `production` (tests): dev only.
      'astro:server:setup': async ({ server }) => {
        if (!dev) return;
        // Imported here (Node runs the TypeScript): a build never loads the dev server's side.
        const { startDev } = await import('./src/lib/build/dev.ts');
        server.middlewares.use(startDev({ dataDir: process.env.DATA_DIR || 'data', base, server: server.httpServer }));
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

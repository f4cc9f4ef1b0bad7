// @ts-check
import { defineConfig } from 'astro/config';

// SITE_BASE lets the site live under a sub-path (e.g. /thong-ke/); SITE_URL is only used for absolute links (sitemap, Open Graph).
const base = process.env.SITE_BASE || '/';
const outDir = process.env.ASTRO_OUT_DIR || './dist';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost',
  base,
  outDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Never inline a small <script> or asset into the HTML: the CSP allows only script files of the site itself.
  vite: { build: { assetsInlineLimit: 0 } },
});

/**
 * The Content-Security-Policy of every page (a <meta>, so no frame-ancestors: any site may frame the embed pages).
 * Strict: only this site's own files; no inline script or style (Astro bundles every <script> to a file).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The check runs under the page's CSP (script-src 'self', no 'unsafe-eval'): no code made from strings. zod is told
 * not to compile its parsers with `new Function` (its probe for it, though caught, is reported as a violation), and
 * the schema's row builders use closures (schema/shape.ts). Imported first by check/index.ts: zod builds its
 * parsers when the schema modules load, so the setting must come before them. The results are the same.
 */
import { config } from 'zod';
import { shapes } from '../schema/shape.ts';

config({ jitless: true });
shapes.compiled = false;

/** Schema: zod row schemas per file, header checks, and validate() with the cross-file checks. */
export { validate, sortDiagnostics } from './validate.ts';
export { editDistance } from './columns.ts';
export { parseCount, slugFromName } from './values.ts';

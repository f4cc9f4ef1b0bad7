/** Schema: zod row schemas per file, header checks, and validate() with the cross-file checks. */
export { validate, sortDiagnostics, Validator, VALIDATION_ORDER } from './validate.ts';
export type { ValidateOptions } from './validate.ts';
export { FILE_COLUMNS, mapColumns, closest, editDistance, isIgnoredColumn } from './columns.ts';
export { unitSchema, termSchema, admissionSchema, targetSchema, trainingSchema, memberSchema } from './rows.ts';
export { parseCount, slugFromName, ID_RE, SLUG_RE, UNIT_KINDS } from './values.ts';

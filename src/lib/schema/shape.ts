/**
 * Fixed-shape object builders and readers, generated once per file's column list. A row object assembled
 * key by key (`obj[key] = …` in a loop) makes every store a dictionary lookup; one object literal with
 * the keys written out is what the JS engine builds fastest, and this runs once or twice per row on
 * half a million rows. Keys are JSON-quoted, so no column name can inject code (and they are our own
 * constants anyway: the known columns of the contract).
 * Where the page's CSP forbids `new Function` (the check page, script-src 'self'), `shapes.compiled = false` gives
 * plain closures instead: the same objects, key order included, a little slower.
 */

export const shapes = { compiled: true };

/** `(values) => ({ k0: values[0], k1: values[1], … })` */
export function objectBuilder(keys: readonly string[]): (values: ArrayLike<unknown>) => Record<string, unknown> {
  if (!shapes.compiled) return (v) => Object.fromEntries(keys.map((k, i) => [k, v[i]]));
  const body = `return {${keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ')}};`;
  return new Function('v', body) as (values: ArrayLike<unknown>) => Record<string, unknown>;
}

/** `(obj, out) => { out[0] = obj.k0; out[1] = obj.k1; … }` */
export function objectReader(keys: readonly string[]): (obj: object, out: unknown[]) => void {
  if (!shapes.compiled) {
    return (s, o) => {
      for (let i = 0; i < keys.length; i++) o[i] = (s as Record<string, unknown>)[keys[i]!];
    };
  }
  const body = keys.map((k, i) => `o[${i}] = s[${JSON.stringify(k)}];`).join('\n');
  return new Function('s', 'o', body) as (obj: object, out: unknown[]) => void;
}

/**
 * `(cells) => ({ k0: cells[i0] ?? '', k1: '', … })`: the row object of one file from its cells,
 * with '' for a column the file does not have (index undefined).
 */
export function rowBuilder(
  fields: readonly (readonly [string, number | undefined])[],
): (cells: readonly string[]) => Record<string, string> {
  if (!shapes.compiled) {
    return (c) => Object.fromEntries(fields.map(([k, i]) => [k, i === undefined ? '' : (c[i] ?? '')]));
  }
  const body = `return {${fields
    .map(([k, idx]) => `${JSON.stringify(k)}: ${idx === undefined ? "''" : `(c[${idx}] ?? '')`}`)
    .join(', ')}};`;
  return new Function('c', body) as (cells: readonly string[]) => Record<string, string>;
}

/**
 * The check page's static part: where the site's own published units and terms are (the island fetches them from
 * the site itself, never from another host), and what it says about them.
 */
import type { Dataset } from '../types.ts';
import { fmtCount } from '../format/index.ts';
import { href } from '../view/href.ts';

export interface CheckPage {
  /** `data/units.csv` under the base, when the site publishes it. */
  unitsHref?: string;
  /** `data/terms.csv`, when the site has a terms table (else the default terms apply, as in the build). */
  termsHref?: string;
  /** `3.279 đơn vị`. */
  unitCount: string;
  dataHref: string;
}

export function checkPage(ds: Dataset): CheckPage {
  const has = (file: string) => ds.inputs.tables.some((t) => t.file === file);
  return {
    ...(has('units.csv') ? { unitsHref: href('data/units.csv') } : {}),
    ...(has('terms.csv') ? { termsHref: href('data/terms.csv') } : {}),
    unitCount: `${fmtCount(ds.units.length)} đơn vị`,
    dataHref: href('du-lieu/'),
  };
}

/**
 * The chart images known before Astro renders: the press kits of the pages that carry them (the home page, the
 * term pages, provinces and districts: src/lib/press pressApplies), from the view models the pages call
 * (src/lib/site). They are drawn while data/ is written and Astro bundles the pages, when the second core is free;
 * files.ts uses each only if its page then declares the same SVG.
 */
import { imageScope } from '../press/index.ts';
import { overview } from '../site/overview.ts';
import { termPage } from '../site/term.ts';
import { unitPage } from '../site/unit.ts';
import type { Dataset } from '../types.ts';
import type { FileWriter } from './files.ts';

/** Pages made between two turns of the event loop, so that the PNG threads are sent work meanwhile. */
const PAGES_PER_TURN = 25;

/** Declares to `writer` the images of the pages with a press kit; resolves to the number of pages made. */
export async function drawKitsAhead(writer: FileWriter, ds: Dataset, revisions: string): Promise<number> {
  if (imageScope() === 'none') return 0;
  // Pages Astro renders last: their images first.
  for (const term of ds.terms) writer.drawAhead(termPage(ds, term).files);
  writer.drawAhead(overview(ds).files);
  let pages = 1 + ds.terms.length;
  for (const unit of ds.units) {
    if (unit.level !== 'province' && unit.level !== 'district') continue;
    // The unit's indicators file (the last argument) is known only once data/ is written: the images do not show it.
    writer.drawAhead(unitPage(ds, unit, revisions).files);
    if (++pages % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return pages;
}

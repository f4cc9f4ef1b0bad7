/**
 * The chart images known before Astro renders: the press kits of the pages that carry them (the home page, the
 * term pages, provinces and districts: src/lib/press pressApplies), from the view models the pages call
 * (src/lib/site). They are drawn while data/ is written and Astro bundles the pages, when the second core is free;
 * files.ts uses each only if its page then declares the same SVG, so a guess that differs costs time, not bytes.
 */
import { DISTRICT_CHARTS, imageScope } from '../press/index.ts';
import { revisionMarks } from '../revisions/marks.ts';
import { chartFiles, pageChart, sharedLink } from '../site/files.ts';
import { overview } from '../site/overview.ts';
import { termPage } from '../site/term.ts';
import { admissionsView } from '../site/unit/admissions.ts';
import { ownerOf } from '../site/unit/shared.ts';
import { unitPage } from '../site/unit.ts';
import type { Dataset, Unit } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import type { PageFile } from '../view/shapes.ts';
import type { FileWriter } from './files.ts';

/** Pages made between two turns of the event loop, so that the PNG threads are sent work meanwhile. */
const PAGES_PER_TURN = 25;

/**
 * A district's one chart with a kit by default (DISTRICT_CHARTS), made as unitPage makes it: the whole page's view
 * model costs ~15 ms, and ~700 districts would add ~10 s to the build.
 */
function districtKit(ds: Dataset, unit: Unit, revisions: string): PageFile[] {
  const view = admissionsView(ds, unit, revisionMarks(revisions, unit.id, ds.terms));
  if (!view || !DISTRICT_CHARTS.includes(view.key)) return [];
  const shown = pageChart(sharedLink(view, unit, ownerOf(ds, unit)), unit);
  return chartFiles(ds, [shown], unit, href(unitPath(unit.slug)));
}

/** Declares to `writer` the images of the pages with a press kit; resolves to the number of pages made. */
export async function drawKitsAhead(writer: FileWriter, ds: Dataset, revisions: string): Promise<number> {
  const scope = imageScope();
  if (scope === 'none') return 0;
  // Pages Astro renders last: their images first.
  for (const term of ds.terms) writer.drawAhead(termPage(ds, term).files);
  writer.drawAhead(overview(ds).files);
  let pages = 1 + ds.terms.length;
  for (const unit of ds.units) {
    if (unit.level !== 'province' && unit.level !== 'district') continue;
    // The unit's indicators file (unitPage's last argument) is known only once data/ is written: no image shows it.
    const light = unit.level === 'district' && scope === 'default';
    writer.drawAhead(light ? districtKit(ds, unit, revisions) : unitPage(ds, unit, revisions).files);
    if (++pages % PAGES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return pages;
}

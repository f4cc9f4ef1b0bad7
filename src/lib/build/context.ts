/**
 * The one object a run hands to the pages: the Dataset they render and where the files they declare go.
 * `npm run build` (scripts/build.ts) installs it before it calls Astro; `astro dev` gets it from the integration in
 * astro.config.mjs (dev.ts). It lives on globalThis under one symbol, not in a module variable: Astro's bundle of
 * the pages (and the config's loader) have their own copies of every module, and a live Dataset cannot travel
 * through a virtual module.
 */
import type { Dataset } from '../types.ts';
import type { PageFile } from '../view/shapes.ts';

export interface BuildContext {
  /** The Dataset every page renders, computed once for the run. */
  dataset: Promise<Dataset>;
  /** Takes the files a page needs besides its HTML: the build writes them, the dev server keeps them to serve. */
  publish(files: readonly PageFile[]): void;
  /**
   * The data/revisions.csv the build publishes (src/lib/revisions): the history page lists it, unit pages mark
   * the figures revised on its latest date. Absent under `astro dev` and a plain `astro build` (no comparison).
   */
  revisions?: string;
  /**
   * The data/ file holding a unit's indicators (`data/indicators.csv`, or its part `data/indicators-K.csv` when
   * split): a unit page's "Tải mọi chỉ số" links there (no unit has a chi-so.csv of its own). Known once data/ is
   * written, before the pages render (data.ts indicatorsAt). Absent under a plain `astro build` (no data/).
   */
  indicatorsAt?: Promise<(unitId: string) => string>;
  /** data/du-lieu.xlsx, the whole data set as one workbook: its size, and whether it fits the hosts' limit. */
  dataWorkbook?: { bytes: number; published: boolean };
}

const KEY = Symbol.for('thong-ke-phat-trien-dang-vien.build-context');
type Holder = { [KEY]?: BuildContext };

export function setBuildContext(context: BuildContext | undefined): void {
  (globalThis as Holder)[KEY] = context;
}

export function hasBuildContext(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}

/** The run's context; pages call it while they render. */
export function buildContext(): BuildContext {
  const context = (globalThis as Holder)[KEY];
  if (!context) throw new Error('No build context: render the site with `npm run build` or `npm run dev`.');
  return context;
}

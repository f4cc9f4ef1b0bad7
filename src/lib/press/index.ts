/**
 * The press kit of a chart, called by ChartFigure.astro while the page renders:
 * - `<chart>.svg` beside the chart's CSV: the chart with its title, subtitle, legend, note and source line on white
 *   (image.ts), written at once;
 * - `<chart>.png`, the same at 2×, queued here (queue.ts) and drawn in a worker thread (build.ts → startChartImages);
 * - an embed page `<folder of the CSV>/nhung/<chart>/` (embed.ts) and the <iframe> snippet for it.
 * Which charts: those that have an SVG (tables have none), on site-level pages and province pages, and the
 * headline chart of each district (DISTRICT_CHARTS); `CHART_IMAGES=all` gives every chart of every unit the kit,
 * `CHART_IMAGES=none` turns it off.
 */
import { fmtCount, fmtDate } from '../format/index.ts';
import { emitFile } from '../site/files.ts';
import { absoluteUrl, href, sitePath, unitPath } from '../site/href.ts';
import { DEMO_LABEL, SITE_NAME } from '../site/labels.ts';
import { unitSources } from '../site/unit.ts';
import type { ChartView } from '../site/view.ts';
import type { Dataset, Unit } from '../types.ts';
import { emitEmbedAssets, embedPage, EMBED_CHART_MAX } from './embed.ts';
import { chartImage, chartSize } from './image.ts';
import { esc } from './legend.ts';
import { queuePng } from './queue.ts';

export type ImageScope = 'default' | 'all' | 'none';

/** `CHART_IMAGES`: unset = site-level and province charts and DISTRICT_CHARTS; `all`; `none`. */
export function imageScope(env: string | undefined = process.env.CHART_IMAGES): ImageScope {
  const v = (env ?? '').trim().toLowerCase();
  if (v === 'all') return 'all';
  if (v === 'none' || v === 'off' || v === '0') return 'none';
  return 'default';
}

/**
 * The charts of a district that get the kit by default: admissions by year (with the targets), the figure the
 * press quotes. A national data set has ~700 districts, and a PNG costs ~50 ms of CPU (text layout, rasterising,
 * encoding): one chart each keeps the images to ~850; all four would add ~3,000 images and tens of seconds.
 * Provinces and site-level pages get every chart.
 */
export const DISTRICT_CHARTS: readonly string[] = ['ket-nap-theo-nam'];

/** Whether a chart (`key`) of `unit` (undefined: a site-level chart) gets images and an embed page. */
export function pressApplies(unit: Unit | undefined, key: string, scope: ImageScope = imageScope()): boolean {
  if (scope === 'none') return false;
  if (scope === 'all' || !unit || unit.level === 'province') return true;
  return unit.level === 'district' && DISTRICT_CHARTS.includes(key);
}

let lastSources: { ds: Dataset; key: string; text: string } | undefined;

/** The image's and embed page's source line: the data's sources, the site, the date of the data. */
export function sourceLine(ds: Dataset, unit: Unit | undefined): string {
  const key = unit?.id ?? '';
  if (lastSources && lastSources.ds === ds && lastSources.key === key) return lastSources.text;
  const date = ds.latestDataDate ? `, số liệu cập nhật đến ${fmtDate(ds.latestDataDate)}` : '';
  let text: string;
  if (unit) {
    const texts = unitSources(ds, unit)
      .map((s) => s.text)
      .filter((t) => t !== 'Không ghi nguồn');
    const list = texts.length <= 2 ? texts.join('; ') : `${texts.slice(0, 2).join('; ')}; và ${fmtCount(texts.length - 2)} nguồn khác`;
    text = `${list ? `Nguồn: ${list}. ` : ''}Tổng hợp: ${SITE_NAME}${date}.`;
  } else {
    text = `Nguồn: ${SITE_NAME}, tổng hợp từ ${fmtCount(ds.sources.length)} nguồn số liệu${date}.`;
  }
  if (ds.isDemo && !text.includes(DEMO_LABEL)) text = `${DEMO_LABEL}, không phải số liệu thật. ${text}`;
  lastSources = { ds, key, text };
  return text;
}

/** The public address of a site path: absolute when SITE_URL is set, else from the site's root (href()). */
export function publicUrl(path: string): string {
  const site = process.env.SITE_URL;
  return site ? new URL(href(path), site).href : href(path);
}

export interface PressLinks {
  png: string;
  pngName: string;
  svg: string;
  svgName: string;
  /** The embed page (href()). */
  embed: string;
  /** The <iframe> code to paste, as text. */
  snippet: string;
  /** The sentence before the snippet (tells to add the domain when SITE_URL is not set). */
  intro: string;
}

/** The chart's title naming its unit, for an image or embed seen away from the unit's page. */
export function standaloneTitle(view: ChartView, unit: Unit | undefined): string {
  return unit && !view.title.includes(unit.label) ? `${view.title} — ${unit.label}` : view.title;
}

export interface PressInput {
  ds: Dataset;
  view: ChartView;
  /** The chart's SVG as rendered on the page (undefined: a table, no kit). */
  svg: string | undefined;
  /** The unit the chart belongs to; undefined for a site-level chart. */
  unit?: Unit;
  /** The path of the page rendering it (Astro.url.pathname): the embed page links back there for site-level charts. */
  page: string;
  /** Astro.site, for the embed page's canonical link. */
  site?: URL | string;
}

/** Writes the chart's SVG image and embed page, queues its PNG; returns the links (undefined: no kit). */
export function chartPress(o: PressInput): PressLinks | undefined {
  if (!o.svg || !pressApplies(o.unit, o.view.key)) return undefined;
  const { view } = o;
  const csvPath = sitePath(view.csvHref);
  const stem = csvPath.replace(/\.csv$/, '');
  const folder = stem.slice(0, stem.lastIndexOf('/') + 1);
  const name = stem.slice(folder.length);
  const embedPath = `${folder}nhung/${name}/`;
  const downloadStem = view.csvName.replace(/\.csv$/, '');
  const links: PressLinks = {
    png: href(`${stem}.png`),
    pngName: `${downloadStem}.png`,
    svg: href(`${stem}.svg`),
    svgName: `${downloadStem}.svg`,
    embed: href(embedPath),
    snippet: '',
    intro: process.env.SITE_URL
      ? 'Dán đoạn mã sau vào trang web để hiện biểu đồ, nguồn số liệu và đường dẫn về trang này:'
      : 'Dán đoạn mã sau vào trang web để hiện biểu đồ, nguồn số liệu và đường dẫn về trang này (thêm tên miền của trang này vào trước đường dẫn /…):',
  };
  const title = standaloneTitle(view, o.unit);
  const chart = chartSize(o.svg);
  const height = Math.ceil((chart.height * (EMBED_CHART_MAX / chart.width) + 150 + (view.subtitle ? 22 : 0) + (view.legend?.length ? 26 : 0) + (view.caption ? 44 : 0)) / 10) * 10;
  links.snippet = `<iframe src="${esc(publicUrl(embedPath))}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:800px" loading="lazy"></iframe>`;

  if (globalThis.__PDV_FILES_DIR__) {
    const source = sourceLine(o.ds, o.unit);
    const back = o.unit ? href(unitPath(o.unit.slug)) : o.page;
    const image = chartImage({ svg: o.svg, title, subtitle: view.subtitle, legend: view.legend, note: view.caption, source });
    emitFile(`${stem}.svg`, image.svg);
    queuePng({ svg: `${stem}.svg`, png: `${stem}.png` });
    emitEmbedAssets();
    emitFile(
      `${embedPath}index.html`,
      embedPage({
        title,
        subtitle: view.subtitle,
        svg: o.svg,
        legend: view.legend,
        id: view.id,
        note: view.caption,
        source,
        back: `${back}#${view.id}-h`,
        canonical: absoluteUrl(sitePath(back), o.site),
      }),
    );
  }
  return links;
}

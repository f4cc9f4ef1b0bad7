/**
 * The press kit of a chart, declared by the page's view model (src/lib/site) and written by the build:
 * - `<chart>.svg` in its page's folder (a site-level chart's beside its CSV): the chart with its title, subtitle,
 *   legend, note and source line on white (image.ts);
 * - `<chart>.png`, the same at 2×, drawn from that SVG in a worker thread while Astro renders (src/lib/build);
 * - an embed page `<that folder>/nhung/<chart>/` (embed.ts) and the <iframe> snippet for it.
 * Which charts: those that have an SVG (tables have none), on site-level pages and province pages, and the
 * headline chart of each district (DISTRICT_CHARTS); `CHART_IMAGES=all` gives every chart of every unit the kit,
 * `CHART_IMAGES=none` turns it off.
 */
import { escapeXml as esc } from '../charts/xml.ts';
import { fmtCount, fmtDate } from '../format/index.ts';
import type { Dataset, Unit } from '../types.ts';
import { absoluteUrl, href, sitePath, unitPath } from '../view/href.ts';
import { DEMO_LABEL, SITE_NAME } from '../view/labels.ts';
import type { ChartView, PageFile, PressLinks } from '../view/shapes.ts';
import { unitSources } from '../view/sources.ts';
import { embedAssets, embedPage, EMBED_CHART_MAX } from './embed.ts';
import { chartImage, chartSize } from './image.ts';

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

// The last line made, by data set (weakly: the build lets the data set go once its pages are rendered).
const lastSources = new WeakMap<Dataset, { key: string; text: string }>();

/** The image's and embed page's source line: the data's sources, the site, the date of the data. */
function sourceLine(ds: Dataset, unit: Unit | undefined): string {
  const key = unit?.id ?? '';
  const last = lastSources.get(ds);
  if (last?.key === key) return last.text;
  const date = ds.latestDataDate ? `, số liệu cập nhật đến ${fmtDate(ds.latestDataDate)}` : '';
  let text: string;
  if (unit) {
    const texts = unitSources(ds, unit)
      .map((s) => s.text)
      .filter((t) => t !== 'Không ghi nguồn');
    const list =
      texts.length <= 2
        ? texts.join('; ')
        : `${texts.slice(0, 2).join('; ')}; và ${fmtCount(texts.length - 2)} nguồn khác`;
    text = `${list ? `Nguồn: ${list}. ` : ''}Tổng hợp: ${SITE_NAME}${date}.`;
  } else {
    text = `Nguồn: ${SITE_NAME}, tổng hợp từ ${fmtCount(ds.sources.length)} nguồn số liệu${date}.`;
  }
  if (ds.isDemo && !text.includes(DEMO_LABEL)) text = `${DEMO_LABEL}, không phải số liệu thật. ${text}`;
  lastSources.set(ds, { key, text });
  return text;
}

/** The public address of a site path: absolute when SITE_URL is set, else from the site's root (href()). */
function publicUrl(path: string): string {
  const site = process.env.SITE_URL;
  return site ? new URL(href(path), site).href : href(path);
}

/** The chart's title naming its unit, for an image or embed seen away from the unit's page. */
function standaloneTitle(view: ChartView, unit: Unit | undefined): string {
  return unit && !view.title.includes(unit.label) ? `${view.title} — ${unit.label}` : view.title;
}

/**
 * Where a chart's kit lives: a unit chart's in its page's folder, `don-vi/<slug>/<key>.{png,svg}` (its CSV is cut
 * from a shared file elsewhere), a site-level chart's beside its CSV; the embed page at `<folder>/nhung/<chart>/`.
 */
function kitPaths(view: ChartView, unit: Unit | undefined): { stem: string; embed: string } {
  const stem = unit ? `${unitPath(unit.slug)}${view.key}` : sitePath(view.csvHref).replace(/\.csv$/, '');
  const folder = stem.slice(0, stem.lastIndexOf('/') + 1);
  return { stem, embed: `${folder}nhung/${stem.slice(folder.length)}/` };
}

const INTRO = 'Dán đoạn mã sau vào trang web để hiện biểu đồ, ' + 'nguồn số liệu và đường dẫn về trang này';
const ADD_DOMAIN = ' (thêm tên miền của trang này vào trước đường dẫn /…)';

/** The links of a chart's kit (undefined: a table, or a chart out of the kit's scope). */
export function pressLinks(view: ChartView, unit: Unit | undefined): PressLinks | undefined {
  if (!view.svg || !pressApplies(unit, view.key)) return undefined;
  const svg = view.svg();
  const { stem, embed } = kitPaths(view, unit);
  const downloadStem = view.csvName.replace(/\.csv$/, '');
  const title = standaloneTitle(view, unit);
  const chart = chartSize(svg);
  // The iframe's height: the chart at the embed page's width, and the text around it.
  const [sub, legend, note] = [view.subtitle ? 22 : 0, view.legend?.length ? 26 : 0, view.caption ? 44 : 0];
  const height = Math.ceil((chart.height * (EMBED_CHART_MAX / chart.width) + 150 + sub + legend + note) / 10) * 10;
  return {
    png: href(`${stem}.png`),
    pngName: `${downloadStem}.png`,
    svg: href(`${stem}.svg`),
    svgName: `${downloadStem}.svg`,
    embed: href(embed),
    snippet:
      `<iframe src="${esc(publicUrl(embed))}" title="${esc(title)}" width="100%" height="${height}" ` +
      'style="border:0;max-width:800px" loading="lazy"></iframe>',
    intro: `${INTRO}${process.env.SITE_URL ? '' : ADD_DOMAIN}:`,
  };
}

/**
 * The files of a chart's kit, declared (the build writes them): its standalone SVG, the PNG drawn from it, its
 * embed page and the embed pages' shared assets. `page` is the path of the page showing it (href()): the embed
 * page of a site-level chart links back there.
 */
export function pressFiles(ds: Dataset, view: ChartView, unit: Unit | undefined, page: string): PageFile[] {
  if (!view.svg || !pressApplies(unit, view.key)) return [];
  const svg = view.svg;
  const { stem, embed } = kitPaths(view, unit);
  const title = standaloneTitle(view, unit);
  const source = () => sourceLine(ds, unit);
  const back = unit ? href(unitPath(unit.slug)) : page;
  const { subtitle, legend, caption: note, id } = view;
  return [
    {
      path: `${stem}.svg`,
      body: () => chartImage({ svg: svg(), title, subtitle, legend, note, source: source() }).svg,
    },
    { path: `${stem}.png`, pngOf: `${stem}.svg` },
    ...embedAssets(),
    {
      path: `${embed}index.html`,
      body: () =>
        embedPage({
          title,
          subtitle,
          svg: svg(),
          legend,
          id,
          note,
          source: source(),
          back: `${back}#${id}-h`,
          canonical: absoluteUrl(sitePath(back), process.env.SITE_URL),
        }),
    },
  ];
}

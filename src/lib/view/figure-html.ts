/**
 * A chart (inline SVG rendered at build time) in a <figure> with title, subtitle and caption, as one HTML string
 * (ChartFigure.astro): its data table one click away (<details>), and a CSV download of exactly that chart's data.
 * Without a chart: the table, open. A unit chart's CSV is cut from its owner's shared file by the page's script
 * (client/download.ts; the link names the chart, UnitBody's `data-cut-page` the unit); without JavaScript the
 * link saves the shared file, and a note says how to find the chart's rows in it. A chart in the press kit's scope
 * also links its PNG and SVG images and its embed page, with the <iframe> code.
 * One string, not components: ~6 figures on each of ~13,500 pages. The whitespace a browser never renders
 * (between blocks, and at a block's edges) is left out; attribute values are bare where HTML allows.
 */
import { swatch } from '../charts/legend.ts';
import { escapeXml as esc, pageSvg } from '../charts/xml.ts';
import type { ChartView, LegendItem } from './shapes.ts';
import { attr, tableHtml } from './table-html.ts';

function legendHtml(items: readonly LegendItem[], id: string): string {
  const li = items.map(
    (it, i) =>
      `<li><svg viewBox="0 0 16 12" aria-hidden=true>${pageSvg(swatch(it, `${id}-lg${i}`))}</svg>${esc(it.label)}</li>`,
  );
  return `<ul class=legend aria-label="Chú giải">${li.join('')}</ul>`;
}

export function figureHtml(view: ChartView, level: 'h2' | 'h3' = 'h3'): string {
  const made = view.svg?.();
  const svg = made && pageSvg(made);
  // The files behind the links (CSV, images, embed page) are declared by the page's view model (src/lib/site).
  const { press, csvCut: cut } = view;
  const table = tableHtml(view.table, `${view.id}-bang`);
  let s =
    `<figure class=chart><figcaption><${level} id=${attr(`${view.id}-h`)}>${esc(view.title)}</${level}>` +
    (view.subtitle ? `<p class=subtitle>${esc(view.subtitle)}</p>` : '') +
    '</figcaption>';
  if (svg) {
    s += svg;
    if (view.legend?.length) s += legendHtml(view.legend, view.id);
  }
  if (view.caption) s += `<p class=fig-note>${esc(view.caption)}</p>`;
  if (svg) s += `<details><summary>Xem bảng số liệu</summary>${table}</details>`;
  else if (view.table.rows.length > 8) {
    if (view.summary) s += `<p>${esc(view.summary)}</p>`;
    s += `<details><summary>Xem bảng số liệu (${view.table.rows.length} dòng)</summary>${table}</details>`;
  } else s += table;
  const download = cut ? cut.fileName : view.csvName;
  s +=
    `<p class=fig-tools><a href=${attr(view.csvHref)} download=${attr(download)}` +
    (cut?.save ? ` data-save=${attr(cut.save)}` : '') +
    (cut?.key ? ` data-cut-key=${attr(cut.key)}` : '') +
    (cut?.columns ? ` data-cut-cols=${attr(cut.columns)}` : '') +
    `>Tải CSV số liệu ${svg ? 'biểu đồ' : 'bảng'} này</a>`;
  if (press) {
    s +=
      ` <a href=${attr(press.png)} download=${attr(press.pngName)}>Tải ảnh</a>` +
      ` <a href=${attr(press.svg)} download=${attr(press.svgName)}>SVG</a>` +
      ` <a href=${attr(press.embed)}>Nhúng</a>`;
  }
  s += '</p>';
  // A <noscript>'s markup is raw text when scripts run: written as the components wrote it.
  if (cut) s += `<noscript><p class="fig-note">${esc(cut.note)}</p></noscript>`;
  if (press) {
    s +=
      '<details class=fig-embed><summary>Mã nhúng biểu đồ vào trang khác</summary>' +
      `<p>${esc(press.intro)}</p><code>${esc(press.snippet)}</code></details>`;
  }
  return `${s}</figure>`;
}

/**
 * A data table as one HTML string (ChartFigure.astro): the same DOM as a component per cell gave, at a fraction of
 * the bytes and of the render time (a national site has ~1.5 million cells). The end tags HTML lets a parser
 * imply are left out (`</td>`, `</th>`, `</tr>`), and so is the whitespace between a table's rows and cells,
 * which a browser never renders.
 */
import { escapeXml as esc } from '../charts/xml.ts';
import { PACE_LABEL } from './labels.ts';
import { type Cell, numbersAfterFirst, type Table } from './shapes.ts';

/** The mark of a figure revised on the latest update (styled by Cards.astro, whose style is global). */
export const revisedHtml = (text: string | undefined) => (text ? `<small class=revised>${esc(text)}</small>` : '');

const BARE = /^[^\s"'=<>`&]+$/;

/** An attribute's value as HTML writes it: without quotes when it needs none (most ids, classes, links). */
export const attr = (v: string) => (BARE.test(v) ? v : `"${esc(v)}"`);

/** One cell's content: the value (a link or a tooltip), a Σ for summed figures, its flag, a pace badge. */
export function cellHtml(c: Cell): string {
  const title = c.title === undefined ? '' : ` title=${attr(c.title)}`;
  let s = c.href
    ? `<a href=${attr(c.href)}${title}>${esc(c.text)}</a>`
    : c.title
      ? `<span${title}>${esc(c.text)}</span>`
      : esc(c.text);
  if (c.sum) {
    const mark = `<span aria-hidden=true>Σ</span><span class=sr> (${esc(c.sum)})</span>`;
    s += `<span class=sum title=${attr(c.sum)}>${mark}</span>`;
  }
  if (c.flag) s += `<span class=flag>${esc(c.flag)}</span>`;
  if (c.status) s += `<span class="status status-${c.status}">${PACE_LABEL[c.status]}</span>`;
  return s + revisedHtml(c.revision);
}

/**
 * The table in its horizontally scrolling, keyboard-focusable box (the page itself never scrolls sideways), and
 * its note. One class on the table when every column but the first holds numbers; else one on each numeric cell.
 */
export function tableHtml(table: Table, id: string): string {
  const whole = numbersAfterFirst(table);
  const cls = table.numeric.map((n) => (!whole && n ? ' class=n' : ''));
  // HTML's own rule makes a header cell in a column of header cells a row header, and one in a row of header
  // cells (the thead) a column header: `scope` is written only where that rule would not say so (browsers agree).
  const mixed = table.head.map((_, i) => table.rows.some((r) => r[i] && !r[i].header));
  const rowHead = mixed.map((m) => (m ? '<th scope=row' : '<th'));
  const th = (i: number) => rowHead[i] ?? '<th scope=row';
  const cap = attr(`${id}-cap`);
  let s =
    `<div class=scroll tabindex=0 role=region aria-labelledby=${cap}> ` +
    `<table id=${attr(id)}${whole ? ' class=num' : ''}><caption id=${cap}>${esc(table.caption)}</caption>` +
    '<thead><tr>';
  table.head.forEach((h, i) => {
    s += `<th${cls[i]}>${esc(h)}`;
  });
  s += '</thead><tbody>';
  for (const row of table.rows) {
    s += '<tr>';
    row.forEach((c, i) => {
      s += `${c.header ? th(i) : '<td'}${cls[i]}>${cellHtml(c)}`;
    });
  }
  s += '</tbody></table> </div>';
  return table.note ? `${s} <p class=table-note>${esc(table.note)}</p>` : s;
}

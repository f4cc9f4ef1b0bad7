/**
 * The check page's results as DOM (text nodes only: file names and cell values are the user's, never HTML): the
 * errors and warnings grouped as the check groups them, the full list as a CSV download made in the browser, and,
 * when the files are valid, what the build would publish for them.
 */
import { formatDiagnostic, formatGroup, formatLocation, groupDiagnostics, isGroup } from '../../lib/diagnostics.ts';
import type { CheckResult } from '../../lib/check/index.ts';
import { diagnosticsCsv } from '../../lib/check/csv.ts';
import type { CheckSummary } from '../../lib/check/summary.ts';
import { fmtCount } from '../../lib/format/index.ts';
import type { Diagnostic } from '../../lib/types.ts';

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...kids: Child[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

/** One entry: its place in bold, then what is wrong. */
function entry(e: Diagnostic | ReturnType<typeof groupDiagnostics>[number]): HTMLLIElement {
  const text = isGroup(e) ? formatGroup(e) : formatDiagnostic(e);
  const cut = isGroup(e) ? text.indexOf(': ') : formatLocation(e).length;
  const where = cut > 0 ? text.slice(0, cut) : '';
  return el('li', {}, el('span', { class: 'check-where' }, where), text.slice(where.length));
}

function section(title: string, id: string, list: readonly Diagnostic[], cls: string): HTMLElement {
  const items = groupDiagnostics(list).map(entry);
  return el(
    'section',
    { class: cls, 'aria-labelledby': id },
    el('h2', { id }, title),
    el('ul', { class: 'check-list' }, ...items),
  );
}

let lastUrl: string | undefined;

/** The full list as a file, made here (a Blob): nothing is sent anywhere. */
function download(list: readonly Diagnostic[]): HTMLElement {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([diagnosticsCsv(list)], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: lastUrl, download: 'kiem-tra-du-lieu.csv', 'data-check-download': '' });
  link.textContent = `Tải danh sách đầy đủ (CSV, ${fmtCount(list.length)} dòng)`;
  return el('p', { class: 'fig-tools' }, link);
}

function table(caption: string, head: string[], rows: string[][], numeric: boolean[]): HTMLElement {
  const th = head.map((h, i) => el('th', { scope: 'col', ...(numeric[i] ? { class: 'n' } : {}) }, h));
  const body = rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', numeric[i] ? { class: 'n' } : {}, c))));
  const t = el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, ...th)), el('tbody', {}, ...body));
  return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, t);
}

function summary(s: CheckSummary): HTMLElement {
  const units = s.units.map((u) => `${u.label} (${u.id}, ${u.level})`).join('; ');
  const parts: Child[] = [
    el('h2', { id: 'kq-so-lieu' }, 'Số liệu sẽ được công bố'),
    el('p', {}, `Đơn vị có số liệu trong tệp (${fmtCount(s.units.length)}): ${units || 'không có'}.`),
  ];
  if (s.months) parts.push(el('p', {}, `Các tháng có số liệu: ${s.months}. Kỳ: ${s.windows.join(', ') || '—'}.`));
  if (s.rows.length > 0) {
    const rows = s.rows.map((r) => [r.unit, r.window, r.admitted, r.target, r.achieved]);
    const head = ['Đơn vị', 'Năm hoặc nhiệm kỳ', 'Kết nạp (số tháng có số liệu)', 'Chỉ tiêu', 'Đạt chỉ tiêu'];
    parts.push(table('Số liệu chính theo đơn vị và kỳ', head, rows, [false, false, true, true, true]));
    if (s.more > 0) parts.push(el('p', { class: 'table-note' }, `Còn ${fmtCount(s.more)} dòng không hiện ở đây.`));
  }
  return el('section', { 'aria-labelledby': 'kq-so-lieu', 'data-check-summary': '' }, ...parts);
}

/** The result of one check, in place of the previous one. */
export function renderResult(root: HTMLElement, r: CheckResult, unitCount: string): void {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
  const out: Child[] = [];
  const head =
    errors.length > 0
      ? `Có ${fmtCount(errors.length)} lỗi cần sửa và ${fmtCount(warnings.length)} cảnh báo.`
      : `Không có lỗi; ${fmtCount(warnings.length)} cảnh báo. Các tệp dựng được trang như dưới đây.`;
  out.push(el('p', { class: 'lead', 'data-check-head': '' }, head));
  for (const { table } of r.published) {
    const units = table === 'units.csv';
    const name = units ? 'Đơn vị (units)' : 'Nhiệm kỳ (terms)';
    const what = units ? `danh sách ${unitCount}` : 'các nhiệm kỳ';
    const note =
      `Các tệp không có bảng ${name}: trang dùng ${what} đã công bố trên chính trang này ` +
      `(data/${table}) để đối chiếu ${units ? 'mã đơn vị' : 'kỳ báo cáo'}.`;
    out.push(el('p', { class: 'meta-line', 'data-check-published': table }, note));
  }
  for (const n of r.notes) out.push(el('p', { class: 'meta-line' }, n));
  if (errors.length > 0) out.push(section(`Lỗi (${fmtCount(errors.length)})`, 'kq-loi', errors, 'check-errors'));
  if (warnings.length > 0) out.push(section(`Cảnh báo (${fmtCount(warnings.length)})`, 'kq-canh-bao', warnings, ''));
  if (r.diagnostics.length > 0) out.push(download(r.diagnostics));
  if (r.summary) out.push(summary(r.summary));
  root.replaceChildren(...out);
}

/**
 * The check page's island: files picked or dropped → their bytes → checkFiles (src/lib/check, the build's own code,
 * imported on the first check so the page itself loads light) → the result on the page. The site's published units
 * and terms come from the site itself (same origin, allowed by the CSP's connect-src 'self'); nothing is sent.
 */
import type { CheckOptions } from '../../lib/check/index.ts';
import { renderResult } from './check-render.ts';

const published = new Map<string, Promise<Uint8Array | undefined>>();

/** A file of the site, once per page; undefined when it cannot be had (offline copy of the page, say). */
function siteFile(url: string | undefined): Promise<Uint8Array | undefined> {
  if (!url) return Promise.resolve(undefined);
  let p = published.get(url);
  if (!p) {
    p = fetch(url)
      .then(async (res) => (res.ok ? new Uint8Array(await res.arrayBuffer()) : undefined))
      .catch(() => undefined);
    published.set(url, p);
  }
  return p;
}

export function initCheck(): void {
  const form = document.querySelector<HTMLFormElement>('#kiem-tra');
  const input = form?.querySelector<HTMLInputElement>('input[type=file]');
  const drop = form?.querySelector<HTMLElement>('[data-drop]');
  const status = document.querySelector<HTMLElement>('[data-check-status]');
  const result = document.querySelector<HTMLElement>('[data-check-result]');
  if (!form || !input || !drop || !status || !result) return;
  form.hidden = false;
  let run = 0;

  const check = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const mine = ++run;
    status.textContent = `Đang đọc ${files.length} tệp…`;
    try {
      const [{ checkFiles }, given, units, terms] = await Promise.all([
        import('../../lib/check/index.ts'),
        Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
        siteFile(form.dataset.units),
        siteFile(form.dataset.terms),
      ]);
      const opts: CheckOptions = { ...(units ? { units } : {}), ...(terms ? { terms } : {}) };
      const r = await checkFiles(given, opts);
      if (mine !== run) return;
      renderResult(result, r, form.dataset.unitCount ?? 'đơn vị');
      status.textContent = `Đã kiểm tra: ${files.map((f) => f.name).join(', ')}.`;
    } catch (error) {
      if (mine !== run) return;
      result.replaceChildren();
      const why = (error as Error).message ?? String(error);
      status.textContent = `Không kiểm tra được các tệp (${why}). Tải lại trang rồi thử lại.`;
    }
  };

  input.addEventListener('change', () => void check(input.files));
  // A file dropped anywhere on the page is checked, not opened by the browser in place of the page.
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('is-over');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) drop.classList.remove('is-over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('is-over');
    void check(e.dataTransfer?.files ?? null);
  });
}

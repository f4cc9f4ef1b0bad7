/**
 * The unit pages' cut downloads: a link with `data-cut-unit` or `data-cut-key` points to a file shared by many (an
 * owner's so-lieu.csv, or data/indicators.csv); a click fetches it, cuts this chart's or unit's rows
 * (src/lib/publish/shared-csv.ts, loaded on the first click) and saves them under `data-save`, byte for byte the
 * file of its own. A chart's link names only its chart: the unit, and the slug of the name it is saved under
 * (`<slug>-<key>.csv`), are the page's (`data-cut-page`, `data-cut-slug`). Without JavaScript, or when the fetch
 * fails, the link saves the shared file itself.
 */
function save(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function cutAndSave(link: HTMLAnchorElement): Promise<void> {
  const d = link.dataset;
  const page = link.ownerDocument.querySelector<HTMLElement>('[data-cut-page]')?.dataset;
  try {
    const unitId = d.cutUnit ?? page?.cutPage;
    if (!unitId) throw new Error('no unit');
    const name = d.save ?? (d.cutKey && page?.cutSlug ? `${page.cutSlug}-${d.cutKey}.csv` : link.download);
    const [res, { cutCsv }] = await Promise.all([fetch(link.href), import('../../lib/publish/shared-csv.ts')]);
    if (!res.ok) throw new Error(`${res.status}`);
    save(name, cutCsv(await res.text(), { unitId, key: d.cutKey, columns: d.cutCols }));
  } catch {
    const whole = document.createElement('a');
    whole.href = link.href;
    whole.download = link.download;
    whole.click();
  }
}

export function initDownloads(root: Document = document): void {
  root.addEventListener('click', (e) => {
    const link =
      e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-cut-unit], a[data-cut-key]') : null;
    if (!link || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void cutAndSave(link);
  });
}

/**
 * The unit pages' cut downloads: a link with `data-cut-unit` points to a file shared by many (an owner's
 * so-lieu.csv, or data/indicators.csv); a click fetches it, cuts this chart's or unit's rows
 * (src/lib/publish/shared-csv.ts, loaded on the first click) and saves them under `data-save`, byte for byte the
 * file of its own. Without JavaScript, or when the fetch fails, the link saves the shared file itself.
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
  try {
    const [res, { cutCsv }] = await Promise.all([fetch(link.href), import('../../lib/publish/shared-csv.ts')]);
    if (!res.ok) throw new Error(`${res.status}`);
    save(d.save ?? link.download, cutCsv(await res.text(), { unitId: d.cutUnit!, key: d.cutKey, columns: d.cutCols }));
  } catch {
    const whole = document.createElement('a');
    whole.href = link.href;
    whole.download = link.download;
    whole.click();
  }
}

export function initDownloads(root: Document = document): void {
  root.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-cut-unit]') : null;
    if (!link || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void cutAndSave(link);
  });
}

/**
 * The unit search box: fetches /tim-kiem.json on first use, matches without diacritics, lists links.
 * Without JavaScript the form submits to /don-vi/?q=…, which lists the units (and matches there with JS).
 */
import { LEVEL_WORD, prepare, search, type SearchEntry, type SearchHit } from '../../lib/site/search.ts';

type Prepared = ReturnType<typeof prepare>;
let index: Promise<Prepared> | undefined;

export function loadIndex(url: string): Promise<Prepared> {
  if (!index) {
    index = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<SearchEntry[]>;
      })
      .then(prepare)
      .catch((e: unknown) => {
        index = undefined;
        throw e;
      });
  }
  return index;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A result row: the label, then level and parent on a second line. */
export function hitItem(hit: SearchHit, base: string): HTMLLIElement {
  const entry = hit.entry;
  const li = el('li');
  const a = el('a', entry[0]);
  a.href = `${base}don-vi/${entry[3]}/`;
  const meta = [LEVEL_WORD[entry[2]] ?? '', hit.parent ? `thuộc ${hit.parent}` : ''].filter(Boolean).join(' · ');
  a.append(el('small', meta));
  li.append(a);
  return li;
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.search');
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const list = form.querySelector<HTMLUListElement>('.search-results')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const url = form.dataset.index!;
  const base = form.dataset.base!;
  let timer: number | undefined;
  let first: SearchEntry | undefined;

  const close = () => {
    list.hidden = true;
  };
  const run = async () => {
    const q = input.value.trim();
    if (!q) {
      close();
      first = undefined;
      return;
    }
    let idx: Prepared;
    try {
      idx = await loadIndex(url);
    } catch {
      status.textContent = 'Không tải được danh sách đơn vị.';
      return;
    }
    const hits = search(idx, q, 12);
    first = hits[0]?.entry;
    list.replaceChildren(...hits.map((h) => hitItem(h, base)));
    if (hits.length === 0) {
      const li = el('li', `Không tìm thấy đơn vị nào khớp “${q}”.`);
      li.className = 'empty';
      list.append(li);
    }
    list.hidden = false;
    status.textContent = hits.length ? `${hits.length} kết quả` : 'Không có kết quả';
  };

  input.addEventListener('focus', () => void loadIndex(url).catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const a = list.querySelector<HTMLAnchorElement>('a');
      if (a && !list.hidden) {
        e.preventDefault();
        a.focus();
      }
    } else if (e.key === 'Escape') close();
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && i >= 0) {
      e.preventDefault();
      links[Math.min(links.length - 1, i + 1)]?.focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      if (i === 0) input.focus();
      else links[i - 1]?.focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  form.addEventListener('submit', (e) => {
    if (first) {
      e.preventDefault();
      window.location.href = `${base}don-vi/${first[3]}/`;
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
}

/**
 * The "Sao chép" buttons of the summaries: shown only when this script runs (they are `hidden` in the HTML), each
 * copies the text of the element its `data-copy` names. Where the Clipboard API is missing (a plain http:// site),
 * the text is selected and copied the old way; the text stays selectable either way. A summary shows its first
 * sentence and keeps the rest in a closed <details>: the whole text is copied, sentence by sentence.
 */
// HTML's line breaks and indents only: the non-breaking spaces of the text (`12,25%`) are copied as they are.
const squash = (s: string | null) => (s ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** The sentences of the quote: its paragraphs and the <summary> holding the first sentence, in order. */
function textOf(el: HTMLElement): string {
  const parts = [...el.querySelectorAll('summary, p')].map((x) => squash(x.textContent)).filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : squash(el.textContent);
}

function select(el: HTMLElement): void {
  // A closed <details> hides the rest of the text from the selection.
  for (const d of el.querySelectorAll('details')) d.open = true;
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

async function copy(el: HTMLElement): Promise<boolean> {
  const text = textOf(el);
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  select(el);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function initCopy(root: ParentNode = document): void {
  for (const btn of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const target = document.getElementById(btn.dataset.copy ?? '');
    if (!target) continue;
    const status = btn.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    btn.hidden = false;
    btn.addEventListener('click', () => {
      void copy(target).then((ok) => {
        if (!ok) select(target);
        if (status)
          status.textContent = ok
            ? 'Đã sao chép.'
            : 'Đã chọn đoạn văn: bấm Ctrl+C (hoặc giữ và chọn Sao chép) để sao chép.';
      });
    });
  }
}

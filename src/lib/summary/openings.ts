/**
 * No two sentences of a summary open alike (issue "Readers on phones", §3): the words before the first comma,
 * and the first six words, are each said once. The builders avoid most repeats by saying a shared period or
 * source once; what remains (two periods starting in the same month, say) gets a connective a writer would use.
 */
import type { SummarySentence } from './types.ts';

const CONNECTIVES = ['Bên cạnh đó', 'Đồng thời', 'Ngoài ra'];

const FIRST_SIX = /^\s*(\S+)(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?/u;

/** The opening clause (before the first comma, else the whole sentence) and the first six words, compared. */
export function openingOf(text: string): { clause: string; words: string } {
  const comma = text.indexOf(',');
  const clause = (comma >= 0 ? text.slice(0, comma) : text).trim().toLowerCase();
  // Only the head is read: a summary has some 200 000 sentences at national size.
  const m = FIRST_SIX.exec(text.slice(0, 200));
  const words = m
    ? m
        .slice(1)
        .filter((x) => x !== undefined)
        .map((x) => x.replace(/[,.;:()]+$/u, ''))
        .join(' ')
        .toLowerCase()
    : '';
  return { clause, words };
}

/** A sentence opening with a proper name keeps its capital after a connective. */
const lowerFirst = (s: string) =>
  /^(Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ)\s/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** Gives a connective to each sentence whose opening repeats an earlier one (in place). */
export function varyOpenings(sentences: SummarySentence[]): void {
  const clauses = new Set<string>();
  const words = new Set<string>();
  const seen = (o: { clause: string; words: string }) => clauses.has(o.clause) || words.has(o.words);
  let next = 0;
  for (const s of sentences) {
    let o = openingOf(s.text);
    while (seen(o) && next < CONNECTIVES.length) {
      const text = `${CONNECTIVES[next++]}, ${lowerFirst(s.text)}`;
      const v = openingOf(text);
      if (seen(v)) continue;
      s.text = text;
      o = v;
    }
    clauses.add(o.clause);
    words.add(o.words);
  }
}

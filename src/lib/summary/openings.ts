/**
 * No two sentences of a summary open alike (issue "Readers on phones", §3): the words before the first comma,
 * and the first six words, are each said once. The builders avoid most repeats by saying a shared period or
 * source once; what remains (two periods starting in the same month, say) gets a connective a writer would use.
 */
import type { SummarySentence } from './types.ts';

const CONNECTIVES = ['Bên cạnh đó', 'Đồng thời', 'Ngoài ra'];

// No `u` flag: \s and \S are the same characters without it (a surrogate is never a space), and it is faster.
const FIRST_SIX = /^\s*(\S+)(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?/;
const TRAILING = /[,.;:()]+$/;
/** The characters of TRAILING: , . ; : ( ) */
const PUNCTUATION = new Set([44, 46, 59, 58, 40, 41]);

/** A sentence's opening clause and first six words, as written, and whether they hold an İ (see alike). */
interface Opening {
  clause: string;
  words: string;
  dotted: boolean;
}

/**
 * The opening clause (before the first comma, else the whole sentence) and the first six words, as written: they are
 * compared without case (alike), and lowered only when they might be alike, for the summaries' million sentences.
 */
export function openingOf(text: string): Opening {
  const comma = text.indexOf(',');
  const clause = (comma >= 0 ? text.slice(0, comma) : text).trim();
  // Only the head is read.
  const m = FIRST_SIX.exec(text.length > 200 ? text.slice(0, 200) : text);
  let words = '';
  // The groups that matched come first; a word loses its trailing punctuation (replaced only when it has some).
  for (let i = 1; m && i <= 6 && m[i] !== undefined; i++) {
    const x = m[i]!;
    const w = PUNCTUATION.has(x.charCodeAt(x.length - 1)) ? x.replace(TRAILING, '') : x;
    words = i === 1 ? w : `${words} ${w}`;
  }
  return { clause, words, dotted: clause.includes('\u0130') || words.includes('\u0130') };
}

/**
 * Whether two openings' clauses or words are the same but for case (`a.toLowerCase() === b.toLowerCase()`),
 * lowering only texts of the same length: toLowerCase keeps a text's length but for İ (U+0130, lowered to two
 * characters).
 */
function alike(a: Opening, b: Opening): boolean {
  const maybe = (x: string, y: string) =>
    x === y || ((x.length === y.length || a.dotted || b.dotted) && x.toLowerCase() === y.toLowerCase());
  return maybe(a.clause, b.clause) || maybe(a.words, b.words);
}

/** A sentence opening with a proper name keeps its capital after a connective. */
const lowerFirst = (s: string) =>
  /^(Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ)\s/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** Gives a connective to each sentence whose opening repeats an earlier one (in place). */
export function varyOpenings(sentences: SummarySentence[]): void {
  const said: Opening[] = [];
  const seen = (o: Opening) => said.some((x) => alike(x, o));
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
    said.push(o);
  }
}

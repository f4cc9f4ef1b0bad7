/**
 * Generated sentences stored as templates: the summaries say the same words for thousands of units with other names
 * and numbers, so a file lists each template once and gives each sentence as the template's index and its values.
 * A template is the sentence's literal pieces; the values go between them, in order:
 * `["Năm ", ", ", " được giao chỉ tiêu kết nạp ", " đảng viên."]` with `[2020, null, 253]` and the name
 * `Đảng bộ huyện Phú Bình` is `Năm 2020, Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên.`
 * A value is each run of digits (with the `.`, `,` and `/` inside it: `7.335`, `12,25`, `27/08/2020`), a JSON
 * number when it reads back as the same digits (no leading zero), else a string; `null` stands for the name given
 * (the unit's, said in most of its sentences). Lossless: the pieces and values joined give the sentence back.
 */

/** A value between two pieces: the digits as a number or a string, or null for the name. */
export type TemplateValue = number | string | null;

/** One sentence: its template's index, then its values. */
export type TemplatedText = [template: number, ...values: TemplateValue[]];

/** Captured, so that split gives the pieces and the figures between them in one call. */
const FIGURES = /(\d+(?:[.,/]\d+)*)/;
/** Digits that JSON.parse and String give back unchanged (safe integers, no leading zero). */
const PLAIN = /^(?:0|[1-9]\d{0,14})$/;

/** The templates of one file, in the order they first come. */
export class Templates {
  private readonly index = new Map<string, number>();
  private readonly lists: string[][] = [];

  /** `text` as a template index and values; `name`, where it occurs, is a null value. */
  encode(text: string, name: string): TemplatedText {
    const pieces: string[] = [];
    const values: TemplateValue[] = [];
    let piece = '';
    const segments = name ? text.split(name) : [text];
    segments.forEach((segment, k) => {
      if (k > 0) {
        pieces.push(piece);
        values.push(null);
        piece = '';
      }
      const parts = segment.split(FIGURES);
      piece += parts[0];
      for (let i = 1; i < parts.length; i += 2) {
        pieces.push(piece);
        const figure = parts[i]!;
        values.push(PLAIN.test(figure) ? Number(figure) : figure);
        piece = parts[i + 1]!;
      }
    });
    pieces.push(piece);
    // Joined by a character the text lacks (JSON, slower, for a text that has it): two templates, two keys.
    const key = text.includes('\u0000') ? `j${JSON.stringify(pieces)}` : `s${pieces.join('\u0000')}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.lists.push(pieces) - 1;
      this.index.set(key, i);
    }
    return [i, ...values];
  }

  /** Every template so far as JSON arrays, one a line (joined by `,\n`). */
  lines(): string {
    return this.lists.map((t) => JSON.stringify(t)).join(',\n');
  }
}

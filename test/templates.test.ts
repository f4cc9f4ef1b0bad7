/**
 * summaries.json stores each sentence as a template (its literal pieces, listed once per file) and the values
 * between them (src/lib/publish/templates.ts): the numbers, and null for the unit's name. Expected values typed by
 * hand from the sentences below; the decoding is test/helpers/published.ts's, written apart from the code.
 */
import { describe, expect, it } from 'vitest';
import { Templates } from '../src/lib/publish/templates.ts';
import { type SummariesDoc, summaryTexts } from './helpers/published.ts';

const PB = 'Đảng bộ huyện Phú Bình';

describe('sentence templates', () => {
  it('keeps the words, puts the numbers and the name between them, and lists a template once', () => {
    const t = new Templates();
    const a = `Năm 2020, ${PB} được giao chỉ tiêu kết nạp 253 đảng viên.`;
    const b = 'Năm 2021, Đảng bộ huyện Đại Từ được giao chỉ tiêu kết nạp 1.204 đảng viên.';
    const c = `Tại thời điểm 27/08/2020, Đảng bộ huyện có 7.335 đảng viên; nữ chiếm 12,25\u00a0%.`;
    expect(t.encode(a, PB)).toEqual([0, 2020, null, 253]);
    // Another unit's sentence of the same kind: the same template, its name and its figures as values.
    expect(t.encode(b, 'Đảng bộ huyện Đại Từ')).toEqual([0, 2021, null, '1.204']);
    // A date, a thousands separator and a decimal comma stay one value each, as strings (not plain digits).
    expect(t.encode(c, PB)).toEqual([1, '27/08/2020', '7.335', '12,25']);
    expect(JSON.parse(`[${t.lines()}]`)).toEqual([
      ['Năm ', ', ', ' được giao chỉ tiêu kết nạp ', ' đảng viên.'],
      ['Tại thời điểm ', ', Đảng bộ huyện có ', ' đảng viên; nữ chiếm ', '\u00a0%.'],
    ]);
  });

  it('keeps a leading zero, a name with digits, a sentence with nothing to fill, and an empty name', () => {
    const t = new Templates();
    // "05" would read back as 5: a string. The name is found whole, its digit not taken for a figure.
    expect(t.encode('Chi bộ thôn 3 có 05 đảng viên.', 'Chi bộ thôn 3')).toEqual([0, null, '05']);
    expect(t.encode('Không có số liệu.', 'X')).toEqual([1]);
    expect(t.encode('Có 0 chi bộ.', '')).toEqual([2, 0]);
    expect(JSON.parse(`[${t.lines()}]`)).toEqual([
      ['', ' có ', ' đảng viên.'],
      ['Không có số liệu.'],
      ['Có ', ' chi bộ.'],
    ]);
  });

  it('decodes, as a program reads the file, to the sentences joined by a space', () => {
    const t = new Templates();
    const s1 = `Năm 2020, ${PB} được giao chỉ tiêu kết nạp 253 đảng viên.`;
    const s2 = `Kết quả, ${PB} kết nạp được 31 đảng viên, đạt 12,25% so với chỉ tiêu được giao.`;
    const doc: SummariesDoc = {
      summary_columns: ['period', 'kind', 'complete', 'sentences'],
      units: [
        {
          unit_id: 'TN.PB',
          unit_name: PB,
          sentences: [t.encode(s1, PB), t.encode(s2, PB)],
          summaries: [['2020', 'year', false, [0, 1]]],
        },
      ],
      templates: JSON.parse(`[${t.lines()}]`),
    };
    expect(summaryTexts(doc)).toEqual([
      { unit_id: 'TN.PB', unit_name: PB, period: '2020', kind: 'year', complete: false, text: `${s1} ${s2}` },
    ]);
  });
});

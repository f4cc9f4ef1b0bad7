import { describe, expect, it } from 'vitest';
import { numbersAfterFirst, type Table } from '../src/lib/view/shapes.ts';
import { tableHtml } from '../src/lib/view/table-html.ts';

const table = (numeric: boolean[]): Table => ({ caption: 'x', head: numeric.map(String), numeric, rows: [] });

describe('numbersAfterFirst (one alignment class per table)', () => {
  it('holds for a label column followed by numbers only', () => {
    expect(numbersAfterFirst(table([false, true, true, true]))).toBe(true);
  });
  it('does not hold when a later column is text, or the first is a number', () => {
    // The children table (unit, group) and the ranked lists (rank first, then names) keep a class per cell.
    expect(numbersAfterFirst(table([false, false]))).toBe(false);
    expect(numbersAfterFirst(table([true, false, false, true]))).toBe(false);
    expect(numbersAfterFirst(table([false, true, false]))).toBe(false);
  });
});

describe('tableHtml (a table as one string)', () => {
  const t: Table = {
    caption: 'Kết nạp <theo> năm',
    head: ['Năm', 'Kết nạp', 'Ghi chú'],
    numeric: [false, true, false],
    rows: [
      [
        { text: '2020', header: true },
        { text: '7', flag: '6/12 tháng', title: '7 người' },
        { text: 'A & B', href: '/don-vi/a/' },
      ],
      [
        { text: '2021', header: true },
        { text: '—', sum: 'cộng từ 2/3 đơn vị' },
        { text: 'x', revision: 'đã sửa' },
      ],
    ],
    note: 'Σ: số cộng',
  };
  it('writes the cells the parser completes, scope only where HTML’s rule would not say it', () => {
    // By hand: the first column is header cells only (no scope needed); the numeric column gets class=n since
    // the last column is text; end tags of cells and rows left out; text and attributes escaped.
    // Attribute values without spaces or quotes-like characters are written bare, as HTML allows.
    expect(tableHtml(t, 'bd-x')).toBe(
      '<div class=scroll tabindex=0 role=region aria-labelledby=bd-x-cap> ' +
        '<table id=bd-x><caption id=bd-x-cap>Kết nạp &lt;theo&gt; năm</caption>' +
        '<thead><tr><th>Năm<th class=n>Kết nạp<th>Ghi chú</thead><tbody>' +
        '<tr><th>2020<td class=n><span title="7 người">7</span><span class=flag>6/12 tháng</span>' +
        '<td><a href=/don-vi/a/>A &amp; B</a>' +
        '<tr><th>2021<td class=n>—<span class=sum title="cộng từ 2/3 đơn vị"><span aria-hidden=true>Σ</span>' +
        '<span class=sr> (cộng từ 2/3 đơn vị)</span></span><td>x<small class=revised>đã sửa</small>' +
        '</tbody></table> </div> <p class=table-note>Σ: số cộng</p>',
    );
  });
  it('keeps scope=row on a header cell in a column that also holds data cells', () => {
    const mixed: Table = {
      caption: 'c',
      head: ['a', 'b'],
      numeric: [false, true],
      rows: [
        [{ text: 'x', header: true }, { text: '1' }],
        [{ text: 'y' }, { text: '2' }],
      ],
    };
    expect(tableHtml(mixed, 'm')).toContain('<tr><th scope=row>x<td>1<tr><td>y<td>2</tbody>');
  });
});

import { describe, expect, it } from 'vitest';
import { numbersAfterFirst, type Table } from '../src/lib/view/shapes.ts';

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

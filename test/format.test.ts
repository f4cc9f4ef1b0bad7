import { describe, expect, it } from 'vitest';
import {
  DASH,
  fmtCount,
  fmtDate,
  fmtFlow,
  fmtMonthIndex,
  fmtNumber,
  fmtPct,
  fmtRange,
  fmtSignedCount,
  fmtSignedPct,
  foldVi,
  partialLabel,
  partialOf,
  roundHalfUp,
} from '../src/lib/format/index.ts';

describe('Vietnamese number formats', () => {
  it('groups thousands with a dot', () => {
    expect(fmtCount(7335)).toBe('7.335');
    expect(fmtCount(1488)).toBe('1.488');
    expect(fmtCount(109)).toBe('109');
    expect(fmtCount(1234567)).toBe('1.234.567');
    expect(fmtCount(0)).toBe('0');
  });

  it('writes percentages with a decimal comma and the sign right after the number, as the articles do', () => {
    expect(fmtPct(12.25)).toBe('12,25%');
    expect(fmtPct(62.35)).toBe('62,35%');
    expect(fmtPct(100)).toBe('100,00%');
    expect(fmtPct(1234.5)).toBe('1.234,50%');
    expect(fmtPct(0)).toBe('0,00%');
  });

  it('rounds half up, as the data files do', () => {
    expect(roundHalfUp(62.385)).toBe(62.39);
    expect(roundHalfUp(58.715)).toBe(58.72);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(fmtPct((68 / 109) * 100)).toBe('62,39%');
    expect(fmtPct((64 / 109) * 100)).toBe('58,72%');
  });

  it('drops trailing zeros in plain decimals', () => {
    expect(fmtNumber(1628.2)).toBe('1.628,2');
    expect(fmtNumber(1.5)).toBe('1,5');
    expect(fmtNumber(12)).toBe('12');
    expect(fmtNumber(3.456)).toBe('3,46');
  });

  it('signs changes with a plus and a typographic minus', () => {
    expect(fmtSignedCount(12)).toBe('+12');
    expect(fmtSignedCount(-1500)).toBe('\u22121.500');
    expect(fmtSignedCount(0)).toBe('0');
    expect(fmtSignedPct(12.5)).toBe('+12,50%');
    expect(fmtSignedPct(-3)).toBe('\u22123,00%');
  });

  it('shows an em dash for every unknown, never 0', () => {
    for (const v of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fmtCount(v)).toBe(DASH);
      expect(fmtPct(v)).toBe(DASH);
      expect(fmtNumber(v)).toBe(DASH);
      expect(fmtSignedCount(v)).toBe(DASH);
      expect(fmtSignedPct(v)).toBe(DASH);
    }
    expect(fmtFlow(undefined)).toBe(DASH);
    expect(fmtDate(undefined)).toBe(DASH);
    expect(DASH).toBe('—');
  });
});

describe('partial labels', () => {
  it('labels a partial year with its months', () => {
    expect(partialLabel(7, 12)).toBe('7/12 tháng');
    expect(partialOf({ months: 8, ofMonths: 12 })).toBe('8/12 tháng');
    expect(partialOf({ months: 12, ofMonths: 12 })).toBeUndefined();
    expect(partialOf(undefined)).toBeUndefined();
    expect(partialOf({ months: 19, ofMonths: 60 })).toBe('19/60 tháng');
  });

  it('formats a flow with its coverage', () => {
    expect(fmtFlow({ value: 53, months: 7, ofMonths: 12 })).toBe('53 (7/12 tháng)');
    expect(fmtFlow({ value: 1488, months: 12, ofMonths: 12 })).toBe('1.488');
  });
});

describe('dates and text', () => {
  it('writes dates day first', () => {
    expect(fmtDate('2020-08-27')).toBe('27/08/2020');
    expect(fmtDate('2020-08')).toBe('08/2020');
    // One date style, prose included: never "4 tháng 3 năm 2021" beside "04/03/2021".
    expect(fmtDate('2021-03-04')).toBe('04/03/2021');
    expect(fmtMonthIndex(2020 * 12 + 7)).toBe('08/2020');
    expect(fmtRange('2015-2020')).toBe('2015–2020');
  });

  it('folds Vietnamese for search without diacritics', () => {
    expect(foldVi('Đảng bộ huyện Phú Bình')).toBe('dang bo huyen phu binh');
    expect(foldVi('  Mường   Nhé ')).toBe('muong nhe');
    expect(foldVi('Tứ Trưng')).toBe('tu trung');
    expect(foldVi('Sở Tư pháp Bắc Kạn')).toBe('so tu phap bac kan');
  });
});

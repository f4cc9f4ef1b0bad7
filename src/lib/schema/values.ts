/**
 * Cell values: counts, ids, levels, months, dates, periods, slugs. Each is a plain parser from the cleaned
 * cell ('' = unknown) to a value, or an Invalid carrying the Vietnamese message of what was expected.
 * rows.ts assembles them into one zod schema per file. They are plain functions rather than one zod pipe
 * per cell because a pipe per cell costs several allocations, and national data has millions of cells.
 */
import slugify from '@sindresorhus/slugify';
import { parseDate, parseMonth, parsePeriod } from '../periods.ts';
import type { Level, MonthIndex, Period, Term, UnitKind } from '../types.ts';

/** A cell that could not be read; `message` says what was expected. */
export class Invalid {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export type FieldParser<T> = (cell: string) => T | Invalid;

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A count: a non-negative whole number, optionally with one kind of thousands separator
 * (`1.488`, `1,488`, `1 488`). Returns undefined for anything else (`1.5`, `1,48`, `-3`, `12a`, `1.4880`).
 * One pass over the characters: it runs on millions of cells.
 */
export function parseCount(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  let v = 0;
  let sep = 0; // the separator's char code once one is seen
  let group = 0; // digits since the start or the last separator
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      group++;
    } else if (c === 46 || c === 44 || c === 32) {
      if (sep === 0) {
        // The first group: 1 to 3 digits, not starting with 0 (`0.488` is a decimal, not 488).
        if (group < 1 || group > 3 || s.charCodeAt(0) === 48) return undefined;
        sep = c;
      } else if (c !== sep || group !== 3) return undefined;
      group = 0;
    } else return undefined;
  }
  if (sep !== 0 && group !== 3) return undefined;
  return Number.isSafeInteger(v) ? v : undefined;
}

const COUNT_EXPECTED =
  'Cần số nguyên không âm, ví dụ 12 hoặc 1.488 ' +
  '(dấu chấm, dấu phẩy hoặc khoảng trắng chỉ dùng để tách hàng nghìn, ' +
  'mỗi nhóm đủ 3 chữ số); ' +
  'để trống nếu chưa có số liệu, ghi 0 nếu bằng không.';

function countProblem(s: string): Invalid {
  if (/^-\s*\d/.test(s)) return new Invalid(`Số đếm không được âm. ${COUNT_EXPECTED}`);
  if (/^\d+([.,])\d+$/.test(s)) {
    return new Invalid(
      'Không phải số nguyên, hoặc cách viết hàng nghìn không đúng ' +
        `(sau dấu phân cách phải có đúng 3 chữ số). ${COUNT_EXPECTED}`,
    );
  }
  return new Invalid(`Không phải số nguyên không âm. ${COUNT_EXPECTED}`);
}

const empty = (what: string) => new Invalid(`Ô bắt buộc đang trống: cần ${what}.`);

/** Optional free text. */
export const optionalText: FieldParser<string | undefined> = (s) => (s === '' ? undefined : s);

export const requiredText =
  (what: string): FieldParser<string> =>
  (s) =>
    s === '' ? empty(what) : s;

/** Kept as written (or undefined); its existence is a cross-row check. */
export const optionalRef: FieldParser<string | undefined> = (s) => (s === '' ? undefined : s);

export const optionalCount: FieldParser<number | undefined> = (s) => {
  if (s === '') return undefined;
  const v = parseCount(s);
  return v === undefined ? countProblem(s) : v;
};

export const requiredCount =
  (what: string): FieldParser<number> =>
  (s) => {
    if (s === '') return empty(`${what} (số nguyên không âm; ghi 0 nếu bằng không)`);
    const v = parseCount(s);
    return v === undefined ? countProblem(s) : v;
  };

// A unit's rows usually follow each other: remembering the last good id skips the pattern test for most rows.
let lastUnitRef = '';

export const unitRef: FieldParser<string> = (s) => {
  if (s === lastUnitRef && s !== '') return s;
  if (s === '') return empty('mã đơn vị (một mã trong cột id của units.csv)');
  if (!ID_RE.test(s)) {
    return new Invalid(
      'Mã đơn vị không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, ' +
        'dấu chấm, gạch ngang, gạch dưới ' +
        '(tối đa 64 ký tự), như trong cột id của units.csv.',
    );
  }
  lastUnitRef = s;
  return s;
};

export const idField =
  (what: string): FieldParser<string> =>
  (s) => {
    if (s === '') return empty(what);
    return ID_RE.test(s)
      ? s
      : new Invalid(
          'Mã không hợp lệ: bắt đầu bằng chữ cái không dấu hoặc chữ số, ' +
            'sau đó chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; ' +
            'tối đa 64 ký tự (ví dụ QN, binh-lieu, QN.BL.01).',
        );
  };

const MONTH_EXPECTED = 'cần dạng YYYY-MM (ví dụ 2021-01) hoặc MM/YYYY (ví dụ 01/2021), với tháng từ 01 đến 12';

export const optionalMonth: FieldParser<MonthIndex | undefined> = (s) => {
  if (s === '') return undefined;
  return parseMonth(s) ?? new Invalid(`Không phải tháng hợp lệ: ${MONTH_EXPECTED}.`);
};

export const requiredMonth =
  (what: string): FieldParser<MonthIndex> =>
  (s) => {
    if (s === '') return empty(`${what} (${MONTH_EXPECTED})`);
    return parseMonth(s) ?? new Invalid(`Không phải tháng hợp lệ: ${MONTH_EXPECTED}.`);
  };

// Snapshot dates repeat across units: a few hundred distinct values for hundreds of thousands of rows.
const dateCache = new Map<string, string | undefined>();

export const requiredDate: FieldParser<string> = (s) => {
  if (s === '') return empty('ngày của số liệu (YYYY-MM-DD hoặc DD/MM/YYYY)');
  let iso = dateCache.get(s);
  if (iso === undefined && !dateCache.has(s)) {
    iso = parseDate(s);
    if (dateCache.size >= 10_000) dateCache.clear();
    dateCache.set(s, iso);
  }
  return (
    iso ??
    new Invalid(
      'Không phải ngày có thật: cần dạng YYYY-MM-DD (ví dụ 2020-12-31) ' +
        'hoặc DD/MM/YYYY (ví dụ 31/12/2020), ' +
        'và ngày phải có trong lịch (không có ngày 31/02).',
    )
  );
};

/**
 * Resolves `period` cells through parsePeriod, sharing one Period object per distinct text:
 * half a million rows name only a few dozen periods. Periods are plain data and never mutated.
 */
function periodCache(termsById: ReadonlyMap<string, Term>): (s: string) => Period | string {
  const cache = new Map<string, Period | string>();
  return (s) => {
    let p = cache.get(s);
    if (p === undefined) {
      p = parsePeriod(s, termsById);
      if (cache.size < 10_000) cache.set(s, p);
    }
    return p;
  };
}

function periodExamples(termsById: ReadonlyMap<string, Term>): string {
  const ids = [...termsById.keys()];
  const terms = ids.length ? ` (${ids.join(', ')})` : ' trong terms.csv';
  return (
    'năm YYYY (ví dụ 2020), tháng YYYY-MM (2020-07), ' +
    `khoảng tháng YYYY-MM..YYYY-MM (2020-01..2020-07) hoặc mã nhiệm kỳ${terms}`
  );
}

const brokenTerm = (id: string) =>
  new Invalid(
    `Nhiệm kỳ ${id} có lỗi trong terms.csv (xem lỗi của tệp đó) nên chưa dùng được; ` +
      'sửa dòng của nhiệm kỳ này trong terms.csv.',
  );

/**
 * `period` of admissions and training: year, month, month range or term id.
 * `brokenTerms`: ids written in terms.csv on rows with errors, so that the message points there.
 */
export const periodField = (
  termsById: ReadonlyMap<string, Term>,
  brokenTerms?: ReadonlySet<string>,
): FieldParser<Period> => {
  const resolve = periodCache(termsById);
  return (s) => {
    if (s === '') return empty(`kỳ báo cáo: ${periodExamples(termsById)}`);
    const p = resolve(s);
    if (typeof p !== 'string') return p;
    if (brokenTerms?.has(s)) return brokenTerm(s);
    return new Invalid(`Kỳ không hợp lệ (${p}): cần ${periodExamples(termsById)}.`);
  };
};

/** `period` of targets: a year or a term id only (targets are assigned per year or per term). */
export const yearOrTermField = (
  termsById: ReadonlyMap<string, Term>,
  brokenTerms?: ReadonlySet<string>,
): FieldParser<Period> => {
  const resolve = periodCache(termsById);
  const ids = [...termsById.keys()];
  const expected = `năm (YYYY, ví dụ 2020) hoặc mã nhiệm kỳ${ids.length ? ` (${ids.join(', ')})` : ''}`;
  return (s) => {
    if (s === '') return empty(expected);
    const p = resolve(s);
    if (typeof p !== 'string' && (p.kind === 'year' || p.kind === 'term')) return p;
    if (brokenTerms?.has(s)) return brokenTerm(s);
    return new Invalid(`Chỉ tiêu chỉ giao theo năm hoặc nhiệm kỳ: cần ${expected}.`);
  };
};

export const LEVELS: Record<string, Level> = {
  province: 'province',
  district: 'district',
  commune: 'commune',
  grassroots: 'grassroots',
  branch: 'branch',
  tinh: 'province',
  huyen: 'district',
  xa: 'commune',
  co_so: 'grassroots',
  chi_bo: 'branch',
};

/** Lower case, no diacritics, spaces and hyphens as `_`: `Cơ sở` and `co-so` both read as `co_so`. */
function keyword(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[\s-]+/g, '_');
}

export const levelField: FieldParser<Level> = (s) => {
  if (s === '') {
    return empty(
      'cấp của đơn vị: province, district, commune, grassroots, branch (hoặc tinh, huyen, xa, co_so, chi_bo)',
    );
  }
  return (
    LEVELS[keyword(s)] ??
    new Invalid(
      'Cấp không hợp lệ: cần province (tinh), district (huyen), commune (xa), ' +
        'grassroots (co_so) hoặc branch (chi_bo).',
    )
  );
};

export const UNIT_KINDS: readonly UnitKind[] = [
  'commune',
  'agency',
  'enterprise',
  'school',
  'armed_forces',
  'village',
  'other',
];

export const kindField: FieldParser<UnitKind | undefined> = (s) => {
  if (s === '') return undefined;
  const k = keyword(s);
  return (UNIT_KINDS as readonly string[]).includes(k)
    ? (k as UnitKind)
    : new Invalid(`Loại đơn vị không hợp lệ: cần một trong ${UNIT_KINDS.join(', ')}, hoặc để trống.`);
};

export const slugField: FieldParser<string | undefined> = (s) => {
  if (s === '') return undefined;
  return SLUG_RE.test(s)
    ? s
    : new Invalid(
        'Slug không hợp lệ: chỉ gồm chữ thường không dấu, chữ số ' +
          'và dấu gạch ngang giữa các từ ' +
          '(ví dụ binh-lieu); để trống để tự tạo từ tên.',
      );
};

/** URL segment from a Vietnamese name: `Đảng bộ huyện Bình Liêu` → `dang-bo-huyen-binh-lieu`. */
export function slugFromName(name: string): string {
  return slugify(name, { lowercase: true, separator: '-' });
}

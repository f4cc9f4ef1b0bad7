/**
 * Vietnamese number, percentage, date and coverage formats for the site.
 * Counts use a dot for thousands (`7.335`), percentages a decimal comma and a non-breaking space before `%`
 * (`12,25%`), and anything unknown is an em dash — never 0.
 */
/** Non-breaking space (U+00A0): keeps `12,25` and `%` together on one line. */
/** What an unknown figure shows. */
export const DASH = '—';
/** Typographic minus (U+2212) for negative numbers. */
export const MINUS = '\u2212';

/** Groups the digits of a non-negative integer string with dots: `7335` → `7.335`. */
function group(digits: string): string {
  // Most figures have three digits or fewer: no regex for them (millions of calls on a national build).
  return digits.length > 3 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits;
}

/** Integer with dot thousands and a typographic minus. */
function intFormat(n: number): string {
  const s = group(String(Math.abs(n)));
  return n < 0 ? MINUS + s : s;
}

/** Fixed decimals, decimal comma, dot thousands. `x` should already be rounded. */
function fixedFormat(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  const dot = s.indexOf('.');
  const body = dot < 0 ? group(s) : `${group(s.slice(0, dot))},${s.slice(dot + 1)}`;
  return x < 0 && Number(s) !== 0 ? MINUS + body : body;
}
const fixed2 = (x: number) => fixedFormat(x, 2);

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Rounds half up (away from zero for the magnitude) to `digits` decimals, immune to binary artefacts like 1.005. */
export function roundHalfUp(x: number, digits = 2): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  const r = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(x) || 1) * (r / f);
}

/** `7335` → `7.335`; unknown → `—`. */
export function fmtCount(n: number | undefined | null): string {
  if (!isNum(n)) return DASH;
  return intFormat(Math.round(n));
}

/** A decimal number with up to `digits` decimals, trailing zeros dropped: `1,5`, `12`, `7.335,25`. */
export function fmtNumber(n: number | undefined | null, digits = 2): string {
  if (!isNum(n)) return DASH;
  const r = roundHalfUp(n, digits);
  if (Number.isInteger(r)) return intFormat(r);
  return fixedFormat(r, digits).replace(/0+$/, '').replace(/,$/, '');
}

/**
 * `12.25` → `12,25%` (the sign right after the number, as the articles write it); unknown → `—`. Always two decimals,
 * as the data files.
 */
export function fmtPct(p: number | undefined | null, digits = 2): string {
  if (!isNum(p)) return DASH;
  const r = roundHalfUp(p, digits);
  return `${fixedFormat(r, digits)}%`;
}

/** `+12`, `−5`, `0`; unknown → `—`. */
export function fmtSignedCount(n: number | undefined | null): string {
  if (!isNum(n)) return DASH;
  const r = Math.round(n);
  if (r === 0) return '0';
  return r > 0 ? `+${intFormat(r)}` : intFormat(r);
}

/** `+12,50%`, `−3,00%`; unknown → `—`. */
export function fmtSignedPct(p: number | undefined | null): string {
  if (!isNum(p)) return DASH;
  const r = roundHalfUp(p, 2);
  if (r === 0) return `0,00%`;
  return `${r > 0 ? '+' : ''}${fixed2(r)}%`;
}

/** The coverage of a partial figure: `7/12 tháng`. */
export function partialLabel(months: number, ofMonths: number): string {
  return `${months}/${ofMonths} tháng`;
}

/** Undefined when the flow is complete (or unknown); otherwise `7/12 tháng`. */
export function partialOf(flow: { months: number; ofMonths: number } | undefined | null): string | undefined {
  if (!flow || flow.months >= flow.ofMonths) return undefined;
  return partialLabel(flow.months, flow.ofMonths);
}

/** A flow as one string: `53 (7/12 tháng)`, `109`, `—`. */
export function fmtFlow(flow: { value: number; months: number; ofMonths: number } | undefined | null): string {
  if (!flow) return DASH;
  const p = partialOf(flow);
  return p ? `${fmtCount(flow.value)} (${p})` : fmtCount(flow.value);
}

/** ISO `2020-08-27` → `27/08/2020`; a month `2020-08` → `08/2020`; anything else unchanged; unknown → `—`. */
export function fmtDate(iso: string | undefined | null): string {
  if (!iso) return DASH;
  let r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (r) return `${r[3]}/${r[2]}/${r[1]}`;
  r = /^(\d{4})-(\d{2})$/.exec(iso);
  if (r) return `${r[2]}/${r[1]}`;
  return iso;
}

/** A month index (year*12 + month-1) → `08/2020`. */
export function fmtMonthIndex(m: number | undefined | null): string {
  if (!isNum(m)) return DASH;
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  return `${String(mo).padStart(2, '0')}/${y}`;
}

/** A year range for a term id `2015-2020` → `2015–2020` (en dash). */
export function fmtRange(text: string): string {
  return text.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
}

/**
 * Folds Vietnamese text for search: no diacritics, `đ` → `d`, lower case, single spaces.
 * `Đảng bộ huyện Phú Bình` → `dang bo huyen phu binh`.
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Vietnamese collation for sorting labels. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

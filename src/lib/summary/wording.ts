/**
 * What every sentence builder shares: the subject (full name first, then a short form), citing a figure, and
 * the context a summary is written in.
 */
import type { IndicatorName } from '../model/dictionary.ts';
import type { Dataset, MonthSpan, Unit, Window, WindowFigures } from '../types.ts';
import type { CoveragePhrase } from './coverage.ts';
import { nameIn } from './groups.ts';
import type { CitedFigure, SentenceTopic, SummarySentence } from './types.ts';

/** Each first letter's capital, remembered: toLocaleUpperCase is slow and every sentence of a summary is capped. */
const capitals = new Map<string, string>();

export function cap(s: string): string {
  const first = s.charAt(0);
  let upper = capitals.get(first);
  if (upper === undefined) {
    upper = first.toLocaleUpperCase('vi');
    capitals.set(first, upper);
  }
  return upper + s.slice(1);
}

/**
 * The subject: the full name the first time, then a short form (`Đảng bộ huyện`). The name is the one the unit
 * bore in the window (its life then: a renamed or moved unit is called as it was).
 */
export class Subject {
  private used = false;
  readonly full: string;
  private readonly short: string;
  constructor(unit: Unit, span: MonthSpan) {
    this.full = nameIn(unit, span);
    this.short = shortSubject(this.full);
  }
  next(): string {
    if (this.used) return this.short;
    this.used = true;
    return this.full;
  }
}

const PLACE_WORDS = [
  'thành phố',
  'thị xã',
  'thị trấn',
  'tỉnh',
  'huyện',
  'quận',
  'xã',
  'phường',
  'khối',
  'thôn',
  'bản',
  'khu',
];

/**
 * `Đảng bộ huyện Phú Bình` → `Đảng bộ huyện`;
 * `Đảng bộ Sở Tư pháp tỉnh Bắc Kạn` → `Đảng bộ`; else the full name.
 */
export function shortSubject(name: string): string {
  let short = shortForms.get(name);
  if (short === undefined) {
    short = shortForm(name);
    shortForms.set(name, short);
  }
  return short;
}

/** Each name's short form, remembered: a unit's every summary names it (some 12,000 names nationally). */
const shortForms = new Map<string, string>();

function shortForm(name: string): string {
  const m = /^(Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ)(\s+|$)(.*)$/u.exec(name);
  if (!m) return name;
  const rest = m[3]!;
  for (const p of PLACE_WORDS) if (rest.startsWith(`${p} `)) return `${m[1]} ${p}`;
  return m[1]!;
}

export const cite = (indicator: IndicatorName, period: string, value: number | string, text: string): CitedFigure => ({
  indicator,
  period,
  value,
  text,
});

/** One summary being written: its unit and window, the figures, and the sentences so far. */
export interface Ctx {
  ds: Dataset;
  unit: Unit;
  w: Window;
  f: WindowFigures;
  subject: Subject;
  out: SummarySentence[];
  /** The coverage said for admitted, to say "cùng thời gian này" when training covers the same months. */
  admittedCoverage?: CoveragePhrase;
  /** Where figures come from ("tổng hợp từ 8/10 …"), as already said: each is said once. */
  said: Set<string>;
  /** A target sentence opened the summary with the window ("Năm 2020, …"). */
  targetSaid?: boolean;
}

export function add(ctx: Ctx, topic: SentenceTopic, text: string, figures: CitedFigure[]): void {
  ctx.out.push({ topic, text: cap(text.trim()), figures });
}

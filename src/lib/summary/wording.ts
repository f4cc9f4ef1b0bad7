/**
 * What every sentence builder shares: the subject (full name first, then a short form), what children are
 * called in "tổng hợp từ 3/5 … báo cáo", citing a figure, and the context a summary is written in.
 */
import { fmtCount } from '../format/index.ts';
import type { IndicatorName } from '../model/dictionary.ts';
import type { Dataset, Flow, Unit, Window, WindowFigures } from '../types.ts';
import type { CoveragePhrase } from './coverage.ts';
import type { CitedFigure, SentenceTopic, SummarySentence } from './types.ts';

export const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The subject: the full name the first time, then a short form (`Đảng bộ huyện`). */
export class Subject {
  private used = false;
  private readonly full: string;
  private readonly short: string;
  constructor(unit: Unit) {
    this.full = unit.name;
    this.short = shortSubject(unit.name);
  }
  next(): string {
    if (this.used) return this.short;
    this.used = true;
    return this.full;
  }
}

const PLACE_WORDS = [
  'thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận',
  'xã', 'phường', 'khối', 'thôn', 'bản', 'khu',
];

/**
 * `Đảng bộ huyện Phú Bình` → `Đảng bộ huyện`;
 * `Đảng bộ Sở Tư pháp tỉnh Bắc Kạn` → `Đảng bộ`; else the full name.
 */
export function shortSubject(name: string): string {
  const m = /^(Đảng bộ|Chi bộ|Đảng ủy|Đảng uỷ)(\s+|$)(.*)$/u.exec(name);
  if (!m) return name;
  const rest = m[3]!;
  for (const p of PLACE_WORDS) if (rest.startsWith(`${p} `)) return `${m[1]} ${p}`;
  return m[1]!;
}

/** What the children of a unit are called, for "tổng hợp từ 3/5 … báo cáo". */
function childNoun(ds: Dataset, unitId: string): string {
  const levels = new Set((ds.childrenOf[unitId] ?? []).map((id) => ds.unitById[id]?.level));
  if (levels.size === 1) {
    const [level] = levels;
    if (level === 'grassroots') return 'tổ chức cơ sở đảng';
    if (level === 'district') return 'đảng bộ cấp huyện';
    if (level === 'branch') return 'chi bộ';
  }
  return 'đơn vị trực thuộc';
}

/** ` (tổng hợp từ 3/5 tổ chức cơ sở đảng báo cáo)` for a summed flow, '' for a reported one. */
export function summedNote(ds: Dataset, unitId: string, flow: Flow): string {
  if (flow.basis !== 'summed') return '';
  const r = flow.reporting;
  if (!r) return ' (tổng hợp từ các đơn vị trực thuộc)';
  return ` (tổng hợp từ ${fmtCount(r.reported)}/${fmtCount(r.active)} ${childNoun(ds, unitId)} báo cáo)`;
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
}

export function add(ctx: Ctx, topic: SentenceTopic, text: string, figures: CitedFigure[]): void {
  ctx.out.push({ topic, text: cap(text.trim()), figures });
}

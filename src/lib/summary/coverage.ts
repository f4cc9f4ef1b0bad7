/**
 * Which months a flow figure covers, and how to say it in Vietnamese.
 *
 * A Flow carries only how many months it covers (`months`/`ofMonths`) and the origins of its rows;
 * the months themselves come from those rows' periods, looked up in the inputs by file and line.
 * When the months cannot be known for sure (rows missing, a summed figure whose children cover
 * different months, a truncated list of origins), the phrase falls back to the count alone
 * ("số liệu 7/12 tháng"), which is always true. A partial window is never phrased as a whole one.
 */
import { lifeSpan } from '../model/lives.ts';
import { rowAt } from '../model/origins.ts';
import { monthOf, yearOf } from '../periods.ts';
import type { Dataset, Flow, MonthIndex, Unit, Window } from '../types.ts';

type Source = 'admissions' | 'training';

/** The months a flow covers, ascending, or undefined when they cannot be known for sure. */
export function coveredMonths(ds: Dataset, flow: Flow, source: Source): MonthIndex[] | undefined {
  if (flow.rows.length === 0) return undefined;
  const perUnit = new Map<string, Set<MonthIndex>>();
  for (const o of flow.rows) {
    const found = rowAt(ds.inputs, o);
    if (found?.kind !== source) return undefined;
    const r = found.row;
    let set = perUnit.get(r.unitId);
    if (!set) {
      set = new Set();
      perUnit.set(r.unitId, set);
    }
    for (let m = r.period.from; m <= r.period.to; m++) set.add(m);
  }
  // A summed figure: every reporting child must be present (origins not truncated) and cover the same months.
  if (flow.reporting && perUnit.size !== flow.reporting.reported) return undefined;
  if (!flow.reporting && perUnit.size !== 1) return undefined;
  let first: MonthIndex[] | undefined;
  for (const set of perUnit.values()) {
    const list = [...set].sort((a, b) => a - b);
    if (!first) first = list;
    else if (list.length !== first.length || list.some((m, i) => m !== first![i])) return undefined;
  }
  if (!first || first.length !== flow.months) return undefined;
  return first;
}

/** The calendar years the months make up, when they are whole years only. */
function wholeYears(ms: readonly MonthIndex[]): number[] | undefined {
  if (ms.length % 12 !== 0) return undefined;
  const years: number[] = [];
  for (let i = 0; i < ms.length; i += 12) {
    const y = yearOf(ms[i]!);
    if (monthOf(ms[i]!) !== 1 || ms[i + 11] !== ms[i]! + 11) return undefined;
    years.push(y);
  }
  return years;
}

const listYears = (ys: readonly number[]) =>
  ys.length === 1 ? String(ys[0]) : `${ys.slice(0, -1).join(', ')} và ${ys[ys.length - 1]}`;

const isContiguous = (ms: readonly MonthIndex[]) => ms.every((m, i) => i === 0 || m === ms[i - 1]! + 1);

/** `tháng 8/2020` */
export const monthPhrase = (m: MonthIndex) => `tháng ${monthOf(m)}/${yearOf(m)}`;

/** The window as said mid-sentence: `năm 2020`, `nhiệm kỳ 2015–2020`. */
export function windowName(w: Window): string {
  if (w.kind === 'year') return `năm ${w.id}`;
  const label = w.label.trim();
  return /^nhiệm kỳ/i.test(label) ? `nhiệm kỳ${label.slice('nhiệm kỳ'.length)}` : `nhiệm kỳ ${label}`;
}

export interface CoveragePhrase {
  /**
   * Lower-case, to open a sentence after capitalising:
   * `trong 7 tháng đầu năm 2020 (tính đến hết tháng 7/2020)`.
   */
  text: string;
  complete: boolean;
  /**
   * False when the months themselves are unknown (children covering different months): the figure then
   * holds more than the months counted, so no pace "after N months" is said of it.
   */
  known: boolean;
  /** Identifies the coverage, to tell whether two figures cover the same months. */
  key: string;
}

/**
 * How the period of a flow is said. Whole window: `trong năm 2019`, `trong nhiệm kỳ 2015–2020`.
 * Partial year from January: `trong 8 tháng đầu năm 2020 (tính đến hết tháng 8/2020)`; other ranges
 * `từ tháng 3 đến hết tháng 8/2020`; from the founding of `unit` within the window:
 * `từ khi thành lập (tháng 7/2025) đến hết năm 2025`; unknown months (children covering different months, so
 * the figure holds more than the months counted): `theo số liệu đã có của năm 2020 (đủ 7/12 tháng)`.
 * Partial term: `trong 4 năm đầu nhiệm kỳ 2015–2020 (số liệu 48/60 tháng)` and the like.
 */
export function coveragePhrase(ds: Dataset, flow: Flow, w: Window, source: Source, unit?: Unit): CoveragePhrase {
  const name = windowName(w);
  if (flow.months >= flow.ofMonths) return { text: `trong ${name}`, complete: true, known: true, key: 'all' };
  const ms = coveredMonths(ds, flow, source);
  const count = `${flow.months}/${flow.ofMonths} tháng`;
  if (!ms || ms.length === 0) {
    const text = `theo số liệu đã có của ${name} (đủ ${count})`;
    return { text, complete: false, known: false, key: `n${flow.months}` };
  }
  if (!isContiguous(ms)) {
    // Known months with gaps: whole calendar years are named ("trong các năm 2016 và 2018"), else counted.
    const years = wholeYears(ms);
    const text = years
      ? `trong các năm ${listYears(years)} (số liệu ${count} của ${name})`
      : `trong ${count} có số liệu của ${name}`;
    return { text, complete: false, known: true, key: ms.join(',') };
  }
  const from = ms[0]!;
  const to = ms[ms.length - 1]!;
  const k = `${from}-${to}`;
  const part = (text: string): CoveragePhrase => ({ text, complete: false, known: true, key: k });
  if (unit && from > w.from && lifeSpan(unit).from === from) {
    const end = to === w.to ? `đến hết ${name}` : `đến hết ${monthPhrase(to)}`;
    const data = w.kind === 'term' ? ` (số liệu ${count})` : '';
    return part(`từ khi thành lập (${monthPhrase(from)}) ${end}${data}`);
  }
  if (w.kind === 'year') {
    if (from === to) return part(`trong ${monthPhrase(from)}`);
    if (from === w.from) {
      return part(`trong ${ms.length} tháng đầu năm ${w.id} (tính đến hết ${monthPhrase(to)})`);
    }
    return part(`từ tháng ${monthOf(from)} đến hết ${monthPhrase(to)}`);
  }
  const years = ms.length % 12 === 0 ? ms.length / 12 : undefined;
  const data = `(số liệu ${count})`;
  if (from === w.from) {
    if (years !== undefined) {
      return part(`trong ${years === 1 ? 'năm' : `${years} năm`} đầu ${name} ${data}`);
    }
    return part(`từ đầu ${name} đến hết ${monthPhrase(to)} ${data}`);
  }
  if (to === w.to) {
    if (years !== undefined) {
      return part(`trong ${years === 1 ? 'năm' : `${years} năm`} cuối ${name} ${data}`);
    }
    return part(`từ ${monthPhrase(from)} đến hết ${name} ${data}`);
  }
  const range =
    yearOf(from) === yearOf(to)
      ? `từ tháng ${monthOf(from)} đến hết ${monthPhrase(to)}`
      : `từ ${monthPhrase(from)} đến hết ${monthPhrase(to)}`;
  return part(`${range}, trong ${name} ${data}`);
}

/**
 * admissions.csv: grassroots organisations report yearly rows, monthly rows from some year on, half-year ranges,
 * an early "7 months" report beside the yearly one, the current year up to `lastMonth`, and gaps (missing years
 * or months); one that moved in 07/2025 reports 2025 in two rows, before and after. Districts and provinces
 * sometimes report their true total, provinces also their term totals; new communes report from 07/2025, the
 * running year month by month or as one range.
 */
import { monthIndex, monthOf, monthText, yearOf } from '../periods.ts';
import { DEMO_SOURCE, rowWriter } from './columns.ts';
import type { CsvSink } from './csv.ts';
import { stream } from './prng.ts';
import {
  COMPLETE_TERMS,
  activeIn,
  activeThrough,
  flowSum,
  periodOf,
  segmentsIn,
  termText,
  type Ctx,
} from './reports.ts';
import { F_ADM, F_COLLEGE, F_ETHNIC, F_WOMEN, F_YOUTH } from './simulate.ts';
import type { DemoUnit } from './unit.ts';

export function writeAdmissions(ctx: Ctx, sink: CsvSink, order: readonly number[]): void {
  const { p, seed, units } = ctx;
  const write = rowWriter(sink, 'admissions.csv');
  /** One row of `u` for `period` with the flows `f`, with or without its breakdowns. */
  type Flows = readonly number[];
  const row = (u: DemoUnit, period: string, f: Flows, breakdowns: boolean, ethnic: boolean, note?: string) =>
    write({
      unit_id: u.id,
      period,
      admitted: f[F_ADM],
      youth: breakdowns ? f[F_YOUTH] : undefined,
      women: breakdowns ? f[F_WOMEN] : undefined,
      ethnic_minority: breakdowns && ethnic ? f[F_ETHNIC] : undefined,
      college: breakdowns ? f[F_COLLEGE] : undefined,
      source: DEMO_SOURCE,
      note,
    });
  // The year before a running one is reported in two parts, its first months and the rest, as committees
  // that compare "so với cùng kỳ" do: the running year's months then tile exactly (a moved unit also splits
  // at 06/07). Undefined when the last year is complete.
  const end = ctx.sim.end;
  const cut = monthOf(end) < 12 ? monthIndex(yearOf(end) - 1, monthOf(end)) : undefined;
  /** Rows of from..to, split after `cut` when it falls inside; the notes say which part is which. */
  const parts = (
    u: DemoUnit,
    a: number,
    b: number,
    f: (x: number, y: number) => Flows,
    bd: boolean,
    e: boolean,
    note?: string,
  ) => {
    if (cut === undefined || cut < a || cut >= b) return row(u, periodOf(a, b), f(a, b), bd, e, note);
    const first = `${note ? `${note}; ` : ''}báo cáo đến hết tháng ${monthOf(cut)}`;
    row(u, periodOf(a, cut), f(a, cut), bd, e, first);
    row(u, periodOf(cut + 1, b), f(cut + 1, b), bd, e, `${note ? `${note}; ` : ''}các tháng còn lại`);
  };
  for (const ui of order) {
    const u = units[ui]!;
    const leaves = ctx.leaves[ui]!;
    const span = (from: number, to: number) => flowSum(ctx, leaves, from, to);
    if (u.level === 'grassroots') {
      const rng = stream(seed, 'report', u.g);
      const monthlyFrom = rng.chance(p.monthlyShare) ? rng.int(2015, 2022) : Infinity;
      const startYear = rng.chance(0.85) ? p.firstYear : rng.int(p.firstYear + 1, p.firstYear + 5);
      const hasBreakdowns = rng.chance(0.8);
      const hasEthnic = rng.chance(0.9);
      // Most split the year before the running one; the others give it whole ("chỉ có số cả năm").
      const splits = stream(seed, 'report-base', u.g).chance(0.85);
      for (let y = startYear; y <= p.lastYear; y++) {
        const segments = segmentsIn(ctx, u, y);
        if (segments.length === 0) continue;
        const gap = rng.chance(0.03);
        const bd = hasBreakdowns && !rng.chance(0.08);
        if (gap) continue;
        const [a, b] = [segments[0]![0], segments.at(-1)![1]];
        if (y >= monthlyFrom) {
          for (let m = a; m <= b; m++) if (!rng.chance(0.02)) row(u, monthText(m), span(m, m), bd, hasEthnic);
          continue;
        }
        if (segments.length === 2) {
          // Moved in 07/2025: one row under each parent.
          const [[a1, b1], [a2, b2]] = segments as [[number, number], [number, number]];
          parts(u, a1, b1, span, bd, hasEthnic, 'Đến hết 06/2025, trước khi chuyển');
          parts(u, a2, b2, span, bd, hasEthnic, 'Từ 07/2025, sau khi chuyển');
          continue;
        }
        const full = monthOf(a) === 1 && monthOf(b) === 12;
        if (full) {
          const r = rng.next();
          if (r < 0.04) {
            const mid = monthIndex(y, 6);
            row(u, periodOf(a, mid), span(a, mid), bd, hasEthnic, 'Báo cáo 6 tháng đầu năm');
            row(u, periodOf(mid + 1, b), span(mid + 1, b), bd, hasEthnic, 'Báo cáo 6 tháng cuối năm');
          } else if (r < 0.06) {
            const early = monthIndex(y, 7);
            row(u, periodOf(a, early), span(a, early), bd, hasEthnic, 'Báo cáo sơ kết 7 tháng đầu năm');
            row(u, periodOf(a, b), span(a, b), bd, hasEthnic);
          } else if (splits) parts(u, a, b, span, bd, hasEthnic);
          else row(u, periodOf(a, b), span(a, b), bd, hasEthnic);
        } else {
          // The current year (up to lastMonth), or a unit founded or dissolved during the year.
          let to = b;
          if (y === p.lastYear && monthOf(a) === 1 && monthOf(b) > 6 && rng.chance(0.1)) to = monthIndex(y, 6);
          row(u, periodOf(a, to), span(a, to), bd, hasEthnic);
        }
      }
    } else if (u.level === 'commune') {
      // A new commune always reports its own total (its own village branches are in no other row).
      const rng = stream(seed, 'report-commune', ui);
      const monthly = rng.chance(0.6);
      const bd = rng.chance(0.7);
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        const active = activeIn(ctx, u, y);
        if (!active) continue;
        const [a, b] = active;
        if (y === p.lastYear && monthly) for (let m = a; m <= b; m++) row(u, monthText(m), span(m, m), bd, true);
        else {
          const note = a === u.activeFrom ? 'Từ khi thành lập (07/2025)' : undefined;
          parts(u, a, b, span, bd, true, note);
        }
      }
    } else {
      // A committee's own report is the true total of its organisations: never less than the children's sum.
      const rng = stream(seed, `report-${u.level}`, ui);
      const own = u.level === 'province' ? 0.5 : 0.4;
      for (let y = p.firstYear; y <= p.lastYear; y++) {
        const active = activeIn(ctx, u, y);
        const bd = rng.chance(0.7);
        if (!active) continue;
        const [a, b] = active;
        const current = b === ctx.sim.end && b < monthIndex(y, 12);
        // A province always reports the running year, and the year before it (what "cùng kỳ" compares with).
        const base = cut !== undefined && y === yearOf(cut) && u.level === 'province';
        if (!(current && u.level === 'province') && !base && !rng.chance(own)) continue;
        const ended = u.activeTo === b ? `Đến khi kết thúc hoạt động (${monthOf(b)}/${y})` : undefined;
        const note = current ? `Ước đến hết tháng ${monthOf(b)}/${y}` : ended;
        parts(u, a, b, span, bd, true, note);
      }
      if (u.level === 'province') {
        for (const t of COMPLETE_TERMS) {
          if (t.from < p.firstYear || monthIndex(t.to, 12) > ctx.sim.end || !activeThrough(u, t.from, t.to)) continue;
          const total = span(monthIndex(t.from, 1), monthIndex(t.to, 12));
          row(u, t.id, total, false, true, `Tổng kết nhiệm kỳ ${termText(t.id)}`);
        }
      }
    }
  }
}

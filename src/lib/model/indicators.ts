/**
 * Derived indicators of one unit in one window, and their rows in indicators.csv.
 *
 * Choices where the spec is silent:
 * - Change on the previous window: year Y−1, or the term before in time; both figures complete
 *   (all months and, when summed, every active child reported). `%` needs a previous figure ≠ 0.
 * - expected_pace_pct and pace_status: years with a target whose admitted figure covers fewer than
 *   12 months. Status compares exactly (admitted × 12 ≥ months × target), before rounding.
 * - admission_rate_pct: also for a partial year, as a rate "so far" (its row carries the coverage).
 * - average_per_year: complete terms only, total × 12 / months, as a ratio with two decimals.
 * - classes, trainees, dossiers and trainees_per_admission for years as well as terms.
 * - Coverage (months/of_months) of a derived row is the coverage of the admitted figure it rests on
 *   (of trainees for trainees_per_admission); empty for target, stocks and members at start.
 * - Same period of the previous year (same-period.ts): its change rows carry the partial year's coverage.
 * - Basis of a derived row is `combined` when any figure it rests on is combined (merged predecessors'),
 *   else `summed` when any is summed.
 */
import type { Basis, Flow, IndicatorRow, Snapshot, WindowFigures } from '../types.ts';
import type { IndicatorName } from './dictionary.ts';
import { isComplete } from './flows.ts';
import { pct, roundRatio } from './round.ts';
import { changeIn, latestIn, startOfYear } from './stocks.ts';

const either = (...b: (Basis | undefined)[]): Basis =>
  b.includes('combined') ? 'combined' : b.includes('summed') ? 'summed' : 'reported';

type MembersAtStart = NonNullable<WindowFigures['membersAtStart']>;

/** Members at the start of a year from the unit's snapshots (the admission-rate rule). */
export function startFrom(snapshots: readonly Snapshot[], year: number): MembersAtStart | undefined {
  const start = startOfYear(snapshots, year);
  return start?.members !== undefined ? { value: start.members, asOf: start.asOf, basis: start.basis } : undefined;
}

/**
 * Fills the derived figures of `f` (flows and target already set). `startOf` gives the members at the
 * start of a year; by default from `snapshots` (a merged unit's combine each part's own).
 */
export function derive(
  f: WindowFigures,
  prev: WindowFigures | undefined,
  snapshots: readonly Snapshot[],
  startOf?: (year: number) => MembersAtStart | undefined,
): void {
  const w = f.window;
  const a = f.admitted;
  if (a) {
    if (f.youth) setIf(f, 'youthPct', pct(f.youth.value, a.value));
    if (f.women) setIf(f, 'womenPct', pct(f.women.value, a.value));
    if (f.ethnicMinority) setIf(f, 'ethnicMinorityPct', pct(f.ethnicMinority.value, a.value));
    if (f.college) setIf(f, 'collegePct', pct(f.college.value, a.value));

    const p = prev?.admitted;
    if (isComplete(a) && isComplete(p)) {
      f.admittedChange = a.value - p.value;
      setIf(f, 'admittedChangePct', pct(a.value - p.value, p.value));
    }

    if (f.target && f.target.value > 0) {
      setIf(f, 'targetAchievedPct', pct(a.value, f.target.value));
      if (w.kind === 'year' && a.months < w.months) {
        setIf(f, 'expectedPacePct', pct(a.months, w.months));
        f.paceStatus = a.value * w.months >= a.months * f.target.value ? 'ahead' : 'behind';
      }
    }

    if (w.kind === 'term' && isComplete(a)) setIf(f, 'averagePerYear', roundRatio(a.value * 12, w.months));
  }

  const start = fillMembersAtStart(f, snapshots, startOf);
  if (start && a) setIf(f, 'admissionRatePct', pct(a.value, start.value));

  if (isComplete(f.trainees) && isComplete(a)) setIf(f, 'traineesPerAdmission', roundRatio(f.trainees.value, a.value));

  const stock = latestIn(snapshots, w);
  if (stock) f.stock = stock;
  if (w.kind === 'term') {
    const c = changeIn(snapshots, w, 'villagesWithoutMembers');
    if (c) {
      f.villagesWithoutMembersChange = c.value;
      const basis = either(c.from.basis, c.to.basis);
      f.villagesWithoutMembersChangeSpan = { from: c.from.asOf, to: c.to.asOf, basis };
    }
  }
}

/**
 * The members at the start of a year window (set on `f`, and returned), the one derived figure the data check's
 * warnings read (figures 'warnings', see engine.ts).
 */
export function fillMembersAtStart(
  f: WindowFigures,
  snapshots: readonly Snapshot[],
  startOf?: (year: number) => MembersAtStart | undefined,
): MembersAtStart | undefined {
  const w = f.window;
  if (w.kind !== 'year') return undefined;
  const start = startOf ? startOf(Number(w.id)) : startFrom(snapshots, Number(w.id));
  if (start) f.membersAtStart = start;
  return start;
}

type NumericKey =
  | 'expectedPacePct'
  | 'youthPct'
  | 'womenPct'
  | 'ethnicMinorityPct'
  | 'collegePct'
  | 'admittedChangePct'
  | 'targetAchievedPct'
  | 'averagePerYear'
  | 'admissionRatePct'
  | 'traineesPerAdmission';

function setIf(f: WindowFigures, key: NumericKey, v: number | undefined): void {
  if (v !== undefined) f[key] = v;
}

/** Whether a window has anything to show (only such windows are kept in UnitFigures). */
export const hasFigures = (f: WindowFigures): boolean =>
  f.admitted !== undefined ||
  f.target !== undefined ||
  f.classes !== undefined ||
  f.trainees !== undefined ||
  f.dossiers !== undefined ||
  f.stock !== undefined ||
  f.membersAtStart !== undefined;

/** Appends the rows of one unit-window to `out`, in the order of INDICATORS. */
export function pushRows(out: IndicatorRow[], unitId: string, f: WindowFigures, prev: WindowFigures | undefined): void {
  const period = f.window.id;
  const a = f.admitted;
  const flow = (indicator: IndicatorName, x: Flow | undefined) => {
    if (!x) return;
    const { value, months, ofMonths, basis } = x;
    out.push({ unit_id: unitId, period, indicator, value, months, of_months: ofMonths, basis });
  };
  /** A figure derived from `on`, with its coverage. */
  type Value = number | string | undefined;
  const derived = (indicator: IndicatorName, value: Value, on: Flow | undefined, basis: Basis) => {
    if (value === undefined) return;
    const months = on?.months ?? null;
    out.push({ unit_id: unitId, period, indicator, value, months, of_months: on?.ofMonths ?? null, basis });
  };
  const stock = (indicator: IndicatorName, value: number | undefined, basis: Basis) => {
    if (value === undefined) return;
    out.push({ unit_id: unitId, period, indicator, value, months: null, of_months: null, basis });
  };
  const tb = f.target?.basis;

  flow('admitted', a);
  if (a) {
    const pb = either(a.basis, prev?.admitted?.basis);
    derived('admitted_change', f.admittedChange, a, pb);
    derived('admitted_change_pct', f.admittedChangePct, a, pb);
    const same = f.samePeriodPrev;
    if (same) {
      flow('admitted_same_period_prev', same);
      const sb = either(a.basis, same.basis);
      derived('admitted_change_same_period', f.admittedChangeSamePeriod, a, sb);
      derived('admitted_change_same_period_pct', f.admittedChangeSamePeriodPct, a, sb);
    }
  }
  flow('youth', f.youth);
  flow('women', f.women);
  flow('ethnic_minority', f.ethnicMinority);
  flow('college', f.college);
  derived('youth_pct', f.youthPct, a, either(a?.basis));
  derived('women_pct', f.womenPct, a, either(a?.basis));
  derived('ethnic_minority_pct', f.ethnicMinorityPct, a, either(a?.basis));
  derived('college_pct', f.collegePct, a, either(a?.basis));
  if (f.target) stock('target', f.target.value, f.target.basis);
  derived('target_achieved_pct', f.targetAchievedPct, a, either(a?.basis, tb));
  derived('expected_pace_pct', f.expectedPacePct, a, either(a?.basis, tb));
  derived('pace_status', f.paceStatus, a, either(a?.basis, tb));
  const sb = f.membersAtStart?.basis;
  if (f.membersAtStart) stock('members_at_start', f.membersAtStart.value, sb ?? 'reported');
  derived('admission_rate_pct', f.admissionRatePct, a, either(a?.basis, sb));
  derived('average_per_year', f.averagePerYear, a, either(a?.basis));
  flow('classes', f.classes);
  flow('trainees', f.trainees);
  flow('dossiers', f.dossiers);
  derived('trainees_per_admission', f.traineesPerAdmission, f.trainees, either(f.trainees?.basis, a?.basis));
  const s = f.stock;
  if (s) {
    stock('members', s.members, s.basis);
    stock('probationary', s.probationary, s.basis);
    stock('women_members', s.women, s.basis);
    stock('ethnic_minority_members', s.ethnicMinority, s.basis);
    stock('ethnic_minority_members_pct', s.ethnicMinorityPct, s.basis);
    stock('grassroots_orgs', s.grassrootsOrgs, s.basis);
    stock('branches', s.branches, s.basis);
    stock('villages', s.villages, s.basis);
    stock('villages_with_branch', s.villagesWithBranch, s.basis);
    stock('villages_without_members', s.villagesWithoutMembers, s.basis);
  }
  const span = f.villagesWithoutMembersChangeSpan;
  stock('villages_without_members_change', f.villagesWithoutMembersChange, span?.basis ?? 'reported');
}

/**
 * The shapes that flow through the data core, from validated rows to the Dataset the pages render.
 * Contract: ../shared/spec/data-format.md. Everything here is plain data (serialisable), no classes.
 */

/** A month as one integer: year * 12 + (month - 1). 2020-01 is 24240. Makes ranges and counts trivial. */
export type MonthIndex = number;

export type Level = 'province' | 'district' | 'commune' | 'grassroots' | 'branch';
/** Smaller is higher. District and commune share a tier (districts until 06/2025, communes from 07/2025). */
export const LEVEL_RANK: Record<Level, number> = { province: 0, district: 1, commune: 1, grassroots: 2, branch: 3 };

export type UnitKind = 'commune' | 'agency' | 'enterprise' | 'school' | 'armed_forces' | 'village' | 'other';

/** Where a row came from: the file name (e.g. `admissions.csv`) and the line an editor shows. */
export interface RowOrigin {
  file: string;
  line: number;
}

/** One period of a unit's life: one row of units.csv. A unit whose parent or name changed has several. */
export interface UnitLife {
  /** First and last month of this period, inclusive; absent = open-ended on that side. */
  from?: MonthIndex;
  to?: MonthIndex;
  parentId?: string;
  name: string;
  shortName?: string;
  /** short_name, else name. */
  label: string;
  origin: RowOrigin;
}

export interface Unit {
  id: string;
  name: string;
  shortName?: string;
  /** short_name, else name: what charts and tables show. */
  label: string;
  level: Level;
  parentId?: string;
  kind?: UnitKind;
  activeFrom?: MonthIndex;
  activeTo?: MonthIndex;
  slug: string;
  note?: string;
  origin: RowOrigin;
  /** Every period of the unit's life, oldest first; absent when the unit has one row (its own fields are that life). */
  lives?: UnitLife[];
  /** successor_id: the unit this one merged into when it ended. */
  successorId?: string;
  /** The `source` of the unit's (latest) row: the decision or document behind its facts. */
  source?: string;
}

export interface Term {
  id: string;
  name: string;
  from: MonthIndex;
  to: MonthIndex;
  /** true when terms.csv was absent and the spec's default terms apply. */
  isDefault?: boolean;
}

/** A reported period as written in a `period` cell, resolved to months (inclusive). */
export interface Period {
  kind: 'year' | 'month' | 'range' | 'term';
  /** The cell as written after normalisation, e.g. `2020`, `2020-01..2020-07`, `2015-2020`. */
  text: string;
  from: MonthIndex;
  to: MonthIndex;
  termId?: string;
}

export interface AdmissionRow {
  unitId: string;
  period: Period;
  admitted: number;
  youth?: number;
  women?: number;
  ethnicMinority?: number;
  college?: number;
  source?: string;
  note?: string;
  origin: RowOrigin;
}

export interface TargetRow {
  unitId: string;
  /** kind is 'year' or 'term' only. */
  period: Period;
  target: number;
  source?: string;
  note?: string;
  origin: RowOrigin;
}

export interface TrainingRow {
  unitId: string;
  period: Period;
  classes?: number;
  trainees?: number;
  dossiers?: number;
  source?: string;
  note?: string;
  origin: RowOrigin;
}

export interface MemberRow {
  unitId: string;
  /** ISO date `YYYY-MM-DD`. */
  asOf: string;
  members?: number;
  probationary?: number;
  women?: number;
  ethnicMinority?: number;
  grassrootsOrgs?: number;
  branches?: number;
  villages?: number;
  villagesWithBranch?: number;
  villagesWithoutMembers?: number;
  source?: string;
  note?: string;
  origin: RowOrigin;
}

/** A cleaned table as read (NFC, trimmed), kept to re-publish the validated inputs with the same columns. */
export interface CleanTable {
  file: string;
  columns: string[];
  /** Released once data/ is written (src/lib/build/memory.ts): reading them after that throws. */
  rows: string[][];
  /** Set when the rows are released: how many there were. */
  rowCount?: number;
}

/** How many rows the table has, before or after its rows are released. */
export const tableRowCount = (t: CleanTable): number => t.rowCount ?? t.rows.length;

export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  /** The column's header name (as in the file). */
  column?: string;
  /** 1-based position of the column in the header line (what a spreadsheet shows as A, B, C… counted from 1). */
  columnNumber?: number;
  value?: string;
  /** For a workbook (`file` is the .xlsx): the sheet's name as its tab shows it. */
  sheet?: string;
  /** For a workbook: the cell as the spreadsheet names it (`C4`: column `columnNumber`, row `line`). */
  cell?: string;
  /** Vietnamese, complete sentence: what is wrong and what was expected. */
  message: string;
}

/** Everything read and validated from one data folder. */
export interface Inputs {
  units: Unit[];
  terms: Term[];
  admissions: AdmissionRow[];
  targets: TargetRow[];
  training: TrainingRow[];
  members: MemberRow[];
  /** The files as read, for re-publishing (only files that exist). */
  tables: CleanTable[];
  diagnostics: Diagnostic[];
}

/* ---------- Model output ---------- */

/** A calendar year or a congress term. */
export interface Window {
  kind: 'year' | 'term';
  /** `2020` or a term id such as `2020-2025`: the `period` of indicators.csv. */
  id: string;
  /** Vietnamese label for screens: `2020`, `Nhiệm kỳ 2020–2025`. */
  label: string;
  from: MonthIndex;
  to: MonthIndex;
  /** Months in the window (12 for a year). */
  months: number;
}

export type Basis = 'reported' | 'summed' | 'combined';

/** Months from..to, inclusive. */
export interface MonthSpan {
  from: MonthIndex;
  to: MonthIndex;
}

/** One unit's part of a combined figure (the successor's own, or one predecessor's over its months). */
export interface Part {
  unitId: string;
  value: number;
}

/** A flow figure (admitted, youth, classes, ...) of one unit in one window. */
export interface Flow {
  value: number;
  /** Months covered by the rows used, out of `ofMonths` in the window. */
  months: number;
  ofMonths: number;
  basis: Basis;
  /**
   * For a summed figure: how many active children had a figure, out of how many active children. For a
   * combined one: the same count over the parts (the children, or the unit itself when it has rows, and
   * the predecessors active in the window). Complete needs reported = active.
   */
  reporting?: { reported: number; active: number };
  /** Origins of the rows used (for a summed figure: the rows of the units that reported, may be truncated). */
  rows: RowOrigin[];
  /** The covered months themselves, ascending disjoint spans (`months` counts them): the model's month rule. */
  covered?: readonly MonthSpan[];
  /** A combined figure's parts: the unit's own (own rows or children's sum) first, then each predecessor's. */
  parts?: Part[];
}

export type PaceStatus = 'ahead' | 'behind';

/**
 * Why a partial year has no same-period figure: the previous year's rows cannot be split into those
 * months (`no-split`), its own rows miss some of them (`missing-months`), a child or predecessor lacks them
 * (`missing-part`), the unit did not exist then
 * (`founded`), nothing was reported then (`no-data`), not every part reported this year (`incomplete`),
 * or this year's parts cover different months (`uneven`).
 */
export type SamePeriodReason =
  | 'no-split'
  | 'missing-months'
  | 'missing-part'
  | 'founded'
  | 'no-data'
  | 'incomplete'
  | 'uneven';

/** Every indicator of one unit in one window. Absent = unknown (rendered "—", never 0). */
export interface WindowFigures {
  window: Window;
  admitted?: Flow;
  youth?: Flow;
  women?: Flow;
  ethnicMinority?: Flow;
  college?: Flow;
  youthPct?: number;
  womenPct?: number;
  ethnicMinorityPct?: number;
  collegePct?: number;
  /** Change on the previous window (year or term), only when both are complete. */
  admittedChange?: number;
  admittedChangePct?: number;
  /**
   * Partial years: the same months of the previous year (`months` = those months, `ofMonths` 12, `rows`
   * empty), the change on it and its %; `samePeriodReason` when unknown.
   */
  samePeriodPrev?: Flow;
  admittedChangeSamePeriod?: number;
  admittedChangeSamePeriodPct?: number;
  samePeriodReason?: SamePeriodReason;
  target?: { value: number; basis: Basis; origin?: RowOrigin; parts?: Part[] };
  targetAchievedPct?: number;
  /** Partial years only. */
  expectedPacePct?: number;
  paceStatus?: PaceStatus;
  /** Years only: members at the start of the year and the rate. */
  membersAtStart?: {
    value: number;
    asOf: string;
    /** Added by the model: `summed` when the snapshot is a roll-up, `combined` with predecessors'. */
    basis?: Basis;
    /** Combined: each part's own start-of-year snapshot (own first), each dated by the admission-rate rule. */
    parts?: (Part & { asOf: string })[];
  };
  admissionRatePct?: number;
  /** Terms only, complete terms: admitted / years in the term. */
  averagePerYear?: number;
  classes?: Flow;
  trainees?: Flow;
  dossiers?: Flow;
  traineesPerAdmission?: number;
  /** Stock at the latest snapshot inside the window. */
  stock?: Snapshot;
  /** Terms: villages without members, latest snapshot in the term minus the earliest (negative = fewer). */
  villagesWithoutMembersChange?: number;
  /** Added by the model: the two snapshots the change is measured between, and `summed` when either is a roll-up. */
  villagesWithoutMembersChangeSpan?: { from: string; to: string; basis: Basis };
}

/** A members.csv row as a stock (own row, or summed from children for the same date). */
export interface Snapshot {
  asOf: string;
  basis: Basis;
  members?: number;
  probationary?: number;
  women?: number;
  ethnicMinority?: number;
  ethnicMinorityPct?: number;
  grassrootsOrgs?: number;
  branches?: number;
  villages?: number;
  villagesWithBranch?: number;
  villagesWithoutMembers?: number;
  origin?: RowOrigin;
  /** A combined snapshot's parts at the same date: the unit's own first, then each active predecessor's. */
  parts?: { unitId: string; snapshot: Snapshot }[];
}

export interface UnitFigures {
  unitId: string;
  /** Keyed by window id (`2020`, `2015-2020`); only windows with at least one figure. */
  years: Record<string, WindowFigures>;
  terms: Record<string, WindowFigures>;
  /** All snapshots of the unit, oldest first. */
  snapshots: Snapshot[];
}

/** One row of indicators.csv / indicators.json. */
export interface IndicatorRow {
  unit_id: string;
  period: string;
  indicator: string;
  value: number | string;
  months: number | null;
  of_months: number | null;
  basis: Basis;
}

/** The one typed object the pages render. */
export interface Dataset {
  inputs: Inputs;
  units: Unit[];
  unitById: Record<string, Unit>;
  /** Children ids (at any time: a unit that moved is a child of each parent it had), sorted by label. */
  childrenOf: Record<string, string[]>;
  /**
   * The children under the unit in some month of `span` (a window), with the months they were under it
   * inside it (count and spans), in the order of childrenOf: the "active" children a summed figure of
   * that window counts.
   */
  activeChildren: (unitId: string, span: MonthSpan) => { unitId: string; months: number; spans: MonthSpan[] }[];
  /** Ids of the units that merged into the unit (their successor_id is it), sorted by label; [] for none. */
  predecessorsOf: Record<string, string[]>;
  /** Root units (provinces, or any unit without a parent), sorted. */
  roots: string[];
  terms: Term[];
  /** Calendar years that have any figure, ascending. */
  years: number[];
  figures: Record<string, UnitFigures>;
  /** Unit ids in the order indicators.csv lists them (code point order). */
  indicatorUnitOrder: string[];
  /** One unit's rows of indicators.csv, derived on each call (not kept: millions of rows at national size). */
  indicatorsOf: (unitId: string) => IndicatorRow[];
  /** How many rows indicators.csv has. */
  indicatorCount: number;
  /** Every row of indicators.csv, materialised on first access: tests and small data (the build uses indicatorsOf). */
  readonly indicators: IndicatorRow[];
  /** Latest month any row reaches, or latest snapshot date: the "data up to" date, ISO. */
  latestDataDate?: string;
  /** Distinct `source` texts, with the rows citing them. */
  sources: { text: string; count: number }[];
  warnings: Diagnostic[];
  /** True when the data folder holds a `DEMO` marker file (generated illustrative data). */
  isDemo: boolean;
}

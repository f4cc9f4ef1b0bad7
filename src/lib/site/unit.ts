/**
 * The view model of a unit page (/don-vi/<slug>/): cards, charts with their tables and CSV, the term table,
 * the children compared, the sources (one module per section under unit/), and the files the page declares.
 * Reads only the unit's own figures and its children's (never all units).
 */
import { fmtCount, fmtPct, partialOf } from '../format/index.ts';
import { unitSummaries, type PageSummary } from '../press/summaries.ts';
import type { Dataset, Unit } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import { levelLabelOf } from '../view/groups.ts';
import { KIND_LABEL } from '../view/labels.ts';
import type { Card, ChartView, Crumb, CsvCut, PageFile, SourceItem } from '../view/shapes.ts';
import { unitSources } from '../view/sources.ts';
import { chartFiles, indicatorsCut, pageChart, sharedCsvFile, sharedLink } from './files.ts';
import { revisionMarks } from '../revisions/marks.ts';
import type { RevisionMarks } from './unit/revised.ts';
import { admittedYears, breadcrumbs, yearFig } from './site.ts';
import { admissionsView, paceView, type PaceView } from './unit/admissions.ts';
import { unitCards } from './unit/cards.ts';
import { childrenView, type ChildrenView } from './unit/children.ts';
import { compositionView } from './unit/composition.ts';
import { lifeView, type LifeView } from './unit/life.ts';
import { membersView } from './unit/members.ts';
import { isLight, ownedBy, ownerOf } from './unit/shared.ts';
import { termsView } from './unit/terms.ts';
import { trainingView } from './unit/training.ts';
import { villagesView } from './unit/villages.ts';

export type { ChildrenView } from './unit/children.ts';
export type { PaceView } from './unit/admissions.ts';
export type { LifeView } from './unit/life.ts';
export { unitCards } from './unit/cards.ts';

export interface UnitPage {
  unit: Unit;
  /** The prose summaries (src/lib/summary) of the cards' year and of the latest term. */
  summaries: PageSummary[];
  levelLabel: string;
  kindLabel?: string;
  parent?: { label: string; href: string };
  /** Founded, ended, merged into, predecessors and their parts, earlier names and parents. */
  life?: LifeView;
  crumbs: Crumb[];
  description: string;
  /** The year of the cards (latest with an admitted figure). */
  year?: number;
  cards: Card[];
  admissions?: ChartView;
  pace?: PaceView;
  composition?: ChartView;
  members?: ChartView;
  training?: ChartView;
  villages?: ChartView;
  terms?: ChartView;
  children?: ChildrenView;
  sources: SourceItem[];
  /** The file holding the unit's indicators: data/indicators.csv, or its part. */
  downloadHref: string;
  /** The name the unit's indicators are saved under: `<slug>-chi-so.csv`. */
  downloadName: string;
  /** What the download script cuts from that file. */
  downloadCut: CsvCut;
  note?: string;
  /**
   * Every file the page needs besides its HTML: its charts' press kits, and for an owner (unit/shared.ts ownerOf)
   * the shared CSV of its charts and of those of the units it owns.
   */
  files: PageFile[];
}

/**
 * The charts and tables of a unit's page as its sections make them (the shared CSV holds them, page or not);
 * `csvOnly` for a shared file's rows, without the cells of the largest tables (every owned unit is built twice).
 */
function unitCharts(ds: Dataset, unit: Unit, year: number | undefined, marks?: RevisionMarks, csvOnly = false) {
  const light = isLight(unit);
  return {
    charts: {
      admissions: admissionsView(ds, unit, marks, csvOnly),
      composition: compositionView(ds, unit, light, csvOnly),
      members: membersView(ds, unit, light, csvOnly),
      training: trainingView(ds, unit),
      villages: villagesView(ds, unit),
      terms: termsView(ds, unit),
    },
    children: childrenView(ds, unit, year, light),
  };
}

const lastYear = (ds: Dataset, unit: Unit) => admittedYears(ds, unit.id).at(-1);

const chartsOf = (c: ReturnType<typeof unitCharts>) =>
  [...Object.values(c.charts), ...(c.children?.groups.map((g) => g.view) ?? [])].filter((v) => v !== undefined);

/** The rows of the shared CSV of `owner`: every chart of its page (`own`) and of the pages of the units it owns. */
function ownedCharts(ds: Dataset, owner: Unit, own: readonly ChartView[]) {
  return ownedBy(ds, owner).flatMap((u) =>
    (u.id === owner.id ? own : chartsOf(unitCharts(ds, u, lastYear(ds, u), undefined, true))).map((v) => ({
      unitId: u.id,
      // The short name the charts show: the full one, on every row, made the file a tenth larger.
      unitName: u.label,
      key: v.key,
      csv: v.csv,
    })),
  );
}

/** Where a unit's indicators are published: data/indicators.csv, or its part (src/lib/build/data.ts). */
export type IndicatorsAt = (unitId: string) => string;

/**
 * `revisions`: data/revisions.csv of the build, whose latest date's revisions are marked on the page.
 * `indicatorsAt`: the data/ file holding a unit's indicators (the build knows it once data/ is written).
 */
export function unitPage(
  ds: Dataset,
  unit: Unit,
  revisions = '',
  indicatorsAt: IndicatorsAt = () => 'data/indicators.csv',
): UnitPage {
  const marks = revisionMarks(revisions, unit.id, ds.terms);
  const year = lastYear(ds, unit);
  const owner = ownerOf(ds, unit);
  const parent = unit.parentId ? ds.unitById[unit.parentId] : undefined;
  const w = yearFig(ds, unit.id, year);
  const partial = partialOf(w?.admitted) ? ` (${partialOf(w?.admitted)})` : '';
  const achieved = w?.targetAchievedPct !== undefined ? `, đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu` : '';
  const description =
    year !== undefined && w?.admitted
      ? `${unit.name}: năm ${year} kết nạp ${fmtCount(w.admitted.value)} đảng viên${partial}${achieved}. ` +
        'Số liệu theo năm, nhiệm kỳ, cơ cấu và nguồn.'
      : `${unit.name}: số liệu phát triển đảng viên theo năm, nhiệm kỳ và nguồn số liệu.`;
  const made = unitCharts(ds, unit, year, marks);
  const shown = <V extends ChartView>(v: V): V => pageChart(sharedLink(v, unit, owner), unit);
  const shownIf = <V extends ChartView>(v: V | undefined) => (v ? shown(v) : undefined);
  const c = made.charts;
  const charts = {
    admissions: shownIf(c.admissions),
    composition: shownIf(c.composition),
    members: shownIf(c.members),
    training: shownIf(c.training),
    villages: shownIf(c.villages),
    terms: shownIf(c.terms),
  };
  const kids = made.children;
  const children = kids && { ...kids, groups: kids.groups.map((g) => ({ ...g, view: shown(g.view) })) };
  const page = href(unitPath(unit.slug));
  // A unit's indicators are its rows of data/indicators.csv (or of its part): no file of its own.
  const dataFile = indicatorsAt(unit.id);
  return {
    unit,
    // The prose summaries of the cards' year and of the latest term (src/lib/summary via src/lib/press).
    summaries: unitSummaries(ds, unit, year),
    levelLabel: levelLabelOf(unit),
    kindLabel: unit.kind ? KIND_LABEL[unit.kind] : undefined,
    parent: parent ? { label: parent.label, href: href(unitPath(parent.slug)) } : undefined,
    life: lifeView(ds, unit),
    crumbs: breadcrumbs(ds, unit.id),
    description,
    year,
    cards: unitCards(ds, unit, year, 'the', marks),
    ...charts,
    pace: paceView(ds, unit, year),
    children,
    sources: unitSources(ds, unit),
    downloadHref: href(dataFile),
    downloadName: `${unit.slug}-chi-so.csv`,
    downloadCut: indicatorsCut(unit.id, dataFile),
    note: unit.note,
    files: [
      ...chartFiles(ds, [...Object.values(charts), ...(children?.groups.map((g) => g.view) ?? [])], unit, page),
      ...(owner.id === unit.id ? [sharedCsvFile(unit, () => ownedCharts(ds, unit, chartsOf(made)))] : []),
    ],
  };
}

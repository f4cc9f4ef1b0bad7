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
import type { Card, ChartView, Crumb, PageFile, SourceItem } from '../view/shapes.ts';
import { unitSources } from '../view/sources.ts';
import { chartFiles, indicatorsFile, pageChart } from './files.ts';
import { revisionMarks } from '../revisions/marks.ts';
import { admittedYears, breadcrumbs, yearFig } from './site.ts';
import { admissionsView, paceView, type PaceView } from './unit/admissions.ts';
import { unitCards } from './unit/cards.ts';
import { childrenView, type ChildrenView } from './unit/children.ts';
import { compositionView } from './unit/composition.ts';
import { lifeView, type LifeView } from './unit/life.ts';
import { membersView } from './unit/members.ts';
import { isLight } from './unit/shared.ts';
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
  downloadHref: string;
  downloadName: string;
  note?: string;
  /** Every file the page needs besides its HTML: its charts' CSVs and press kits, its indicators. */
  files: PageFile[];
}

/** `revisions`: data/revisions.csv of the build, whose latest date's revisions are marked on the page. */
export function unitPage(ds: Dataset, unit: Unit, revisions = ''): UnitPage {
  const marks = revisionMarks(revisions, unit.id, ds.terms);
  const years = admittedYears(ds, unit.id);
  const year = years[years.length - 1];
  const light = isLight(unit);
  const parent = unit.parentId ? ds.unitById[unit.parentId] : undefined;
  const w = yearFig(ds, unit.id, year);
  const partial = partialOf(w?.admitted) ? ` (${partialOf(w?.admitted)})` : '';
  const achieved = w?.targetAchievedPct !== undefined ? `, đạt ${fmtPct(w.targetAchievedPct)} chỉ tiêu` : '';
  const description =
    year !== undefined && w?.admitted
      ? `${unit.name}: năm ${year} kết nạp ${fmtCount(w.admitted.value)} đảng viên${partial}${achieved}. ` +
        'Số liệu theo năm, nhiệm kỳ, cơ cấu và nguồn.'
      : `${unit.name}: số liệu phát triển đảng viên theo năm, nhiệm kỳ và nguồn số liệu.`;
  const charts = {
    admissions: pageChart(admissionsView(ds, unit, marks), unit),
    composition: pageChart(compositionView(ds, unit, light), unit),
    members: pageChart(membersView(ds, unit, light), unit),
    training: pageChart(trainingView(ds, unit), unit),
    villages: pageChart(villagesView(ds, unit), unit),
    terms: pageChart(termsView(ds, unit), unit),
  };
  const kids = childrenView(ds, unit, year, light);
  const children = kids && { ...kids, groups: kids.groups.map((g) => ({ ...g, view: pageChart(g.view, unit) })) };
  const downloadHref = href(`${unitPath(unit.slug)}chi-so.csv`);
  const page = href(unitPath(unit.slug));
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
    downloadHref,
    downloadName: `${unit.slug}-chi-so.csv`,
    note: unit.note,
    files: [
      ...chartFiles(ds, [...Object.values(charts), ...(children?.groups.map((g) => g.view) ?? [])], unit, page),
      indicatorsFile(downloadHref, () => ds.indicatorsOf(unit.id)),
    ],
  };
}

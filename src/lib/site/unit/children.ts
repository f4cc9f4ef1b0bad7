/**
 * A unit's children: those under it in the cards' year only, in the groups the contract names (districts until
 * 06/2025, communes from 07/2025, the other committees by themselves), each ranked by its admitted; or listed
 * when no year has a figure.
 */
import { yearWindow } from '../../periods.ts';
import type { Dataset, Unit } from '../../types.ts';
import {
  ALL_CHILDREN,
  type ChildGroup,
  childGroups,
  countNoun,
  GROUP_SLUG,
  groupOf,
  groupName,
} from '../../view/groups.ts';
import { href, unitPath } from '../../view/href.ts';
import { NO_DATA } from '../../view/labels.ts';
import type { ChartView } from '../../view/shapes.ts';
import { textCell } from '../cells.ts';
import { rankedUnitsView } from '../ranked.ts';
import { siteIndex, yearFig } from '../site.ts';
import { unitCsvLink, unitData } from './shared.ts';

export interface ChildrenGroupView {
  /** The group's heading when the year has several groups: `Đảng bộ cấp huyện (01/2025–06/2025)`. */
  heading?: string;
  view: ChartView;
}

export interface ChildrenView {
  title: string;
  /** The count of every child in the window, by group. */
  reported: string;
  groups: ChildrenGroupView[];
}

const KEY = 'don-vi-truc-thuoc';

/** `Đảng bộ cấp huyện (01/2025–06/2025)`; the name alone when the group spans the window. */
export const groupHeading = (g: ChildGroup) => (g.monthsLabel ? `${g.title} (${g.monthsLabel})` : g.title);

function listView(unit: Unit, kids: Unit[]): ChildrenView {
  const rows = kids.map((k) => [
    textCell(k.label, { header: true, href: href(unitPath(k.slug)), title: k.name }),
    textCell(groupName(groupOf(k))),
  ]);
  const noun = new Set(kids.map(groupOf)).size === 1 ? groupName(groupOf(kids[0]!)) : ALL_CHILDREN;
  return {
    title: 'Các đơn vị trực thuộc',
    reported: `${kids.length} ${noun}; ${NO_DATA}.`,
    groups: [
      {
        view: {
          id: 'bd-truc-thuoc',
          title: `Các đơn vị trực thuộc ${unit.label}`,
          ...unitData(
            unit,
            KEY,
            { caption: `Các đơn vị trực thuộc ${unit.label}`, head: ['Đơn vị', 'Nhóm'], numeric: [false, false], rows },
            { columns: ['Mã đơn vị', 'Đơn vị', 'Cấp'], rows: kids.map((k) => [k.id, k.name, k.level]) },
          ),
        },
      },
    ],
  };
}

export function childrenView(
  ds: Dataset,
  unit: Unit,
  year: number | undefined,
  light: boolean,
): ChildrenView | undefined {
  const kids = (ds.childrenOf[unit.id] ?? []).map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  if (kids.length === 0) return undefined;
  const y = year ?? siteIndex(ds).latestYear;
  if (y === undefined) return listView(unit, kids);
  // Only the children under the unit in some month of the year: an ended district is not in 2026.
  const groups = childGroups(ds, unit.id, yearWindow(y));
  if (groups.length === 0) return undefined;
  const admitted = (id: string) => yearFig(ds, id, y)?.admitted;
  const several = groups.length > 1;
  const views = groups.map((g): ChildrenGroupView => {
    const units = g.members.map((m) => ds.unitById[m.unitId]!);
    const key = several ? `${KEY}-${GROUP_SLUG[g.key]}` : KEY;
    const months = g.monthsLabel ? ` (${g.monthsLabel})` : '';
    const view = rankedUnitsView(ds, units, y, {
      id: several ? `bd-truc-thuoc-${GROUP_SLUG[g.key]}` : 'bd-truc-thuoc',
      key,
      title: `Các ${g.name} của ${unit.label}: kết nạp năm ${y}${months}`,
      subtitle: `${units.length} ${g.name}${g.monthsLabel ? `, hoạt động ${g.monthsLabel}` : ''}, xếp theo số kết nạp`,
      ...unitCsvLink(unit, key),
      chart: !light && units.length >= 2 && units.some((u) => admitted(u.id)),
      noun: g.name,
    });
    return { heading: several ? groupHeading(g) : undefined, view };
  });
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  const byGroup = groups.map((g) => `${g.members.length} ${g.name}${g.monthsLabel ? ` (${g.monthsLabel})` : ''}`);
  const g0 = groups[0]!;
  const has = g0.members.filter((m) => admitted(m.unitId)).length;
  const months = g0.monthsLabel ? ` (${g0.monthsLabel})` : '';
  // One group: how many reported (as before the reorganisation); several: how many of each, with their months.
  const reported = several
    ? `Năm ${y} có ${total} ${countNoun(groups)}: ${byGroup.join(', ')}.`
    : `${has}/${g0.members.length} ${g0.name} có số kết nạp năm ${y}${months}.`;
  return { title: 'So sánh các đơn vị trực thuộc', reported, groups: views };
}

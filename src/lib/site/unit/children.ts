/** A unit's children: ranked by their admitted in the cards' year, or listed when no year has a figure. */
import type { Dataset, Unit } from '../../types.ts';
import { href, unitPath } from '../../view/href.ts';
import { LEVEL_LABEL, LEVEL_PLURAL, NO_DATA } from '../../view/labels.ts';
import type { ChartView } from '../../view/shapes.ts';
import { textCell } from '../cells.ts';
import { rankedUnitsView } from '../ranked.ts';
import { siteIndex, yearFig } from '../site.ts';
import { unitCsvLink, unitData } from './shared.ts';

export interface ChildrenView {
  title: string;
  reported: string;
  view: ChartView;
}

const KEY = 'don-vi-truc-thuoc';

export function childrenView(
  ds: Dataset,
  unit: Unit,
  year: number | undefined,
  light: boolean,
): ChildrenView | undefined {
  const kids = (ds.childrenOf[unit.id] ?? []).map((id) => ds.unitById[id]).filter((u): u is Unit => !!u);
  if (kids.length === 0) return undefined;
  const y = year ?? siteIndex(ds).latestYear;
  const plural = LEVEL_PLURAL[kids[0]!.level];
  if (y === undefined) {
    const rows = kids.map((k) => [
      textCell(k.label, { header: true, href: href(unitPath(k.slug)), title: k.name }),
      textCell(LEVEL_LABEL[k.level]),
    ]);
    return {
      title: 'Các đơn vị trực thuộc',
      reported: `${kids.length} ${plural}; ${NO_DATA}.`,
      view: {
        id: 'bd-truc-thuoc',
        title: `Các đơn vị trực thuộc ${unit.label}`,
        ...unitData(
          unit,
          KEY,
          {
            caption: `Các đơn vị trực thuộc ${unit.label}`,
            head: ['Đơn vị', 'Cấp'],
            numeric: [false, false],
            rows,
          },
          { columns: ['Mã đơn vị', 'Đơn vị', 'Cấp'], rows: kids.map((k) => [k.id, k.name, k.level]) },
        ),
      },
    };
  }
  const admitted = (k: Unit) => yearFig(ds, k.id, y)?.admitted;
  const view = rankedUnitsView(ds, kids, y, {
    id: 'bd-truc-thuoc',
    key: KEY,
    title: `Các đơn vị trực thuộc ${unit.label}: kết nạp năm ${y}`,
    subtitle: `${kids.length} ${plural}, xếp theo số kết nạp`,
    ...unitCsvLink(unit, KEY),
    chart: !light && kids.length >= 2 && kids.some(admitted),
  });
  const reported = `${kids.filter(admitted).length}/${kids.length} ${plural} có số kết nạp năm ${y}.`;
  return { title: 'So sánh các đơn vị trực thuộc', reported, view };
}

/**
 * A unit's life on its page (spec, "Units that change"): when it was founded or ended, into whom it merged, which
 * units merged into it (with the parts of each combined figure), and its earlier names and parents, with dates.
 */
import { fmtCount, fmtMonthIndex, partialOf } from '../../format/index.ts';
import { livesOf } from '../../model/lives.ts';
import type { Dataset, Flow, MonthIndex, Unit, UnitLife, WindowFigures } from '../../types.ts';
import { href, unitPath } from '../../view/href.ts';
import { nameOf, partsNote } from '../cells.ts';

export interface LinkedUnit {
  name: string;
  href: string;
}

export interface LifeStep {
  /** `đến 06/2025`, `từ 07/2025`, `01/2020–06/2025`. */
  when: string;
  name: string;
  parent?: LinkedUnit;
}

export interface CombinedLine {
  /** `Năm 2024`, `Nhiệm kỳ 2020–2025`. */
  window: string;
  /** `270`, `292 (6/12 tháng)`. */
  value: string;
  /** `Gồm số của Đảng bộ tỉnh Bình Sơn: 60; riêng Đảng bộ tỉnh An Hòa: 210`. */
  parts: string;
}

export interface LifeView {
  /** `Thành lập từ 07/2025.` for a unit founded within the data's years. */
  founded?: string;
  /** `Kết thúc hoạt động từ 07/2025 (hoạt động đến hết 06/2025).` */
  ended?: string;
  /** The unit it merged into. */
  successor?: LinkedUnit;
  /** `từ 07/2025`: when the merger took effect. */
  mergedFrom?: string;
  /** The units that merged into it, each with the month they ended. */
  predecessors: (LinkedUnit & { until: string })[];
  /** The combined figures (admitted) of the windows to which a predecessor contributed. */
  combined: CombinedLine[];
  /** Earlier names and parents, oldest first; empty when the unit has one life. */
  history: LifeStep[];
}

const link = (ds: Dataset, id: string | undefined): LinkedUnit | undefined => {
  const u = id ? ds.unitById[id] : undefined;
  return u ? { name: u.name, href: href(unitPath(u.slug)) } : undefined;
};

function when(life: UnitLife): string {
  const { from, to } = life;
  if (from !== undefined && to !== undefined) return `${fmtMonthIndex(from)}–${fmtMonthIndex(to)}`;
  if (from !== undefined) return `từ ${fmtMonthIndex(from)}`;
  if (to !== undefined) return `đến ${fmtMonthIndex(to)}`;
  return 'suốt thời gian có số liệu';
}

const after = (m: MonthIndex) => fmtMonthIndex(m + 1);

function combinedLine(ds: Dataset, w: WindowFigures, f: Flow | undefined): CombinedLine | undefined {
  const parts = partsNote(f, nameOf(ds));
  if (!f || !parts) return undefined;
  const p = partialOf(f);
  return {
    window: w.window.kind === 'year' ? `Năm ${w.window.label}` : w.window.label,
    value: fmtCount(f.value) + (p ? ` (${p})` : ''),
    parts,
  };
}

export function lifeView(ds: Dataset, unit: Unit): LifeView | undefined {
  const lives = livesOf(unit);
  const first = lives[0]!;
  const last = lives[lives.length - 1]!;
  const firstYear = ds.years[0];
  const view: LifeView = { predecessors: [], combined: [], history: [] };
  if (first.from !== undefined && firstYear !== undefined && first.from > firstYear * 12) {
    view.founded = `Thành lập từ ${fmtMonthIndex(first.from)}.`;
  }
  if (last.to !== undefined) {
    view.ended = `Kết thúc hoạt động từ ${after(last.to)} (hoạt động đến hết ${fmtMonthIndex(last.to)}).`;
    view.successor = link(ds, unit.successorId);
    if (view.successor) view.mergedFrom = `từ ${after(last.to)}`;
  }
  for (const id of ds.predecessorsOf[unit.id] ?? []) {
    const p = ds.unitById[id];
    const l = link(ds, id);
    if (!p || !l) continue;
    const to = livesOf(p).at(-1)?.to;
    view.predecessors.push({ ...l, until: to !== undefined ? fmtMonthIndex(to) : '' });
  }
  if (view.predecessors.length > 0) {
    const fig = ds.figures[unit.id];
    const wins = [...Object.values(fig?.years ?? {}), ...Object.values(fig?.terms ?? {})];
    for (const w of wins) {
      const line = combinedLine(ds, w, w.admitted);
      if (line) view.combined.push(line);
    }
  }
  if (lives.length > 1) {
    view.history = lives.map((l) => ({ when: when(l), name: l.name, parent: link(ds, l.parentId) }));
  }
  const empty = !view.founded && !view.ended && view.predecessors.length === 0 && view.history.length === 0;
  return empty ? undefined : view;
}

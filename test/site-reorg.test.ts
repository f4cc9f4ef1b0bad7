/**
 * The pages across the 2025 reorganisation (spec, "Units that change", "What pages show"), on the hand-made data
 * set test/fixtures/reorg: province A (An Hòa) goes on; province B (Bình Sơn) ends 06/2025 and merges into A;
 * A's districts D1, D2 and B's D3 end 06/2025; A's communes X1–X3 start 07/2025; A.QS (armed forces, level
 * district) goes on; A.G1 (a school) moves from D1 to X1 in 07/2025 and is renamed.
 * Figures by hand (admissions.csv):
 *   2024: D1 120 + D2 80 + QS 10 = 210 under A; D3 60 under B → A combined 270 (parts A 210, B 60).
 *   2025: D1 70 + D2 40 (01–06) + QS 12 + X1 60 + X2 45 + X3 35 (07–12) = 262; B's D3 30 (01–06)
 *         → A combined 292, 12/12; change on 2024 +22 (22/270 = 8,148… → 8,15 %).
 *   2026: X1 5+6+4 = 15, X2 3+4+5 = 12, X3 2+2+3 = 7, QS 3 → A 37 (3/12), from 4 units, none ended.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { yearWindow } from '../src/lib/periods.ts';
import type { Dataset } from '../src/lib/types.ts';
import { ALL_CHILDREN, childGroups, countNoun, groupMembers, groupOf } from '../src/lib/view/groups.ts';

let ds: Dataset;
beforeAll(async () => {
  const inputs = await loadInputs(path.resolve(import.meta.dirname, 'fixtures/reorg'));
  expect(inputs.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
});

const unit = (id: string) => ds.unitById[id]!;
const groups = (id: string, year: number) => childGroups(ds, id, yearWindow(year));
const brief = (id: string, year: number) =>
  groups(id, year).map((g) => ({
    name: g.name,
    months: g.monthsLabel ?? 'cả năm',
    ids: g.members.map((m) => m.unitId),
  }));

describe('childGroups: the names of a window’s child groups', () => {
  it('a district of the armed forces, the police or an agency is never "cấp huyện"', () => {
    expect(groupOf(unit('A.D1'))).toBe('district');
    expect(groupOf(unit('A.QS'))).toBe('other'); // kind armed_forces
    expect(groupOf({ ...unit('A.D1'), name: 'Đảng bộ Công an tỉnh An Hòa' })).toBe('other');
    expect(groupOf({ ...unit('A.D1'), name: 'Đảng bộ Khối các cơ quan tỉnh' })).toBe('other');
    expect(groupOf({ ...unit('A.D1'), kind: 'agency' })).toBe('other');
    expect(groupOf(unit('A.X1'))).toBe('commune');
  });

  it('2024: the districts only, all year, and the armed forces by themselves; no commune not yet founded', () => {
    expect(brief('A', 2024)).toEqual([
      { name: 'đảng bộ cấp huyện', months: 'cả năm', ids: ['A.D1', 'A.D2'] },
      { name: 'đảng bộ trực thuộc khác', months: 'cả năm', ids: ['A.QS'] },
    ]);
  });

  // Members in label order: Phường An Hòa, Xã Đồng Tâm, Xã Suối Cát.
  it('2025 holds both worlds, each with its months', () => {
    expect(brief('A', 2025)).toEqual([
      { name: 'đảng bộ cấp huyện', months: '01/2025–06/2025', ids: ['A.D1', 'A.D2'] },
      { name: 'đảng bộ xã, phường, đặc khu', months: '07/2025–12/2025', ids: ['A.X2', 'A.X1', 'A.X3'] },
      { name: 'đảng bộ trực thuộc khác', months: 'cả năm', ids: ['A.QS'] },
    ]);
    expect(countNoun(groups('A', 2025))).toBe(ALL_CHILDREN);
  });

  it('2026: no ended district; the communes all year', () => {
    const g = groups('A', 2026);
    expect(brief('A', 2026)).toEqual([
      { name: 'đảng bộ xã, phường, đặc khu', months: 'cả năm', ids: ['A.X2', 'A.X1', 'A.X3'] },
      { name: 'đảng bộ trực thuộc khác', months: 'cả năm', ids: ['A.QS'] },
    ]);
    expect(groupMembers(g)).not.toContain('A.D1');
    expect(brief('B', 2026)).toEqual([]);
  });

  it('a moved unit counts under each parent for its months only', () => {
    expect(brief('A.D1', 2025)).toEqual([{ name: 'tổ chức cơ sở đảng', months: '01/2025–06/2025', ids: ['A.G1'] }]);
    expect(brief('A.X1', 2025)).toEqual([{ name: 'tổ chức cơ sở đảng', months: '07/2025–12/2025', ids: ['A.G1'] }]);
    expect(countNoun(groups('A.X1', 2026))).toBe('tổ chức cơ sở đảng');
  });
});

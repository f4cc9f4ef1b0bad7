/**
 * The pages across the 2025 reorganisation (spec, "Units that change", "What pages show"), on the hand-made data
 * set test/fixtures/reorg: province A (An Hòa) goes on; province B (Bình Sơn) ends 06/2025 and merges into A;
 * A's districts D1, D2 and B's D3 end 06/2025; A's communes X1–X3 start 07/2025; A.QS (armed forces, level
 * district) goes on; A.G1 (a school) moves from D1 to X1 in 07/2025 and is renamed.
 * Figures by hand (admissions.csv):
 *   2024: D1 120 + D2 80 + QS 10 = 210 under A; D3 60 under B → A combined 270 (parts A 210, B 60).
 *   2025: D1 70 + D2 40 (01–06) + QS 12 + X1 60 + X2 45 + X3 35 (07–12) = 262; B's D3 30 (01–06)
 *         → A combined 292, 12/12; change on 2024 +22 (22/270 = 8,148… → 8,15%).
 *   2026: X1 5+6+4 = 15, X2 3+4+5 = 12, X3 2+2+3 = 7, QS 3 → A 37 (3/12), from 4 units, none ended.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { yearWindow } from '../src/lib/periods.ts';
import { compareData, compareResult } from '../src/lib/site/compare.ts';
import { overview } from '../src/lib/site/overview.ts';
import { unitPage } from '../src/lib/site/unit.ts';
import { unitIndex } from '../src/lib/site/units-index.ts';
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

describe('pages across the reorganisation (view models)', () => {
  it("the merged province's 2025 is complete, 12/12, with its change on 2024 and its parts", () => {
    const page = unitPage(ds, unit('A'));
    const rows = page.admissions!.table.rows;
    const y2025 = rows.find((r) => r[0]!.text === '2025')!;
    // 292 with no months flag (12/12), change +22 on 2024's 270 (both combined, complete).
    expect(y2025[1]!.text).toBe('292');
    expect(y2025[1]!.flag).toBeUndefined();
    expect(y2025[4]!.text).toBe('+22');
    expect(y2025[1]!.sum).toContain('Gồm số của Đảng bộ tỉnh Bình Sơn: 30; riêng Đảng bộ tỉnh An Hòa: 262');
    const life = page.life!;
    expect(life.predecessors.map((p) => [p.name, p.until])).toEqual([['Đảng bộ tỉnh Bình Sơn', '06/2025']]);
    expect(life.combined.map((c) => `${c.window}: ${c.value}. ${c.parts}`)).toEqual([
      'Năm 2024: 270. Gồm số của Đảng bộ tỉnh Bình Sơn: 60; riêng Đảng bộ tỉnh An Hòa: 210',
      'Năm 2025: 292. Gồm số của Đảng bộ tỉnh Bình Sơn: 30; riêng Đảng bộ tỉnh An Hòa: 262',
      // Term 2020–2025: 2024 + 2025 = 24 of 60 months; B 60 + 30 = 90, A 210 + 262 = 472.
      'Nhiệm kỳ 2020–2025: 562 (24/60 tháng). Gồm số của Đảng bộ tỉnh Bình Sơn: 90; riêng Đảng bộ tỉnh An Hòa: 472',
    ]);
  });

  it('an ended province says when it ended and into whom it merged, with a link', () => {
    const life = unitPage(ds, unit('B')).life!;
    expect(life.ended).toBe('Kết thúc hoạt động từ 07/2025 (hoạt động đến hết 06/2025).');
    expect(life.successor).toEqual({ name: 'Đảng bộ tỉnh An Hòa', href: '/don-vi/an-hoa/' });
    expect(unitPage(ds, unit('A.D1')).life!.successor).toBeUndefined();
  });

  it('a moved and renamed unit shows its names and parents with dates', () => {
    const life = unitPage(ds, unit('A.G1')).life!;
    expect(life.history.map((h) => `${h.when}: ${h.name}, ${h.parent?.name}`)).toEqual([
      'đến 06/2025: Đảng bộ Trường THPT Đồng Tâm, Đảng bộ huyện Đồng Tâm',
      'từ 07/2025: Đảng bộ Trường Trung học phổ thông Đồng Tâm, Đảng bộ xã Đồng Tâm',
    ]);
    expect(unitPage(ds, unit('A.X1')).life!.founded).toBe('Thành lập từ 07/2025.');
  });

  it('the armed forces committee is never "cấp huyện"', () => {
    expect(unitPage(ds, unit('A.QS')).levelLabel).toBe('Đảng bộ trực thuộc tỉnh');
    expect(unitPage(ds, unit('A.D1')).levelLabel).toBe('Đảng bộ cấp huyện');
  });

  it("the province's children in 2026: the communes and the armed forces, no ended district", () => {
    const kids = unitPage(ds, unit('A')).children!;
    expect(kids.reported).toBe(
      'Năm 2026 có 4 đảng bộ trực thuộc: 3 đảng bộ xã, phường, đặc khu, 1 đảng bộ trực thuộc khác.',
    );
    const listed = kids.groups.flatMap((g) => g.view.table.rows.map((r) => r[1]!.text));
    // By admitted: Xã Đồng Tâm 15, Phường An Hòa 12, Xã Suối Cát 7; then Quân sự tỉnh 3.
    expect(listed).toEqual(['Xã Đồng Tâm', 'Phường An Hòa', 'Xã Suối Cát', 'Quân sự tỉnh']);
    expect(kids.groups[0]!.view.caption).toContain('3/3 đảng bộ xã, phường, đặc khu có số kết nạp năm 2026.');
  });

  it('home: the one province that goes on, the ended one apart; the 2026 ranking without ended units', () => {
    const o = overview(ds);
    expect(o.single?.unit.id).toBe('A');
    expect(o.ended).toEqual([
      {
        name: 'Đảng bộ tỉnh Bình Sơn',
        href: '/don-vi/binh-son/',
        until: '06/2025',
        successor: { name: 'Đảng bộ tỉnh An Hòa', href: '/don-vi/an-hoa/' },
        last: 'Năm 2025: 30 (6/12 tháng)',
      },
    ]);
    expect(o.rankingYear).toBe(2026);
    const ranked = o.rankings.flatMap((r) => r.view.table.rows.map((row) => row[1]!.text));
    expect(ranked).toEqual(['Xã Đồng Tâm', 'Phường An Hòa', 'Xã Suối Cát', 'Quân sự tỉnh']);
    expect(o.rankings.map((r) => r.reported)).toEqual([
      '3/3 đảng bộ xã, phường, đặc khu có số kết nạp năm 2026.',
      '1/1 đảng bộ trực thuộc khác có số kết nạp năm 2026.',
    ]);
  });

  it('compare: 2026 offers and lists only the units active in it; 2025 both worlds with their months', () => {
    const data = compareData(ds);
    const r = compareResult(data, { indicator: 'admitted', period: '2026', units: [] });
    expect(r.table.rows.map((row) => row[1]!.text)).toEqual([
      'Xã Đồng Tâm',
      'Phường An Hòa',
      'Xã Suối Cát',
      'Quân sự tỉnh',
    ]);
    expect(r.reported).toContain('4/4 đảng bộ trực thuộc có số liệu.');
    const y2025 = data.groups['2025']!.map((g) => `${g.name} ${g.months ?? ''}`.trim());
    expect(y2025).toEqual([
      'đảng bộ cấp huyện 01/2025–06/2025',
      'đảng bộ xã, phường, đặc khu 07/2025–12/2025',
      'đảng bộ trực thuộc khác',
    ]);
    // 2024: the districts and the armed forces; no commune (founded 07/2025).
    const r24 = compareResult(data, { indicator: 'admitted', period: '2024', units: [] });
    expect(r24.table.rows.map((row) => row[1]!.text)).toEqual(['Đồng Tâm', 'TP An Hòa', 'Suối Cát', 'Quân sự tỉnh']);
  });

  it('unit index: units that go on first, the ended ones apart', () => {
    const idx = unitIndex(ds);
    expect(idx.current.map((r) => r.name)).toEqual(['Đảng bộ tỉnh An Hòa']);
    expect(idx.current[0]!.children.map((k) => k.label)).toEqual([
      'Phường An Hòa',
      'Quân sự tỉnh',
      'Xã Đồng Tâm',
      'Xã Suối Cát',
    ]);
    expect(idx.current[0]!.endedChildren.map((k) => `${k.label}: ${k.ended}`)).toEqual([
      'Đồng Tâm: hoạt động đến hết 06/2025',
      'TP An Hòa: hoạt động đến hết 06/2025',
    ]);
    expect(idx.ended.map((r) => `${r.name}: ${r.ended}`)).toEqual([
      'Đảng bộ tỉnh Bình Sơn: hoạt động đến hết 06/2025, hợp nhất vào Đảng bộ tỉnh An Hòa',
    ]);
  });
});

describe('parts of a combined figure when the successor is new (sample data: Thái Nguyên founded 07/2025)', () => {
  it('names each predecessor and no "riêng" part when the successor had no figure of its own', async () => {
    const inputs = await loadInputs(path.resolve(import.meta.dirname, '../data'));
    const sample = computeDataset(inputs, { isDemo: inputs.isDemo });
    const life = unitPage(sample, sample.unitById['TN-2025']!).life!;
    // data/admissions.csv 2020: Phú Bình (under old Thái Nguyên) 31 by August; Sở Tư pháp Bắc Kạn 3.
    const y2020 = life.combined.find((c) => c.window === 'Năm 2020')!;
    expect(y2020.value).toBe('34 (8/12 tháng)');
    expect(y2020.parts).toBe('Gồm số của Đảng bộ tỉnh Bắc Kạn: 3; số của Đảng bộ tỉnh Thái Nguyên: 31');
  });
});

/**
 * childGroups: a unit's children in a window, in the groups the spec's "What pages show" names, each with its
 * months and how many reported. The province P below is built by hand; every expected count is read off it.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { parseMonth } from '../src/lib/periods.ts';
import { allChildrenNoun, childGroups, nameIn } from '../src/lib/summary/groups.ts';
import type { MonthSpan, Unit, UnitLife } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

const m = (s: string) => parseMonth(s)!;
const year = (y: number): MonthSpan => ({ from: m(`${y}-01`), to: m(`${y}-12`) });
const unitOf = (fx: Fixture, id: string): Unit => fx.units.find((x) => x.id === id)!;

/** As test/model-reorg.test.ts: [parent, from, to, name?] per life, oldest first. */
function lives(fx: Fixture, id: string, ...periods: [string, string | undefined, string | undefined, string?][]) {
  const u = unitOf(fx, id);
  u.lives = periods.map(([parentId, from, to, name]) => {
    const l: UnitLife = { parentId, name: name ?? u.name, label: name ?? u.label, origin: u.origin };
    if (from) l.from = m(from);
    if (to) l.to = m(to);
    return l;
  });
  const last = u.lives[u.lives.length - 1]!;
  u.parentId = last.parentId!;
  u.name = last.name;
  delete u.activeFrom;
  delete u.activeTo;
  if (u.lives[0]!.from !== undefined) u.activeFrom = u.lives[0]!.from;
  if (last.to !== undefined) u.activeTo = last.to;
}

/**
 * P: districts D01–D06 end 2025-06 (D06 never reports), communes C07–C12 from 2025-07 (all report 07–12), the
 * military committee Q (level district, kind armed_forces) all along. G moved from D01 to C07 in 2025-07 and was
 * renamed; it reports only 2025-01..2025-06.
 */
function province(): Fixture {
  const fx = new Fixture().unit('P', 'province', undefined, { name: 'Đảng bộ tỉnh Thử Nghiệm' });
  for (let i = 1; i <= 6; i++) {
    fx.unit(`D0${i}`, 'district', 'P', { name: `Đảng bộ huyện ${i}`, activeTo: '2025-06' });
    if (i < 6) fx.adm(`D0${i}`, '2025-01..2025-06', 10).adm(`D0${i}`, '2024', 20);
  }
  for (let i = 7; i <= 12; i++) {
    const id = `C${String(i).padStart(2, '0')}`;
    fx.unit(id, 'commune', 'P', { name: `Đảng bộ xã ${i}`, activeFrom: '2025-07' });
    fx.adm(id, '2025-07..2025-12', 3).adm(id, '2026', 7);
  }
  fx.unit('Q', 'district', 'P', { name: 'Đảng bộ Quân sự tỉnh' }).adm('Q', '2025', 4);
  unitOf(fx, 'Q').kind = 'armed_forces';
  fx.unit('G', 'grassroots', 'C07', { name: 'Đảng bộ xã Mới' });
  lives(fx, 'G', ['D01', undefined, '2025-06', 'Đảng bộ xã Cũ'], ['C07', '2025-07', undefined, 'Đảng bộ xã Mới']);
  fx.adm('G', '2025-01..2025-06', 2);
  return fx;
}

const short = (g: ReturnType<typeof childGroups>[number]) => [g.key, g.name, g.reported, g.active, g.months];

describe('childGroups', () => {
  const ds = computeDataset(province().inputs());

  it("a province's 2025: districts for 01–06, communes for 07–12, the military committee by its name", () => {
    const gs = childGroups(ds, 'P', year(2025));
    expect(gs.map(short)).toEqual([
      ['district', 'đảng bộ cấp huyện', 5, 6, 6],
      ['commune', 'đảng bộ xã, phường, đặc khu', 6, 6, 6],
      ['other', 'Đảng bộ Quân sự tỉnh', 1, 1, 12],
    ]);
    expect(gs[0]!.spans).toEqual([{ from: m('2025-01'), to: m('2025-06') }]);
    expect(gs[1]!.spans).toEqual([{ from: m('2025-07'), to: m('2025-12') }]);
    expect(gs[0]!.units).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06']);
    expect(gs[2]!.named).toBe(true);
    // Three groups: a sentence counting them all says "đảng bộ trực thuộc", never "cấp huyện".
    expect(allChildrenNoun(gs)).toBe('đảng bộ trực thuộc');
  });

  it('one world only before and after the reorganisation', () => {
    // 2024: D01–D05 report the year (D06 not), Q has no 2024 row.
    expect(childGroups(ds, 'P', year(2024)).map(short)).toEqual([
      ['district', 'đảng bộ cấp huyện', 5, 6, 12],
      ['other', 'Đảng bộ Quân sự tỉnh', 0, 1, 12],
    ]);
    expect(childGroups(ds, 'P', year(2026)).map(short)).toEqual([
      ['commune', 'đảng bộ xã, phường, đặc khu', 6, 6, 12],
      ['other', 'Đảng bộ Quân sự tỉnh', 0, 1, 12],
    ]);
    expect(allChildrenNoun(childGroups(ds, 'C07', year(2026)))).toBe('tổ chức cơ sở đảng');
  });

  it('a moved child reports where its months were, under the name of its life then', () => {
    // G reported 2025-01..06 only: under D01 (its first life) it reported, under C07 it did not.
    expect(childGroups(ds, 'D01', year(2025)).map(short)).toEqual([['grassroots', 'tổ chức cơ sở đảng', 1, 1, 6]]);
    expect(childGroups(ds, 'C07', year(2025)).map(short)).toEqual([['grassroots', 'tổ chức cơ sở đảng', 0, 1, 6]]);
    const g = ds.unitById.G!;
    expect(nameIn(g, year(2024))).toBe('Đảng bộ xã Cũ');
    expect(nameIn(g, year(2026))).toBe('Đảng bộ xã Mới');
    // Both lives in 2025: the later one.
    expect(nameIn(g, year(2025))).toBe('Đảng bộ xã Mới');
  });

  it('several other committees are "đảng bộ trực thuộc khác"; a term counts every month', () => {
    const fx = province();
    fx.unit('CA', 'district', 'P', { name: 'Đảng bộ Công an tỉnh' });
    unitOf(fx, 'CA').kind = 'armed_forces';
    const d = computeDataset(fx.inputs());
    const term = { from: m('2021-01'), to: m('2025-12') };
    const gs = childGroups(d, 'P', term);
    // Districts 2021-01..2025-06 = 54 months; communes 2025-07..12 = 6; Q and CA the whole 60.
    expect(gs.map(short)).toEqual([
      ['district', 'đảng bộ cấp huyện', 5, 6, 54],
      ['commune', 'đảng bộ xã, phường, đặc khu', 6, 6, 6],
      ['other', 'đảng bộ trực thuộc khác', 1, 2, 60],
    ]);
    expect(gs[2]!.named).toBe(false);
  });

  it('a unit without children has no groups', () => {
    expect(childGroups(ds, 'Q', year(2025))).toEqual([]);
  });
});

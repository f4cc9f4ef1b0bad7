/**
 * The words of the 2025 reorganisation in summaries (issue "Units that change", §4): the groups each figure is
 * summed from, with their months; merged units included in a successor's figure; a unit founded in 07/2025
 * whose 2025 is partial and compared with nothing; names as they were in the window. The data sets are built by
 * hand; every figure expected is added up in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { parseMonth } from '../src/lib/periods.ts';
import { summarize } from '../src/lib/summary/index.ts';
import type { Dataset, Unit, UnitLife } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';
import { checkAgainstIndicators, plain, publishedSummaries, repeatedOpenings } from './helpers/summary.ts';

const m = (s: string) => parseMonth(s)!;
const unitOf = (fx: Fixture, id: string): Unit => fx.units.find((x) => x.id === id)!;
const text = (ds: Dataset, unitId: string, windowId: string): string => {
  const s = summarize(ds, unitId, windowId);
  expect(s, `${unitId} ${windowId}`).toBeDefined();
  return plain(s!.text);
};

/** As test/model-reorg.test.ts: [parent, from, to, name] per life, oldest first. */
function lives(fx: Fixture, id: string, ...periods: [string, string | undefined, string | undefined, string][]) {
  const u = unitOf(fx, id);
  u.lives = periods.map(([parentId, from, to, name]) => {
    const l: UnitLife = { parentId, name, label: name, origin: u.origin };
    if (from) l.from = m(from);
    if (to) l.to = m(to);
    return l;
  });
  const last = u.lives[u.lives.length - 1]!;
  Object.assign(u, { parentId: last.parentId, name: last.name, label: last.label });
  delete u.activeFrom;
  delete u.activeTo;
  if (u.lives[0]!.from !== undefined) u.activeFrom = u.lives[0]!.from;
  if (last.to !== undefined) u.activeTo = last.to;
}

/**
 * Province P: districts D01–D06 end 2025-06 (10 each in 2024, 4 each in 2025-01..06), communes C07–C12 from
 * 2025-07 (3 each in 2025-07..12, 8 each in 2026); optionally the military committee Q (2 a year).
 */
function province(opts: { military?: boolean; d06Silent?: boolean } = {}): Dataset {
  const fx = new Fixture().unit('P', 'province', undefined, { name: 'Đảng bộ tỉnh Thử Nghiệm' });
  const place = ['', 'An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lâm', 'Minh', 'Nam', 'Phong', 'Quang'];
  for (let i = 1; i <= 6; i++) {
    const id = `D0${i}`;
    fx.unit(id, 'district', 'P', { name: `Đảng bộ huyện ${place[i]}`, activeTo: '2025-06' }).adm(id, '2024', 10);
    if (!(opts.d06Silent && i === 6)) fx.adm(id, '2025-01..2025-06', 4);
  }
  for (let i = 7; i <= 12; i++) {
    const id = `C${String(i).padStart(2, '0')}`;
    fx.unit(id, 'commune', 'P', { name: `Đảng bộ xã ${place[i]}`, activeFrom: '2025-07' });
    fx.adm(id, '2025-07..2025-12', 3).adm(id, '2026', 8);
  }
  if (opts.military) {
    fx.unit('Q', 'district', 'P', { name: 'Đảng bộ Quân sự tỉnh' });
    unitOf(fx, 'Q').kind = 'armed_forces';
    fx.adm('Q', '2024', 2).adm('Q', '2025', 2).adm('Q', '2026', 2);
  }
  return computeDataset(fx.inputs());
}

describe("a province's 2025: districts until 06, communes from 07", () => {
  it('names both worlds, each with its months, and compares the whole year with 2024', () => {
    const ds = province();
    const t = text(ds, 'P', '2025');
    // 6 × 4 + 6 × 3 = 42, every month covered (districts 01–06, communes 07–12), 12 of 12 children reported.
    expect(t).toContain(
      'Trong năm 2025, Đảng bộ tỉnh Thử Nghiệm kết nạp được 42 đảng viên mới (tổng hợp từ số liệu tháng 1–6 của ' +
        '6/6 đảng bộ cấp huyện và tháng 7–12 của 6/6 đảng bộ xã, phường, đặc khu).',
    );
    // 2024: 6 × 10 = 60, complete; 42 − 60 = −18, 18 / 60 = 30%.
    expect(t).toContain('So với năm 2024 (60 đảng viên), số đảng viên kết nạp giảm 18 đồng chí (giảm 30,00%).');
    expect(text(ds, 'P', '2024')).toContain('(tổng hợp từ 6/6 đảng bộ cấp huyện báo cáo)');
    // 2026: 6 × 8 = 48, communes only.
    expect(text(ds, 'P', '2026')).toContain(
      'kết nạp được 48 đảng viên mới (tổng hợp từ 6/6 đảng bộ xã, phường, đặc khu báo cáo)',
    );
    checkAgainstIndicators(ds, publishedSummaries(ds));
  });

  it('calls the military committee by its name, never "cấp huyện"', () => {
    const ds = province({ military: true });
    const t = text(ds, 'P', '2025');
    // 42 + Q's 2 = 44.
    expect(t).toContain(
      'kết nạp được 44 đảng viên mới (tổng hợp từ số liệu tháng 1–6 của 6/6 đảng bộ cấp huyện; tháng 7–12 của 6/6 ' +
        'đảng bộ xã, phường, đặc khu; cả năm của Đảng bộ Quân sự tỉnh)',
    );
    // 2024: 60 + 2 = 62, Q with the districts but not counted among them.
    expect(text(ds, 'P', '2024')).toContain(
      'kết nạp được 62 đảng viên mới (tổng hợp từ 6/6 đảng bộ cấp huyện và Đảng bộ Quân sự tỉnh báo cáo)',
    );
    expect(text(ds, 'P', '2024')).not.toContain('7/7');
    checkAgainstIndicators(ds, publishedSummaries(ds));
  });

  it('a district that did not report leaves the year incomplete: said, and not compared', () => {
    const ds = province({ d06Silent: true });
    const t = text(ds, 'P', '2025');
    // 5 × 4 + 6 × 3 = 38; D06 was there in 01–06 without a figure: 11 of 12 reported.
    expect(t).toContain('kết nạp được 38 đảng viên mới (tổng hợp từ số liệu tháng 1–6 của 5/6 đảng bộ cấp huyện và');
    expect(t).not.toMatch(/So với năm 2024/);
  });
});

/**
 * Merges as in test/model-reorg.test.ts: A (Thái Nguyên) goes on, B (Bắc Kạn) ends 2025-06 into A; A.D and B.D
 * end 2025-06, A.C starts 2025-07. And a successor founded 07/2025, N, from X (of N's own name) and Y.
 */
function merged(): Dataset {
  const fx = new Fixture()
    .unit('A', 'province', undefined, { name: 'Đảng bộ tỉnh Thái Nguyên' })
    .unit('B', 'province', undefined, { name: 'Đảng bộ tỉnh Bắc Kạn', activeTo: '2025-06' })
    .unit('A.D', 'district', 'A', { name: 'Đảng bộ huyện Phú Bình', activeTo: '2025-06' })
    .unit('B.D', 'district', 'B', { name: 'Đảng bộ huyện Ba Bể', activeTo: '2025-06' })
    .unit('A.C', 'commune', 'A', { name: 'Đảng bộ xã Phú Bình', activeFrom: '2025-07' })
    .unit('N', 'province', undefined, { name: 'Đảng bộ tỉnh Phú Thọ', activeFrom: '2025-07' })
    .unit('X', 'province', undefined, { name: 'Đảng bộ tỉnh Phú Thọ', activeTo: '2025-06' })
    .unit('Y', 'province', undefined, { name: 'Đảng bộ tỉnh Hòa Bình', activeTo: '2025-06' });
  unitOf(fx, 'B').successorId = 'A';
  unitOf(fx, 'X').successorId = 'N';
  unitOf(fx, 'Y').successorId = 'N';
  fx.adm('A.D', '2024', 25).adm('A.D', '2025-01..2025-06', 30);
  fx.adm('A.C', '2025-07..2025-12', 20).adm('A.C', '2026', 33);
  fx.adm('B.D', '2024', 15).adm('B.D', '2025-01..2025-06', 8);
  fx.adm('X', '2024', 12);
  return computeDataset(fx.inputs());
}

describe('merged units', () => {
  const ds = merged();

  it("a successor's year before the merge includes its predecessor, and says so", () => {
    // A 2024: its district's 25 + B's 15 = 40.
    expect(text(ds, 'A', '2024')).toContain(
      'Trong năm 2024, Đảng bộ tỉnh Thái Nguyên kết nạp được 40 đảng viên mới (tổng hợp từ 1/1 đảng bộ cấp huyện ' +
        'báo cáo; gồm số liệu của Đảng bộ tỉnh Bắc Kạn trước khi hợp nhất).',
    );
  });

  it('the year of the merge: both worlds and the predecessor', () => {
    // A 2025: A.D 30 (01–06) + A.C 20 (07–12) + B 8 (01–06) = 58; 2024 was 40, +18 = 45%.
    const t = text(ds, 'A', '2025');
    expect(t).toContain(
      'kết nạp được 58 đảng viên mới (tổng hợp từ số liệu tháng 1–6 của 1/1 đảng bộ cấp huyện và tháng 7–12 của ' +
        '1/1 đảng bộ xã, phường, đặc khu; gồm số liệu của Đảng bộ tỉnh Bắc Kạn trước khi hợp nhất)',
    );
    expect(t).toContain('So với năm 2024 (40 đảng viên), số đảng viên kết nạp tăng 18 đồng chí (tăng 45,00%).');
    // 2026: no predecessor active, A.C's 33 alone.
    const u = text(ds, 'A', '2026');
    expect(u).toContain('kết nạp được 33 đảng viên mới (tổng hợp từ 1/1 đảng bộ xã, phường, đặc khu báo cáo)');
    expect(u).not.toMatch(/hợp nhất/);
  });

  it("the predecessor's own 2025 is six months, compared with nothing", () => {
    const t = text(ds, 'B', '2025');
    expect(t).toContain('Trong 6 tháng đầu năm 2025 (tính đến hết tháng 6/2025), Đảng bộ tỉnh Bắc Kạn kết nạp được 8');
    expect(t).not.toMatch(/So với/);
  });

  it('a founded successor names a predecessor of its own name as the old one, and the one without figures', () => {
    // N 2024: X's 12 only; Y was active without a figure.
    expect(text(ds, 'N', '2024')).toContain(
      'Đảng bộ tỉnh Phú Thọ kết nạp được 12 đảng viên mới (gồm số liệu của Đảng bộ tỉnh Phú Thọ cũ trước khi hợp ' +
        'nhất; chưa có số liệu của Đảng bộ tỉnh Hòa Bình).',
    );
  });

  it('every figure is the published one, and no two sentences open alike', () => {
    const all = publishedSummaries(ds);
    checkAgainstIndicators(ds, all);
    expect(repeatedOpenings(all)).toEqual([]);
  });
});

/**
 * Đảng bộ huyện Phú Bình (H) ends 2025-06; Đảng bộ xã Phú Bình (C) is founded 2025-07 (11 in 2025-07..12, 20 in
 * 2026). G was "Đảng bộ xã Cũ" under H, then "Đảng bộ xã Mới" under C (5 in 2024, 6 in 2026).
 */
function founded(): Dataset {
  const fx = new Fixture()
    .unit('T', 'province', undefined, { name: 'Đảng bộ tỉnh Thái Nguyên' })
    .unit('H', 'district', 'T', { name: 'Đảng bộ huyện Phú Bình', activeTo: '2025-06' })
    .unit('C', 'commune', 'T', { name: 'Đảng bộ xã Phú Bình', activeFrom: '2025-07' })
    .unit('G', 'grassroots', 'C', { name: 'Đảng bộ xã Mới' });
  lives(fx, 'G', ['H', undefined, '2025-06', 'Đảng bộ xã Cũ'], ['C', '2025-07', undefined, 'Đảng bộ xã Mới']);
  fx.adm('H', '2024', 30).adm('C', '2025-07..2025-12', 11).adm('C', '2026', 20);
  fx.adm('G', '2024', 5).adm('G', '2026', 6);
  return computeDataset(fx.inputs());
}

describe('a commune founded 07/2025', () => {
  const ds = founded();

  it('says its 2025 from its founding, never as a whole year, and compares it with nothing', () => {
    const t = text(ds, 'C', '2025');
    expect(t).toBe(
      'Từ khi thành lập (tháng 7/2025) đến hết năm 2025, Đảng bộ xã Phú Bình kết nạp được 11 đảng viên mới.',
    );
    expect(summarize(ds, 'C', '2025')!.complete).toBe(false);
    // 2026 is whole, but 2025 was 6/12: no change on it.
    const u = text(ds, 'C', '2026');
    expect(u).toContain('Trong năm 2026, Đảng bộ xã Phú Bình kết nạp được 20 đảng viên mới.');
    expect(u).not.toMatch(/So với|năm 2025/);
  });

  it('calls a renamed unit by the name it had in the window', () => {
    expect(text(ds, 'G', '2024')).toContain('Trong năm 2024, Đảng bộ xã Cũ kết nạp được 5 đảng viên mới.');
    expect(text(ds, 'G', '2026')).toContain('Trong năm 2026, Đảng bộ xã Mới kết nạp được 6 đảng viên mới.');
    expect(text(ds, 'G', '2024')).not.toContain('Mới');
  });

  it('every figure is the published one', () => checkAgainstIndicators(ds, publishedSummaries(ds)));
});

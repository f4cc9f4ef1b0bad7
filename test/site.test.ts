import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadInputs } from '../src/lib/load.ts';
import { computeDataset } from '../src/lib/model/index.ts';
import { compareData, compareResult } from '../src/lib/site/compare.ts';
import { href } from '../src/lib/view/href.ts';
import { overview } from '../src/lib/site/overview.ts';
import { prepare, search, searchIndex } from '../src/lib/site/search.ts';
import { siteIndex } from '../src/lib/site/site.ts';
import { termPage } from '../src/lib/site/term.ts';
import { unitPage } from '../src/lib/site/unit.ts';
import type { Dataset } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';
import type { ChartView } from '../src/lib/view/shapes.ts';

let ds: Dataset;
beforeAll(async () => {
  const inputs = await loadInputs(path.resolve(import.meta.dirname, '../data'));
  ds = computeDataset(inputs, { isDemo: inputs.isDemo });
});

const unit = (id: string) => ds.unitById[id]!;
const card = (id: string, key: string) => unitPage(ds, unit(id)).cards.find((c) => c.key.endsWith(key))!;

describe('unit page view model (sample data from the seed articles)', () => {
  it('Phú Bình 2020: 31 by August, 12,25% of 253 against a 66,67% pace: behind', () => {
    const a = card('TN.PB', 'admitted');
    expect(a.label).toBe('Kết nạp năm 2020');
    expect(a.value).toBe('31');
    expect(a.flag).toBe('8/12 tháng');
    const t = card('TN.PB', 'target');
    expect(t.value).toBe('12,25%');
    expect(t.status).toBe('behind');
    const p = unitPage(ds, unit('TN.PB')).pace!;
    expect(p.sentence).toContain('66,67%');
    expect(p.sentence).toContain('chậm tiến độ');
    expect(card('TN.PB', 'members').value).toBe('7.335');
  });

  it('Bình Liêu: 62,35% against 58,33%, ahead; 2019 composition rounded half up', () => {
    const t = card('QN.BL', 'target');
    expect(t.value).toBe('62,35%');
    expect(t.status).toBe('ahead');
    const comp = unitPage(ds, unit('QN.BL')).composition!;
    const row2019 = comp.table.rows.find((r) => r[0]!.text === '2019')!;
    expect(row2019.map((c) => c.text)).toEqual(['2019', '109', '62,39%', '48,62%', '89,91%', '58,72%']);
  });

  it('never shows 0 for an unknown figure', () => {
    const mn = unitPage(ds, unit('DB.MN'));
    expect(mn.cards.find((c) => c.key.endsWith('admitted'))!.value).toBe('—');
    expect(mn.admissions).toBeUndefined();
    for (const c of mn.cards) expect(c.value).not.toBe('0');
  });

  it('flags partial figures in tables and marks summed ones', () => {
    const bl = unitPage(ds, unit('QN.BL')).admissions!;
    const r2020 = bl.table.rows.find((r) => r[0]!.text === '2020')!;
    expect(r2020[1]!.flag).toBe('7/12 tháng');
    const qn = unitPage(ds, unit('QN')).admissions!;
    expect(qn.table.rows.some((r) => r[1]!.sum)).toBe(true);
  });

  it('lists the sources behind a unit’s figures, including its children’s', () => {
    const s = unitPage(ds, unit('QN')).sources;
    expect(s.length).toBe(1);
    expect(s[0]!.text).toContain('Bình Liêu');
    expect(s[0]!.uses).toContain('đơn vị trực thuộc');
    const own = unitPage(ds, unit('QN.BL')).sources[0]!;
    expect(own.uses).toMatch(/kết nạp 2019/);
  });

  it('gives every chart a CSV whose rows match its columns', () => {
    for (const u of ds.units) {
      const p = unitPage(ds, u);
      const kids = p.children?.groups.map((g) => g.view) ?? [];
      const views = [p.admissions, p.composition, p.members, p.training, p.villages, p.terms, ...kids].filter(
        (v): v is ChartView => !!v,
      );
      expect(new Set(views.map((v) => v.key)).size).toBe(views.length);
      for (const v of views) for (const r of v.csv.rows) expect(r.length).toBe(v.csv.columns.length);
    }
  });
});

describe('site-wide view models', () => {
  it('memoises the lookups per dataset', () => {
    expect(siteIndex(ds)).toBe(siteIndex(ds));
    expect(siteIndex(ds).unitBySlug.get('phu-binh')?.id).toBe('TN.PB');
    // Another dataset gets its own lookups, not the first one's; and the first keeps its own.
    const other = computeDataset(new Fixture().unit('X', 'district', undefined, { label: 'Huyện X' }).inputs());
    const index = siteIndex(other);
    expect(index.ds).toBe(other);
    expect(index.unitBySlug.get('phu-binh')).toBeUndefined();
    expect(index.unitBySlug.get('x')?.id).toBe('X');
    expect(index.byLevel.district.map((u) => u.id)).toEqual(['X']);
    expect(siteIndex(ds).unitBySlug.get('x')).toBeUndefined();
    expect(siteIndex(ds).unitBySlug.get('phu-binh')?.id).toBe('TN.PB');
  });

  it('home: one card per province when there are several, districts ranked', () => {
    const o = overview(ds);
    expect(o.single).toBeUndefined();
    // data/units.csv has 9 provinces: QN, DB, TN-2025 and PT-2025 go on; VP, BK, TN, PT and HB ended in 06/2025
    // (merged into TN-2025 and PT-2025). The contract lists the units that go on first and the ended ones apart
    // ("Units that change", "What pages show"): one card per province that goes on, the five ended in a list.
    expect(o.roots.map((r) => r.unit.id)).toEqual(['DB', 'PT-2025', 'QN', 'TN-2025']);
    expect(o.ended.map((e) => e.name)).toHaveLength(5);
    expect(o.ended.find((e) => e.href.endsWith('/bac-kan/'))?.successor?.name).toBe('Đảng bộ tỉnh Thái Nguyên');
    expect(o.rankingYear).toBe(2020);
    // 2020: the three districts were all active, one group ("đảng bộ cấp huyện").
    expect(o.rankings).toHaveLength(1);
    expect(o.rankings[0]!.view.table.rows[0]![1]!.text).toBe('Bình Liêu');
    expect(o.rankings[0]!.reported).toBe('2/3 đảng bộ cấp huyện có số kết nạp năm 2020.');
  });

  it('term page compares the districts over the term', () => {
    const t = termPage(ds, ds.terms.find((x) => x.id === '2015-2020')!);
    expect(t.view!.table.rows.length).toBe(3);
  });

  it('compare: default is admitted in the latest year, partial values flagged', () => {
    const data = compareData(ds);
    expect(data.defaults).toEqual({ indicator: 'admitted', period: '2020', units: [] });
    const r = compareResult(data, { ...data.defaults, units: [] });
    expect(r.table.rows[0]!.map((c) => c.text)).toEqual(['1', 'Bình Liêu', 'Quảng Ninh', '53']);
    expect(r.table.rows[0]![3]!.flag).toBe('7/12 tháng');
    expect(r.table.rows[2]![3]!.text).toBe('—');
    expect(r.svg).toContain('role="img"');
  });

  it('search finds a unit typed without diacritics', () => {
    const idx = prepare(searchIndex(ds.units));
    expect(search(idx, 'phu binh')[0]!.entry[0]).toBe('Phú Bình');
    expect(search(idx, 'MUONG nhe')[0]!.entry[3]).toBe('muong-nhe');
    expect(search(idx, 'muong nhe')[0]!.parent).toBe('Điện Biên');
    expect(search(idx, 'so tu phap')[0]!.entry[0]).toBe('Sở Tư pháp Bắc Kạn');
    expect(search(idx, 'xyz')).toEqual([]);
  });

  it('builds every internal link under the base path', () => {
    expect(href('don-vi/phu-binh/')).toBe('/don-vi/phu-binh/');
    vi.stubEnv('BASE_URL', '/thong-ke/');
    expect(href('don-vi/phu-binh/')).toBe('/thong-ke/don-vi/phu-binh/');
    expect(href('')).toBe('/thong-ke/');
    vi.stubEnv('BASE_URL', '/thong-ke');
    expect(href('/so-sanh/')).toBe('/thong-ke/so-sanh/');
    vi.unstubAllEnvs();
  });
});

/**
 * Summaries on hand-built data for the cases the five articles lack: summed parents, ranges not
 * starting in January, terms with a target, a known zero, units without figures. Expected wording is
 * typed here, not produced by the code.
 */
import { describe, expect, it } from 'vitest';
import { computeDataset } from '../src/lib/model/index.ts';
import { summarize, shortSubject } from '../src/lib/summary/index.ts';
import type { Dataset } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';
import { checkAgainstIndicators, plain, publishedSummaries } from './helpers/summary.ts';

const text = (ds: Dataset, unitId: string, windowId: string): string => {
  const s = summarize(ds, unitId, windowId);
  expect(s, `${unitId} ${windowId}`).toBeDefined();
  return plain(s!.text);
};

describe('partial years', () => {
  const ds = computeDataset(
    new Fixture()
      .unit('H', 'district', undefined, { name: 'Đảng bộ huyện Thử Nghiệm' })
      .adm('H', '2020-03..2020-08', 12)
      .adm('H', '2021-01', 2)
      .target('H', '2020', 40)
      .inputs(),
  );

  it('says the month range when the rows do not start in January', () => {
    const t = text(ds, 'H', '2020');
    expect(t).toContain('Từ tháng 3 đến hết tháng 8/2020, Đảng bộ huyện mới kết nạp được 12 đảng viên');
    expect(t).toContain('đạt 30,00% so với chỉ tiêu');
    // 6 of 12 months: pace 50%; 30% is behind.
    expect(t).toContain('thấp hơn mức tiến độ dự kiến là 50,00% sau 6 tháng');
    expect(t).not.toMatch(/tháng đầu năm/);
    expect(t).not.toMatch(/trong năm 2020/i);
  });

  it('says a single month as such', () => {
    const t = text(ds, 'H', '2021');
    expect(t).toContain('Trong tháng 1/2021, Đảng bộ huyện Thử Nghiệm kết nạp được 2 đảng viên mới.');
  });
});

describe('summed figures', () => {
  const ds = computeDataset(
    new Fixture()
      .unit('T', 'province', undefined, { name: 'Đảng bộ tỉnh Thử Nghiệm' })
      .unit('T.A', 'district', 'T', { name: 'Đảng bộ huyện A' })
      .unit('T.A.1', 'grassroots', 'T.A', { name: 'Đảng bộ xã Một' })
      .unit('T.A.2', 'grassroots', 'T.A', { name: 'Đảng bộ xã Hai' })
      .unit('T.A.3', 'grassroots', 'T.A', { name: 'Đảng bộ xã Ba' })
      .unit('T.A.3.a', 'branch', 'T.A.3', { name: 'Chi bộ thôn Đông' })
      .unit('T.A.3.b', 'branch', 'T.A.3', { name: 'Chi bộ thôn Tây' })
      .unit('T.B', 'district', 'T', { name: 'Đảng bộ huyện B' })
      .unit('T.C', 'district', 'T', { name: 'Đảng bộ huyện C' })
      .adm('T.A.1', '2020', 10, { youth: 6 })
      .adm('T.A.2', '2020', 5, { youth: 3 })
      .adm('T.A.3.a', '2020', 4)
      .adm('T.A.3.b', '2020', 3)
      .adm('T.B', '2020-01..2020-07', 20)
      .adm('T.C', '2020-01..2020-12', 30)
      .adm('T.A.1', '2021-01..2021-06', 8)
      .adm('T.A.2', '2021-01..2021-06', 2)
      .inputs(),
  );

  it('a district summed from 3 of its grassroots committees', () => {
    const t = text(ds, 'T.A', '2020');
    // 10 + 5 + (4 + 3 from the branches of xã Ba) = 22, all three communes reported.
    expect(t).toContain(
      'Trong năm 2020, Đảng bộ huyện A kết nạp được 22 đảng viên mới (tổng hợp từ 3/3 tổ chức cơ sở đảng báo cáo).',
    );
    // xã Ba has no youth figure: no youth share for the district.
    expect(t).not.toMatch(/trẻ/);
  });

  it('a grassroots committee summed from its branches says chi bộ', () => {
    expect(text(ds, 'T.A.3', '2020')).toContain('kết nạp được 7 đảng viên mới (tổng hợp từ 2/2 chi bộ báo cáo)');
  });

  it('two communes with the same six months give the month range', () => {
    const t = text(ds, 'T.A', '2021');
    expect(t).toContain(
      'Trong 6 tháng đầu năm 2021 (tính đến hết tháng 6/2021), Đảng bộ huyện A kết nạp được 10 đảng viên mới (tổng hợp từ 2/3 tổ chức cơ sở đảng báo cáo).',
    );
  });

  it('a province whose districts cover different months says only how many months are complete', () => {
    const t = text(ds, 'T', '2020');
    // 22 + 20 + 30 = 72; the weakest part covers 7 months, the others 12: 72 is not the figure of 7 months,
    // so it is "what has been reported, complete for 7/12 months", and no pace "after 7 months" is said.
    expect(t).toContain(
      'Theo số liệu đã có của năm 2020 (đủ 7/12 tháng), Đảng bộ tỉnh Thử Nghiệm kết nạp được 72 đảng viên mới ' +
        '(tổng hợp từ 3/3 đảng bộ cấp huyện báo cáo).',
    );
    expect(t).not.toMatch(/trong năm 2020/i);
    expect(t).not.toMatch(/tiến độ|sau 7 tháng/);
  });

  it('every figure matches indicators.csv', () => checkAgainstIndicators(ds, publishedSummaries(ds)));
});

describe('terms', () => {
  const ds = computeDataset(
    new Fixture()
      .unit('X', 'grassroots', undefined, { name: 'Đảng bộ xã Thử Nghiệm' })
      .unit('Y', 'grassroots', undefined, { name: 'Đảng bộ phường Mẫu' })
      .adm('X', '2010-2015', 40)
      .adm('X', '2015-2020', 50)
      .adm('Y', '2016', 4)
      .adm('Y', '2017', 6)
      .adm('Y', '2018', 5)
      .adm('Y', '2019', 5)
      .target('X', '2015-2020', 45)
      .train('X', '2015-2020', { classes: 10, trainees: 150 })
      .member('X', '2016-01-01', { members: 300, villagesWithoutMembers: 4 })
      .member('X', '2020-12-31', { members: 340, villagesWithoutMembers: 1 })
      .inputs(),
  );

  it('a complete term: total, target, average, change on the previous term, training, villages', () => {
    const t = text(ds, 'X', '2015-2020');
    // The target's sentence says the term; the admitted one goes on ("Kết quả, …") rather than say it again.
    expect(t).toContain(
      'Nhiệm kỳ 2015–2020, Đảng bộ xã Thử Nghiệm được giao chỉ tiêu kết nạp 45 đảng viên. Kết quả, Đảng bộ xã ' +
        'kết nạp được 50 đảng viên mới, đạt 111,11% so với chỉ tiêu được giao, vượt chỉ tiêu, bình quân 10 đảng ' +
        'viên mỗi năm.',
    );
    expect(t.match(/nhiệm kỳ 2015–2020/gi)).toHaveLength(1);
    expect(t).toContain(
      'So với nhiệm kỳ 2010–2015 (40 đảng viên), số đảng viên kết nạp tăng 10 đồng chí (tăng 25,00%).',
    );
    expect(t).toContain('mở được 10 lớp bồi dưỡng nhận thức về Đảng với 150 học viên');
    expect(t).toContain('Bình quân có 3 học viên được bồi dưỡng cho mỗi đảng viên được kết nạp.');
    expect(t).toContain(
      'Từ ngày 01/01/2016 đến ngày 31/12/2020, số thôn, bản chưa có đảng viên giảm được 3 (từ 4 xuống 1).',
    );
    // No pace for a term.
    expect(t).not.toMatch(/tiến độ/);
  });

  it('a term with four years of data says so', () => {
    const t = text(ds, 'Y', '2015-2020');
    expect(t).toContain(
      'Trong 4 năm đầu nhiệm kỳ 2015–2020 (số liệu 48/60 tháng), Đảng bộ phường Mẫu kết nạp được 20 đảng viên mới.',
    );
    // No average per year for an incomplete term.
    expect(t).not.toMatch(/bình quân/);
  });

  it('every figure matches indicators.csv', () => checkAgainstIndicators(ds, publishedSummaries(ds)));
});

describe('rate, composition and zero', () => {
  const ds = computeDataset(
    new Fixture()
      .unit('Z', 'grassroots', undefined, { name: 'Đảng bộ xã Mẫu' })
      .adm('Z', '2019', 100, { youth: 40, college: 25 })
      .adm('Z', '2020', 0)
      .member('Z', '2019-01-01', { members: 2000 })
      .target('Z', '2020', 5)
      .inputs(),
  );

  it('states the admission rate on members at the start of the year, and only the known shares', () => {
    const t = text(ds, 'Z', '2019');
    expect(t).toContain(
      'Số đảng viên kết nạp trong năm đạt 5,00% so với tổng số đảng viên đầu năm (2.000 đảng viên, ngày 01/01/2019).',
    );
    expect(t).toContain('đảng viên trẻ từ 18 đến 30 tuổi chiếm 40,00% (40 đồng chí)');
    expect(t).toContain('cao đẳng trở lên chiếm 25,00% (25 đồng chí)');
    expect(t).not.toMatch(/nữ|dân tộc/);
  });

  it('a known zero is said in words, and its shares are not invented', () => {
    const t = text(ds, 'Z', '2020');
    expect(t).toContain(
      'Năm 2020, Đảng bộ xã Mẫu được giao chỉ tiêu kết nạp 5 đảng viên. Kết quả, Đảng bộ xã không kết nạp được ' +
        'đảng viên mới nào, đạt 0,00% so với chỉ tiêu được giao.',
    );
    expect(t).toContain('So với năm 2019 (100 đảng viên), số đảng viên kết nạp giảm 100 đồng chí (giảm 100,00%).');
    expect(t).not.toMatch(/chiếm/);
  });

  it('every figure matches indicators.csv', () => checkAgainstIndicators(ds, publishedSummaries(ds)));
});

describe('zeros in words', () => {
  it('a share or a count of villages that is zero is said in words, never "0,00% (0 đồng chí)"', () => {
    const ds = computeDataset(
      new Fixture()
        .unit('K', 'grassroots', undefined, { name: 'Đảng bộ phường Kiểm Tra' })
        .adm('K', '2024', 8, { youth: 4, ethnicMinority: 0 })
        .member('K', '2024-12-31', { members: 500, villages: 6, villagesWithoutMembers: 0 })
        .inputs(),
    );
    const t = text(ds, 'K', '2024');
    // 4 of 8 = 50%; none of the 8 is of an ethnic minority.
    expect(t).toContain(
      'Trong số đảng viên mới kết nạp, đảng viên trẻ từ 18 đến 30 tuổi chiếm 50,00% (4 đồng chí); không có đảng ' +
        'viên là người dân tộc thiểu số.',
    );
    expect(t).toContain('Trên địa bàn có 6 thôn, bản, trong đó không còn thôn, bản nào chưa có đảng viên.');
    expect(t).not.toMatch(/(^|[^\d,.])0([^\d,]|$)/);
    checkAgainstIndicators(ds, publishedSummaries(ds));
  });
});

describe('no figures, no summary', () => {
  const ds = computeDataset(
    new Fixture()
      .unit('P', 'province', undefined, { name: 'Đảng bộ tỉnh Trống' })
      .unit('P.1', 'district', 'P', { name: 'Đảng bộ huyện Trống' })
      .unit('Q', 'province', undefined, { name: 'Đảng bộ tỉnh Có' })
      .adm('Q', '2020', 3)
      .inputs(),
  );

  it('a province whose districts have no figures gets no summary at all', () => {
    expect(summarize(ds, 'P', '2020')).toBeUndefined();
    expect(summarize(ds, 'P.1', '2020')).toBeUndefined();
    expect(publishedSummaries(ds).filter((r) => r.unit_id === 'P' || r.unit_id === 'P.1')).toEqual([]);
  });

  it('an unknown unit or window gets no summary', () => {
    expect(summarize(ds, 'NOPE', '2020')).toBeUndefined();
    expect(summarize(ds, 'Q', '1999')).toBeUndefined();
  });

  it('a window with only a snapshot without counts says nothing rather than an empty sentence', () => {
    const ds2 = computeDataset(
      new Fixture().unit('R', 'grassroots', undefined, { name: 'Đảng bộ xã R' }).member('R', '2020-05-01', {}).inputs(),
    );
    const all = publishedSummaries(ds2);
    expect(all).toEqual([]);
  });
});

describe('short subject', () => {
  it('keeps the kind of committee', () => {
    expect(shortSubject('Đảng bộ huyện Phú Bình')).toBe('Đảng bộ huyện');
    expect(shortSubject('Đảng bộ thị trấn Tứ Trưng')).toBe('Đảng bộ thị trấn');
    expect(shortSubject('Đảng bộ thành phố Thái Nguyên')).toBe('Đảng bộ thành phố');
    expect(shortSubject('Đảng bộ Sở Tư pháp tỉnh Bắc Kạn')).toBe('Đảng bộ');
    expect(shortSubject('Chi bộ thôn Đông')).toBe('Chi bộ thôn');
    expect(shortSubject('Huyện ủy Phú Bình')).toBe('Huyện ủy Phú Bình');
  });
});

/**
 * Summaries of the sample data (data/*.csv, built from the five seed articles), through the real
 * pipeline: loadDataset('data') → summarize. The expected figures and wording are typed from the
 * articles (see the comments), not copied from the code's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/lib/load.ts';
import { summarize } from '../src/lib/summary/index.ts';
import type { Dataset } from '../src/lib/types.ts';
import { checkAgainstIndicators, plain, publishedSummaries, type SummaryRecord } from './helpers/summary.ts';

let ds: Dataset;
let all: SummaryRecord[];
beforeAll(async () => {
  ds = await loadDataset('data');
  all = publishedSummaries(ds);
});

const text = (unitId: string, windowId: string): string => {
  const s = summarize(ds, unitId, windowId);
  expect(s, `${unitId} ${windowId}`).toBeDefined();
  return plain(s!.text);
};

describe('Phú Bình 2020 (Hội nghị Chuyên đề về phát triển đảng viên năm 2020)', () => {
  // "Năm 2020, Đảng bộ huyện được giao chỉ tiêu kết nạp 253 đảng viên. Tính đến hết tháng 8/2020,
  // Đảng bộ huyện mới kết nạp được 31 đảng viên, đạt 12,25% so với chỉ tiêu được giao."
  it('states 31 of 253 by the end of August, 12,25%, behind the 66,67% pace', () => {
    const t = text('TN.PB', '2020');
    expect(t).toContain('Đảng bộ huyện Phú Bình được giao chỉ tiêu kết nạp 253 đảng viên');
    expect(t).toContain('tính đến hết tháng 8/2020');
    // Behind the pace, in the article's words: "Đảng bộ huyện mới kết nạp được 31 đảng viên".
    expect(t).toContain('Đảng bộ huyện mới kết nạp được 31 đảng viên,');
    expect(t).toContain('đạt 12,25% so với chỉ tiêu được giao');
    expect(t).toContain('thấp hơn mức tiến độ dự kiến là 66,67%');
    expect(t).not.toContain('cao hơn');
  });

  it('reads as eight months, never as the whole year', () => {
    const t = text('TN.PB', '2020');
    expect(t).toContain('8 tháng đầu năm 2020');
    expect(t).not.toMatch(/trong năm 2020/i);
    expect(summarize(ds, 'TN.PB', '2020')!.complete).toBe(false);
  });

  // "mở được 4 lớp bồi dưỡng kết nạp đảng cho 282 quần chúng ưu tú. Ban Tổ chức Huyện uỷ đã tiếp nhận
  // 36 hồ sơ đề nghị kết nạp đảng"; "hiện có 7.335 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng".
  it('states the classes, trainees, dossiers and the members at the conference', () => {
    const t = text('TN.PB', '2020');
    expect(t).toContain('4 lớp bồi dưỡng nhận thức về Đảng với 282 học viên');
    expect(t).toContain('36 hồ sơ đề nghị kết nạp');
    expect(t).toContain('7.335 đảng viên, sinh hoạt tại 48 tổ chức cơ sở đảng');
    expect(t).toContain('27/08/2020');
  });

  it('names the unit in full once, first', () => {
    const s = summarize(ds, 'TN.PB', '2020')!;
    expect(s.sentences[0]!.text).toContain('Đảng bộ huyện Phú Bình');
    expect(s.text.split('Đảng bộ huyện Phú Bình').length - 1).toBe(1);
  });
});

describe('Bình Liêu (Nâng cao chất lượng kết nạp đảng viên)', () => {
  // "Trong năm 2019, Đảng bộ huyện đã kết nạp được 109 đảng viên mới … từ 18 đến 30 tuổi chiếm 62,38%,
  // … Cao đẳng trở lên chiếm 58,71%, … nữ chiếm 48,62%, … dân tộc thiểu số chiếm 89,91%."
  // The article truncates; the site rounds half up: 68/109 = 62,385 → 62,39; 64/109 = 58,715 → 58,72.
  it('2019: 109 admitted and their composition', () => {
    const t = text('QN.BL', '2019');
    expect(t).toContain('Trong năm 2019, Đảng bộ huyện Bình Liêu kết nạp được 109 đảng viên mới');
    expect(t).toContain('từ 18 đến 30 tuổi chiếm 62,39%');
    expect(t).toContain('nữ chiếm 48,62%');
    expect(t).toContain('dân tộc thiểu số chiếm 89,91%');
    expect(t).toContain('cao đẳng trở lên chiếm 58,72%');
    // No target for 2019 in the data: no achievement sentence.
    expect(t).not.toContain('chỉ tiêu');
  });

  // "Trong 7 tháng đầu năm 2020, Đảng bộ huyện kết nạp được 53 quần chúng ưu tú vào Đảng, đạt 62,35%
  // chỉ tiêu kế hoạch năm." Target 85; 7 months of 12 is 58,33%: ahead.
  it('2020: 53 in seven months, 62,35% of 85, ahead of pace', () => {
    const t = text('QN.BL', '2020');
    expect(t).toContain('Trong 7 tháng đầu năm 2020');
    expect(t).toContain('kết nạp được 53 đảng viên');
    expect(t).toContain('chỉ tiêu kết nạp 85 đảng viên');
    expect(t).toContain('đạt 62,35%');
    expect(t).toContain('cao hơn mức tiến độ dự kiến là 58,33%');
    expect(t).not.toMatch(/trong năm 2020/i);
  });
});

describe('Sở Tư pháp Bắc Kạn (thực hiện tốt công tác phát triển đảng viên mới)', () => {
  // "Năm 2015 kết nạp 07 đảng viên; năm 2016 … 05; năm 2017 … 03; năm 2018 … 01; năm 2019 … 03; năm 2020 … 03"
  const years: [string, number][] = [
    ['2015', 7],
    ['2016', 5],
    ['2017', 3],
    ['2018', 1],
    ['2019', 3],
    ['2020', 3],
  ];
  it.each(years)('%s: %i admitted, as a whole year', (y, n) => {
    const t = text('BK.STP', y);
    expect(t).toContain(`Trong năm ${y}, Đảng bộ Sở Tư pháp tỉnh Bắc Kạn kết nạp được ${n} đảng viên mới.`);
  });

  it('changes on the previous year', () => {
    expect(text('BK.STP', '2016')).toContain('So với năm 2015 (7 đảng viên), số đảng viên kết nạp giảm 2 đồng chí');
    expect(text('BK.STP', '2019')).toContain(
      'So với năm 2018 (1 đảng viên), số đảng viên kết nạp tăng 2 đồng chí (tăng 200,00%)',
    );
    expect(text('BK.STP', '2020')).toContain('bằng năm 2019');
  });

  // The default term 2015–2020 runs 01/2016–12/2020: 5 + 3 + 1 + 3 + 3 = 15 (the article's 22 counts 2015 too).
  it('term 2015–2020: 15 admitted, 3 a year; 2015 falls in the last year of term 2010–2015', () => {
    expect(text('BK.STP', '2015-2020')).toContain(
      'Trong nhiệm kỳ 2015–2020, Đảng bộ Sở Tư pháp tỉnh Bắc Kạn kết nạp được 15 đảng viên mới, bình quân 3 đảng viên mỗi năm.',
    );
    expect(text('BK.STP', '2010-2015')).toContain('Trong năm cuối nhiệm kỳ 2010–2015 (số liệu 12/60 tháng)');
  });

  // "Đến nay, đảng số trong toàn Đảng bộ là 46 đồng chí (… 03 đồng chí là đảng viên dự bị)"; plan 2021: "từ 01 đảng viên trở lên".
  it('2021: the target and the members, no admitted figure', () => {
    const t = text('BK.STP', '2021');
    expect(t).toContain('được giao chỉ tiêu kết nạp 1 đảng viên');
    expect(t).toContain('46 đảng viên, trong đó có 3 đảng viên dự bị');
    expect(t).not.toMatch(/kết nạp được/);
  });
});

describe('Tứ Trưng (chú trọng phát triển đảng viên)', () => {
  // "Nhiệm kỳ 2015 - 2020, Đảng bộ đã kết nạp mới 50 đảng viên."
  it('term 2015–2020: 50 admitted', () => {
    const t = text('VP.TT', '2015-2020');
    expect(t).toContain('Trong nhiệm kỳ 2015–2020, Đảng bộ thị trấn Tứ Trưng kết nạp được 50 đảng viên mới');
    expect(t).toContain('bình quân 10 đảng viên mỗi năm');
  });

  // "Tính từ đầu năm đến tháng 11/2020, Đảng bộ đã kết nạp được 09 đảng viên" — no target given.
  it('2020: 9 in eleven months, no target', () => {
    const t = text('VP.TT', '2020');
    expect(t).toContain(
      'Trong 11 tháng đầu năm 2020 (tính đến hết tháng 11/2020), Đảng bộ thị trấn Tứ Trưng kết nạp được 9 đảng viên mới.',
    );
    expect(t).not.toContain('chỉ tiêu');
    expect(t).not.toContain('tiến độ');
  });
});

describe('Mường Nhé (nâng cao chất lượng tổ chức cơ sở đảng, đảng viên)', () => {
  // "Đầu nhiệm kỳ (năm 2016) huyện còn 37 bản “trắng” đảng viên" … "18 bản chưa có đảng viên";
  // "hiện có 1.488 đảng viên, … dân tộc thiểu số chiếm 65,8%" (979/1.488 = 65,79%); "9 lớp … 677 học viên".
  it('term 2015–2020: villages without members down from 37 to 18, members, classes', () => {
    const t = text('DB.MN', '2015-2020');
    expect(t).toContain('giảm được 19 (từ 37 xuống 18)');
    expect(t).toContain('1.488 đảng viên');
    expect(t).toContain('dân tộc thiểu số chiếm 65,79%');
    expect(t).toContain('9 lớp bồi dưỡng nhận thức về Đảng với 677 học viên');
    // No admitted figure anywhere for Mường Nhé.
    expect(t).not.toMatch(/kết nạp được/);
  });
});

describe('parents and units without figures', () => {
  it('a province states its district’s figure as summed', () => {
    expect(text('QN', '2019')).toContain(
      'Đảng bộ tỉnh Quảng Ninh kết nạp được 109 đảng viên mới (tổng hợp từ 1/1 đảng bộ cấp huyện báo cáo)',
    );
    expect(text('VP', '2015-2020')).toContain(
      'kết nạp được 50 đảng viên mới (tổng hợp từ 1/1 tổ chức cơ sở đảng báo cáo)',
    );
  });

  it('a window without figures has no summary', () => {
    expect(summarize(ds, 'DB', '2019')).toBeUndefined();
    expect(summarize(ds, 'DB.MN', '2020')).toBeUndefined();
    expect(summarize(ds, 'TN.PB', '2019')).toBeUndefined();
    expect(all.some((r) => r.unit_id === 'TN.PB' && r.period === '2019')).toBe(false);
  });

  it('no summary says 0 or leaves an empty sentence', () => {
    for (const r of all) {
      for (const s of r.sentences) expect(s).toMatch(/^\p{Lu}.{10,}\.$/u);
      expect(plain(r.text)).not.toMatch(/(^|[^\d,.])0([^\d,]|$)/);
    }
  });
});

describe('every summary of the sample data', () => {
  it('covers each unit and window that has an admitted figure', () => {
    for (const [unitId, uf] of Object.entries(ds.figures)) {
      for (const [id, f] of [...Object.entries(uf.years), ...Object.entries(uf.terms)]) {
        if (f.admitted)
          expect(
            all.some((r) => r.unit_id === unitId && r.period === id),
            `${unitId} ${id}`,
          ).toBe(true);
      }
    }
  });

  it('states only figures equal to the published indicators', () => checkAgainstIndicators(ds, all));
});

/**
 * What changed since the last publication: a data set is published, a revised copy is built over that
 * publication, then the same copy again. Expected figures are worked out by hand in the comments.
 */
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/load.ts';
import { computeDataset, type FigureScope } from '../src/lib/model/index.ts';
import { publishData } from '../src/lib/publish/index.ts';
import {
  buildDate,
  dataWarnings,
  loadPrevious,
  parseRevisions,
  PreviousDataError,
  previousSourceFromEnv,
  REVISION_COLUMNS,
  REVISION_METHODS,
  reviseAgainstPrevious,
  type RevisionResult,
} from '../src/lib/revisions/index.ts';
import { revisionMarks } from '../src/lib/revisions/marks.ts';
import { revisionHistory } from '../src/lib/revisions/view.ts';
import type { Dataset, Inputs } from '../src/lib/types.ts';
import { Fixture } from './helpers/fixture.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-revisions-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const units = (fx: Fixture) =>
  fx
    .unit('P', 'province', undefined, { label: 'Tỉnh Thử' })
    .unit('D1', 'district', 'P', { label: 'Đảng bộ huyện Một' })
    .unit('D2', 'district', 'P', { label: 'Đảng bộ huyện Hai' })
    .unit('D3', 'district', 'P', { label: 'Đảng bộ huyện Ba' });

/** The first publication. */
function first(): Dataset {
  const fx = units(new Fixture())
    .adm('D1', '2016', 100)
    .adm('D1', '2017', 110)
    .adm('D1', '2018', 105)
    .adm('D1', '2019', 120)
    .adm('D1', '2020-01..2020-07', 53)
    .adm('D2', '2019', 40)
    .adm('D2', '2020', 60)
    .adm('D3', '2019', 30)
    .target('D1', '2020', 85);
  return computeDataset(fx.inputs());
}

/**
 * The revised copy: D1's 2020 is now the whole year (53 again), D1 adds 2021 typed ten times too large,
 * D2's 2020 is typed 600 for 60 (admissions.csv line 9: lines 2–7 are D1's six rows, 8 is D2 2019),
 * D3's only row is gone, D1's 2020 target is 95.
 */
function revised(figures: FigureScope = 'all'): Dataset {
  const fx = units(new Fixture())
    .adm('D1', '2016', 100)
    .adm('D1', '2017', 110)
    .adm('D1', '2018', 105)
    .adm('D1', '2019', 120)
    .adm('D1', '2020', 53)
    .adm('D1', '2021', 1100)
    .adm('D2', '2019', 40)
    .adm('D2', '2020', 600)
    .target('D1', '2020', 95);
  return computeDataset(fx.inputs(), { figures });
}

/** What the build does: compare with the folder it replaces, publish the data files and revisions.csv. */
async function build(dataset: Dataset, prevDir: string | undefined, outDir: string, date: string) {
  const previous = prevDir ? await loadPrevious({ dir: prevDir }) : undefined;
  const result = reviseAgainstPrevious({ dataset, previous, buildDate: date });
  await publishData(dataset, outDir);
  await writeFile(path.join(outDir, 'revisions.csv'), result.revisionsCsv);
  return result;
}

const HEADER = 'revised_on,unit_id,period,indicator,old_value,new_value,old_months,new_months,note';

describe('a revised copy built over the first publication', () => {
  let aDir: string;
  let bDir: string;
  let second: RevisionResult;
  beforeAll(async () => {
    aDir = path.join(tmp, 'a', 'data');
    bDir = path.join(tmp, 'b', 'data');
    await build(first(), undefined, aDir, '2026-11-20');
    second = await build(revised(), aDir, bDir, '2026-12-01');
  });

  it('the first build has nothing to compare and publishes an empty revisions.csv', async () => {
    const r = reviseAgainstPrevious({ dataset: first(), previous: undefined, buildDate: '2026-11-20' });
    expect(r.summaryLines).toEqual(['Không có bản công bố trước: không có gì để so sánh.']);
    expect(await readFile(path.join(aDir, 'revisions.csv'), 'utf8')).toBe(`\uFEFF${HEADER}\r\n`);
  });

  it('writes every revised and withdrawn count, reported and summed, months-only changes included', async () => {
    // Published order: unit id, then window (years, then terms), then indicator. By hand:
    // D1 2020: 53 on 7/12 → 53 on 12/12. D1 term 2015–2020: 100+110+105+120+53 = 488 on 55/60 → 60/60.
    // D2 2020: 60 → 600; term: 40+60 = 100 → 40+600 = 640 (24/60 both). D3: 2019 and term (30) withdrawn.
    // P sums its districts: 2019 120+40+30 = 190 → 160; 2020 53+60 = 113 on 7/12 (D1's least) → 53+600 = 653
    // on 12/12; term 488+100+30 = 618 on 12/60 (D3's least) → 488+640 = 1128 on 24/60 (D2's).
    // Notes: 600/60 = 10; 640/100 = 6.4; 653/113 = 5.78 → 5,8. 1128/618 = 1.83: none.
    const text = await readFile(path.join(bDir, 'revisions.csv'), 'utf8');
    expect(text.split('\r\n')).toEqual([
      `\uFEFF${HEADER}`,
      '2026-12-01,D1,2020,admitted,53,53,7,12,',
      '2026-12-01,D1,2020,target,85,95,,,',
      '2026-12-01,D1,2015-2020,admitted,488,488,55,60,',
      '2026-12-01,D2,2020,admitted,60,600,12,12,tăng 10 lần: có thể nhập sai',
      '2026-12-01,D2,2015-2020,admitted,100,640,24,24,"tăng 6,4 lần: có thể nhập sai"',
      '2026-12-01,D3,2019,admitted,30,,12,,',
      '2026-12-01,D3,2015-2020,admitted,30,,12,,',
      '2026-12-01,P,2019,admitted,190,160,12,12,',
      '2026-12-01,P,2020,admitted,113,653,7,12,"tăng 5,8 lần: có thể nhập sai"',
      '2026-12-01,P,2015-2020,admitted,618,1128,12,24,',
      '',
    ]);
    // New: D1 2021 and term 2020–2025, P 2021 and term 2020–2025 (1100 each).
    expect(second.counts).toEqual({ added: 4, revised: 8, withdrawn: 2 });
  });

  it('prints the summary in Vietnamese, the biggest changes first', () => {
    // Sizes: D2 2020, D2 term and P 2020 moved by 540 (in published order), P term by 510; D3 2019, D3 term,
    // P 2019 by 30; D1's target by 10; D1 2020 and term by 0 (months only).
    expect(second.summaryLines).toEqual([
      `So với bản công bố trước (${path.join(tmp, 'a', 'data')}): 4 số liệu mới, 8 số liệu được điều chỉnh, ` +
        '2 số liệu bị rút bỏ.',
      '  Đảng bộ huyện Hai (D2), năm 2020, kết nạp đảng viên mới: 60 → 600 — tăng 10 lần: có thể nhập sai',
      '  Đảng bộ huyện Hai (D2), nhiệm kỳ 2015–2020, kết nạp đảng viên mới: 100 (24/60 tháng) → 640 (24/60 tháng)' +
        ' — tăng 6,4 lần: có thể nhập sai',
      '  Tỉnh Thử (P), năm 2020, kết nạp đảng viên mới: 113 (7/12 tháng) → 653 — tăng 5,8 lần: có thể nhập sai',
      '  Tỉnh Thử (P), nhiệm kỳ 2015–2020, kết nạp đảng viên mới: 618 (12/60 tháng) → 1.128 (24/60 tháng)',
      '  Đảng bộ huyện Ba (D3), năm 2019, kết nạp đảng viên mới: 30 → — (rút bỏ)',
      '  Đảng bộ huyện Ba (D3), nhiệm kỳ 2015–2020, kết nạp đảng viên mới: 30 (12/60 tháng) → — (rút bỏ)',
      '  Tỉnh Thử (P), năm 2019, kết nạp đảng viên mới: 190 → 160',
      '  Đảng bộ huyện Một (D1), năm 2020, chỉ tiêu kết nạp: 85 → 95',
      '  Đảng bộ huyện Một (D1), năm 2020, kết nạp đảng viên mới: 53 (7/12 tháng) → 53',
      '  Đảng bộ huyện Một (D1), nhiệm kỳ 2015–2020, kết nạp đảng viên mới: 488 (55/60 tháng) → 488',
    ]);
  });

  it('warns of the figure typed ten times too large, naming its file and line', () => {
    // The three revisions with a note all rest on D2's 2020 row, admissions.csv line 9: the year itself, the
    // term (its larger row), and P's 2020 (its largest child).
    const lines = second.warnings.map(formatDiagnostic);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^admissions\.csv:9 \[admitted\] "\d+": .*có thể nhập sai/);
    expect(lines[0]).toContain('Đảng bộ huyện Hai (D2), năm 2020, kết nạp đảng viên mới: 60 → 600 (tăng 10 lần');
  });

  it('a third build of the same data adds no row and changes no byte', async () => {
    const cDir = path.join(tmp, 'c', 'data');
    const third = await build(revised(), bDir, cDir, '2026-12-02');
    expect(third.newRows).toEqual([]);
    expect(third.counts).toEqual({ added: 0, revised: 0, withdrawn: 0 });
    for (const f of ['revisions.csv', 'indicators.csv', 'indicators.json']) {
      expect(await readFile(path.join(cDir, f)), f).toEqual(await readFile(path.join(bDir, f)));
    }
  });

  it('reads a previous publication split into parts', async () => {
    // The same first publication, its indicators.csv cut in two between units, each part with the header.
    const partsDir = path.join(tmp, 'parts', 'data');
    await mkdir(partsDir, { recursive: true });
    const whole = await readFile(path.join(aDir, 'indicators.csv'), 'utf8');
    const [header, ...rows] = whole.slice(1).trimEnd().split('\r\n');
    const cut = rows.findIndex((r) => r.startsWith('D3,'));
    await writeFile(
      path.join(partsDir, 'indicators-1.csv'),
      `\uFEFF${[header, ...rows.slice(0, cut)].join('\r\n')}\r\n`,
    );
    await writeFile(path.join(partsDir, 'indicators-2.csv'), `\uFEFF${[header, ...rows.slice(cut)].join('\r\n')}\r\n`);
    const list = [
      { file: 'indicators-1.csv', units: ['D1', 'D2'] },
      { file: 'indicators-2.csv', units: ['D3', 'P'] },
    ];
    await writeFile(path.join(partsDir, 'indicators.parts.json'), JSON.stringify({ parts: list }));
    const previous = await loadPrevious({ dir: partsDir });
    const r = reviseAgainstPrevious({ dataset: revised(), previous, buildDate: '2026-12-01' });
    expect(r.revisionsCsv).toBe(second.revisionsCsv);

    // Without their list, the numbered parts are read as far as they go.
    await unlink(path.join(partsDir, 'indicators.parts.json'));
    const unlisted = await loadPrevious({ dir: partsDir });
    expect(
      reviseAgainstPrevious({ dataset: revised(), previous: unlisted, buildDate: '2026-12-01' }).revisionsCsv,
    ).toBe(second.revisionsCsv);
    await writeFile(path.join(partsDir, 'indicators.parts.json'), JSON.stringify(list));
    await unlink(path.join(partsDir, 'indicators-2.csv'));
    await expect(loadPrevious({ dir: partsDir })).rejects.toThrow(/liệt kê indicators-2\.csv/);
  });

  it('reads the previous publication over HTTP; a 404 is no publication, a 500 an error', async () => {
    const server = http.createServer(async (req, res) => {
      const name = path.basename(req.url ?? '');
      if (req.url?.startsWith('/down/')) {
        res.writeHead(500).end();
        return;
      }
      const served = req.url?.startsWith('/data/') ? readFile(path.join(aDir, name)) : Promise.reject();
      const body = await served.catch(() => undefined);
      if (body) res.writeHead(200).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const previous = await loadPrevious({ url: `${base}/data` });
      expect(previous?.source).toBe(`${base}/data`);
      const r = reviseAgainstPrevious({ dataset: revised(), previous, buildDate: '2026-12-01' });
      expect(r.newRows).toEqual(second.newRows);
      expect(await loadPrevious({ url: `${base}/nothing-here/` })).toBeUndefined();
      await expect(loadPrevious({ url: `${base}/down/` })).rejects.toBeInstanceOf(PreviousDataError);
    } finally {
      server.close();
    }
  });

  it('marks the figures revised on the latest date, for the unit page and screen readers', () => {
    const d = revised();
    const marks = revisionMarks(second.revisionsCsv, 'D1', d.terms);
    expect([...marks.keys()]).toEqual(['2020|admitted', '2020|target', '2015-2020|admitted']);
    expect(marks.get('2020|admitted')?.text).toBe('đã điều chỉnh 01/12/2026: 53 (7/12 tháng) → 53');
    expect(marks.get('2020|target')?.label).toBe('Số liệu đã được điều chỉnh ngày 01/12/2026: trước là 85, nay là 95.');
    expect(marks.get('2015-2020|admitted')?.text).toBe('đã điều chỉnh 01/12/2026: 488 (55/60 tháng) → 488');
    // D3's figures were withdrawn: nothing left on its page to mark.
    expect(revisionMarks(second.revisionsCsv, 'D3', d.terms).size).toBe(0);
  });

  it('the history page groups the revisions by date, newest first, units in Vietnamese order', () => {
    const older = '2026-11-05,D2,2019,admitted,4,40,12,12,\r\n2026-11-05,X9,2019,admitted,7,,12,,\r\n';
    const text = second.revisionsCsv.replace(/\r\n/, `\r\n${older}`);
    const view = revisionHistory(text, revised(), { href: (id) => `/don-vi/${id.toLowerCase()}/` });
    expect(view.total).toBe(12);
    expect(view.groups.map((g) => [g.dateLabel, g.caption])).toEqual([
      ['01/12/2026', '8 số liệu được điều chỉnh, 2 số liệu bị rút bỏ'],
      ['05/11/2026', '1 số liệu được điều chỉnh, 1 số liệu bị rút bỏ'],
    ]);
    // Ba < Hai < Một < Tỉnh; within a unit as the file lists them.
    expect(view.groups[0]!.rows.map((r) => `${r.unitId} ${r.windowLabel}`)).toEqual([
      'D3 2019',
      'D3 Nhiệm kỳ 2015–2020',
      'D2 2020',
      'D2 Nhiệm kỳ 2015–2020',
      'D1 2020',
      'D1 2020',
      'D1 Nhiệm kỳ 2015–2020',
      'P 2019',
      'P 2020',
      'P Nhiệm kỳ 2015–2020',
    ]);
    expect(view.groups[0]!.rows[0]).toMatchObject({
      unitName: 'Đảng bộ huyện Ba',
      href: '/don-vi/d3/',
      indicatorLabel: 'Kết nạp đảng viên mới',
      oldText: '30',
      newText: '—',
      withdrawn: true,
    });
    expect(view.groups[0]!.rows[2]).toMatchObject({
      oldText: '60',
      newText: '600',
      note: 'tăng 10 lần: có thể nhập sai',
    });
    // A unit no longer in units.csv keeps its row, by id, without a link.
    const gone = view.groups[1]!.rows.find((r) => r.unitId === 'X9');
    expect(gone).toMatchObject({ unitName: 'X9', withdrawn: true });
    expect(gone?.href).toBeUndefined();
  });

  it("says so when most of the publication would be withdrawn (another board's data, a wrong folder)", () => {
    // A data set sharing no unit with the first publication: its 18 counts are all withdrawn (18 × 2 > 18).
    const other = computeDataset(new Fixture().unit('X', 'province').adm('X', '2020', 5).inputs());
    return loadPrevious({ dir: aDir }).then((previous) => {
      const r = reviseAgainstPrevious({ dataset: other, previous, buildDate: '2026-12-01' });
      expect(r.counts).toEqual({ added: 2, revised: 0, withdrawn: 18 });
      expect(r.summaryLines.at(-1)).toMatch(/^Chú ý: 18 trong 18 số liệu đã công bố bị rút bỏ\./);
      // The revised copy withdraws 2 of 18: no such line.
      expect(second.summaryLines.some((l) => l.startsWith('Chú ý'))).toBe(false);
    });
  });

  it('an output folder with no previous publication is not an error', async () => {
    expect(await loadPrevious({ dir: path.join(tmp, 'no-such-folder') })).toBeUndefined();
  });
});

describe('reading published files back', () => {
  it('undoes the formula guard, tolerates the BOM and quoted cells, and writes the same bytes again', async () => {
    // A guarded cell ('-3, '=x) and a note with a comma and quotes, as revisions.csv publishes them.
    const text =
      `\uFEFF${HEADER}\r\n` +
      "2026-11-01,A,2020,admitted,5,6,,,'-3\r\n" +
      '2026-11-01,B,2020,admitted,50,500,12,12,"tăng 10 lần, ""xem lại"""\r\n' +
      "2026-11-01,C,2020,admitted,5,,12,,'=x\r\n";
    const rows = parseRevisions(text);
    expect(rows.map((r) => r.note)).toEqual(['-3', 'tăng 10 lần, "xem lại"', '=x']);
    const dir = path.join(tmp, 'guard');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'revisions.csv'), text);
    const previous = await loadPrevious({ dir });
    // No indicators.csv: its revisions are kept as they were, byte for byte.
    const r = reviseAgainstPrevious({ dataset: first(), previous, buildDate: '2026-12-01' });
    expect(r.summaryLines[0]).toMatch(/không có indicators\.csv: không có gì để so sánh\.$/);
    expect(r.revisionsCsv).toBe(text);
  });

  it('reads an indicators.csv saved with semicolons and quotes (the full CSV grammar)', async () => {
    // 7 for D1's 2020 admitted was published; the new data has 53 on 7/12: a revision 7 → 53.
    const dir = path.join(tmp, 'semicolons');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'indicators.csv'),
      '\uFEFFunit_id;period;indicator;value;months;of_months;basis\n"D1";2020;admitted;7;7;12;reported\n' +
        "D1;2020;admitted_change;'-3;7;12;reported\n",
    );
    const previous = await loadPrevious({ dir });
    const r = reviseAgainstPrevious({ dataset: first(), previous, buildDate: '2026-12-01' });
    expect(r.newRows.map((x) => [x.unit_id, x.period, x.indicator, x.old_value, x.new_value])).toEqual([
      ['D1', '2020', 'admitted', '7', '53'],
    ]);
  });
});

describe('the summary', () => {
  it('lists at most 20 revisions, the biggest first, with a count of the rest', async () => {
    // 25 districts with 10 each in 2020, then 10 + k for district k: P goes from 250 to 250 + (1+…+25) = 575.
    // Each unit's 2020 and term 2015–2020 (which holds 2020) change: 52 revisions. Biggest: P's two (325),
    // then D25's two (15), D24's two, … down to D17's: 2 + 18 = 20 lines; 32 left.
    const make = (bump: boolean) => {
      const fx = new Fixture().unit('P', 'province', undefined, { label: 'Tỉnh' });
      for (let k = 1; k <= 25; k++) {
        const id = `D${String(k).padStart(2, '0')}`;
        fx.unit(id, 'district', 'P', { label: `Huyện ${k}` }).adm(id, '2020', bump ? 10 + k : 10);
      }
      return computeDataset(fx.inputs());
    };
    const dir = path.join(tmp, 'many', 'data');
    await publishData(make(false), dir);
    const r = reviseAgainstPrevious({
      dataset: make(true),
      previous: await loadPrevious({ dir }),
      buildDate: '2026-12-01',
    });
    expect(r.newRows).toHaveLength(52);
    expect(r.summaryLines).toHaveLength(22);
    expect(r.summaryLines[0]).toMatch(/: 0 số liệu mới, 52 số liệu được điều chỉnh, 0 số liệu bị rút bỏ\.$/);
    expect(r.summaryLines[1]).toBe('  Tỉnh (P), năm 2020, kết nạp đảng viên mới: 250 → 575');
    expect(r.summaryLines[3]).toBe('  Huyện 25 (D25), năm 2020, kết nạp đảng viên mới: 10 → 35');
    expect(r.summaryLines[20]).toBe(
      '  Huyện 17 (D17), nhiệm kỳ 2015–2020, kết nạp đảng viên mới: 10 (12/60 tháng) → 27 (12/60 tháng)',
    );
    expect(r.summaryLines[21]).toBe('  … và 32 số liệu khác (xem data/revisions.csv).');
  });
});

describe('warnings about the current data', () => {
  const messages = (d: Dataset) => dataWarnings(d).map(formatDiagnostic);
  /** The warnings from every figure; `npm run check` computes only what they read, and must say the same. */
  const warningsOf = (inputs: Inputs) => {
    const all = messages(computeDataset(inputs));
    expect(messages(computeDataset(inputs, { figures: 'warnings' }))).toEqual(all);
    return all;
  };

  it("a year ten times its unit's median of the five complete years before, at its file and line", () => {
    // D1 2016–2020: 100, 110, 105, 120, 53 → median 105; 2021 is 1100 = 10,48 × 105 (line 7). P's sum has no
    // complete year before (a district always missing), D2 has one year before 2020: no other such warning.
    const spikes = messages(revised()).filter((m) => m.includes('trung vị'));
    expect(messages(revised('warnings'))).toEqual(messages(revised()));
    expect(spikes).toEqual([
      'admissions.csv:7 [admitted] "1100": Đơn vị Đảng bộ huyện Một (D1), năm 2021: kết nạp đảng viên mới (1.100) ' +
        'gấp 10,5 lần trung vị của 5 kỳ trước đủ số liệu (105). Có thể nhập thừa một chữ số; hãy kiểm tra lại.',
    ]);
  });

  it('one typo, one warning: a sum is flagged only where no child is, at the row of its largest child', () => {
    // P has D1 only: D1's 2021 (1000 against 100) is flagged, P's sum of it is not.
    const alone = new Fixture().unit('P', 'province').unit('D1', 'district', 'P');
    for (const y of [2016, 2017, 2018, 2019, 2020]) alone.adm('D1', String(y), 100);
    alone.adm('D1', '2021', 1000);
    const a = warningsOf(alone.inputs()).filter((m) => m.includes('trung vị'));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^admissions\.csv:7 .*Đơn vị D1 \(D1\), năm 2021/);

    // D2 is founded in 2021 with 900 (line 8): no history of its own, but P's 2021 (100 + 900) is ten times
    // P's median (100, D1 alone before 2021): P is flagged, at D2's row.
    const founded = new Fixture().unit('P', 'province').unit('D1', 'district', 'P');
    founded.unit('D2', 'district', 'P', { activeFrom: '2021-01' });
    for (const y of [2016, 2017, 2018, 2019, 2020, 2021]) founded.adm('D1', String(y), 100);
    founded.adm('D2', '2021', 900);
    const b = warningsOf(founded.inputs()).filter((m) => m.includes('trung vị'));
    expect(b).toEqual([
      'admissions.csv:8 [admitted] "1000": Đơn vị P (P), năm 2021: kết nạp đảng viên mới (1.000) gấp 10 lần ' +
        'trung vị của 5 kỳ trước đủ số liệu (100). Có thể nhập thừa một chữ số; hãy kiểm tra lại.',
    ]);
  });

  it('a complete year admitting more than the members at its start', () => {
    // D1: 120 admitted in 2020 (line 2) with 100 members on 01/01/2020; 500 in 7 months of 2021 is partial.
    const fx = new Fixture()
      .unit('P', 'province')
      .unit('D1', 'district', 'P', { label: 'Huyện Một' })
      .adm('D1', '2020', 120)
      .adm('D1', '2021-01..2021-07', 500)
      .member('D1', '2020-01-01', { members: 100 })
      .member('D1', '2021-01-01', { members: 100 });
    const found = warningsOf(fx.inputs()).filter((m) => m.includes('đầu năm'));
    // P's members are D1's summed: the same mistake, said once.
    expect(found).toEqual([
      'admissions.csv:2 [admitted] "120": Đơn vị Huyện Một (D1), năm 2020: số kết nạp cả năm (120) lớn hơn số ' +
        'đảng viên đầu năm (100, ngày 01/01/2020). Hãy kiểm tra lại số kết nạp hoặc số đảng viên trong members.csv.',
    ]);
  });

  it('a summed figure of an ended window where fewer than half of the active children reported', () => {
    // P has five districts. 2019: D1, D2 (lines 2, 3): 2/5, warned. 2020: D1–D3: 3/5, not fewer than half.
    // 2021: D1 alone for 01–06, but the data reach only 06/2021: the year is still running, no warning.
    const fx = new Fixture().unit('P', 'province', undefined, { label: 'Tỉnh' });
    for (let k = 1; k <= 5; k++) fx.unit(`D${k}`, 'district', 'P', { label: `Huyện ${k}` });
    fx.adm('D1', '2019', 10).adm('D2', '2019', 12).adm('D1', '2020', 10).adm('D2', '2020', 10).adm('D3', '2020', 10);
    fx.adm('D1', '2021-01..2021-06', 5);
    const found = warningsOf(fx.inputs()).filter((m) => m.includes('tổng hợp chỉ từ'));
    expect(found).toEqual([
      'admissions.csv:2 [admitted] "22": Đơn vị Tỉnh (P), năm 2019: kết nạp đảng viên mới (22) tổng hợp chỉ từ 2/5 ' +
        'đơn vị trực thuộc có số liệu (chưa có: Huyện 3, Huyện 4, Huyện 5). Có thể còn đơn vị chưa gửi báo cáo.',
    ]);
  });
});

describe('marks', () => {
  it('come from the latest date only; a figure revised twice that day shows where it began and ended', () => {
    const text =
      `\uFEFF${HEADER}\r\n` +
      '2026-11-01,A,2020,admitted,5,6,12,12,\r\n' +
      '2026-12-01,A,2019,admitted,38,39,12,12,\r\n' +
      '2026-12-01,A,2019,admitted,39,40,12,12,\r\n' +
      '2026-12-01,A,2018,admitted,10,12,12,12,\r\n' +
      '2026-12-01,A,2018,admitted,12,10,12,12,\r\n';
    const marks = revisionMarks(parseRevisions(text), 'A');
    expect([...marks.values()].map((m) => `${m.period} ${m.text}`)).toEqual(['2019 đã điều chỉnh 01/12/2026: 38 → 40']);
  });
});

describe('where the previous publication is, and what the data page says', () => {
  it('is the output folder the build replaces, unless PREVIOUS_DATA names a folder or an address', () => {
    expect(previousSourceFromEnv('/site/dist', {})).toEqual({ dir: path.join('/site/dist', 'data') });
    expect(previousSourceFromEnv('/site/dist', { PREVIOUS_DATA: 'https://tk.example.vn/data/' })).toEqual({
      url: 'https://tk.example.vn/data/',
    });
    expect(previousSourceFromEnv('/site/dist', { PREVIOUS_DATA: '/srv/live/data' })).toEqual({ dir: '/srv/live/data' });
  });

  it('publishes the columns of the contract and states the thresholds the issue asks for', () => {
    expect(REVISION_COLUMNS.join(',')).toBe(HEADER);
    const text = REVISION_METHODS.map((m) => m.text).join(' ');
    // A factor of 5 up or down; 5 times the median of the five complete windows before; fewer than half.
    expect(text).toContain('tăng hoặc giảm từ 5 lần trở lên');
    expect(text).toContain('gấp từ 5 lần trở lên trung vị');
    expect(text).toContain('trong 5 kỳ đủ số liệu cùng loại gần nhất');
    expect(text).toContain('chưa đến một nửa số đơn vị trực thuộc');
    expect(text).toContain('số đảng viên của đơn vị đầu năm');
  });
});

describe('the build date', () => {
  it('is BUILD_DATE when set, else today in Vietnam time', () => {
    expect(buildDate({ BUILD_DATE: '2026-12-01' })).toBe('2026-12-01');
    // 17:30 UTC on 30 November is 00:30 on 1 December in Hà Nội (UTC+7).
    expect(buildDate({}, new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
    expect(buildDate({}, new Date('2026-11-30T16:59:00Z'))).toBe('2026-11-30');
    expect(() => buildDate({ BUILD_DATE: '01/12/2026' })).toThrow(/YYYY-MM-DD/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTable } from '../src/lib/ingest/index.ts';
import { formatDiagnostic } from '../src/lib/load.ts';
import { DEFAULT_TERMS, monthIndex } from '../src/lib/periods.ts';
import { editDistance, parseCount, slugFromName, validate } from '../src/lib/schema/index.ts';
import type { Diagnostic } from '../src/lib/types.ts';

const UNITS = [
  'id,name,short_name,level,parent_id,kind,slug',
  'QN,Đảng bộ tỉnh Quảng Ninh,Quảng Ninh,province,,,',
  'BL,Đảng bộ huyện Bình Liêu,Bình Liêu,district,QN,,',
  'DV,Đảng ủy xã Đồng Văn,Đồng Văn,grassroots,BL,commune,',
].join('\n');

/** Parses and validates CSV texts by file name (units.csv defaults to UNITS, admissions.csv to a header only). */
function run(files: Record<string, string>) {
  const all = { 'units.csv': UNITS, 'admissions.csv': 'unit_id,period,admitted\n', ...files };
  const inputs = validate(Object.entries(all).map(([file, text]) => parseTable(text, file)));
  const errors = inputs.diagnostics.filter((d) => d.severity === 'error');
  return { inputs, errors, lines: errors.map(formatDiagnostic) };
}

/** `file:line:column header` of each error: where a user is sent to fix it. */
const locations = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.file}:${d.line ?? ''}:${d.columnNumber ?? ''} ${d.column ?? ''}`.trim());

describe('counts', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['1488', 1488],
    ['1.488', 1488],
    ['1,488', 1488],
    ['1 488', 1488],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
  ])('%j is %d', (text, n) => expect(parseCount(text)).toBe(n));

  const notCounts = ['1.5', '1,48', '-3', '12a', '1.4880', '1.234,567', '0.488', '12.0', '1e3', '', ' 12', '1..488'];
  it.each([...notCounts, '9007199254740993'])('%j is not a count', (text) => expect(parseCount(text)).toBeUndefined());

  it('treats an empty cell as unknown and 0 as zero', () => {
    const { inputs, errors } = run({ 'admissions.csv': 'unit_id,period,admitted,youth,women\nBL,2020,5,0,\n' });
    expect(errors).toEqual([]);
    expect(inputs.admissions[0]).toMatchObject({ admitted: 5, youth: 0 });
    expect(inputs.admissions[0]!.women).toBeUndefined();
  });

  it('accepts thousands separators in a file, and reports each bad count with its place and value', () => {
    const { inputs, lines } = run({
      'admissions.csv': [
        'unit_id,period,admitted,youth', // 1
        'BL,2018,"1,488",1.200', // 2
        'BL,2019,1 488,', // 3
        'BL,2020,12a,', // 4
        'BL,2021,1.5,', // 5
        'BL,2022,-3,', // 6
        'BL,2023,"1,48",', // 7
        'BL,2024,1.4880,', // 8
      ].join('\n'),
    });
    expect(inputs.admissions.map((a) => [a.period.text, a.admitted, a.youth])).toEqual([
      ['2018', 1488, 1200],
      ['2019', 1488, undefined],
    ]);
    expect(lines.map((l) => l.slice(0, l.indexOf(': ')))).toEqual([
      'admissions.csv:4:3 [admitted] "12a"',
      'admissions.csv:5:3 [admitted] "1.5"',
      'admissions.csv:6:3 [admitted] "-3"',
      'admissions.csv:7:3 [admitted] "1,48"',
      'admissions.csv:8:3 [admitted] "1.4880"',
    ]);
    expect(lines[0]).toMatch(/số nguyên không âm/);
    expect(lines[2]).toMatch(/không được âm/);
  });
});

describe('columns', () => {
  it('reports an unknown column with the closest known one, at the header line and its column number', () => {
    const { lines } = run({ 'admissions.csv': 'unit_id,period,admitted,yuoth\nBL,2020,5,1\n' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^admissions\.csv:1:4 \[yuoth\] "yuoth": .*có phải ý bạn là `youth`\?/);
  });

  it('suggests `admitted` for `admited` and reports the missing required column once, not per row', () => {
    const { errors, lines } = run({ 'admissions.csv': 'unit_id,period,admited\nBL,2020,5\nBL,2021,6\n' });
    expect(locations(errors)).toEqual(['admissions.csv:1: admitted', 'admissions.csv:1:3 admited']);
    expect(lines[1]).toContain('có phải ý bạn là `admitted`?');
    expect(lines[0]).toMatch(/Thiếu cột bắt buộc admitted/);
  });

  it('keeps and ignores `note` and `x_…` columns', () => {
    const { inputs, errors } = run({
      'admissions.csv': 'unit_id,period,admitted,note,x_nguoi_nhap,X_Kiem_Tra\nBL,2020,5,ghi chú,Lan,ok\n',
    });
    expect(errors).toEqual([]);
    expect(inputs.admissions[0]!.note).toBe('ghi chú');
    const clean = inputs.tables.find((t) => t.file === 'admissions.csv')!;
    expect(clean.columns).toEqual(['unit_id', 'period', 'admitted', 'note', 'x_nguoi_nhap', 'X_Kiem_Tra']);
    expect(clean.rows).toEqual([['BL', '2020', '5', 'ghi chú', 'Lan', 'ok']]);
  });

  it('matches header names after trimming and lower-casing', () => {
    const { inputs, errors } = run({ 'admissions.csv': ' Unit_ID , PERIOD ,Admitted\nBL,2020,5\n' });
    expect(errors).toEqual([]);
    expect(inputs.admissions).toHaveLength(1);
  });

  it('reports a duplicate column', () => {
    const { errors } = run({ 'admissions.csv': 'unit_id,period,admitted,Admitted\nBL,2020,5,6\n' });
    expect(locations(errors)).toEqual(['admissions.csv:1:4 Admitted']);
    expect(errors[0]!.message).toMatch(/hai lần/);
  });

  it('does not call every unit unknown when units.csv has no id column', () => {
    const { errors } = run({
      'units.csv': 'ma;name;level;parent_id\nQN;Tỉnh;province;\n',
      'admissions.csv': 'unit_id,period,admitted\nQN,2020,5\nBL,2020,6\n',
    });
    expect(locations(errors)).toEqual(['units.csv:1: id', 'units.csv:1:1 ma']);
  });

  it('reports a missing required column of units.csv', () => {
    const { errors } = run({ 'units.csv': 'id,name,parent_id\nQN,Tỉnh,\n' });
    expect(locations(errors)).toEqual(['units.csv:1: level']);
  });

  it('reports an empty file once, not once per missing column', () => {
    const tables = [
      parseTable('id,name,level,parent_id\nQN,Tỉnh,province,\n', 'units.csv'),
      parseTable('\n', 'admissions.csv'),
    ];
    const diagnostics = [...tables.flatMap((t) => t.diagnostics), ...validate(tables).diagnostics];
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^admissions\.csv: Tệp admissions\.csv trống/),
    ]);
  });

  it('ignores an unnamed trailing column while it is empty, and reports data in it', () => {
    expect(run({ 'admissions.csv': 'unit_id,period,admitted,\nBL,2020,5,\n' }).errors).toEqual([]);
    const { errors } = run({ 'admissions.csv': 'unit_id,period,admitted,\nBL,2020,5,\nBL,2021,6,7\n' });
    expect(locations(errors)).toEqual(['admissions.csv:3:4']);
  });
});

describe('units.csv', () => {
  it('builds typed units: label, derived slug, level names in Vietnamese, months', () => {
    const { inputs, errors } = run({
      'units.csv': [
        'id,name,short_name,level,parent_id,kind,active_from,active_to,slug',
        'QN,Đảng bộ tỉnh Quảng Ninh,Quảng Ninh,tinh,,,,,',
        'BL,Đảng bộ huyện Bình Liêu,,huyen,QN,,,06/2025,',
        // Under a district that ended in 06/2025, its units end then too (issue 10: no unit under an ended one).
        'DV,Đảng ủy xã Đồng Văn,Đồng Văn,co_so,BL,commune,2019-01,2025-06,',
        'DV.1,Chi bộ thôn Khe Lánh,,chi_bo,DV,village,2019-01,2025-06,khe-lanh',
      ].join('\n'),
    });
    expect(errors).toEqual([]);
    expect(inputs.units.map((u) => [u.id, u.level, u.label, u.slug, u.parentId ?? null])).toEqual([
      ['QN', 'province', 'Quảng Ninh', 'quang-ninh', null],
      ['BL', 'district', 'Đảng bộ huyện Bình Liêu', 'dang-bo-huyen-binh-lieu', 'QN'],
      ['DV', 'grassroots', 'Đồng Văn', 'dong-van', 'BL'],
      ['DV.1', 'branch', 'Chi bộ thôn Khe Lánh', 'khe-lanh', 'DV'],
    ]);
    expect(inputs.units[1]!.activeTo).toBe(monthIndex(2025, 6));
    expect(inputs.units[2]!.activeFrom).toBe(monthIndex(2019, 1));
    expect(inputs.units[2]!.kind).toBe('commune');
    expect(inputs.units[3]!.origin).toEqual({ file: 'units.csv', line: 5 });
  });

  it('derives slugs the Vietnamese way: đ to d, no diacritics, lower case, hyphens', () => {
    expect(slugFromName('Đảng bộ huyện Bình Liêu')).toBe('dang-bo-huyen-binh-lieu');
    expect(slugFromName('Đắk Lắk')).toBe('dak-lak');
    expect(slugFromName('TP. Hạ Long')).toBe('tp-ha-long');
    expect(slugFromName('Ưng Hòa – Mỹ Đức')).toBe('ung-hoa-my-duc');
  });

  it('reports a bad id, level, kind, month and slug at their cells', () => {
    const { errors } = run({
      'units.csv': [
        'id,name,level,parent_id,kind,active_from,active_to,slug',
        'QN,Tỉnh,province,,,,,',
        'B L,Huyện,district,QN,,,,', // 3: id
        'BL2,Huyện 2,quan,QN,,,,', // 4: level
        'BL3,Huyện 3,district,QN,xa,,,', // 5: kind
        'BL4,Huyện 4,district,QN,,13/2020,,', // 6: month
        'BL5,Huyện 5,district,QN,,2021-01,2020-12,', // 7: to before from
        'BL6,Huyện 6,district,QN,,,,Bình-Liêu', // 8: slug
      ].join('\n'),
    });
    expect(locations(errors)).toEqual([
      'units.csv:3:1 id',
      'units.csv:4:3 level',
      'units.csv:5:5 kind',
      'units.csv:6:6 active_from',
      'units.csv:7:7 active_to',
      'units.csv:8:8 slug',
    ]);
  });

  it('reports a duplicate id naming both lines', () => {
    const { errors } = run({
      'units.csv': `${UNITS}\nBL,Đảng bộ huyện Bình Liêu (trùng),,district,QN,,bl-2\n`,
    });
    expect(locations(errors)).toEqual(['units.csv:5:1 id']);
    expect(errors[0]!.message).toContain('dòng 3');
    expect(errors[0]!.message).toContain('dòng 5');
  });

  it('requires parent_id unless province, and forbids it for a province', () => {
    const { errors } = run({
      'units.csv': 'id,name,level,parent_id\nQN,Tỉnh,province,\nHN,Tỉnh 2,province,QN\nBL,Huyện,district,\n',
    });
    expect(locations(errors)).toEqual(['units.csv:3:4 parent_id', 'units.csv:4:4 parent_id']);
  });

  it('reports an unknown parent with a suggestion, and a parent that is not of a higher level', () => {
    const { errors, lines } = run({
      'units.csv': `${UNITS}\nX1,Xã 1,,grassroots,BLL,,\nX2,Xã 2,,grassroots,DV,,\nX3,Xã 3,,district,BL,,\n`,
    });
    expect(locations(errors)).toEqual([
      'units.csv:5:5 parent_id',
      'units.csv:6:5 parent_id',
      'units.csv:7:5 parent_id',
    ]);
    expect(lines[0]).toContain('có phải ý bạn là BL?');
    expect(lines[1]).toMatch(/cấp trên phải là cấp cao hơn/);
  });

  it('reports a cycle once, naming every unit and line in it', () => {
    const { errors } = run({
      'units.csv':
        `${UNITS}\nA,Xã A,,grassroots,B,,\nB,Xã B,,grassroots,C,,\n` +
        'C,Xã C,,grassroots,A,,\nS,Xã S,,grassroots,S,,\n',
    });
    expect(locations(errors)).toEqual(['units.csv:5:5 parent_id', 'units.csv:8:5 parent_id']);
    expect(errors[0]!.message).toMatch(/Vòng lặp cấp trên: A \(dòng 5\) → B \(dòng 6\) → C \(dòng 7\) → A/);
    expect(errors[1]!.message).toMatch(/chính nó/);
  });

  it('reports two units with the same slug, given or derived, naming both lines', () => {
    // X is of BL's level and alive with it: the same derived slug stays an error (other levels: schema-reorg).
    const { errors } = run({
      'units.csv': `${UNITS}\nX,Huyện Bình Liêu,Bình Liêu,district,QN,,\nY,Xã Y,,grassroots,BL,,dong-van\n`,
    });
    expect(locations(errors)).toEqual(['units.csv:5:3 short_name', 'units.csv:6:7 slug']);
    expect(errors[0]!.message).toMatch(/binh-lieu.*dòng 3.*dòng 5/);
    expect(errors[1]!.message).toMatch(/dong-van.*dòng 4.*dòng 6/);
  });

  it('leaves out the descendants and the rows of a unit with an error, without extra errors', () => {
    const { inputs, errors } = run({
      'units.csv': `${UNITS.replace('Bình Liêu,Bình Liêu,district', 'Bình Liêu,Bình Liêu,quận')}`,
      'admissions.csv': 'unit_id,period,admitted\nDV,2020,5\nQN,2020,50\n',
    });
    expect(locations(errors)).toEqual(['units.csv:3:4 level']);
    expect(inputs.units.map((u) => u.id)).toEqual(['QN']);
    expect(inputs.admissions.map((a) => a.unitId)).toEqual(['QN']);
  });
});

describe('terms.csv', () => {
  it('uses the default terms when terms.csv is absent', () => {
    const { inputs } = run({});
    expect(inputs.terms.map((t) => [t.id, t.from, t.to])).toEqual(DEFAULT_TERMS.map((t) => [t.id, t.from, t.to]));
  });

  it('reads terms and resolves a term id in a period', () => {
    const { inputs, errors } = run({
      'terms.csv': 'id,name,from,to\nNK1,Nhiệm kỳ một,2016-01,12/2020\nNK2,,2021-01,2025-12\n',
      'admissions.csv': 'unit_id,period,admitted\nBL,NK1,500\n',
    });
    expect(errors).toEqual([]);
    expect(inputs.terms).toEqual([
      { id: 'NK1', name: 'Nhiệm kỳ một', from: monthIndex(2016, 1), to: monthIndex(2020, 12) },
      { id: 'NK2', name: 'Nhiệm kỳ NK2', from: monthIndex(2021, 1), to: monthIndex(2025, 12) },
    ]);
    expect(inputs.admissions[0]!.period).toEqual({
      kind: 'term',
      text: 'NK1',
      from: monthIndex(2016, 1),
      to: monthIndex(2020, 12),
      termId: 'NK1',
    });
  });

  it('points a period naming a broken term to terms.csv', () => {
    const { errors } = run({
      'terms.csv': 'id,from,to\nNK1,2016-01,2020-13\n',
      'admissions.csv': 'unit_id,period,admitted\nBL,NK1,5\n',
      'targets.csv': 'unit_id,period,target\nBL,NK1,5\n',
    });
    expect(locations(errors)).toEqual(['terms.csv:2:3 to', 'admissions.csv:2:2 period', 'targets.csv:2:2 period']);
    expect(errors[1]!.message).toMatch(/Nhiệm kỳ NK1 có lỗi trong terms\.csv/);
    expect(errors[2]!.message).toMatch(/Nhiệm kỳ NK1 có lỗi trong terms\.csv/);
  });

  it('reports overlapping terms, duplicate ids and ids that look like a period', () => {
    const { errors } = run({
      'terms.csv':
        'id,from,to\n2015-2020,2016-01,2020-12\n2020-2025,2020-06,2025-12\n' +
        '2015-2020,2031-01,2035-12\n2030,2036-01,2040-12\n',
    });
    expect(locations(errors)).toEqual(['terms.csv:3:2 from', 'terms.csv:4:1 id', 'terms.csv:5:1 id']);
    expect(errors[0]!.message).toMatch(/chồng lên nhiệm kỳ 2015-2020 \(dòng 2\)/);
  });
});

describe('admissions.csv', () => {
  it('reads every kind of period', () => {
    const { inputs, errors } = run({
      'admissions.csv':
        'unit_id,period,admitted\nBL,2019,109\nBL,2020-01..2020-07,53\nBL,2020-8,5\nBL,09/2020,6\nBL,2015-2020,600\n',
    });
    expect(errors).toEqual([]);
    expect(inputs.admissions.map((a) => [a.period.kind, a.period.text])).toEqual([
      ['year', '2019'],
      ['range', '2020-01..2020-07'],
      ['month', '2020-08'],
      ['month', '2020-09'],
      ['term', '2015-2020'],
    ]);
  });

  it('reports a bad period, an unknown unit and a breakdown above admitted', () => {
    const { errors, lines } = run({
      'admissions.csv':
        'unit_id,period,admitted,youth,women,ethnic_minority,college\nBL,2020-07..2020-01,5,,,,\n' +
        'BLL,2020,5,,,,\nBL,2019,109,68,53,98,110\nBL,2018,x,,,,\n',
    });
    expect(locations(errors)).toEqual([
      'admissions.csv:2:2 period',
      'admissions.csv:3:1 unit_id',
      'admissions.csv:4:7 college',
      'admissions.csv:5:3 admitted',
    ]);
    expect(lines[1]).toContain('có phải ý bạn là BL?');
    expect(lines[2]).toMatch(/\(110\) lớn hơn số kết nạp \(admitted\) \(109\)/);
  });

  it('reports a second row for the same unit and period, comparing the resolved period', () => {
    const { inputs, errors } = run({
      'admissions.csv':
        'unit_id,period,admitted\nBL,2020-1,5\nBL,2020-02,6\nBL,2020-01,7\nBL,2019,100\n' +
        'BL,2019-01..2019-12,100\nDV,2020-01,1\n',
    });
    expect(locations(errors)).toEqual(['admissions.csv:4:2 period', 'admissions.csv:6:2 period']);
    expect(errors[0]!.message).toMatch(/dòng 2 và dòng 4/);
    expect(errors[1]!.message).toMatch(/dòng 5 và dòng 6/);
    expect(inputs.admissions.map((a) => a.origin.line)).toEqual([2, 3, 5, 7]);
  });

  it('still checks the unit and the period of a row that failed on another column', () => {
    const { errors } = run({ 'admissions.csv': 'unit_id,period,admitted\nBL,2020,abc\nBL,2020,5\nZZZ,2020,x\n' });
    expect(locations(errors)).toEqual([
      'admissions.csv:2:3 admitted',
      'admissions.csv:3:2 period',
      'admissions.csv:4:1 unit_id',
      'admissions.csv:4:3 admitted',
    ]);
  });

  it('reports the right line for a row after a quoted cell spanning lines', () => {
    const { errors } = run({
      'admissions.csv': [
        'unit_id,period,admitted,source',
        'BL,2019,109,"Báo Quảng Ninh,',
        'ngày 3/1/2020',
        'trang 2"',
        'BL,2020,12a,x',
      ].join('\r\n'),
    });
    expect(errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/^admissions\.csv:5:3 \[admitted\] "12a": /)]);
  });
});

describe('targets.csv and training.csv', () => {
  it('accepts a target per year or term only, and reports duplicates', () => {
    const { inputs, errors } = run({
      'targets.csv': 'unit_id,period,target\nBL,2020,85\nBL,2020-2025,400\nBL,2020-07,10\nBL,2020,90\n',
    });
    expect(locations(errors)).toEqual(['targets.csv:4:2 period', 'targets.csv:5:2 period']);
    expect(errors[0]!.message).toMatch(/năm hoặc nhiệm kỳ/);
    expect(inputs.targets.map((t) => [t.period.kind, t.target])).toEqual([
      ['year', 85],
      ['term', 400],
    ]);
  });

  it('needs at least one of classes, trainees, dossiers', () => {
    const { inputs, errors } = run({
      'training.csv': 'unit_id,period,classes,trainees,dossiers\nBL,2020,3,,\nBL,2021,,,\nBL,2022,x,,\nBL,2020,1,2,3\n',
    });
    expect(locations(errors)).toEqual(['training.csv:3:', 'training.csv:4:3 classes', 'training.csv:5:2 period']);
    expect(errors[0]!.message).toMatch(/classes.*trainees.*dossiers/);
    expect(inputs.training).toEqual([
      {
        unitId: 'BL',
        period: expect.objectContaining({ text: '2020' }),
        classes: 3,
        origin: { file: 'training.csv', line: 2 },
      },
    ]);
  });
});

describe('members.csv', () => {
  it('reads dates in both forms, and counts', () => {
    const { inputs, errors } = run({
      'members.csv': 'unit_id,as_of,members,probationary\nBL,31/12/2019,1.488,20\nBL,2020-12-31,1 500,\n',
    });
    expect(errors).toEqual([]);
    expect(inputs.members.map((m) => [m.asOf, m.members, m.probationary])).toEqual([
      ['2019-12-31', 1488, 20],
      ['2020-12-31', 1500, undefined],
    ]);
  });

  it('reports a date that is not in the calendar (31/02), and impossible breakdowns', () => {
    const { errors } = run({
      'members.csv': [
        'unit_id,as_of,members,probationary,women,ethnic_minority,' +
          'villages,villages_with_branch,villages_without_members',
        'BL,31/02/2020,100,,,,,,', // 2
        'BL,2019-02-29,100,,,,,,', // 3 (2019 is not a leap year)
        'BL,2020-02-29,100,101,,,,,', // 4
        'BL,2020-12-31,100,,,,10,8,3', // 5
        'BL,31/12/2020,90,,,,,,', // 6: same date as line 5
      ].join('\n'),
    });
    expect(locations(errors)).toEqual([
      'members.csv:2:2 as_of',
      'members.csv:3:2 as_of',
      'members.csv:4:4 probationary',
      'members.csv:5:9 villages_without_members',
      'members.csv:6:2 as_of',
    ]);
    expect(errors[0]!.message).toMatch(/31\/02/);
    expect(errors[4]!.message).toMatch(/dòng 5 và dòng 6/);
  });
});

describe('one run reports everything', () => {
  it('collects the errors of every file, sorted by file and line', () => {
    const { errors, inputs } = run({
      'units.csv': `${UNITS}\nDV,Trùng,,grassroots,BL,,x\n`,
      'terms.csv': 'id,from,to\nNK,2021-01,2020-12\n',
      'admissions.csv': 'unit_id,period,admitted\nBL,2020,1.5\nXX,2020,1\nBL,2021,2\n',
      'targets.csv': 'unit_id,period,target\nBL,2020-05,1\n',
      'training.csv': 'unit_id,period,classes\nBL,2020,\n',
      'members.csv': 'unit_id,as_of,members\nBL,30/02/2020,1\n',
    });
    expect(locations(errors)).toEqual([
      'units.csv:5:1 id',
      'terms.csv:2:3 to',
      'admissions.csv:2:3 admitted',
      'admissions.csv:3:1 unit_id',
      'targets.csv:2:2 period',
      'training.csv:2:',
      'members.csv:2:2 as_of',
    ]);
    // Rows without errors still make it through.
    expect(inputs.admissions.map((a) => a.origin.line)).toEqual([4]);
    expect(inputs.units).toHaveLength(3);
  });

  it('gives every error a file, a line, a Vietnamese message; cell errors also a column and the value', () => {
    const { errors } = run({ 'admissions.csv': 'unit_id,period,admitted\nBL,2020,abc\n' });
    expect(errors[0]).toEqual({
      severity: 'error',
      file: 'admissions.csv',
      line: 2,
      column: 'admitted',
      columnNumber: 3,
      value: 'abc',
      message: expect.stringMatching(/^Không phải số nguyên không âm\. Cần số nguyên không âm, ví dụ 12 hoặc 1\.488/),
    });
  });
});

describe('clean tables for re-publishing', () => {
  it('hold the valid rows, with the columns as written', () => {
    const { inputs } = run({
      'admissions.csv': 'Unit_ID,Period,Admitted,Source\nBL,2020,"1.488",  Báo   Quảng Ninh \nBL,2021,x,\n',
    });
    const t = inputs.tables.find((x) => x.file === 'admissions.csv')!;
    expect(t.columns).toEqual(['Unit_ID', 'Period', 'Admitted', 'Source']);
    expect(t.rows).toEqual([['BL', '2020', '1.488', 'Báo Quảng Ninh']]);
    expect(inputs.tables.map((x) => x.file)).toEqual(['units.csv', 'admissions.csv']);
  });
});

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('admited', 'admitted')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

/**
 * The 2025 reorganisation in units.csv (issue 10 §1, data-format.md "Units that change"): communes, lives in
 * several rows, successors, slugs across levels and lives, and the rows of the other files inside a life.
 * Every expected line and column is counted by hand from the CSV text written here: line 1 is the header,
 * the column numbers are those of the header (HEADER below: active_from is column 7, active_to 8, ...).
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../src/lib/ingest/index.ts';
import { monthIndex } from '../src/lib/periods.ts';
import { validate } from '../src/lib/schema/index.ts';
import type { Diagnostic } from '../src/lib/types.ts';

// Columns: 1 id, 2 name, 3 short_name, 4 level, 5 parent_id, 6 kind, 7 active_from, 8 active_to,
// 9 successor_id, 10 slug, 11 source.
const HEADER = 'id,name,short_name,level,parent_id,kind,active_from,active_to,successor_id,slug,source';

/** A merged province, an ended district and its commune, a moved unit, an armed forces committee. */
const WORLD = [
  HEADER,
  'BK,Đảng bộ tỉnh Bắc Kạn,Bắc Kạn,province,,,,2025-06,TN,,Nghị quyết 202/2025/QH15', // 2
  'TN,Đảng bộ tỉnh Thái Nguyên,Thái Nguyên,province,,,,,,,', // 3
  'PB,Đảng bộ huyện Phú Bình,Phú Bình,district,TN,,,2025-06,,,', // 4
  'PBX,Đảng bộ xã Phú Bình,Phú Bình,commune,TN,commune,2025-07,,,,Quyết định thành lập', // 5
  'QS,Đảng bộ Quân sự tỉnh,Quân sự tỉnh,district,TN,armed_forces,,,,,', // 6
  'TR,Chi bộ Trường THCS Phú Bình,Trường THCS,grassroots,PB,school,,2025-06,,,', // 7: under the district...
  'TR,Chi bộ Trường THCS Phú Bình,Trường THCS,grassroots,PBX,school,2025-07,,,,', // 8: ...then the commune
  'CD,Đảng bộ huyện Chợ Đồn,Chợ Đồn,district,BK,,,2025-06,,,', // 9
];
const world = (...extra: string[]) => [...WORLD, ...extra].join('\n');

const ADMISSIONS = [
  'unit_id,period,admitted',
  'PB,2025-01..2025-06,12', // 2
  'PBX,2025-07..2025-12,8', // 3
  'TR,2025-01..2025-06,2', // 4
  'TR,2025-07..2025-12,3', // 5
  'BK,2024,150', // 6
  'CD,2025-01..2025-06,20', // 7
].join('\n');

function run(files: Record<string, string>) {
  const all = { 'units.csv': world(), 'admissions.csv': ADMISSIONS, ...files };
  const inputs = validate(Object.entries(all).map(([file, text]) => parseTable(text, file)));
  const errors = inputs.diagnostics.filter((d) => d.severity === 'error');
  const warnings = inputs.diagnostics.filter((d) => d.severity === 'warning');
  return { inputs, errors, warnings };
}

/** `file:line:column header` of each diagnostic: where a user is sent to fix it. */
const locations = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.file}:${d.line ?? ''}:${d.columnNumber ?? ''} ${d.column ?? ''}`.trim());

const m = monthIndex;

describe('a reorganised province', () => {
  it('reads a merged province, ended districts, a new commune and a moved unit without errors', () => {
    const { inputs, errors, warnings } = run({
      'members.csv': 'unit_id,as_of,members\nPB,2025-06-30,900\nPBX,2025-07-31,950\n',
      'targets.csv': 'unit_id,period,target\nBK,2025,300\nPBX,2025,20\n',
      'training.csv': 'unit_id,period,classes\nTR,2025-07..2025-12,1\n',
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const byId = new Map(inputs.units.map((u) => [u.id, u]));
    expect(byId.get('BK')).toMatchObject({
      activeTo: m(2025, 6),
      successorId: 'TN',
      source: 'Nghị quyết 202/2025/QH15',
    });
    expect(byId.get('PBX')).toMatchObject({ level: 'commune', parentId: 'TN', activeFrom: m(2025, 7) });
    // The moved unit: the latest row (line 8) gives its parent and origin; both rows are its lives, oldest first.
    const tr = byId.get('TR')!;
    expect(tr).toMatchObject({ parentId: 'PBX', origin: { file: 'units.csv', line: 8 } });
    expect(tr.activeFrom).toBeUndefined();
    expect(tr.activeTo).toBeUndefined();
    expect(tr.lives).toEqual([
      {
        from: undefined,
        to: m(2025, 6),
        parentId: 'PB',
        name: 'Chi bộ Trường THCS Phú Bình',
        shortName: 'Trường THCS',
        label: 'Trường THCS',
        origin: { file: 'units.csv', line: 7 },
      },
      {
        from: m(2025, 7),
        to: undefined,
        parentId: 'PBX',
        name: 'Chi bộ Trường THCS Phú Bình',
        shortName: 'Trường THCS',
        label: 'Trường THCS',
        origin: { file: 'units.csv', line: 8 },
      },
    ]);
    // A unit of one row has no `lives` (its own fields are its life), nor a successor or source it lacks.
    expect('lives' in byId.get('TN')!).toBe(false);
    expect('successorId' in byId.get('TN')!).toBe(false);
    // Both rows of TR are re-published, in file order.
    const units = inputs.tables.find((t) => t.file === 'units.csv')!;
    expect(units.rows.filter((r) => r[0] === 'TR').map((r) => r[4])).toEqual(['PB', 'PBX']);
    expect(inputs.admissions).toHaveLength(6);
  });

  it('tells apart derived slugs of different levels, or of lives that do not overlap, by the level word', () => {
    const { inputs, errors } = run({});
    expect(errors).toEqual([]);
    const slug = (id: string) => inputs.units.find((u) => u.id === id)!.slug;
    // PB (district) and PBX (commune) both derive `phu-binh`; every other slug stays as derived.
    expect([slug('PB'), slug('PBX')]).toEqual(['phu-binh-huyen', 'phu-binh-xa']);
    expect([slug('BK'), slug('TN'), slug('QS'), slug('TR'), slug('CD')]).toEqual([
      'bac-kan',
      'thai-nguyen',
      'quan-su-tinh',
      'truong-thcs',
      'cho-don',
    ]);
  });

  it('keeps a same-level clash of units alive at once, and an explicit slug clash, as errors', () => {
    const { errors } = run({
      'units.csv': world(
        'PB2,Đảng bộ huyện Phú Bình 2,Phú Bình,district,TN,,,2025-06,,,', // 10: alive with PB, one level
        'CD2,Đảng bộ xã Chợ Đồn,,commune,TN,,2025-07,,,cho-don,', // 11: explicit slug of CD's derived one
      ),
    });
    expect(locations(errors)).toEqual(['units.csv:10:3 short_name', 'units.csv:11:10 slug']);
    expect(errors[0]!.message).toMatch(/^Slug phu-binh trùng với đơn vị PB ở dòng 4 \(dòng 4 và dòng 10\)/u);
    expect(errors[1]!.message).toMatch(/^Slug cho-don trùng với đơn vị CD ở dòng 9 \(dòng 9 và dòng 11\)/);
  });
});

describe('communes and districts around 2025-07', () => {
  it('accepts `xa` for a commune, starts one without active_from in 2025-07, with a warning', () => {
    const units = world('TK,Đảng bộ xã Tân Khánh,Tân Khánh,xa,TN,,,,,,');
    const { inputs, errors, warnings } = run({ 'units.csv': units });
    expect(errors).toEqual([]);
    expect(locations(warnings)).toEqual(['units.csv:10:7 active_from']);
    expect(warnings[0]!.message).toMatch(/coi là bắt đầu hoạt động từ 2025-07/);
    expect(inputs.units.find((u) => u.id === 'TK')).toMatchObject({ level: 'commune', activeFrom: m(2025, 7) });
  });

  it('reports a commune under a district: its parent must be a province', () => {
    const { errors } = run({ 'units.csv': world('TK,Đảng bộ xã Tân Khánh,,commune,PB,,2025-07,,,,') });
    expect(locations(errors)).toEqual(['units.csv:10:5 parent_id']);
    expect(errors[0]!.message).toMatch(/^Cấp trên PB \(dòng 4\) là cấp huyện: đảng bộ cấp xã .*/);
    expect(errors[0]!.message).toMatch(/parent_id phải là mã của một đảng bộ tỉnh\.$/);
  });

  it('reports a commune whose end comes before its default start', () => {
    const { errors } = run({ 'units.csv': world('TK,Đảng bộ xã Tân Khánh,,commune,TN,,,2025-03,,,') });
    expect(locations(errors)).toEqual(['units.csv:10:8 active_to']);
    expect(errors[0]!.message).toMatch('nên được coi là bắt đầu từ 2025-07, nhưng active_to (2025-03)');
  });

  it('reports a district under a commune, naming the tiers with the commune', () => {
    const { errors } = run({ 'units.csv': world('HX,Đảng bộ huyện X,,district,PBX,,,,,,') });
    expect(locations(errors)).toEqual(['units.csv:10:5 parent_id']);
    expect(errors[0]!.message).toMatch('Cấp trên PBX (dòng 5) là cấp xã, không cao hơn cấp huyện');
    expect(errors[0]!.message).toMatch('(tỉnh > huyện, xã > cơ sở > chi bộ)');
  });

  it('warns about a district still active after 2025-06, unless armed forces or an agency', () => {
    const units = world(
      'DT,Đảng bộ huyện Đại Từ,Đại Từ,district,TN,,,,,,', // 10: no end, and the data reach 2025-12
      'KC,Đảng bộ Khối các cơ quan tỉnh,Khối cơ quan,district,TN,agency,,,,,', // 11: goes on, no warning
      'VN,Đảng bộ huyện Võ Nhai,Võ Nhai,district,TN,,,2025-12,,,', // 12: ends after 2025-06
    );
    const { errors, warnings } = run({ 'units.csv': units });
    expect(errors).toEqual([]);
    expect(locations(warnings)).toEqual(['units.csv:10:8 active_to', 'units.csv:12:8 active_to']);
    const after = 'còn hoạt động sau 2025-06';
    expect(warnings[0]!.message).toMatch(`Đơn vị cấp huyện DT ${after} (không ghi active_to, `);
    expect(warnings[0]!.message).toMatch('số liệu có đến 2025-12)');
    expect(warnings[1]!.message).toMatch(`Đơn vị cấp huyện VN ${after} (đến 2025-12)`);
  });

  it('does not warn about a district with no end when the data stop before 2025-07', () => {
    const { warnings } = run({
      'units.csv': world('DT,Đảng bộ huyện Đại Từ,Đại Từ,district,TN,,,,,,'),
      'admissions.csv': 'unit_id,period,admitted\nDT,2020,40\nPB,2025-01..2025-06,12\n',
    });
    expect(warnings).toEqual([]);
  });
});

describe('lives in several rows', () => {
  it('reports rows of one id whose lives overlap, naming both lines', () => {
    const units = world(
      'DT,Đảng bộ huyện Đại Từ,,district,TN,,,2024-12,,,', // 10
      'DT,Đảng bộ huyện Đại Từ (mới),,district,TN,,2024-06,2025-06,,,', // 11: starts before 10 ends
    );
    const { errors } = run({ 'units.csv': units });
    expect(locations(errors)).toEqual(['units.csv:11:7 active_from']);
    expect(errors[0]!.message).toMatch(
      'Các dòng của đơn vị DT chồng thời gian: dòng 10 (đến 2024-12) và dòng 11 (2024-06..2025-06)',
    );
  });

  it('accepts a rename in two rows: the latest row names the unit', () => {
    const units = world(
      'DT,Đảng bộ huyện Đại Từ,,district,TN,,,2020-12,,,', // 10
      'DT,Đảng bộ huyện Đại Từ (tên mới),Đại Từ,district,TN,,2021-01,2025-06,,,', // 11
    );
    const { inputs, errors } = run({ 'units.csv': units, 'admissions.csv': 'unit_id,period,admitted\nDT,2020,4\n' });
    expect(errors).toEqual([]);
    const dt = inputs.units.find((u) => u.id === 'DT')!;
    expect([dt.name, dt.label, dt.slug, dt.activeFrom, dt.activeTo]).toEqual([
      'Đảng bộ huyện Đại Từ (tên mới)',
      'Đại Từ',
      'dai-tu',
      undefined,
      m(2025, 6),
    ]);
    expect(dt.lives!.map((l) => [l.label, l.origin.line])).toEqual([
      ['Đảng bộ huyện Đại Từ', 10],
      ['Đại Từ', 11],
    ]);
    // A year across a rename (same parent) is not a move: the row is used.
    expect(inputs.admissions.map((a) => a.unitId)).toEqual(['DT']);
  });

  it('reports a second row of an id with no bounds as a duplicate id', () => {
    const units = world('QS,Đảng bộ Quân sự tỉnh (trùng),,district,TN,armed_forces,,,,,');
    const { errors } = run({ 'units.csv': units });
    expect(locations(errors)).toEqual(['units.csv:10:1 id']);
    expect(errors[0]!.message).toMatch('Trùng mã đơn vị: mã QS đã dùng ở dòng 6 (dòng 6 và dòng 10)');
  });

  it('reports rows of one id that disagree on the level', () => {
    const units = world().replace('Trường THCS,grassroots,PBX', 'Trường THCS,branch,PBX'); // line 8
    const { errors } = run({ 'units.csv': units });
    expect(locations(errors)).toEqual(['units.csv:7:4 level']);
    expect(errors[0]!.message).toMatch('Đơn vị TR ghi cấp cơ sở ở dòng này nhưng cấp chi bộ ở dòng 8');
  });

  it('reports a unit left under an ended parent, naming both rows', () => {
    // TR in one row, under PB (ended 2025-06), with no end of its own.
    const units = world()
      .replace(/\nTR,.*PBX.*$/m, '')
      .replace('school,,2025-06,', 'school,,,');
    const { errors } = run({ 'units.csv': units, 'admissions.csv': 'unit_id,period,admitted\n' });
    expect(locations(errors)).toEqual(['units.csv:7:8 active_to']);
    expect(errors[0]!.message).toMatch('Đơn vị TR (dòng 7) vẫn hoạt động (không ghi active_to) ');
    expect(errors[0]!.message).toMatch('sau khi cấp trên PB ngừng hoạt động (2025-06, dòng 4)');
  });

  it('reports a unit active before its parent began', () => {
    const { errors } = run({ 'units.csv': world('TX,Chi bộ Trường Tiểu học,,grassroots,PBX,school,,,,,') });
    expect(locations(errors)).toEqual(['units.csv:10:7 active_from']);
    expect(errors[0]!.message).toMatch('Đơn vị TX (dòng 10) không ghi active_from, ');
    expect(errors[0]!.message).toMatch('khi cấp trên PBX chưa hoạt động');
    expect(errors[0]!.message).toMatch(/Ghi active_from cho dòng này \(từ 2025-07\)/);
  });
});

describe('successor_id', () => {
  const withSuccessor = (sid: string) => world().replace('2025-06,TN,', `2025-06,${sid},`); // BK, line 2

  it('reports a successor on a row that is not the unit’s last', () => {
    const units = world().replace('PB,school,,2025-06,,,', 'PB,school,,2025-06,PBX,,'); // TR, line 7
    const { errors } = run({ 'units.csv': units });
    expect(locations(errors)).toEqual(['units.csv:7:9 successor_id']);
    expect(errors[0]!.message).toMatch('kết thúc 2025-06 nhưng đơn vị còn hoạt động ở dòng 8');
  });

  it('reports an unknown successor with a suggestion', () => {
    const { errors } = run({ 'units.csv': withSuccessor('TNN') });
    expect(locations(errors)).toEqual(['units.csv:2:9 successor_id']);
    expect(errors[0]!.message).toMatch('Không có đơn vị mã TNN trong units.csv (có phải ý bạn là TN?)');
  });

  it('reports a successor not active in the month after the end', () => {
    const ls = 'LS,Đảng bộ tỉnh Lạng Sơn,,province,,,,2025-06,,,'; // line 10: ends with BK
    const { errors } = run({ 'units.csv': `${withSuccessor('LS')}\n${ls}` });
    expect(locations(errors)).toEqual(['units.csv:2:9 successor_id']);
    expect(errors[0]!.message).toMatch('Đơn vị kế tiếp LS (dòng 10) không hoạt động trong tháng 2025-07');
  });

  it('reports a successor of another level', () => {
    const { errors } = run({ 'units.csv': withSuccessor('PBX') });
    expect(locations(errors)).toEqual(['units.csv:2:9 successor_id']);
    expect(errors[0]!.message).toMatch('Đơn vị kế tiếp PBX (dòng 5) là cấp xã, khác cấp tỉnh của đơn vị này');
  });

  it('reports a successor on a unit that never ended, and a unit merging into itself', () => {
    const units = world()
      .replace('Thái Nguyên,province,,,,,,', 'Thái Nguyên,province,,,,,BK,') // TN (line 3) has no end
      .replace('2025-06,TN,', '2025-06,BK,'); // BK (line 2) into itself
    const { errors } = run({ 'units.csv': units });
    expect(locations(errors)).toEqual(['units.csv:2:9 successor_id', 'units.csv:3:9 successor_id']);
    expect(errors[0]!.message).toMatch(/^Đơn vị không thể hợp nhất vào chính nó/);
    expect(errors[1]!.message).toMatch(/^successor_id chỉ ghi cho đơn vị đã ngừng hoạt động .*không có active_to/);
  });
});

describe('rows inside a life', () => {
  it('reports a flow row past its unit’s end and before its start', () => {
    const { errors } = run({
      'admissions.csv': `${ADMISSIONS}\nPB,2025-07,3\nPBX,2025,20`, // lines 8, 9
      'training.csv': 'unit_id,period,classes\nCD,2025,1\n', // CD ended 2025-06
    });
    expect(locations(errors)).toEqual([
      'admissions.csv:8:2 period',
      'admissions.csv:9:2 period',
      'training.csv:2:2 period',
    ]);
    const outside = 'nằm ngoài thời gian hoạt động của đơn vị';
    expect(errors[0]!.message).toMatch(`Kỳ 2025-07 của đơn vị PB ${outside} (đến 2025-06, units.csv dòng 4)`);
    expect(errors[1]!.message).toMatch(`Kỳ 2025 (2025-01..2025-12) của đơn vị PBX ${outside} (từ 2025-07,`);
  });

  it('reports a flow row across a move to another parent, saying how to split it', () => {
    const { errors } = run({ 'admissions.csv': 'unit_id,period,admitted\nTR,2025,5\n' });
    expect(locations(errors)).toEqual(['admissions.csv:2:2 period']);
    expect(errors[0]!.message).toContain('từ cấp trên PB sang PBX (từ 2025-07; units.csv dòng 7 và 8)');
    expect(errors[0]!.message).toContain('tách thành 2025-01..2025-06 và 2025-07..2025-12');
  });

  it('reports a snapshot after its unit’s end', () => {
    const { errors } = run({ 'members.csv': 'unit_id,as_of,members\nPB,2025-06-30,900\nPB,31/12/2025,950\n' });
    expect(locations(errors)).toEqual(['members.csv:3:2 as_of']);
    expect(errors[0]!.message).toMatch('Số liệu ngày 2025-12-31 của đơn vị PB nằm ngoài thời gian hoạt động');
  });

  it('accepts a target overlapping the life, and reports one outside it', () => {
    // BK ended 2025-06: its 2025 target overlaps, its 2026 one does not.
    const { inputs, errors } = run({ 'targets.csv': 'unit_id,period,target\nBK,2025,300\nBK,2026,300\n' });
    expect(locations(errors)).toEqual(['targets.csv:3:2 period']);
    expect(errors[0]!.message).toMatch('Chỉ tiêu kỳ 2026 (2026-01..2026-12) của đơn vị BK không có tháng nào');
    expect(inputs.targets.map((t) => t.period.text)).toEqual(['2025']);
  });
});

describe('one run', () => {
  it('reports every broken variant at once, each at its file, line and column', () => {
    const units = world(
      'TK,Đảng bộ xã Tân Khánh,,commune,PB,,2025-07,,,,', // 10: a commune under a district
      'LS,Đảng bộ tỉnh Lạng Sơn,,province,,,,2025-06,TNN,,', // 11: unknown successor
      'HG,Đảng bộ tỉnh Hà Giang,,province,,,,,TN,,', // 12: a successor on a unit that never ended
    );
    const { errors } = run({
      'units.csv': units,
      'admissions.csv': `${ADMISSIONS}\nTR,2025,5\nCD,2025-07..2025-09,4`, // 8: across the move; 9: past the end
      'members.csv': 'unit_id,as_of,members\nCD,2025-09-30,100\n',
      'targets.csv': 'unit_id,period,target\nBK,2026,300\n',
    });
    expect(locations(errors)).toEqual([
      'units.csv:10:5 parent_id',
      'units.csv:11:9 successor_id',
      'units.csv:12:9 successor_id',
      'admissions.csv:8:2 period',
      'admissions.csv:9:2 period',
      'targets.csv:2:2 period',
      'members.csv:2:2 as_of',
    ]);
  });
});

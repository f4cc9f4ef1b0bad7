import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFolder } from '../src/lib/ingest/index.ts';
import { formatDiagnostic, loadInputs } from '../src/lib/load.ts';
import { sortDiagnostics, validate } from '../src/lib/schema/index.ts';
import { runCheck } from '../scripts/check.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = path.join(root, 'node_modules/.bin/node');

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'check-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const GOOD = {
  'units.csv':
    '\ufeffid,name,short_name,level,parent_id\r\nQN,Đảng bộ tỉnh Quảng Ninh,Quảng Ninh,province,\r\nBL,Đảng bộ huyện Bình Liêu,Bình Liêu,district,QN\r\n',
  'admissions.csv':
    'unit_id;period;admitted;youth;women;ethnic_minority;college;source\nBL;2019;109;68;53;98;64;Báo Quảng Ninh\nBL;2020-01..2020-07;53;;;;;Báo Quảng Ninh\n',
  'targets.csv': 'unit_id,period,target\nBL,2020,85\n',
  'members.csv': 'unit_id,as_of,members\nBL,31/12/2019,"2.417"\n',
  'ghi-chu.csv': 'x\n',
};

describe('formatDiagnostic', () => {
  it('writes file:line:column [header] "value": message', () => {
    expect(
      formatDiagnostic({
        severity: 'error',
        file: 'admissions.csv',
        line: 12,
        column: 'admitted',
        columnNumber: 7,
        value: '12a',
        message: 'Không phải số.',
      }),
    ).toBe('admissions.csv:12:7 [admitted] "12a": Không phải số.');
  });

  it('leaves out what does not apply, and quotes awkward values safely', () => {
    expect(formatDiagnostic({ severity: 'error', file: 'units.csv', message: 'Thiếu tệp.' })).toBe(
      'units.csv: Thiếu tệp.',
    );
    expect(formatDiagnostic({ severity: 'error', file: 'terms.csv', line: 4, message: 'Chồng.' })).toBe(
      'terms.csv:4: Chồng.',
    );
    expect(
      formatDiagnostic({ severity: 'error', file: 'units.csv', line: 1, column: 'level', message: 'Thiếu cột.' }),
    ).toBe('units.csv:1 [level]: Thiếu cột.');
    expect(
      formatDiagnostic({
        severity: 'error',
        file: 'a.csv',
        line: 2,
        columnNumber: 1,
        column: 'name',
        value: 'Xã "A"',
        message: 'm',
      }),
    ).toBe('a.csv:2:1 [name] "Xã \\"A\\"": m');
    const long = formatDiagnostic({
      severity: 'error',
      file: 'a.csv',
      line: 2,
      columnNumber: 1,
      column: 'note',
      value: 'x'.repeat(200),
      message: 'm',
    });
    expect(long.length).toBeLessThan(120);
  });
});

describe('loadInputs', () => {
  it('reads and validates a folder, with warnings but no errors on good data', async () => {
    const inputs = await loadInputs(folder(GOOD));
    expect(inputs.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: 'ghi-chu.csv' })]);
    expect(inputs.isDemo).toBe(false);
    expect(inputs.units.map((u) => u.slug)).toEqual(['quang-ninh', 'binh-lieu']);
    expect(inputs.admissions.map((a) => [a.period.text, a.admitted, a.youth])).toEqual([
      ['2019', 109, 68],
      ['2020-01..2020-07', 53, undefined],
    ]);
    expect(inputs.members[0]).toMatchObject({ asOf: '2019-12-31', members: 2417 });
    expect(inputs.tables.map((t) => t.file)).toEqual(['units.csv', 'admissions.csv', 'targets.csv', 'members.csv']);
  });

  it('flags a DEMO folder', async () => {
    expect((await loadInputs(folder({ ...GOOD, DEMO: '' }))).isDemo).toBe(true);
  });

  it('reports a missing required file together with the errors of the other files', async () => {
    const inputs = await loadInputs(folder({ 'admissions.csv': 'unit_id,period,admitted\nBL,2020,x\n' }));
    expect(inputs.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^units\.csv: Thiếu tệp bắt buộc units\.csv/),
      expect.stringMatching(/^admissions\.csv:2:3 \[admitted\] "x": /),
    ]);
  });
});

describe('streaming and whole-table validation', () => {
  it('give the same inputs and diagnostics', async () => {
    const dir = folder({
      ...GOOD,
      'units.csv': `${GOOD['units.csv']}BL,Trùng,,district,QN\r\nX,Xã X,,grassroots,BLL\r\n`,
      'terms.csv': 'id,from,to\nNK,2021-01,2025-12\nNK2,2025-01,2030-12\n',
      'admissions.csv': 'unit_id,period,admitted,x_ghi_chu,\nBL,2020,1.5,a,\nBL,NK,2,,\nBL,NK,3,,\nQN,2020,4,,9\n',
      'training.csv': 'unit_id,period,classes\nBL,2020,\n',
    });
    const streamed = await loadInputs(dir);
    const folderRead = await readDataFolder(dir);
    const whole = validate(folderRead.tables);
    expect(streamed.diagnostics).toEqual(sortDiagnostics([...folderRead.diagnostics, ...whole.diagnostics]));
    expect(streamed.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(6);
    expect({ ...streamed, diagnostics: [], isDemo: undefined }).toEqual({ ...whole, diagnostics: [] });
  });
});

describe('runCheck (in-process, as the build calls it)', () => {
  it('returns errors and warnings apart, and logs progress, warnings, errors and a summary', async () => {
    const out: string[] = [];
    const r = await runCheck(folder({ ...GOOD, 'targets.csv': 'unit_id,period,target\nBL,2020,85\nBL,2020,90\n' }), {
      log: (l) => out.push(l),
      outDir: folder({}),
    });
    expect(r.errors.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^targets\.csv:3:2 \[period\] "2020": Trùng dòng/),
    ]);
    expect(r.warnings).toHaveLength(1);
    const text = out.join('\n');
    expect(text).toMatch(/đọc admissions\.csv: 2 dòng \(\d+,\d s\)/);
    expect(text).toMatch(/Cảnh báo \(1\):\nghi-chu\.csv: /);
    expect(text).toMatch(/Lỗi \(1\):\ntargets\.csv:3:2 /);
    expect(text).toMatch(/1 lỗi, 1 cảnh báo/);
  });
});

describe('npm run check (CLI)', () => {
  const cli = (dir: string) =>
    // Hermetic: an empty output folder, so that no earlier dist/ is compared with (src/lib/revisions).
    spawnSync(node, ['scripts/check.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, OUT_DIR: folder({}), PREVIOUS_DATA: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 0 on good data, printing warnings and a summary', () => {
    const r = cli(folder(GOOD));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/đọc units\.csv: 2 dòng/);
    expect(r.stdout).toMatch(/ghi-chu\.csv: Tệp ghi-chu\.csv không thuộc bộ dữ liệu/);
    expect(r.stdout).toMatch(/0 lỗi, 1 cảnh báo/);
  });

  it('warns, without failing, when the children of a unit admitted more than the unit reports', () => {
    const r = cli(
      folder({
        'units.csv':
          'id,name,level,parent_id\nP,Tỉnh A,province,\nD,Huyện B,district,P\nG1,Xã C,grassroots,D\nG2,Xã D,grassroots,D\n',
        'admissions.csv': 'unit_id,period,admitted\nD,2020,5\nG1,2020,4\nG2,2020,3\n',
      }),
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /admissions\.csv:2 \[admitted\] "5": .*Huyện B.*năm 2020.*\(7\) lớn hơn số của chính đơn vị \(5\)/,
    );
    expect(r.stdout).toMatch(/0 lỗi, 2 cảnh báo/);
  });

  it('exits 1 on broken data, with every error located by file:line:column', () => {
    const r = cli(
      folder({
        ...GOOD,
        'admissions.csv': 'unit_id,period,admited\nBL,2020,5\n',
        'members.csv': 'unit_id,as_of,members\nBL,31/02/2020,"1,5"\nBL,2019-12-31,12a\n',
      }),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^admissions\.csv:1:3 \[admited\] "admited": .*có phải ý bạn là `admitted`\?/m);
    expect(r.stderr).toMatch(/^admissions\.csv:1 \[admitted\]: Thiếu cột bắt buộc admitted/m);
    expect(r.stderr).toMatch(/^members\.csv:2:2 \[as_of\] "31\/02\/2020": Không phải ngày có thật/m);
    expect(r.stderr).toMatch(/^members\.csv:2:3 \[members\] "1,5": /m);
    expect(r.stderr).toMatch(/^members\.csv:3:3 \[members\] "12a": /m);
    expect(r.stderr).toMatch(/5 lỗi, 1 cảnh báo/);
  });

  it('prints every line into a pipe, the summary last, however long the list', () => {
    // 3,000 rows of BL whose admitted is not a number: with --all, one line each (over 400 KB), then the summary.
    const bad = Array.from({ length: 3000 }, (_, i) => `BL,${2000 + (i % 26)}-${1 + (i % 12)},x${i}\n`).join('');
    const dir = folder({ ...GOOD, 'admissions.csv': `unit_id,period,admitted\n${bad}` });
    const r = spawnSync(node, ['scripts/check.ts', '--all'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, OUT_DIR: folder({}), PREVIOUS_DATA: '' },
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 << 20,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.match(/^admissions\.csv:\d+:3 \[admitted\] "x\d+"/gm)).toHaveLength(3000);
    expect(r.stderr.trimEnd()).toMatch(/Sửa các lỗi trên rồi chạy lại\.$/);
  });

  it('exits 1 when the data folder does not exist', () => {
    const r = cli(path.join(os.tmpdir(), `khong-co-${process.pid}`));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Không tìm thấy thư mục dữ liệu/);
  });
});

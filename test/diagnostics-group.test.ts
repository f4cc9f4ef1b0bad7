/**
 * Many problems of one kind print as one entry (count, first five locations, up to five distinct values), in the
 * terminal and in the build, which both print through runCheck; `--all` still lists each.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGroup, formatGrouped, groupDiagnostics, isGroup } from '../src/lib/diagnostics.ts';
import type { Diagnostic } from '../src/lib/types.ts';
import { runCheck } from '../scripts/check.ts';

const LEVEL_MSG = 'Cấp không hợp lệ: cần province (tinh), district (huyen), grassroots (co_so) hoặc branch (chi_bo).';
const level = (line: number, value = 'commune'): Diagnostic => ({
  severity: 'error',
  file: 'units.csv',
  line,
  column: 'level',
  columnNumber: 4,
  value,
  message: LEVEL_MSG,
});

describe('groupDiagnostics', () => {
  it('turns many errors of one file, column and kind into one entry', () => {
    const list = Array.from({ length: 3279 }, (_, i) => level(65 + i));
    const entries = groupDiagnostics(list);
    expect(entries).toHaveLength(1);
    const g = entries[0]!;
    if (!isGroup(g)) throw new Error('expected a group');
    expect(g.count).toBe(3279);
    // 3,279 rows, the first at line 65: the first five locations are lines 65 to 69.
    expect(formatGroup(g)).toBe(
      `units.csv, cột level: 3.279 dòng có giá trị không hợp lệ "commune" (dòng 65, 66, 67, 68, 69, …): ${LEVEL_MSG}`,
    );
  });

  it('shows up to five distinct values and counts the others', () => {
    const values = ['xa', 'phuong', 'thon', 'to', 'khu', 'ap', 'ban', 'xa'];
    const lines = formatGrouped(values.map((v, i) => level(2 + i, v)));
    // Eight rows, seven distinct values: five shown, two others.
    expect(lines).toEqual([
      'units.csv, cột level: 8 dòng có giá trị không hợp lệ "xa", "phuong", "thon", "to", "khu" và 2 giá trị khác ' +
        `(dòng 2, 3, 4, 5, 6, …): ${LEVEL_MSG}`,
    ]);
  });

  it('leaves a few problems of a kind as they are, in their order, and keeps kinds and columns apart', () => {
    const name: Diagnostic = {
      severity: 'error',
      file: 'units.csv',
      line: 3,
      column: 'name',
      columnNumber: 2,
      value: '',
      message: 'Ô bắt buộc đang trống: cần tên đơn vị.',
    };
    const list = [level(2), name, level(4), level(5)];
    expect(groupDiagnostics(list)).toEqual(list);
    const many = [name, ...Array.from({ length: 6 }, (_, i) => level(10 + i)), { ...name, line: 30 }];
    const out = groupDiagnostics(many);
    const shape = out.map((e) => (isGroup(e) ? `group ${e.count}` : `line ${e.line}`));
    expect(shape).toEqual(['line 3', 'group 6', 'line 30']);
  });

  it('takes messages that differ only in the value, numbers and a suggestion as one kind, and says they differ', () => {
    const unknown = (line: number, id: string, hint: string): Diagnostic => ({
      severity: 'error',
      file: 'admissions.xlsx',
      sheet: 'admissions',
      line,
      cell: `A${line}`,
      column: 'unit_id',
      columnNumber: 1,
      value: id,
      message: `Không có đơn vị mã ${id} trong units.csv${hint}. unit_id phải là một mã trong cột id của units.csv.`,
    });
    const list = [
      unknown(2, 'BL1', ' (có phải ý bạn là BL?)'),
      unknown(3, 'BL2', ' (có phải ý bạn là BL?)'),
      unknown(4, 'QX', ''),
      unknown(5, 'QX', ''),
      unknown(6, 'Z9', ' (có phải ý bạn là Z?)'),
      unknown(7, 'Z10', ''),
    ];
    expect(formatGrouped(list)).toEqual([
      'admissions.xlsx › admissions, cột unit_id: 6 dòng có giá trị không hợp lệ "BL1", "BL2", "QX", "Z9", "Z10" ' +
        '(ô A2, A3, A4, A5, A6, …): ví dụ ở ô A2: ' +
        'Không có đơn vị mã BL1 trong units.csv (có phải ý bạn là BL?). ' +
        'unit_id phải là một mã trong cột id của units.csv.',
    ]);
  });
});

describe('runCheck prints grouped errors, and each one with --all', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('in one line per kind by default', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'group-'));
    dirs.push(dir);
    const rows = Array.from({ length: 100 }, (_, i) => `G${i},Cơ sở ${i},cap_xa,BL\n`).join('');
    const head = 'id,name,level,parent_id\nQN,Tỉnh,province,\nBL,Huyện,district,QN\n';
    writeFileSync(path.join(dir, 'units.csv'), `${head}${rows}`);
    writeFileSync(path.join(dir, 'admissions.csv'), 'unit_id,period,admitted\nBL,2020,5\n');
    const grouped: string[] = [];
    const r = await runCheck(dir, { log: (l) => grouped.push(l) });
    expect(r.errors).toHaveLength(100);
    const text = grouped.join('\n');
    // Rows 4..103 of units.csv hold the 100 units with the level `cap_xa`, which is no level.
    expect(text).toContain(
      'Lỗi (100, gộp thành 1 mục):\n' +
        'units.csv, cột level: 100 dòng có giá trị không hợp lệ "cap_xa" (dòng 4, 5, 6, 7, 8, …)',
    );
    expect(text).toContain('npm run check -- --all');
    const each: string[] = [];
    await runCheck(dir, { log: (l) => each.push(l), all: true });
    expect(
      each
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('units.csv:')),
    ).toHaveLength(100);
  });
});

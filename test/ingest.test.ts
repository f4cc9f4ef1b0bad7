import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanCell, decodeBytes, detectDelimiter, parseTable, readDataFolder } from '../src/lib/ingest/index.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s, 'utf8')]);

/**
 * What Excel on a Vietnamese Windows writes: Windows-1258 has the vowels â ê ô ơ ư ă đ precomposed but the
 * five tone marks only as combining characters, so `ậ` is `â` + combining dot below.
 */
function cp1258(s: string): Uint8Array {
  const VOWEL_MARKS = /[\u0302\u0306\u031b]/;
  const text = s.normalize('NFD').replace(/(\p{L})([\u0300-\u036f]+)/gu, (_m, base: string, marks: string) => {
    const vowel = [...marks].filter((c) => VOWEL_MARKS.test(c)).join('');
    const tones = [...marks].filter((c) => !VOWEL_MARKS.test(c)).join('');
    return (base + vowel).normalize('NFC') + tones;
  });
  const bytes = iconv.encode(text, 'windows-1258');
  // The helper itself must not lose characters, or the test would prove nothing.
  expect(iconv.decode(bytes, 'windows-1258').normalize('NFC')).toBe(s.normalize('NFC'));
  return new Uint8Array(bytes);
}

const VI = 'unit_id,name\nBL,Đảng bộ huyện Bình Liêu – kết nạp đảng viên mới, Quảng Ninh\n';

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    const d = decodeBytes(utf8(VI), 'units.csv');
    expect(d.text).toBe(VI);
    expect(d.encoding).toBe('utf-8');
    expect(d.diagnostics).toEqual([]);
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const d = decodeBytes(withBom(VI), 'units.csv');
    expect(d.text).toBe(VI);
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.diagnostics).toEqual([]);
  });

  it('reads UTF-16 LE with BOM (Excel "Unicode Text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(VI, 'utf-16le')]);
    const d = decodeBytes(bytes, 'units.csv');
    expect(d.text).toBe(VI);
    expect(d.encoding).toBe('utf-16le');
    expect(d.diagnostics).toEqual([]);
  });

  it('reads UTF-16 BE with BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...iconv.encode(VI, 'utf-16be')]);
    const d = decodeBytes(bytes, 'units.csv');
    expect(d.text).toBe(VI);
    expect(d.encoding).toBe('utf-16be');
  });

  it('decodes bytes that are not UTF-8 as Windows-1258, with a warning naming the file', () => {
    const d = decodeBytes(cp1258(VI), 'admissions.csv');
    expect(d.encoding).toBe('windows-1258');
    // Tone marks come back as combining characters; the cell cleaner composes them (see parseTable test).
    expect(d.text.normalize('NFC')).toBe(VI);
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ severity: 'warning', file: 'admissions.csv' });
    expect(d.diagnostics[0]!.message).toContain('admissions.csv');
    expect(d.diagnostics[0]!.message).toContain('Windows-1258');
  });

  it('leaves plain ASCII as UTF-8, without a warning', () => {
    const d = decodeBytes(utf8('id,name\nA,B\n'), 'units.csv');
    expect(d.encoding).toBe('utf-8');
    expect(d.diagnostics).toEqual([]);
  });
});

describe('cleanCell', () => {
  it('returns a clean ASCII cell unchanged', () => {
    expect(cleanCell('QN.BL-01')).toBe('QN.BL-01');
    expect(cleanCell('Binh Lieu district')).toBe('Binh Lieu district');
    expect(cleanCell('')).toBe('');
  });

  it('trims and collapses runs of white space, NBSP and line breaks included', () => {
    expect(cleanCell('  Bình   Liêu ')).toBe('Bình Liêu');
    expect(cleanCell('Bình\u00a0Liêu')).toBe('Bình Liêu');
    expect(cleanCell('Đảng bộ\r\nhuyện\tBình Liêu')).toBe('Đảng bộ huyện Bình Liêu');
    expect(cleanCell(' 12 ')).toBe('12');
    expect(cleanCell('1\u00a0488')).toBe('1 488');
  });

  it('normalises to NFC', () => {
    const nfd = 'Bình Liêu, Quảng Ninh'.normalize('NFD');
    expect(nfd).not.toBe('Bình Liêu, Quảng Ninh');
    expect(cleanCell(nfd)).toBe('Bình Liêu, Quảng Ninh'.normalize('NFC'));
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line, ignoring those inside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,2,3,4,5\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x,y,z";b;c\n')).toBe(';');
    expect(detectDelimiter('\n\nid;name\n')).toBe(';');
    expect(detectDelimiter('id\n1\n')).toBe(',');
  });
});

describe('parseTable', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ])('reads a file delimited by %j (%s)', (d) => {
    const text =
      ['unit_id', 'period', 'admitted'].join(d) +
      '\n' +
      ['BL', '2020', '1,488'].map((c) => (c.includes(d) || c.includes(',') ? `"${c}"` : c)).join(d) +
      '\n';
    const t = parseTable(text, 'admissions.csv');
    expect(t.delimiter).toBe(d);
    expect(t.columns).toEqual(['unit_id', 'period', 'admitted']);
    expect(t.rows).toEqual([{ line: 2, cells: ['BL', '2020', '1,488'] }]);
    expect(t.diagnostics).toEqual([]);
  });

  it('follows a `sep=` first line, as Excel does, and counts it as a line', () => {
    const t = parseTable('sep=;\r\nunit_id;name\r\nBL;Bình Liêu, Quảng Ninh\r\n', 'units.csv');
    expect(t.delimiter).toBe(';');
    expect(t.headerLine).toBe(2);
    expect(t.rows).toEqual([{ line: 3, cells: ['BL', 'Bình Liêu, Quảng Ninh'] }]);
  });

  it('reads CRLF and LF alike, and a file mixing them', () => {
    const lf = parseTable('a,b\n1,2\n3,4\n', 'x.csv');
    const crlf = parseTable('a,b\r\n1,2\r\n3,4\r\n', 'x.csv');
    const mixed = parseTable('a,b\r\n1,2\n3,4\r\n', 'x.csv');
    for (const t of [lf, crlf, mixed]) {
      expect(t.rows).toEqual([
        { line: 2, cells: ['1', '2'] },
        { line: 3, cells: ['3', '4'] },
      ]);
    }
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, and counts the lines they span', () => {
    const text = [
      'id,name,note', // 1
      'A,"Đảng bộ xã ""Đồng Văn"", huyện Bình Liêu",x', // 2
      'B,"Dòng một', // 3
      'dòng hai', // 4
      'dòng ba",y', // 5
      'C,Xã C,z', // 6
    ].join('\r\n');
    const t = parseTable(text, 'units.csv');
    expect(t.rows).toEqual([
      { line: 2, cells: ['A', 'Đảng bộ xã "Đồng Văn", huyện Bình Liêu', 'x'] },
      { line: 3, cells: ['B', 'Dòng một dòng hai dòng ba', 'y'] },
      { line: 6, cells: ['C', 'Xã C', 'z'] },
    ]);
  });

  it('counts every line of several multi-line cells in one row, empty lines inside quotes included', () => {
    const text = [
      'id,name,note', // 1
      'A,"một', // 2
      '', // 3 (inside the quotes)
      'hai","ba', // 4
      'bốn"', // 5
      '', // 6 (blank)
      'B,"x""', // 7
      'y",z', // 8
      'C,c,c', // 9
    ].join('\n');
    expect(parseTable(text, 'units.csv').rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [2, 'một hai'],
      [7, 'x" y'],
      [9, 'c'],
    ]);
  });

  it('reads empty quoted cells and a quoted cell that ends the file', () => {
    const t = parseTable('id,name,note\nA,"",x\nB,"Hai, ba",""\nC,c,"cuối ""tệp"""', 'units.csv');
    expect(t.rows).toEqual([
      { line: 2, cells: ['A', '', 'x'] },
      { line: 3, cells: ['B', 'Hai, ba', ''] },
      { line: 4, cells: ['C', 'c', 'cuối "tệp"'] },
    ]);
    expect(t.diagnostics).toEqual([]);
  });

  it('keeps the forgiving reading of stray quotes: inside an unquoted cell, spaces after a closing quote', () => {
    // By hand: a quote inside a cell that does not start with one is a character of the cell; spaces between a
    // closing quote and the delimiter are dropped; neither is an error. The rows after them read as usual.
    const t = parseTable('id,name,note\nA,cao 1m70",x\nB,"Hai"  ,y\nC,"Ba",z\n', 'units.csv');
    expect(t.rows).toEqual([
      { line: 2, cells: ['A', 'cao 1m70"', 'x'] },
      { line: 3, cells: ['B', 'Hai', 'y'] },
      { line: 4, cells: ['C', 'Ba', 'z'] },
    ]);
    expect(t.diagnostics).toEqual([]);
  });

  it('skips blank lines (and rows of empty cells) but keeps counting them', () => {
    const text = '\nid,name\n\nA,Một\n   \n,,\nB,Hai\n\n';
    const t = parseTable(text, 'units.csv');
    expect(t.headerLine).toBe(2);
    expect(t.rows).toEqual([
      { line: 4, cells: ['A', 'Một'] },
      { line: 7, cells: ['B', 'Hai'] },
    ]);
  });

  it('does not shift line numbers for a BOM', () => {
    const t = parseTable(decodeBytes(withBom('id,name\nA,Một\nB,Hai\n'), 'units.csv').text, 'units.csv');
    expect(t.columns).toEqual(['id', 'name']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('turns NFD text into NFC, and Windows-1258 tone marks into precomposed letters', () => {
    const nfd = parseTable('id,name\nA,Đảng bộ huyện Bình Liêu\n'.normalize('NFD'), 'units.csv');
    expect(nfd.rows[0]!.cells[1]).toBe('Đảng bộ huyện Bình Liêu'.normalize('NFC'));
    const d = decodeBytes(cp1258('id,name\nA,Kết nạp đảng viên ở Bình Liêu\n'), 'units.csv');
    const t = parseTable(d.text, 'units.csv', d.encoding);
    expect(t.rows[0]!.cells[1]).toBe('Kết nạp đảng viên ở Bình Liêu'.normalize('NFC'));
    expect(t.encoding).toBe('windows-1258');
  });

  it('keeps header names as written and lower-cases them for matching', () => {
    const t = parseTable(' Unit_ID ;PERIOD; Admitted\nBL;2020;5\n', 'admissions.csv');
    expect(t.header).toEqual(['Unit_ID', 'PERIOD', 'Admitted']);
    expect(t.columns).toEqual(['unit_id', 'period', 'admitted']);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    const t = parseTable('id,name\nA,Một\nB,"Hai\nC,Ba\n', 'units.csv');
    expect(t.diagnostics).toHaveLength(1);
    expect(t.diagnostics[0]).toMatchObject({ severity: 'error', file: 'units.csv', line: 3 });
    expect(t.diagnostics[0]!.message).toMatch(/ngoặc kép/);
  });

  it('reports a row with more filled cells than header columns, at the first extra cell', () => {
    const t = parseTable('id,name\nA,Một\nB,Hai,thừa\nC,Ba,\n', 'units.csv');
    expect(t.diagnostics).toHaveLength(1);
    expect(t.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, columnNumber: 3, value: 'thừa' });
  });

  it('reports an empty file', () => {
    const t = parseTable('\n\n', 'units.csv');
    expect(t.diagnostics).toHaveLength(1);
    expect(t.diagnostics[0]).toMatchObject({ severity: 'error', file: 'units.csv' });
    expect(t.header).toEqual([]);
  });
});

describe('readDataFolder', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string | Uint8Array>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('reads the known files, in contract order, with progress per file', async () => {
    const dir = folder({
      'admissions.csv': 'unit_id,period,admitted\nQN,2020,5\n',
      'units.csv': 'id,name,level,parent_id\nQN,Tỉnh,province,\n',
      'members.csv': 'unit_id,as_of,members\nQN,2020-12-31,100\n',
    });
    const progress: string[] = [];
    const f = await readDataFolder(dir, { onFile: (p) => progress.push(`${p.file}:${p.rows}`) });
    expect(f.tables.map((t) => t.file)).toEqual(['units.csv', 'admissions.csv', 'members.csv']);
    expect(progress).toEqual(['units.csv:1', 'admissions.csv:1', 'members.csv:1']);
    expect(f.diagnostics).toEqual([]);
    expect(f.isDemo).toBe(false);
  });

  it('reports each missing required file as an error', async () => {
    const dir = folder({ 'members.csv': 'unit_id,as_of\n' });
    const f = await readDataFolder(dir);
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.file).sort()).toEqual(['admissions.csv', 'units.csv']);
    expect(errors[0]!.message).toMatch(/Thiếu tệp bắt buộc/);
  });

  it('warns that other CSV files are ignored, and detects the DEMO marker', async () => {
    const dir = folder({
      'units.csv': 'id,name,level,parent_id\n',
      'admissions.csv': 'unit_id,period,admitted\n',
      'ghi-chu.csv': 'a,b\n',
      DEMO: '',
    });
    const f = await readDataFolder(dir);
    expect(f.isDemo).toBe(true);
    expect(f.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: 'ghi-chu.csv' })]);
    expect(f.diagnostics[0]!.message).toMatch(/bỏ qua/);
  });

  it('passes on the Windows-1258 warning of a file', async () => {
    const dir = folder({
      'units.csv': cp1258('id,name,level,parent_id\nQN,Đảng bộ tỉnh Quảng Ninh,province,\n'),
      'admissions.csv': 'unit_id,period,admitted\n',
    });
    const f = await readDataFolder(dir);
    expect(f.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: 'units.csv' })]);
    expect(f.tables[0]!.rows[0]!.cells[1]).toBe('Đảng bộ tỉnh Quảng Ninh');
  });

  it('reports a folder that does not exist', async () => {
    const f = await readDataFolder(path.join(os.tmpdir(), 'khong-co-thu-muc-nay-' + process.pid));
    expect(f.tables).toEqual([]);
    expect(f.diagnostics).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});

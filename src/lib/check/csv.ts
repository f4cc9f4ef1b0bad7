/** The full list of a check's diagnostics as a CSV file for Excel (UTF-8 with BOM), one problem a line, ungrouped. */
import { toCsv } from '../publish/csv.ts';
import type { Diagnostic } from '../types.ts';

const HEAD = ['muc_do', 'tep', 'trang', 'o', 'dong', 'cot', 'ten_cot', 'gia_tri', 'thong_bao'];

export function diagnosticsCsv(list: readonly Diagnostic[]): string {
  const rows = list.map((d) => [
    d.severity === 'error' ? 'lỗi' : 'cảnh báo',
    d.file,
    d.sheet,
    d.cell,
    d.line,
    d.columnNumber,
    d.column,
    d.value,
    d.message,
  ]);
  return toCsv(HEAD, rows);
}

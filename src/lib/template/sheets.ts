/**
 * The tables of the template: their sheets' Vietnamese names (the contract's, which the workbook reader
 * also accepts), the order they come in, and what each one is for.
 */
import { DATA_FILES, REQUIRED_FILES } from '../ingest/folder.ts';
import type { DataFileName } from '../ingest/folder.ts';

/** The contract's Vietnamese sheet names ("Workbooks" under File conventions). */
export const SHEET_NAMES: Record<DataFileName, string> = {
  'units.csv': 'Đơn vị',
  'terms.csv': 'Nhiệm kỳ',
  'admissions.csv': 'Kết nạp',
  'targets.csv': 'Chỉ tiêu',
  'training.csv': 'Bồi dưỡng',
  'members.csv': 'Đảng viên',
};

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
/** The values the drop-downs of `level` and `kind` offer, with their meanings. */
export const LISTS_SHEET = 'Danh mục';

/** What each table holds, for the instructions sheet. */
const TABLE_PURPOSE: Record<DataFileName, string> = {
  'units.csv':
    'danh sách các tổ chức đảng (mã, tên, cấp, đơn vị cấp trên), mỗi đơn vị một dòng; đơn vị đổi tên hoặc ' +
    'chuyển sang cấp trên khác thì mỗi giai đoạn một dòng, cùng mã.',
  'terms.csv': 'các nhiệm kỳ đại hội. Để trống thì dùng các nhiệm kỳ mặc định; chỉ điền khi cần nhiệm kỳ khác.',
  'admissions.csv': 'số đảng viên mới được kết nạp của mỗi đơn vị trong mỗi kỳ (năm, tháng, nhiều tháng, nhiệm kỳ).',
  'targets.csv': 'chỉ tiêu kết nạp được giao cho mỗi đơn vị theo năm hoặc nhiệm kỳ.',
  'training.csv': 'số lớp bồi dưỡng nhận thức về Đảng, số học viên và số hồ sơ đề nghị kết nạp trong mỗi kỳ.',
  'members.csv': 'số đảng viên, tổ chức đảng, thôn bản của mỗi đơn vị tại một ngày.',
};

/**
 * The tables in the workbook's order: the contract's, except that terms, which most people leave to the
 * defaults, come last rather than between the units and the admissions.
 */
export const TEMPLATE_TABLES: readonly DataFileName[] = [
  ...DATA_FILES.filter((f) => f !== 'terms.csv'),
  ...DATA_FILES.filter((f) => f === 'terms.csv'),
];

/** One line of the instructions per table: its sheet, what it holds, whether it must be filled in. */
export function tablePurpose(file: DataFileName): string {
  const need = REQUIRED_FILES.includes(file) ? 'bắt buộc' : 'không bắt buộc';
  return `Trang “${SHEET_NAMES[file]}” (${need}): ${TABLE_PURPOSE[file]}`;
}

/**
 * What each column of the template holds, for the people who fill it in: the kind of value (which decides
 * the cell format, the drop-down or the input check) and a Vietnamese comment for its header cell.
 * The columns themselves come from FILE_COLUMNS (schema/columns.ts); this only describes them, so a column
 * added there shows in the template with a generic comment until it is described here (a test says so).
 */
import type { DataFileName } from '../ingest/folder.ts';

export type ColumnKind = 'count' | 'date' | 'month' | 'period' | 'unit' | 'level' | 'kind' | 'id' | 'text';

export interface ColumnHelp {
  kind: ColumnKind;
  /** What goes there, in Vietnamese. */
  text: string;
  /** A required column whose cell may still be empty on some rows (parent_id of a province). */
  emptyAllowed?: boolean;
}

type Stem<F> = F extends `${infer T}.csv` ? T : never;
type Table = Stem<DataFileName>;

const count = (text: string): ColumnHelp => ({ kind: 'count', text });
const text = (t: string): ColumnHelp => ({ kind: 'text', text: t });

const PERIOD =
  'Kỳ của số liệu. Cả năm: 2024. Một tháng: 2024-03. Nhiều tháng liền nhau: 2024-01..2024-06 ' +
  '(tháng đầu..tháng cuối, ví dụ 6 tháng đầu năm). Cả nhiệm kỳ: mã nhiệm kỳ, ví dụ 2020-2025.';

/** Columns that mean the same in every table. */
const COMMON: Record<string, ColumnHelp> = {
  unit_id: {
    kind: 'unit',
    text: 'Mã đơn vị: chọn trong danh sách, là một mã ở cột id của trang Đơn vị (hoặc mã do cấp trên cấp).',
  },
  period: { kind: 'period', text: PERIOD },
  source: text('Nguồn của số liệu: tên báo cáo, văn bản hoặc bài viết, kèm số và ngày.'),
  note: text('Ghi chú của người nhập; không dùng để tính số liệu.'),
};

/** Columns whose meaning depends on the table (`women` of the admitted, `women` of the members). */
const BY_TABLE: Partial<Record<Table, Record<string, ColumnHelp>>> = {
  units: {
    id: {
      kind: 'id',
      text:
        'Mã đơn vị: chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ QN.BL). ' +
        'Giữ nguyên qua các năm. Đơn vị đổi cấp trên hoặc đổi tên: thêm dòng mới cùng mã, ' +
        'ghi từ tháng nào đến tháng nào (active_from, active_to).',
    },
    name: text('Tên đầy đủ của tổ chức đảng, ví dụ Đảng bộ huyện Bình Liêu.'),
    short_name: text('Tên ngắn dùng trong biểu đồ và bảng, ví dụ Bình Liêu.'),
    level: { kind: 'level', text: 'Cấp của đơn vị: chọn trong danh sách (nghĩa của từng giá trị ở trang Danh mục).' },
    parent_id: {
      kind: 'unit',
      text: 'Mã của đơn vị cấp trên trực tiếp (một mã ở cột id của trang này). Để trống với đảng bộ tỉnh.',
      emptyAllowed: true,
    },
    kind: { kind: 'kind', text: 'Loại đơn vị: chọn trong danh sách (nghĩa ở trang Danh mục), hoặc để trống.' },
    active_from: {
      kind: 'month',
      text: 'Tháng bắt đầu hoạt động (thành lập), ví dụ 2025-07 hoặc 07/2025. Để trống nếu đơn vị có từ trước.',
    },
    active_to: {
      kind: 'month',
      text: 'Tháng cuối cùng hoạt động (trước khi sáp nhập, giải thể), ví dụ 2025-06. Để trống nếu còn hoạt động.',
    },
    successor_id: {
      kind: 'unit',
      text: 'Chỉ với đơn vị đã kết thúc do hợp nhất: mã của đơn vị đã tiếp nhận nó (hoạt động từ tháng sau).',
    },
    slug: text('Phần cuối đường dẫn trang của đơn vị. Thường để trống: trang tự tạo từ tên.'),
    source: text('Căn cứ về đơn vị: quyết định thành lập, nghị quyết sáp nhập (số, ngày).'),
  },
  terms: {
    id: { kind: 'id', text: 'Mã nhiệm kỳ, ví dụ 2020-2025; dùng ở cột period của các trang khác.' },
    name: text('Tên nhiệm kỳ, ví dụ Nhiệm kỳ 2020–2025.'),
    from: { kind: 'month', text: 'Tháng đầu của nhiệm kỳ, ví dụ 2021-01.' },
    to: { kind: 'month', text: 'Tháng cuối của nhiệm kỳ, ví dụ 2025-12.' },
  },
  admissions: {
    admitted: count('Số đảng viên mới được kết nạp trong kỳ.'),
    youth: count('Trong số được kết nạp: số người từ 18 đến 30 tuổi (không lớn hơn số kết nạp).'),
    women: count('Trong số được kết nạp: số nữ.'),
    ethnic_minority: count('Trong số được kết nạp: số người dân tộc thiểu số.'),
    college: count('Trong số được kết nạp: số người có trình độ cao đẳng, đại học trở lên.'),
  },
  targets: {
    period: { kind: 'period', text: 'Kỳ của chỉ tiêu: một năm (2024) hoặc mã nhiệm kỳ (2020-2025).' },
    target: count('Chỉ tiêu kết nạp được giao cho kỳ này (số người).'),
  },
  training: {
    classes: count('Số lớp bồi dưỡng nhận thức về Đảng đã mở trong kỳ.'),
    trainees: count('Số học viên đã học các lớp đó.'),
    dossiers: count('Số hồ sơ đề nghị kết nạp đã nhận trong kỳ. Mỗi dòng cần ít nhất một trong ba số.'),
  },
  members: {
    as_of: { kind: 'date', text: 'Ngày của số liệu, dạng ngày/tháng/năm, ví dụ 31/12/2024.' },
    members: count('Tổng số đảng viên tại ngày đó, kể cả đảng viên dự bị.'),
    probationary: count('Số đảng viên dự bị.'),
    women: count('Số đảng viên nữ.'),
    ethnic_minority: count('Số đảng viên là người dân tộc thiểu số.'),
    grassroots_orgs: count('Số tổ chức cơ sở đảng trực thuộc.'),
    branches: count('Số chi bộ trực thuộc.'),
    villages: count('Số thôn, bản, tổ dân phố trên địa bàn.'),
    villages_with_branch: count('Số thôn, bản đã có chi bộ.'),
    villages_without_members: count('Số thôn, bản chưa có đảng viên (thôn, bản “trắng” đảng viên).'),
  },
};

const UNDESCRIBED: ColumnHelp = { kind: 'text', text: 'Xem quy ước dữ liệu ở trang Dữ liệu của trang web thống kê.' };

/** The description of one column of one file; `described` is false for a column not described here yet. */
export function columnHelp(file: DataFileName, column: string): ColumnHelp & { described: boolean } {
  const table = file.replace(/\.csv$/, '') as Table;
  const help = BY_TABLE[table]?.[column] ?? COMMON[column];
  return help ? { ...help, described: true } : { ...UNDESCRIBED, described: false };
}

const REQUIRED = 'Bắt buộc: không để trống.';
const OPTIONAL_COUNT =
  'Số nguyên, không âm. Để trống nếu chưa có số liệu (ô trống là chưa biết); ghi 0 nếu bằng không.';
const REQUIRED_COUNT = 'Số nguyên, không âm; ghi 0 nếu bằng không. Bắt buộc: không để trống.';

/** The comment on a header cell: the column's name, what goes there, and whether it may stay empty. */
export function headerComment(file: DataFileName, column: string, required: boolean): string {
  const help = columnHelp(file, column);
  const mustFill = required && !help.emptyAllowed;
  let rule: string;
  if (help.kind === 'count') rule = mustFill ? REQUIRED_COUNT : OPTIONAL_COUNT;
  else rule = mustFill ? REQUIRED : 'Có thể để trống.';
  return `${column}\n${help.text}\n${rule}`;
}

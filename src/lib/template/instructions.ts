/** The first sheet of the template: how to fill it in, in plain Vietnamese for a committee board's staff. */
import { DEFAULT_TERMS, monthText } from '../periods.ts';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, SHEET_NAMES, TEMPLATE_TABLES, tablePurpose } from './sheets.ts';

export interface InstructionLine {
  style: 'title' | 'heading' | 'body';
  text: string;
}

export interface InstructionOptions {
  /** Where the site's "Kiểm tra dữ liệu" page is (with the site's base path). */
  checkPage: string;
}

const title = (text: string): InstructionLine => ({ style: 'title', text });
const heading = (text: string): InstructionLine => ({ style: 'heading', text });
const body = (text: string): InstructionLine => ({ style: 'body', text });

export function instructionLines(opts: InstructionOptions): InstructionLine[] {
  const terms = DEFAULT_TERMS.map((t) => `${t.id} (${monthText(t.from)}..${monthText(t.to)})`).join(', ');
  const units = SHEET_NAMES['units.csv'];
  return [
    title('MẪU NHẬP SỐ LIỆU CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN'),
    body(
      'Tệp gồm nhiều trang (sheet), chọn ở hàng nhãn phía dưới cửa sổ. Mỗi trang là một bảng số liệu: dòng 1 là ' +
        'tên các cột, số liệu điền từ dòng 2 trở xuống, mỗi dòng một đơn vị trong một kỳ.',
    ),
    body('Đưa chuột vào ô tên cột (ô có dấu tam giác đỏ ở góc) để đọc chú thích: cột đó ghi gì, có bắt buộc không.'),
    body(
      'Không đổi tên các trang, không sửa tên cột ở dòng 1. Muốn ghi thêm điều gì, dùng cột note, hoặc thêm cột ' +
        'có tên bắt đầu bằng x_ (ví dụ x_ghi_chu): các cột này được giữ lại nhưng không dùng để tính.',
    ),
    heading('1. Các trang'),
    ...TEMPLATE_TABLES.map((f) => body(tablePurpose(f))),
    body(
      `Trang “${LISTS_SHEET}”: các giá trị được chọn ở cột level (cấp) và kind (loại đơn vị), kèm nghĩa. ` +
        `Trang này và trang “${INSTRUCTIONS_SHEET}” không chứa số liệu: khi đọc tệp, trang web thống kê bỏ qua chúng.`,
    ),
    body('Trang nào không có số liệu thì để nguyên, chỉ có dòng tên cột: coi như không có bảng đó.'),
    heading('2. Ô trống và số 0'),
    body('Ô để trống nghĩa là chưa biết, chưa có số liệu; không phải là 0.'),
    body('Số liệu bằng không thì ghi 0.'),
    body(
      'Các số đếm là số nguyên, không âm: 12, 1488 hoặc 1.488. Không ghi chữ, không ghi tỷ lệ phần trăm ' +
        '(trang web thống kê tự tính tỷ lệ từ các số đếm).',
    ),
    heading('3. Cách ghi kỳ (cột period)'),
    body('Cả năm: 2024.'),
    body('Một tháng: 2024-03 (tháng 3 năm 2024).'),
    body(
      'Nhiều tháng liền nhau: 2024-01..2024-06 (từ tháng 1 đến hết tháng 6 năm 2024, tức 6 tháng đầu năm): ' +
        'tháng đầu và tháng cuối nối với nhau bằng hai dấu chấm.',
    ),
    body(
      `Cả nhiệm kỳ: mã nhiệm kỳ, ví dụ 2020-2025. Các nhiệm kỳ mặc định (từ tháng..đến tháng): ${terms}; ` +
        `nhiệm kỳ khác thì khai ở trang “${SHEET_NAMES['terms.csv']}”.`,
    ),
    body(
      'Báo cáo chưa hết năm ghi đúng các tháng đã có: 7 tháng đầu năm là 2024-01..2024-07, không ghi 2024. ' +
        'Trang web thống kê sẽ ghi rõ số liệu mới có 7/12 tháng và so sánh với cùng kỳ năm trước.',
    ),
    body(`Chỉ tiêu (trang “${SHEET_NAMES['targets.csv']}”) ghi theo năm (2024) hoặc theo nhiệm kỳ (2020-2025).`),
    body('Mỗi đơn vị chỉ có một dòng cho mỗi kỳ trong một trang.'),
    heading('4. Cách ghi ngày và tháng'),
    body(
      `Ngày (cột as_of của trang “${SHEET_NAMES['members.csv']}”): ngày/tháng/năm, ví dụ 31/12/2024 ` +
        '(hoặc 2024-12-31).',
    ),
    body(
      `Tháng (cột active_from, active_to của trang “${units}”; from, to của trang ` +
        `“${SHEET_NAMES['terms.csv']}”): 2025-07 hoặc 07/2025.`,
    ),
    heading('5. Mã đơn vị'),
    body(
      `Mỗi đơn vị có một mã ở cột id của trang “${units}” (ví dụ QN.BL), giữ nguyên qua các năm. ` +
        'Các trang khác ghi mã này ở cột unit_id: chọn trong danh sách thả xuống.',
    ),
    body(
      `Đơn vị trực thuộc gửi báo cáo lên thì dùng mã do cấp trên cấp; trang “${units}” để trống nếu cấp trên ` +
        'đã có danh sách đơn vị.',
    ),
    heading('6. Kiểm tra và gửi tệp'),
    body('Lưu tệp dạng Excel (.xlsx). Tên tệp đặt tùy ý, nhưng giữ nguyên tên các trang.'),
    body(
      `Trước khi gửi, mở trang “Kiểm tra dữ liệu” của trang web thống kê (${opts.checkPage}) và chọn tệp này: ` +
        'trang web sẽ báo từng ô chưa đúng (trang, dòng, cột) và cách sửa.',
    ),
    body('Gửi tệp về Ban Tổ chức / Văn phòng cấp ủy cấp trên.'),
    body('Cấp ủy có thể gửi mẫu trống này cho các đơn vị trực thuộc để các đơn vị điền và gửi lại.'),
  ];
}

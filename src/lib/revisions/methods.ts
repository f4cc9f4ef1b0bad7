/**
 * The thresholds of the typo warnings, and the Vietnamese text of the data page's methods section that states
 * them: one place, so what the page says is what the check does.
 */

/** A revised count that moved by this factor or more, up or down, is flagged. */
export const REVISION_FACTOR = 5;
/** A figure this many times its unit's median of earlier complete windows of the same kind is flagged. */
export const SPIKE_FACTOR = 5;
/** The median is over at most this many earlier complete windows… */
export const SPIKE_HISTORY = 5;
/** …and needs at least this many. */
export const SPIKE_MIN_HISTORY = 3;
/**
 * Both rules leave small counts alone: the larger of the figures compared must be at least this. A grassroots
 * branch admitting 1, then 5, is ordinary; 53 typed as 530 is not.
 */
export const MIN_FLAGGED = 20;
/** A summed figure of an ended window with fewer reporting children than this share of the active ones. */
export const MIN_REPORTING_SHARE = 0.5;

/** Paragraphs for the methods section of the data page (plain text, Vietnamese). */
export const REVISION_METHODS: readonly { title: string; text: string }[] = [
  {
    title: 'Lịch sử cập nhật',
    text:
      'Mỗi lần dựng trang, chương trình so sánh các số đếm (số kết nạp và các thành phần, chỉ tiêu, số lớp, ' +
      'học viên, hồ sơ, số đảng viên và tổ chức đảng) của mọi đơn vị và mọi kỳ với bản đã công bố trước. ' +
      'Một số đã công bố được coi là điều chỉnh khi giá trị hoặc số tháng có số liệu thay đổi (53 trong 7/12 tháng ' +
      'thành 53 đủ 12 tháng cũng là điều chỉnh), và bị rút bỏ khi không còn trong bản mới; số mới xuất hiện lần đầu ' +
      'không phải điều chỉnh. Mọi điều chỉnh được ghi thêm vào tệp revisions.csv, giữ qua các lần dựng trang; ' +
      'dựng lại cùng số liệu không thêm dòng nào.',
  },
  {
    title: 'Cảnh báo số liệu có thể nhập sai',
    text:
      'Chương trình không tự sửa số liệu. Khi kiểm tra và khi dựng trang, nó nêu những chỗ nên xem lại, kèm tên tệp ' +
      'và số dòng; cảnh báo không làm dừng việc dựng trang. ' +
      `(1) Một số đã công bố được điều chỉnh tăng hoặc giảm từ ${REVISION_FACTOR} lần trở lên (ví dụ 53 thành 530); ` +
      'cảnh báo này được ghi vào cột note của revisions.csv. ' +
      `(2) Một số liệu (số kết nạp, chỉ tiêu, số lớp, học viên, hồ sơ) gấp từ ${SPIKE_FACTOR} lần trở lên trung vị ` +
      `của chính đơn vị đó trong ${SPIKE_HISTORY} kỳ đủ số liệu cùng loại gần nhất trước nó (năm so với các năm, ` +
      `nhiệm kỳ so với các nhiệm kỳ), khi có ít nhất ${SPIKE_MIN_HISTORY} kỳ như vậy; với số tổng hợp từ các đơn vị ` +
      'trực thuộc, cảnh báo chỉ ra dòng của đơn vị góp phần lớn nhất, và không nhắc lại khi đơn vị trực thuộc đó ' +
      `đã được cảnh báo. Hai quy tắc này bỏ qua các số nhỏ: số lớn hơn trong hai số so sánh phải từ ${MIN_FLAGGED} ` +
      'trở lên. ' +
      '(3) Số kết nạp của một năm đủ 12 tháng lớn hơn số đảng viên của đơn vị đầu năm đó. ' +
      '(4) Số tổng hợp của một kỳ đã kết thúc (trước tháng cuối cùng có số liệu) mà chưa đến một nửa số đơn vị ' +
      'trực thuộc đang hoạt động trong kỳ có số liệu: có thể còn đơn vị chưa gửi báo cáo.',
  },
];

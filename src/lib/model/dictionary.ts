/**
 * The indicators of indicators.csv / indicators.json, in the order they are written: the data
 * dictionary the site renders. `unit`: `count` a whole number (a change may be negative), `pct` a
 * percentage rounded half up to two decimals, `ratio` a decimal number rounded the same way, `status`
 * a word. `windows`: whether the indicator exists for years, terms or both.
 */
export type IndicatorUnit = 'count' | 'pct' | 'ratio' | 'status';

export interface IndicatorDef {
  label: string;
  unit: IndicatorUnit;
  windows: 'year' | 'term' | 'both';
  description: string;
}

const COVER =
  'Cột months/of_months là số tháng có số liệu trên số tháng của kỳ; ít hơn là số liệu chưa đủ kỳ (ví dụ 7/12 tháng).';
const SHARE = (who: string) =>
  `Tỷ lệ ${who} trong số đảng viên mới kết nạp, × 100. Chỉ tính khi mọi dòng số liệu được dùng cho số kết nạp ` +
  `đều ghi số ${who}.`;

export const INDICATORS = {
  admitted: {
    label: 'Kết nạp đảng viên mới',
    unit: 'count',
    windows: 'both',
    description:
      'Số đảng viên được kết nạp trong năm hoặc nhiệm kỳ. Dòng có kỳ đúng bằng năm (nhiệm kỳ) được dùng ' +
      'riêng; nếu không, cộng các dòng nằm trọn trong kỳ, không chồng lấn nhau, phủ nhiều tháng nhất; không ' +
      'bao giờ tính một tháng hai lần. ' +
      COVER,
  },
  admitted_change: {
    label: 'Tăng, giảm so với kỳ trước',
    unit: 'count',
    windows: 'both',
    description:
      'Số kết nạp trừ số kết nạp của năm liền trước (hoặc nhiệm kỳ trước); chỉ tính khi cả hai kỳ đủ số liệu. ' +
      "Số âm là giảm; trong tệp CSV số âm có dấu nháy đơn phía trước ('-3) để bảng tính không hiểu nhầm là công thức.",
  },
  admitted_change_pct: {
    label: 'Tăng, giảm so với kỳ trước (%)',
    unit: 'pct',
    windows: 'both',
    description:
      'Mức tăng, giảm chia cho số kết nạp của kỳ trước, × 100; chỉ tính khi cả hai kỳ đủ số liệu và kỳ trước khác 0.',
  },
  admitted_same_period_prev: {
    label: 'Kết nạp cùng kỳ năm trước',
    unit: 'count',
    windows: 'year',
    description:
      'Với năm chưa đủ 12 tháng: số kết nạp của đúng những tháng ấy trong năm liền trước ' +
      '(months là số tháng, of_months là 12), tính theo cùng quy tắc. Chỉ có khi các dòng của năm trước ' +
      'ghép vừa khít những tháng ấy, hoặc mọi đơn vị trực thuộc, đơn vị tiền thân khi ấy đều có số của ' +
      'đúng những tháng ấy; không bao giờ so 9 tháng với 12 tháng. Đơn vị mới thành lập trong năm trước ' +
      'không có số này.',
  },
  admitted_change_same_period: {
    label: 'Tăng, giảm so với cùng kỳ năm trước',
    unit: 'count',
    windows: 'year',
    description: 'Số kết nạp của năm chưa đủ tháng trừ số kết nạp cùng kỳ năm trước. Số âm là giảm.',
  },
  admitted_change_same_period_pct: {
    label: 'Tăng, giảm so với cùng kỳ năm trước (%)',
    unit: 'pct',
    windows: 'year',
    description:
      'Mức tăng, giảm so với cùng kỳ chia cho số kết nạp cùng kỳ năm trước, × 100; ' +
      'chỉ tính khi số cùng kỳ khác 0.',
  },
  youth: {
    label: 'Đảng viên trẻ (18–30 tuổi) mới kết nạp',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên mới kết nạp ở độ tuổi 18–30. ' + COVER,
  },
  women: {
    label: 'Đảng viên nữ mới kết nạp',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên nữ mới kết nạp. ' + COVER,
  },
  ethnic_minority: {
    label: 'Đảng viên người dân tộc thiểu số mới kết nạp',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên người dân tộc thiểu số mới kết nạp. ' + COVER,
  },
  college: {
    label: 'Đảng viên mới có trình độ cao đẳng trở lên',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên mới kết nạp có trình độ chuyên môn từ cao đẳng trở lên. ' + COVER,
  },
  youth_pct: {
    label: 'Tỷ lệ đảng viên trẻ',
    unit: 'pct',
    windows: 'both',
    description: SHARE('đảng viên trẻ (18–30 tuổi)'),
  },
  women_pct: { label: 'Tỷ lệ đảng viên nữ', unit: 'pct', windows: 'both', description: SHARE('đảng viên nữ') },
  ethnic_minority_pct: {
    label: 'Tỷ lệ đảng viên người dân tộc thiểu số',
    unit: 'pct',
    windows: 'both',
    description: SHARE('đảng viên người dân tộc thiểu số'),
  },
  college_pct: {
    label: 'Tỷ lệ đảng viên có trình độ cao đẳng trở lên',
    unit: 'pct',
    windows: 'both',
    description: SHARE('đảng viên có trình độ cao đẳng trở lên'),
  },
  target: {
    label: 'Chỉ tiêu kết nạp',
    unit: 'count',
    windows: 'both',
    description:
      'Chỉ tiêu được giao cho năm hoặc nhiệm kỳ. Đơn vị không có chỉ tiêu riêng thì lấy tổng chỉ tiêu của các ' +
      'đơn vị trực thuộc, khi mọi đơn vị trực thuộc đang hoạt động đều có chỉ tiêu (basis = summed).',
  },
  target_achieved_pct: {
    label: 'Tỷ lệ đạt chỉ tiêu',
    unit: 'pct',
    windows: 'both',
    description:
      'Số kết nạp chia cho chỉ tiêu, × 100. Với năm chưa đủ số liệu, đây là mức đạt tính đến tháng có số liệu ' +
      'cuối cùng.',
  },
  expected_pace_pct: {
    label: 'Tiến độ cần đạt',
    unit: 'pct',
    windows: 'year',
    description:
      'Chỉ cho năm chưa đủ 12 tháng số liệu và có chỉ tiêu: số tháng có số liệu chia cho 12, × 100 (ví dụ 8 ' +
      'tháng: 66,67%).',
  },
  pace_status: {
    label: 'Đánh giá tiến độ',
    unit: 'status',
    windows: 'year',
    description:
      'ahead (kịp hoặc vượt tiến độ) khi tỷ lệ đạt chỉ tiêu ≥ tiến độ cần đạt; behind (chậm tiến độ) khi thấp ' +
      'hơn. So sánh bằng số chính xác, trước khi làm tròn.',
  },
  members_at_start: {
    label: 'Đảng viên đầu năm',
    unit: 'count',
    windows: 'year',
    description:
      'Tổng số đảng viên ở lần báo cáo gần ngày 1/1 nhất, trong khoảng từ 1/12 năm trước đến 31/1; hai ngày ' +
      'cách đều thì lấy ngày sớm hơn. Không có báo cáo trong khoảng đó thì để trống.',
  },
  admission_rate_pct: {
    label: 'Tỷ lệ kết nạp so với đảng viên đầu năm',
    unit: 'pct',
    windows: 'year',
    description:
      'Số kết nạp trong năm chia cho số đảng viên đầu năm, × 100. Với năm chưa đủ số liệu, là tỷ lệ tính đến ' +
      'tháng có số liệu cuối cùng.',
  },
  average_per_year: {
    label: 'Bình quân mỗi năm',
    unit: 'ratio',
    windows: 'term',
    description: 'Tổng số kết nạp của nhiệm kỳ chia cho số năm của nhiệm kỳ; chỉ tính khi nhiệm kỳ đủ số liệu.',
  },
  classes: {
    label: 'Lớp bồi dưỡng nhận thức về Đảng',
    unit: 'count',
    windows: 'both',
    description: 'Số lớp bồi dưỡng nhận thức về Đảng đã mở. ' + COVER,
  },
  trainees: {
    label: 'Học viên lớp bồi dưỡng',
    unit: 'count',
    windows: 'both',
    description: 'Số học viên các lớp bồi dưỡng nhận thức về Đảng. ' + COVER,
  },
  dossiers: {
    label: 'Hồ sơ đề nghị kết nạp',
    unit: 'count',
    windows: 'both',
    description: 'Số hồ sơ đề nghị kết nạp đảng viên đã tiếp nhận. ' + COVER,
  },
  trainees_per_admission: {
    label: 'Học viên trên một đảng viên kết nạp',
    unit: 'ratio',
    windows: 'both',
    description: 'Số học viên lớp bồi dưỡng chia cho số kết nạp; chỉ tính khi cả hai số đủ kỳ.',
  },
  members: {
    label: 'Tổng số đảng viên',
    unit: 'count',
    windows: 'both',
    description: 'Tổng số đảng viên (kể cả dự bị) ở lần báo cáo cuối cùng trong kỳ.',
  },
  probationary: {
    label: 'Đảng viên dự bị',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên dự bị ở lần báo cáo cuối cùng trong kỳ.',
  },
  women_members: {
    label: 'Đảng viên nữ',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên nữ ở lần báo cáo cuối cùng trong kỳ.',
  },
  ethnic_minority_members: {
    label: 'Đảng viên người dân tộc thiểu số',
    unit: 'count',
    windows: 'both',
    description: 'Số đảng viên người dân tộc thiểu số ở lần báo cáo cuối cùng trong kỳ.',
  },
  ethnic_minority_members_pct: {
    label: 'Tỷ lệ đảng viên người dân tộc thiểu số',
    unit: 'pct',
    windows: 'both',
    description:
      'Đảng viên người dân tộc thiểu số chia cho tổng số đảng viên, × 100, ở lần báo cáo cuối cùng trong kỳ.',
  },
  grassroots_orgs: {
    label: 'Tổ chức cơ sở đảng',
    unit: 'count',
    windows: 'both',
    description: 'Số tổ chức cơ sở đảng trực thuộc ở lần báo cáo cuối cùng trong kỳ.',
  },
  branches: {
    label: 'Chi bộ trực thuộc',
    unit: 'count',
    windows: 'both',
    description: 'Số chi bộ trực thuộc ở lần báo cáo cuối cùng trong kỳ.',
  },
  villages: {
    label: 'Thôn, bản',
    unit: 'count',
    windows: 'both',
    description: 'Số thôn, bản (khu phố) trên địa bàn ở lần báo cáo cuối cùng trong kỳ.',
  },
  villages_with_branch: {
    label: 'Thôn, bản có chi bộ',
    unit: 'count',
    windows: 'both',
    description: 'Số thôn, bản đã có chi bộ ở lần báo cáo cuối cùng trong kỳ.',
  },
  villages_without_members: {
    label: 'Thôn, bản chưa có đảng viên',
    unit: 'count',
    windows: 'both',
    description: 'Số thôn, bản chưa có đảng viên ("trắng" đảng viên) ở lần báo cáo cuối cùng trong kỳ.',
  },
  villages_without_members_change: {
    label: 'Thay đổi số thôn, bản chưa có đảng viên',
    unit: 'count',
    windows: 'term',
    description:
      'Số thôn, bản chưa có đảng viên ở lần báo cáo cuối cùng trong nhiệm kỳ trừ số ở lần báo cáo đầu tiên ' +
      'trong nhiệm kỳ (cần hai lần báo cáo khác ngày). Số âm là giảm.',
  },
} as const satisfies Record<string, IndicatorDef>;

export type IndicatorName = keyof typeof INDICATORS;

/** Indicator names in the order rows are written. */
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];

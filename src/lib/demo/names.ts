/**
 * Illustrative Vietnamese names for the demo data: place names put together from common syllables
 * (so that they read naturally but describe no real place's figures), and the usual names of
 * agencies, schools, enterprises and armed-forces units.
 */
import type { Rng } from './prng.ts';

const FIRST = [
  'An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Hưng', 'Long', 'Thạnh', 'Phước', 'Vĩnh', 'Đông', 'Tây', 'Nam',
  'Bắc', 'Trung', 'Thượng', 'Quảng', 'Minh', 'Đức', 'Thanh', 'Xuân', 'Hương', 'Kim', 'Ngọc', 'Hồng',
  'Lạc', 'Mỹ', 'Nghĩa', 'Phong', 'Quang', 'Sơn', 'Tiên', 'Trường', 'Văn', 'Yên', 'Cẩm', 'Diễn', 'Gia',
  'Hải', 'Hiệp', 'Khánh', 'Lam', 'Liên', 'Mai', 'Nhân', 'Phúc', 'Tam', 'Thái', 'Thiện', 'Thuận', 'Thịnh',
  'Tường', 'Vạn', 'Việt', 'Cát', 'Châu', 'Đại', 'Hợp', 'Lương', 'Ninh',
] as const;

const SECOND = [
  'An', 'Bình', 'Hòa', 'Hưng', 'Lợi', 'Lộc', 'Phú', 'Thành', 'Thịnh', 'Tiến', 'Trung', 'Đông', 'Tây',
  'Sơn', 'Lâm', 'Hà', 'Giang', 'Khê', 'Lương', 'Mỹ', 'Nghĩa', 'Phong', 'Quý', 'Tân', 'Thạch', 'Thuận',
  'Trạch', 'Vinh', 'Xuân', 'Yên', 'Điền', 'Đồng', 'Hiệp', 'Hải', 'Linh', 'Long', 'Minh', 'Nguyên',
  'Phước', 'Quang', 'Tài', 'Thái', 'Thủy', 'Tường', 'Uyên', 'Vân', 'Xá', 'Châu', 'Cường', 'Dương',
] as const;

/** Real province names (before and after 2025), never used for a generated province. */
const REAL_PROVINCES = new Set(
  [
    'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa',
    'Nghệ An', 'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh',
    'Hưng Yên', 'Hải Phòng', 'Ninh Bình', 'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai',
    'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai', 'Tây Ninh', 'Cần Thơ',
    'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang', 'Hà Giang', 'Yên Bái', 'Bắc Giang', 'Bắc Kạn',
    'Hòa Bình', 'Vĩnh Phúc', 'Hải Dương', 'Thái Bình', 'Nam Định', 'Hà Nam', 'Quảng Bình',
    'Quảng Nam', 'Kon Tum', 'Bình Định', 'Phú Yên', 'Ninh Thuận', 'Bình Thuận', 'Đắk Nông',
    'Bình Phước', 'Bình Dương', 'Long An', 'Tiền Giang', 'Bến Tre', 'Trà Vinh', 'Hậu Giang',
    'Sóc Trăng', 'Bạc Liêu', 'Kiên Giang', 'Thừa Thiên Huế', 'Bà Rịa',
  ].map((s) => s.normalize('NFC')),
);

/** A two-syllable place name, e.g. `Tân Lộc`; never a real province's name. */
export function placeName(rng: Rng): string {
  for (;;) {
    const a = rng.pick(FIRST);
    const b = rng.pick(SECOND);
    if (a === b) continue;
    const name = `${a} ${b}`.normalize('NFC');
    if (!REAL_PROVINCES.has(name)) return name;
  }
}

/** A place name not in `used` (tries a few times, then accepts a repeat: slugs are made unique elsewhere). */
export function freshPlaceName(rng: Rng, used: Set<string>): string {
  let name = placeName(rng);
  for (let i = 0; i < 40 && used.has(name); i++) name = placeName(rng);
  used.add(name);
  return name;
}

/** Provincial departments and bodies whose party committees sit under the provincial agencies' bloc. */
export const PROVINCIAL_AGENCIES = [
  'Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo',
  'Sở Nông nghiệp và Môi trường', 'Sở Công Thương', 'Sở Tư pháp',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy',
  'Ủy ban Kiểm tra Tỉnh ủy', 'Báo và Phát thanh, Truyền hình tỉnh', 'Bệnh viện Đa khoa tỉnh',
  'Trường Chính trị tỉnh', 'Thuế tỉnh', 'Bảo hiểm xã hội tỉnh', 'Tòa án nhân dân tỉnh',
  'Viện Kiểm sát nhân dân tỉnh', 'Hội Nông dân tỉnh', 'Liên đoàn Lao động tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh', 'Bệnh viện Y dược cổ truyền tỉnh',
  'Trung tâm Kiểm soát bệnh tật tỉnh', 'Trường Cao đẳng Y tế', 'Trường Cao đẳng Kỹ thuật',
  'Sở Dân tộc và Tôn giáo', 'Kho bạc Nhà nước khu vực', 'Ngân hàng Chính sách xã hội tỉnh',
  'Công ty Điện lực tỉnh', 'Công ty Cổ phần Cấp nước tỉnh',
];

export const POLICE_UNITS = [
  'Phòng Cảnh sát giao thông', 'Phòng An ninh chính trị nội bộ', 'Phòng Cảnh sát hình sự',
  'Phòng Cảnh sát kinh tế', 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Phòng Tham mưu', 'Phòng Hậu cần', 'Trại tạm giam',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
  'Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc', 'Phòng Cảnh sát cơ động',
  'Phòng Quản lý xuất nhập cảnh',
];

export const MILITARY_UNITS = [
  'Cơ quan Bộ Chỉ huy Quân sự tỉnh', 'Trung đoàn bộ binh', 'Tiểu đoàn Huấn luyện - Cơ động',
  'Trường Quân sự tỉnh', 'Đại đội Trinh sát', 'Kho Kỹ thuật',
];

export const ENTERPRISE_KINDS = [
  'Công ty Cổ phần', 'Công ty TNHH', 'Hợp tác xã', 'Công ty TNHH Một thành viên',
];
export const SCHOOL_KINDS = ['Trường THPT', 'Trường THCS', 'Trường Tiểu học', 'Trường Mầm non'];
/**
 * District-level agencies; `{district}` is e.g. `huyện Tân Lộc`, `{committee}` `Huyện ủy`,
 * `{place}` `Tân Lộc`.
 */
export const DISTRICT_AGENCIES = [
  'Cơ quan Ủy ban nhân dân {district}', 'Cơ quan {committee} {place}', 'Trung tâm Y tế {district}',
  'Trung tâm Chính trị {district}', 'Ban Quản lý dự án đầu tư xây dựng {district}',
];


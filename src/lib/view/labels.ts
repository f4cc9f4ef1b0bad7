/** Vietnamese words the pages, the images and the embed pages use: the site's name, levels, kinds, pace. */
import type { Level, UnitKind } from '../types.ts';

export const SITE_NAME = 'Thống kê phát triển đảng viên';
export const DEMO_LABEL = 'Dữ liệu minh họa';
export const NO_DATA = 'chưa có số liệu';

export const LEVEL_LABEL: Record<Level, string> = {
  province: 'Đảng bộ tỉnh, thành phố',
  district: 'Đảng bộ cấp huyện',
  commune: 'Đảng bộ xã, phường, đặc khu',
  grassroots: 'Tổ chức cơ sở đảng',
  branch: 'Chi bộ trực thuộc',
};

export const KIND_LABEL: Record<UnitKind, string> = {
  commune: 'xã, phường, thị trấn',
  agency: 'cơ quan',
  enterprise: 'doanh nghiệp',
  school: 'trường học',
  armed_forces: 'lực lượng vũ trang',
  village: 'thôn, bản, khu phố',
  other: 'khác',
};

export const PACE_LABEL = { ahead: 'kịp tiến độ', behind: 'chậm tiến độ' } as const;

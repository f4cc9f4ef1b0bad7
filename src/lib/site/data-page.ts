/** The data & methods page: downloads, the data dictionary, the data check's warnings. */
import { INDICATORS, type IndicatorDef } from '../model/dictionary.ts';
import { fmtCount } from '../format/index.ts';
import type { Dataset } from '../types.ts';
import { href, unitPath } from '../view/href.ts';
import { siteIndex } from './site.ts';

export interface DownloadLink {
  label: string;
  href: string;
  note: string;
}

const UNIT_WORD = {
  count: 'số nguyên',
  pct: 'phần trăm, hai chữ số thập phân',
  ratio: 'số thập phân, hai chữ số',
  status: 'chữ (ahead / behind)',
} as const;
const WINDOW_WORD = { year: 'năm', term: 'nhiệm kỳ', both: 'năm và nhiệm kỳ' } as const;

const FILE_NOTE: Record<string, string> = {
  'units.csv': 'các đơn vị (mã, tên, cấp, đơn vị cấp trên)',
  'admissions.csv': 'số kết nạp theo kỳ',
  'targets.csv': 'chỉ tiêu kết nạp',
  'training.csv': 'lớp bồi dưỡng, học viên, hồ sơ',
  'members.csv': 'số đảng viên, thôn bản tại từng ngày',
  'terms.csv': 'các nhiệm kỳ',
};

export function dataPage(ds: Dataset) {
  const idx = siteIndex(ds);
  const downloads: DownloadLink[] = [
    {
      label: 'indicators.csv',
      href: href('data/indicators.csv'),
      note:
        'mọi chỉ số của mọi đơn vị, mỗi dòng một đơn vị, một kỳ, một chỉ số ' +
        `(${fmtCount(ds.indicatorCount)} dòng)`,
    },
    {
      label: 'indicators.json',
      href: href('data/indicators.json'),
      note: 'cùng nội dung, dạng JSON cho chương trình máy tính',
    },
    {
      label: 'summaries.json',
      href: href('data/summaries.json'),
      note:
        'đoạn tóm tắt bằng lời của mỗi đơn vị theo từng năm và nhiệm kỳ, ' +
        'sinh từ các chỉ số (JSON, mỗi dòng một đoạn)',
    },
    ...ds.inputs.tables.map((t) => ({
      label: t.file,
      href: href(`data/${t.file}`),
      note: `dữ liệu gốc đã kiểm tra: ${FILE_NOTE[t.file] ?? ''} (${fmtCount(t.rows.length)} dòng)`,
    })),
  ];
  const perUnit = [...idx.byLevel.province, ...idx.byLevel.district, ...idx.byLevel.commune].map((u) => ({
    label: u.label,
    href: href(`${unitPath(u.slug)}chi-so.csv`),
    name: `${u.slug}-chi-so.csv`,
  }));
  const dictionary = (Object.entries(INDICATORS) as [string, IndicatorDef][]).map(([id, d]) => ({
    id,
    label: d.label,
    unit: UNIT_WORD[d.unit],
    windows: WINDOW_WORD[d.windows],
    description: d.description,
  }));
  const warnings = ds.warnings.map((w) => ({
    place: [w.file, w.line !== undefined ? `dòng ${w.line}` : '', w.column ? `cột ${w.column}` : '']
      .filter(Boolean)
      .join(', '),
    message: w.message,
  }));
  return {
    downloads,
    perUnit,
    grassrootsCount: idx.byLevel.grassroots.length + idx.byLevel.branch.length,
    dictionary,
    warnings,
    sources: ds.sources,
  };
}

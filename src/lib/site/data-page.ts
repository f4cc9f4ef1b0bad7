/** The data & methods page: downloads, the data dictionary, the data check's warnings. */
import { INDICATORS, type IndicatorDef } from '../model/dictionary.ts';
import { fmtCount } from '../format/index.ts';
import { PART_LIMIT } from '../publish/parts.ts';
import { LEAD_COLUMNS } from '../publish/shared-csv.ts';
import { REVISION_METHODS } from '../revisions/index.ts';
import { TEMPLATE_CSV_DIR, TEMPLATE_WORKBOOK } from '../template/index.ts';
import { TEMPLATE_TABLES } from '../template/sheets.ts';
import { type Dataset, tableRowCount } from '../types.ts';
import { href } from '../view/href.ts';
import { indicatorsCut } from './files.ts';
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

export interface DataPageOptions {
  /** data/du-lieu.xlsx as the build made it (absent under `astro dev`: listed as published). */
  workbook?: { bytes: number; published: boolean };
  /** The data/ file holding a unit's indicators (the build context's indicatorsAt; default data/indicators.csv). */
  indicatorsAt?: (unitId: string) => string;
}

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** The blank templates (src/lib/template): the workbook, then one CSV per table. */
function templateLinks(): DownloadLink[] {
  return [
    {
      label: TEMPLATE_WORKBOOK,
      href: href(`data/${TEMPLATE_WORKBOOK}`),
      note:
        'mẫu nhập liệu Excel: mỗi bảng một trang (sheet) chỉ có dòng tên cột, có chú thích từng cột, danh sách ' +
        'chọn và kiểm tra khi gõ; trang đầu hướng dẫn cách điền',
    },
    ...TEMPLATE_TABLES.map((file) => ({
      label: `${TEMPLATE_CSV_DIR}/${file}`,
      href: href(`data/${TEMPLATE_CSV_DIR}/${file}`),
      note: `mẫu CSV trống của ${file}: chỉ có dòng tên cột`,
    })),
  ];
}

export function dataPage(ds: Dataset, opts: DataPageOptions = {}) {
  const idx = siteIndex(ds);
  const workbook = opts.workbook ?? { bytes: 0, published: true };
  const indicatorsAt = opts.indicatorsAt ?? (() => 'data/indicators.csv');
  const downloads: DownloadLink[] = [
    {
      label: 'indicators.csv',
      href: href('data/indicators.csv'),
      note:
        'mọi chỉ số của mọi đơn vị, mỗi dòng một đơn vị, một kỳ, một chỉ số ' + `(${fmtCount(ds.indicatorCount)} dòng)`,
    },
    {
      label: 'indicators.json',
      href: href('data/indicators.json'),
      note:
        'cùng nội dung, dạng JSON cho chương trình máy tính: mỗi mục của "rows" là một dòng của indicators.csv, ' +
        'các ô theo thứ tự của "columns"; bốn cột chữ (unit_id, period, indicator, basis) ghi bằng số thứ tự ' +
        '(đếm từ 0) trong danh sách cùng tên của "dictionary" ở đầu tệp (khi tệp được chia, mọi phần có cùng ' +
        '"dictionary" ấy); giá trị là số (pace_status là chữ), ô trống là null',
    },
    {
      label: 'summaries.json',
      href: href('data/summaries.json'),
      note:
        'đoạn tóm tắt bằng lời của mỗi đơn vị theo từng năm và nhiệm kỳ, sinh từ các chỉ số (JSON, mỗi dòng một ' +
        'đơn vị: "sentences" là các câu của đơn vị, mỗi câu ghi một lần; mỗi mục của "summaries" là [kỳ, year ' +
        '(năm) hay term (nhiệm kỳ), true nếu đủ số liệu, số thứ tự các câu đếm từ 0]; nối các câu ấy theo thứ tự, ' +
        'cách nhau một dấu cách, là được đoạn tóm tắt. Mỗi câu ghi thành [số thứ tự mẫu câu, các giá trị]: mẫu ' +
        'câu nằm trong danh sách "templates" ở cuối tệp (mỗi phần của tệp có đủ danh sách ấy), là các đoạn chữ ' +
        'của câu; đặt lần lượt các giá trị vào giữa các đoạn ấy (null là tên đơn vị, "unit_name") là được câu)',
    },
    {
      label: 'revisions.csv',
      href: href('data/revisions.csv'),
      note:
        'lịch sử điều chỉnh: mỗi dòng một số liệu đã công bố được điều chỉnh hoặc rút bỏ, ngày điều chỉnh, ' +
        'số cũ và số mới (xem trang Lịch sử cập nhật)',
    },
    ...(workbook.published
      ? [
          {
            label: 'du-lieu.xlsx',
            href: href('data/du-lieu.xlsx'),
            note: 'toàn bộ dữ liệu gốc đã kiểm tra trong một tệp Excel, mỗi bảng một trang (sheet)',
          },
        ]
      : []),
    ...ds.inputs.tables.map((t) => ({
      label: t.file,
      href: href(`data/${t.file}`),
      note: `dữ liệu gốc đã kiểm tra: ${FILE_NOTE[t.file] ?? ''} (${fmtCount(tableRowCount(t))} dòng)`,
    })),
  ];
  // Said on the page when the workbook is left out: why, and what to download instead.
  const workbookNote = workbook.published
    ? undefined
    : `Tệp Excel gộp toàn bộ dữ liệu (du-lieu.xlsx) không được đăng vì lớn khoảng ${mib(workbook.bytes)}, quá ` +
      `giới hạn ` +
      `${mib(PART_LIMIT)} một tệp của nhiều nơi lưu trữ; hãy tải từng tệp CSV ở trên (mở được bằng Excel).`;
  const partsNote =
    `Tệp nào lớn hơn ${mib(PART_LIMIT)} (giới hạn một tệp của nhiều nơi lưu trữ) được chia thành nhiều phần theo ` +
    'tỉnh, ví dụ indicators-1.csv, indicators-2.csv, kèm tệp indicators.parts.json liệt kê các phần theo thứ tự; ' +
    'mỗi phần CSV có dòng tên cột, nối các phần (bỏ dòng tên cột từ phần thứ hai) là được tệp trọn vẹn.';
  // How the per-unit downloads work (src/lib/site/files.ts, src/lib/publish/shared-csv.ts).
  const [unitCol, , chartCol] = LEAD_COLUMNS;
  const perUnitNote =
    'Mỗi biểu đồ, bảng trên trang đơn vị có nút “Tải CSV” lưu đúng số liệu của biểu đồ, bảng đó ' +
    '(tệp tên-đơn-vị-tên-biểu-đồ.csv), và mỗi trang có nút tải mọi chỉ số của đơn vị. Để trang có ít tệp, số ' +
    'liệu các biểu đồ được gộp mỗi đảng bộ tỉnh, cấp huyện, cấp xã một tệp so-lieu.csv, gồm cả các tổ chức cơ sở ' +
    `đảng, chi bộ trực thuộc: mỗi dòng ghi đơn vị (cột “${unitCol}”) và biểu đồ (cột “${chartCol}”). Mọi chỉ số ` +
    'của một đơn vị là các dòng của đơn vị trong indicators.csv (hoặc phần indicators-N.csv chứa đơn vị). Trình ' +
    'duyệt bật JavaScript cắt đúng phần của đơn vị, biểu đồ khi tải; khi tắt JavaScript, nút tải cả tệp gộp và ' +
    'ghi chú bên cạnh chỉ cách lọc.';
  const perUnit = [...idx.byLevel.province, ...idx.byLevel.district, ...idx.byLevel.commune].map((u) => ({
    label: u.label,
    href: href(indicatorsAt(u.id)),
    name: `${u.slug}-chi-so.csv`,
    cut: indicatorsCut(u.id, indicatorsAt(u.id)),
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
    workbookNote,
    partsNote,
    templates: templateLinks(),
    methods: REVISION_METHODS,
    historyHref: href('lich-su-cap-nhat/'),
    perUnit,
    perUnitNote,
    grassrootsCount: idx.byLevel.grassroots.length + idx.byLevel.branch.length,
    dictionary,
    warnings,
    sources: ds.sources,
  };
}

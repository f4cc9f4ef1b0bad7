/**
 * `npm run demo -- --preset province --out DIR [--seed 1] [--force]`
 * Writes an illustrative, generated data set (not real figures) in the data contract's CSV format into DIR,
 * with an empty DEMO marker file so that the site labels every page "Dữ liệu minh họa".
 * Presets: district (1 province, 1 district, 25 grassroots), province (10 districts, 250 grassroots),
 * national (63 provinces merging into 34, 700 districts, 10,000 grassroots, > 500,000 admission rows); each
 * with the 2025 reorganisation (districts and old communes end 06/2025, new communes from 07/2025).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEMO_FILES, type DemoStats } from '../src/lib/demo/generate.ts';
import { PRESETS, PRESET_NAMES, isPresetName } from '../src/lib/demo/presets.ts';
import { DemoTargetError, writeDemo } from '../src/lib/demo/write.ts';

const USAGE = `Cách dùng: npm run demo -- --preset ${PRESET_NAMES.join('|')} --out THƯ_MỤC [--seed SỐ] [--force]

Sinh bộ dữ liệu minh họa (không phải số liệu thật) theo đúng định dạng CSV của trang, \
kèm tệp đánh dấu DEMO.
  --preset   district: 1 tỉnh, 1 huyện, 25 tổ chức cơ sở đảng
             province: 1 tỉnh, 10 đảng bộ cấp huyện, 250 tổ chức cơ sở đảng
             national: 63 tỉnh (34 từ 07/2025), 700 đảng bộ cấp huyện, 10.000 tổ chức cơ sở đảng
             Mỗi mẫu mô phỏng việc sắp xếp năm 2025: cấp huyện và các đảng bộ xã cũ
             kết thúc 06/2025, khoảng 3 xã cũ thành 1 xã mới từ 07/2025
  --out      thư mục ghi dữ liệu (tạo mới nếu chưa có)
  --seed     hạt giống ngẫu nhiên (mặc định 1): cùng hạt giống, cùng kết quả đến từng byte
  --force    cho phép ghi vào thư mục đã có units.csv mà không có tệp DEMO

Xem thử: DATA_DIR=THƯ_MỤC npm run build`;

/** The command line, parsed (a function so that its result type names the options). */
const parseDemoArgs = () =>
  parseArgs({
    options: {
      preset: { type: 'string', short: 'p' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string', short: 's', default: '1' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

function main(): number {
  let values: ReturnType<typeof parseDemoArgs>['values'];
  try {
    ({ values } = parseDemoArgs());
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const preset = values.preset ?? '';
  if (!isPresetName(preset) || !values.out) {
    console.error(`${preset && !isPresetName(preset) ? `Không có mẫu "${preset}".\n\n` : ''}${USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    console.error(`--seed phải là số nguyên từ 0 đến 4294967295, không phải "${values.seed}".`);
    return 2;
  }
  const out = path.resolve(values.out);
  const t0 = performance.now();
  let stats: ReturnType<typeof writeDemo>;
  try {
    stats = writeDemo(out, PRESETS[preset], seed, values.force);
  } catch (error) {
    if (error instanceof DemoTargetError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const ms = performance.now() - t0;
  const n = (x: number) => x.toLocaleString('vi-VN');
  const dec = (x: number, digits: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: digits });
  const took = `${dec(ms / 1000, 2)} s`;
  console.log(`Đã sinh dữ liệu minh họa "${preset}" (hạt giống ${seed}) vào ${out} trong ${took}`);
  const levels = (c: DemoStats['units']) =>
    `${n(c.province)} tỉnh, ${n(c.district)} cấp huyện, ${n(c.commune)} xã, phường, ` + `${n(c.grassroots)} cơ sở`;
  console.log(`  Đơn vị đến 06/2025: ${levels(stats.before)}`);
  console.log(`  Đơn vị từ 07/2025: ${levels(stats.after)}`);
  const size = (b: number) => (b >= 1e6 ? `${dec(b / 1e6, 1)} MB` : `${dec(b / 1e3, 0)} kB`);
  for (const f of DEMO_FILES) {
    console.log(`  ${f.padEnd(15)} ${n(stats.rows[f]).padStart(9)} dòng  ${size(stats.bytes[f]!).padStart(8)}`);
  }
  console.log('  DEMO            (tệp đánh dấu: trang hiện "Dữ liệu minh họa")');
  return 0;
}

process.exitCode = main();

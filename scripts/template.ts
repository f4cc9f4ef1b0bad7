/**
 * `npm run template -- --out <folder>`: writes the blank templates (`mau-nhap-lieu.xlsx` and `mau/*.csv`, the
 * files the site publishes under data/) into a folder, so that a board can hand them to the units below it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { templateFiles } from '../src/lib/template/index.ts';

const USAGE = 'Cách dùng: npm run template -- --out <thư mục> [--check-page <địa chỉ trang Kiểm tra dữ liệu>]';

async function main(): Promise<void> {
  let values: { out?: string; 'check-page'?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, 'check-page': { type: 'string' } } }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (!values.out) {
    process.stderr.write(`Thiếu --out: thư mục để ghi các tệp mẫu.\n${USAGE}\n`);
    process.exit(2);
  }
  const files = await templateFiles(values['check-page'] ? { checkPage: values['check-page'] } : {});
  for (const f of files) {
    const target = path.join(values.out, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, f.content);
    process.stdout.write(`đã ghi ${target}\n`);
  }
}

await main();

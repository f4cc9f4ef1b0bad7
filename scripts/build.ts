/**
 * `npm run build`: check the data, compute the figures, render the site, publish the data files.
 * Everything is written to a fresh folder first and swapped into place only when every step succeeded,
 * so a failed build leaves the previous dist/ exactly as it was.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../src/lib/types.ts';
import { relaunchTuned } from '../src/lib/build/launch.ts';

// First, before the build's modules load: the process starts again with the allocator's settings (launch.ts).
relaunchTuned(fileURLToPath(import.meta.url));

const { runCheck } = await import('./check.ts');
const { setBuildContext } = await import('../src/lib/build/context.ts');
const { indicatorsAt, writeDataFolder } = await import('../src/lib/build/data.ts');
const { fileWriter } = await import('../src/lib/build/files.ts');
const { collectGarbage, limitHeapGrowth, releaseTableRows, returnFreedNativeMemory } = await import(
  '../src/lib/build/memory.ts'
);
const { dataWorkbook } = await import('../src/lib/build/workbook.ts');
const { drawKitsAhead } = await import('../src/lib/build/ahead.ts');
const { hostFitLines, writeHostFiles } = await import('../src/lib/hosts/index.ts');
const { computeDataset } = await import('../src/lib/model/index.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, process.env.DATA_DIR || 'data');
const outDir = path.resolve(root, process.env.OUT_DIR || 'dist');
const base = process.env.SITE_BASE || '/';

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

async function main(): Promise<number> {
  process.chdir(root);
  limitHeapGrowth();
  // Before any module that allocates with mimalloc loads: resvg in the PNG threads, Rolldown in Astro.
  returnFreedNativeMemory();
  // Vite reads BASE_URL from the environment over the configured base (vitest workers set it to /): SITE_BASE decides.
  delete process.env.BASE_URL;
  const t0 = performance.now();
  console.log(`Kiểm tra dữ liệu trong ${path.relative(root, dataDir) || '.'} …`);
  // Let go once the pages are rendered (below), with the dataset: the last PNGs need neither.
  let check: Awaited<ReturnType<typeof runCheck>> | undefined = await runCheck(dataDir, { outDir });
  if (check.errors.length > 0) {
    console.error(
      `\nKhông dựng trang: dữ liệu có ${check.errors.length} lỗi (xem ở trên). ` +
        `Thư mục ${path.relative(root, outDir)}/ cũ được giữ nguyên.`,
    );
    return 1;
  }

  let dataset: Dataset | undefined = check.dataset ?? computeDataset(check.inputs, { isDemo: check.inputs.isDemo });
  // Going on without the previous publication would start the published history of revisions afresh.
  const revisions = check.revisions;
  if (!revisions) {
    // The check printed why (check.previousError).
    const kept = `Thư mục ${path.relative(root, outDir)}/ cũ được giữ nguyên.`;
    console.error(`\nKhông dựng trang: không đọc được bản công bố trước (xem ở trên). ${kept}`);
    return 1;
  }
  // Made before the pages: the data page says whether it is published (it must fit the hosts' largest file).
  const workbook = await dataWorkbook(dataset);
  const published = 'bytes' in workbook;
  const workbookInfo = { bytes: published ? workbook.bytes.length : workbook.size, published };

  // Staged inside the project: Astro puts its temporary prerender output under the working directory when outDir
  // is outside it, and two builds sharing that folder would break each other.
  const staging = path.join(root, '.build', `staging-${process.pid}`);
  // data/ is written before the pages (a unit page links to the part of indicators.csv holding its rows),
  // beside the staging folder, which Astro empties; it moves in after Astro.
  const dataStaging = path.join(root, '.build', `data-${process.pid}`);
  // The chart images drawn before Astro (src/lib/build/ahead.ts), moved in after it.
  const imagesAhead = path.join(root, '.build', `images-${process.pid}`);
  const temporary = [staging, dataStaging, imagesAhead];
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(staging), { recursive: true });
  let fits: string[] = [];
  try {
    // The pages' files are written into the staging folder as Astro renders them, the PNGs drawn in worker threads
    // meanwhile (src/lib/build); most PNGs are known now, and drawn while data/ is written.
    const writer = fileWriter(staging, imagesAhead);
    await drawKitsAhead(writer, dataset, revisions.revisionsCsv);
    const t3 = performance.now();
    const onWarning = (message: string) => console.warn(`Cảnh báo: ${message}`);
    const data = { revisionsCsv: revisions.revisionsCsv, base, workbook, onWarning };
    const files = await writeDataFolder(dataset, dataStaging, data);
    // Written: the pages need only the tables' row counts, not their ~110 MB of rows.
    releaseTableRows(dataset);
    console.log(`Đã xuất ${files.length} tệp dữ liệu (${seconds(t3)} s).`);

    const t2 = performance.now();
    setBuildContext({
      dataset: Promise.resolve(dataset),
      publish: (f) => writer.publish(f),
      revisions: revisions.revisionsCsv,
      indicatorsAt: indicatorsAt(dataStaging),
      dataWorkbook: workbookInfo,
    });
    const { build } = await import('astro');
    const logLevel = process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn';
    await build({ root, outDir: staging, base, logLevel });
    console.log(`Đã dựng các trang (${seconds(t2)} s).`);
    // The pages are done: their context and the dataset are let go before the last PNGs.
    setBuildContext(undefined);
    check = undefined;
    dataset = undefined;
    if (writer.drawing()) collectGarbage();
    await rename(dataStaging, path.join(staging, 'data'));
    await writeFile(path.join(staging, '.nojekyll'), '');
    await writeHostFiles(staging, base);

    const t4 = performance.now();
    const img = await writer.finish();
    await rm(imagesAhead, { recursive: true, force: true });
    if (img.images) {
      const count = img.images.toLocaleString('vi-VN');
      console.log(`Đã vẽ ${count} ảnh PNG biểu đồ (chờ thêm ${seconds(t4)} s).`);
    }

    // What changed since the last publication (its warnings were printed with the check's).
    console.log(`\n${revisions.summaryLines.join('\n')}`);
    fits = await hostFitLines(staging);
    await swapInto(staging, outDir);
  } catch (error) {
    for (const dir of temporary) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  console.log(`Xong: ${path.relative(root, outDir)}/ (tổng ${seconds(t0)} s).`);
  // Last: whether the site fits each common host (file count, total and largest file; docs/deploy.md).
  console.log(fits.join('\n'));
  return 0;
}

/**
 * Replaces `target` with `staging` by renames, so there is never a half-written target. When the target lives on
 * another file system, the staging folder is first copied beside it, then renamed into place.
 */
async function swapInto(staging: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const beside = path.join(path.dirname(target), `.${path.basename(target)}-staging-${process.pid}`);
  try {
    await rename(staging, beside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(staging, beside, { recursive: true });
    await rm(staging, { recursive: true, force: true });
  }
  const old = `${beside}-old`;
  if (existsSync(target)) await rename(target, old);
  await rename(beside, target);
  await rm(old, { recursive: true, force: true });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('\nDựng trang thất bại; thư mục kết quả cũ được giữ nguyên.');
    console.error(error);
    process.exit(1);
  },
);

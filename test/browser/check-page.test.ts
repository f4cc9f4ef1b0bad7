/**
 * The check page (/kiem-tra/) driven as a maintainer would, in Chromium under the page's own CSP, with real files
 * set on its file input: a workbook written here with exceljs whose count cell C4 holds text, then a valid CSV
 * report of a unit of the site. The site's own units.csv stands in for the units table (fetched from the site).
 * Asserted: the error with its sheet and cell and value, six errors of one kind shown as one entry, the figures
 * of the valid set (by hand: 4 admitted over the 6 months written, target 10, so 4 / 10 = 40%), the full list
 * downloaded as a CSV made in the browser, no request off the page's own origin, no console error or CSP
 * violation, no serious axe-core violation with the results shown; the page without JavaScript says what to do. Screenshots of the error at 360 and 1280 px go to PDV_SHOTS (default: a temporary folder).
 */
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open, type Watch } from '../helpers/browser.ts';
import { serve } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

const SHOTS = process.env.PDV_SHOTS ?? path.join(os.tmpdir(), 'kiem-tra-shots');
const NBSP = '\u00a0';
const text = (s: string) => s.replaceAll(NBSP, ' ');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A report of Bình Liêu (a unit of the sample data) as a unit below would fill the template's sheet. */
async function badWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Điền số liệu vào trang Kết nạp.']);
  wb.addWorksheet('Kết nạp').addRows([
    ['unit_id', 'period', 'admitted'],
    ['QN.BL', 2023, 12],
    ['QN.BL', '2024-01..2024-03', 2],
    ['QN.BL', '2024-04..2024-06', 'hai'],
    // Six rows of a unit the site does not know: one grouped entry, as `npm run check` prints it.
    ...[7, 8, 9, 10, 11, 12].map((m) => ['QN.XX', `2024-${String(m).padStart(2, '0')}`, 1]),
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
});

async function expectClean(w: Watch, origin: string) {
  const problems = await w.problems();
  expect(problems, problems.join('\n')).toEqual([]);
  const off = w.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:'));
  expect(off).toEqual([]);
}

/** axe-core's serious and critical violations on the page as it is (results shown). */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function checked(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  // The status names the files once their check is shown.
  const names = (Array.isArray(files) ? files : [files]).map((f) =>
    typeof f === 'string' ? f : 'name' in f ? f.name : '',
  );
  await page.setInputFiles('#chon-tep', files);
  await page
    .locator('[data-check-status]', { hasText: `Đã kiểm tra: ${names.join(', ')}.` })
    .waitFor({ timeout: 30_000 });
  return ((await page.locator('[data-check-result]').textContent()) ?? '').replaceAll(NBSP, ' ');
}

describe('the check page', () => {
  it('finds the broken cell of a dropped workbook, and shows the figures of a valid report', async () => {
    const site = sites().root;
    const server = await serve(site.dir, site.base);
    const context = await newContext(browser, { acceptDownloads: true });
    try {
      const { page, w } = await open(context, `${server.url}kiem-tra/`, server.origin);
      expect(await page.locator('.check-private').textContent()).toContain('Tệp không rời khỏi máy của bạn');
      const bad = await checked(page, [
        {
          name: 'bao-cao-binh-lieu.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await badWorkbook(),
        },
      ]);
      expect(bad).toContain('Có 7 lỗi cần sửa');
      expect(bad).toMatch(/bao-cao-binh-lieu\.xlsx › Kết nạp, ô C4 \[admitted\] "hai": /);
      const entries = await page.locator('.check-errors li').allTextContents();
      expect(entries).toHaveLength(2);
      expect(entries[1]).toMatch(
        /^bao-cao-binh-lieu\.xlsx › Kết nạp, cột unit_id: 6 dòng .*"QN\.XX".*\(ô A5, A6, A7, A8, A9, …\)/,
      );
      expect(bad).toContain('đã công bố trên chính trang này (data/units.csv)');
      expect(await page.locator('[data-check-summary]').count()).toBe(0);

      // The full list, made in the browser: a CSV with the BOM, one line per problem.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-check-download]')]);
      const list = await readFile((await download.path())!, 'utf8');
      expect(list.startsWith('\uFEFFmuc_do,tep,trang,o,dong,cot,ten_cot,gia_tri,thong_bao\r\n')).toBe(true);
      expect(list).toContain('lỗi,bao-cao-binh-lieu.xlsx,Kết nạp,C4,4,3,admitted,hai,');
      // Ungrouped: the header and the seven problems.
      expect(list.trimEnd().split('\r\n')).toHaveLength(8);

      expect(await axeProblems(page)).toEqual([]);

      await mkdir(SHOTS, { recursive: true });
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(wide, `page wider than ${width} px`).toBeLessThanOrEqual(width);
        await page.locator('#kiem-tra').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, `kiem-tra-${width}.png`), fullPage: true });
      }

      const good = await checked(page, [
        csvFile('admissions.csv', ['unit_id,period,admitted', 'QN.BL,2024-01..2024-06,4']),
        csvFile('targets.csv', ['unit_id,period,target', 'QN.BL,2024,10']),
      ]);
      expect(good).toContain('Không có lỗi');
      const rows = await page.locator('[data-check-summary] tbody tr').all();
      const cells = await Promise.all(rows.map(async (r) => (await r.locator('td').allTextContents()).map(text)));
      expect(cells.find((c) => c[1] === '2024')).toEqual([
        'Bình Liêu (QN.BL)',
        '2024',
        '4 (6/12 tháng)',
        '10',
        '40,00%',
      ]);
      expect(good).toContain('Các tháng có số liệu: 01/2024 – 06/2024');
      expect(await axeProblems(page)).toEqual([]);
      await expectClean(w, server.origin);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('without JavaScript, says what it needs and points to npm run check', async () => {
    const site = sites().root;
    const server = await serve(site.dir, site.base);
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const { page } = await open(context, `${server.url}kiem-tra/`, server.origin);
      const main = await page.locator('main').textContent();
      expect(main).toContain('cần JavaScript');
      expect(main).toContain('npm run check');
      expect(await page.locator('#kiem-tra').isVisible()).toBe(false);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

/**
 * What changed since the last publication, end to end (issue 12): the sample data built, then a revised copy of it
 * built over that publication (a temporary OUT_DIR, BUILD_DATE fixed), then the same copy once more.
 * - the second build prints the summary and the typo warning, and writes data/revisions.csv;
 * - the third changes no byte;
 * - in Chromium: "Lịch sử cập nhật" (linked from the footer and the data page) lists the rows with working unit
 *   links, and Bình Liêu's page marks its revised figures, in text a screen reader reads.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open } from '../helpers/browser.ts';
import { hashTree, root, runScript, serve, type RunResult } from '../helpers/site.ts';

let tmp: string;
let out: string;
let browser: Browser;
const runs: RunResult[] = [];

/** axe-core's serious and critical violations on the page as it is (the a11y gate's rule, test/browser/a11y.test.ts). */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function build(dataDir: string, date: string): Promise<RunResult> {
  const r = await runScript('build.ts', { DATA_DIR: dataDir, OUT_DIR: out, SITE_BASE: '/', BUILD_DATE: date });
  if (r.code !== 0) throw new Error(`build failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pdv-revisions-'));
  out = path.join(tmp, 'site');
  // The revised copy: Bình Liêu 2019 typed ten times too large (109 → 1090), and its 2020 figure of 7 months
  // (53) replaced by one of 8 months (54).
  const revised = path.join(tmp, 'revised');
  await cp(path.join(root, 'data'), revised, { recursive: true });
  const file = path.join(revised, 'admissions.csv');
  const text = await readFile(file, 'utf8');
  const edited = text
    .replace(/^QN\.BL,2019,109,/m, 'QN.BL,2019,1090,')
    .replace(/^QN\.BL,2020-01\.\.2020-07,53,/m, 'QN.BL,2020-01..2020-08,54,');
  expect(edited.split('\n').filter((l, i) => l !== text.split('\n')[i])).toHaveLength(2);
  await writeFile(file, edited);

  runs.push(await build(path.join(root, 'data'), '2026-12-01'));
  runs.push(await build(revised, '2026-12-02'));
  const before = await hashTree(out);
  runs.push(await build(revised, '2026-12-03'));
  const after = await hashTree(out);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
  (globalThis as { __changed?: string[] }).__changed = changed;
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('builds over the previous publication', () => {
  it('the first build has nothing to compare', () => {
    expect(runs[0]!.stdout).toContain('Không có bản công bố trước: không có gì để so sánh.');
  });

  it('the revised build prints the summary and warns of the figure typed ten times too large', () => {
    const o = runs[1]!.stdout;
    // Revised: Bình Liêu and its province Quảng Ninh (summed), each for 2019, 2020 and the term 2015–2020.
    expect(o).toContain('0 số liệu mới, 6 số liệu được điều chỉnh, 0 số liệu bị rút bỏ.');
    expect(o).toMatch(
      /Đảng bộ huyện Bình Liêu \(QN\.BL\), năm 2019, kết nạp đảng viên mới: 109 → 1\.090 — tăng 10 lần/,
    );
    expect(o).toMatch(/admissions\.csv:2 \[admitted\] "1090": .*Bình Liêu.*109 → 1\.090/);
    // The summary comes before the swap, the host lines last.
    expect(o.indexOf('So với bản công bố trước')).toBeLessThan(o.indexOf('Xong:'));
    expect(o.trimEnd().split('\n').at(-1)).toMatch(/^[✓!✗] .*: /);
  });

  it('writes every revision to data/revisions.csv, and a third build of the same data changes no byte', async () => {
    const csv = await readFile(path.join(out, 'data', 'revisions.csv'), 'utf8');
    // Term 2015–2020 (from 2016): 2019 (12 months) + 2020 (7 months) = 109 + 53 = 162 over 19 months, then
    // 1090 + 54 = 1144 over 20 months: 1144 / 162 = 7.06, so "tăng 7,1 lần".
    expect(csv).toBe(
      '\uFEFFrevised_on,unit_id,period,indicator,old_value,new_value,old_months,new_months,note\r\n' +
        '2026-12-02,QN,2019,admitted,109,1090,12,12,tăng 10 lần: có thể nhập sai\r\n' +
        '2026-12-02,QN,2020,admitted,53,54,7,8,\r\n' +
        '2026-12-02,QN,2015-2020,admitted,162,1144,19,20,"tăng 7,1 lần: có thể nhập sai"\r\n' +
        '2026-12-02,QN.BL,2019,admitted,109,1090,12,12,tăng 10 lần: có thể nhập sai\r\n' +
        '2026-12-02,QN.BL,2020,admitted,53,54,7,8,\r\n' +
        '2026-12-02,QN.BL,2015-2020,admitted,162,1144,19,20,"tăng 7,1 lần: có thể nhập sai"\r\n',
    );
    expect(runs[2]!.stdout).toContain('0 số liệu mới, 0 số liệu được điều chỉnh, 0 số liệu bị rút bỏ.');
    expect((globalThis as { __changed?: string[] }).__changed).toEqual([]);
  });
});

describe('a previous publication that cannot be read', () => {
  it('stops the build and keeps the site as it was (going on would restart the history)', async () => {
    const before = await hashTree(out);
    // Port 9 (discard) on the loopback: nothing listens, the request fails at once.
    const r = await runScript('build.ts', {
      DATA_DIR: path.join(root, 'data'),
      OUT_DIR: out,
      BUILD_DATE: '2026-12-04',
      PREVIOUS_DATA: 'http://127.0.0.1:9/data/',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không tải được http://127.0.0.1:9/data/');
    expect(r.stderr).toContain('Không dựng trang: không đọc được bản công bố trước');
    expect(await hashTree(out)).toEqual(before);
  });
});

describe('the revisions in the browser', () => {
  it('"Lịch sử cập nhật" lists the rows with unit links, linked from the footer and data page', async () => {
    const server = await serve(out, '/');
    const context = await newContext(browser);
    try {
      const { page, w } = await open(context, `${server.url}du-lieu/`, server.origin);
      const links = page.getByRole('link', { name: 'Lịch sử cập nhật', exact: true });
      expect(await links.count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('footer').getByRole('link', { name: 'Lịch sử cập nhật', exact: true }).count()).toBe(1);
      const csvLink = page.locator('a[href$="data/revisions.csv"]').first();
      const res = await page.request.get(new URL((await csvLink.getAttribute('href'))!, page.url()).href);
      expect(res.status()).toBe(200);
      expect((await res.text()).split('\n')).toHaveLength(8);
      // The thresholds of the warnings, stated in the methods section.
      expect(await page.locator('#lich-su ~ p').first().textContent()).toBeTruthy();
      expect(await page.textContent('main')).toContain('từ 5 lần trở lên');

      await Promise.all([page.waitForURL(/lich-su-cap-nhat\/$/), links.first().click()]);
      expect(await page.locator('h1').textContent()).toBe('Lịch sử cập nhật');
      const section = page.locator('section', { has: page.getByRole('heading', { name: 'Ngày 02/12/2026' }) });
      const rows = section.locator('tbody tr');
      expect(await rows.count()).toBe(6);
      const row = rows.filter({ hasText: 'Bình Liêu' }).filter({ has: page.getByRole('cell', { name: '2019' }) });
      expect(await row.locator('td').allTextContents()).toEqual([
        '2019',
        'Kết nạp đảng viên mới',
        '109',
        '1.090',
        'tăng 10 lần: có thể nhập sai',
      ]);
      expect(await axeProblems(page)).toEqual([]);
      await Promise.all([page.waitForURL(/don-vi\/binh-lieu\/$/), row.getByRole('link').click()]);
      expect(await page.locator('h1').textContent()).toBe('Đảng bộ huyện Bình Liêu');
      expect(await w.problems()).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('a unit page marks the figures revised on the latest date, in text a screen reader reads', async () => {
    const server = await serve(out, '/');
    const context = await newContext(browser);
    try {
      const { page, w } = await open(context, `${server.url}don-vi/binh-lieu/`, server.origin);
      // The cards' year, 2020: a change of months is a revision too (53 over 7 months → 54 over 8).
      const card = page.locator('.card', { hasText: 'Kết nạp năm 2020' });
      expect(await card.getByText('đã điều chỉnh 02/12/2026: 53 (7/12 tháng) → 54 (8/12 tháng)').isVisible()).toBe(
        true,
      );
      // In the table of admissions by year (opened as a reader does), the 2019 row, read with the cell.
      const figure = page.locator('figure', { has: page.getByRole('heading', { name: 'Kết nạp đảng viên theo năm' }) });
      await figure.locator('summary', { hasText: 'Xem bảng số liệu' }).first().click();
      const mark = page.getByText('đã điều chỉnh 02/12/2026: 109 → 1.090');
      expect(await mark.count()).toBe(1);
      expect(await mark.isVisible()).toBe(true);
      const cell = page.getByRole('row', { name: /^2019/ }).getByRole('cell').first();
      expect(await cell.textContent()).toContain('đã điều chỉnh 02/12/2026: 109 → 1.090');
      const tree = await page.locator('main').ariaSnapshot();
      expect(tree).toContain('đã điều chỉnh 02/12/2026: 109 → 1.090');
      expect(await axeProblems(page)).toEqual([]);
      // The 2020 figure: the card and the table row.
      expect(await page.getByText('đã điều chỉnh 02/12/2026: 53 (7/12 tháng) → 54 (8/12 tháng)').count()).toBe(2);
      // A unit without revisions has no mark.
      await page.goto(`${server.url}don-vi/phu-binh/`);
      expect(await page.getByText(/đã điều chỉnh/).count()).toBe(0);
      expect(await w.problems()).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

/**
 * The downloads of a light unit's page (Sở Tư pháp Bắc Kạn, a grassroots unit under the province BK in data/),
 * whose files are shared: its charts' rows are in the province's don-vi/bac-kan/so-lieu.csv, its indicators in
 * data/indicators.csv.
 * - With JavaScript, "Tải CSV" saves exactly the chart's own file under `<slug>-<key>.csv`, and "Tải mọi chỉ số"
 *   exactly its chi-so.csv (and the province's, from the same data file), as they were published before the files
 *   were shared.
 * - Without, the same links save the shared files, which hold those rows, and a note says so.
 * Expected rows by hand from data/admissions.csv, targets.csv and members.csv (BK.STP): admitted 7, 5, 3, 1, 3, 3 in
 * 2015–2020 (changes −2, −2, −2, +2, 0), a target of 1 for 2021; 46 members, 3 probationary on 2021-03-04.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open } from '../helpers/browser.ts';
import { serve } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SLUG = 'so-tu-phap-bac-kan';
const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

const ADMISSIONS = csv(
  'Năm,Kết nạp,Số tháng có số liệu,Số tháng của kỳ,Cách tính,Chỉ tiêu,Đạt chỉ tiêu (%),Tiến độ cần đạt (%),' +
    '"Tăng, giảm so với năm trước",Cùng kỳ năm trước,"Tăng, giảm so với cùng kỳ (%)"',
  '2015,7,12,12,reported,,,,,,',
  "2016,5,12,12,reported,,,,'-2,,",
  "2017,3,12,12,reported,,,,'-2,,",
  "2018,1,12,12,reported,,,,'-2,,",
  '2019,3,12,12,reported,,,,2,,',
  '2020,3,12,12,reported,,,,0,,',
  '2021,,,,,1,,,,,',
);
const MEMBERS = csv('Ngày,Đảng viên,Đảng viên dự bị,Cách tính', '2021-03-04,46,3,reported');
const INDICATOR_HEAD = 'unit_id,period,indicator,value,months,of_months,basis';

/** The "Tải CSV" link of the figure whose heading is `#<id>-h`. */
const chartLink = (page: Page, id: string) => page.locator(`figure:has(#${id}-h) .fig-tools a[download]`).first();
const indicatorsLink = (page: Page) => page.getByRole('link', { name: /Tải mọi chỉ số/ });

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

describe('a light unit’s downloads, cut from shared files', () => {
  for (const name of ['root', 'sub'] as const) {
    it(`${name} build, with JavaScript: each link saves exactly the chart’s or unit’s own CSV`, async () => {
      const site = sites()[name];
      const server = await serve(site.dir, site.base);
      const context = await newContext(browser);
      try {
        const { page, w } = await open(context, `${server.url}don-vi/${SLUG}/`, server.origin);
        const admissions = await saved(page, () => chartLink(page, 'bd-ket-nap').click());
        expect(admissions).toEqual({ name: `${SLUG}-ket-nap-theo-nam.csv`, text: ADMISSIONS });
        const members = await saved(page, () => chartLink(page, 'bd-dang-vien').click());
        expect(members).toEqual({ name: `${SLUG}-dang-vien.csv`, text: MEMBERS });

        const indicators = await saved(page, () => indicatorsLink(page).click());
        expect(indicators.name).toBe(`${SLUG}-chi-so.csv`);
        // Its first rows by hand; all of them: the lines of data/indicators.csv for BK.STP, in their order.
        expect(indicators.text.startsWith(csv(INDICATOR_HEAD, 'BK.STP,2015,admitted,7,12,12,reported'))).toBe(true);
        const published = await readFile(path.join(site.dir, 'data', 'indicators.csv'), 'utf8');
        const own = published.split('\r\n').filter((l) => l.startsWith('BK.STP,'));
        expect(own.length).toBeGreaterThan(10);
        expect(indicators.text).toBe(csv(INDICATOR_HEAD, ...own));

        // A province's indicators come from the same file (the lines of data/indicators.csv for BK).
        const province = await open(context, `${server.url}don-vi/bac-kan/`, server.origin);
        const bk = await saved(province.page, () => indicatorsLink(province.page).click());
        const bkRows = published.split('\r\n').filter((l) => l.startsWith('BK,'));
        expect(bk).toEqual({ name: 'bac-kan-chi-so.csv', text: csv(INDICATOR_HEAD, ...bkRows) });
        expect(bkRows.length).toBeGreaterThan(10);
        const problems = [...(await w.problems()), ...(await province.w.problems())];
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }

  it('without JavaScript: the links save the shared files, which hold those rows, and say so', async () => {
    const site = sites().root;
    const server = await serve(site.dir, site.base);
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const { page, w } = await open(context, `${server.url}don-vi/${SLUG}/`, server.origin);
      const link = chartLink(page, 'bd-dang-vien');
      expect(await link.getAttribute('href')).toBe('/don-vi/bac-kan/so-lieu.csv');
      const shared = await saved(page, () => link.click());
      expect(shared.name).toBe('bac-kan-so-lieu.csv');
      const served = await page.request.get(`${server.origin}/don-vi/bac-kan/so-lieu.csv`);
      expect(served.status()).toBe(200);
      expect(shared.text).toBe(await served.text().then((t) => (t.startsWith('\uFEFF') ? t : `\uFEFF${t}`)));
      // The member row, found by the leading columns and the chart's column names.
      const [head, ...rows] = Papa.parse<string[]>(shared.text.slice(1), { skipEmptyLines: true }).data;
      const row = rows.find((r) => r[0] === 'BK.STP' && r[2] === 'dang-vien');
      const cell = (col: string) => row?.[head!.indexOf(col)];
      expect([head!.slice(0, 3), cell('Ngày'), cell('Đảng viên'), cell('Đảng viên dự bị')]).toEqual([
        ['Mã trang đơn vị', 'Trang đơn vị', 'Biểu đồ'],
        '2021-03-04',
        '46',
        '3',
      ]);
      expect(rows.filter((r) => r[0] === 'BK.STP' && r[2] === 'ket-nap-theo-nam').map((r) => r[3])).toEqual([
        '2015',
        '2016',
        '2017',
        '2018',
        '2019',
        '2020',
        '2021',
      ]);
      const note = page.locator('figure:has(#bd-dang-vien-h) .fig-note', { hasText: 'Không có JavaScript' });
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain('tải cả tệp bac-kan-so-lieu.csv, lọc “Mã trang đơn vị” BK.STP');

      const indicators = indicatorsLink(page);
      expect(await indicators.getAttribute('href')).toBe('/data/indicators.csv');
      const whole = await saved(page, () => indicators.click());
      expect(whole.name).toBe('indicators.csv');
      expect(whole.text.split('\r\n')).toContain('BK.STP,2015,admitted,7,12,12,reported');
      // (Playwright's getByText skips <noscript>, even when it is shown.)
      const said = page.locator('p.meta-line', { hasText: 'Không có JavaScript: tải cả tệp indicators.csv' });
      expect(await said.isVisible()).toBe(true);
      const problems = await w.problems();
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

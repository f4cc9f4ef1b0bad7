/**
 * The 2025 reorganisation as a reader sees it, on the build of test/fixtures/reorg (figures by hand in
 * test/site-reorg.test.ts): province A (An Hòa) goes on, B (Bình Sơn) merged into it in 07/2025, the districts
 * ended in 06/2025, the communes began in 07/2025, A.QS (armed forces) goes on, A.G1 moved and was renamed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, open } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/site.ts';
import { sites } from '../helpers/sites.ts';

let browser: Browser;
let server: Served;
beforeAll(async () => {
  browser = await launch();
  const site = sites().reorg;
  server = await serve(site.dir, site.base);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

/** The page's visible text (what a reader sees, not the screen-reader-only parts), spaces collapsed. */
const seen = (page: Page) => page.locator('main').evaluate((m) => (m as HTMLElement).textContent.replace(/\s+/g, ' '));

async function visit(path: string, run: (page: Page) => Promise<void>) {
  const context = await newContext(browser);
  try {
    const { page, w } = await open(context, `${server.url}${path}`, server.origin);
    await run(page);
    expect(await w.problems()).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('reorganisation: the pages of ended, moved and merged units', () => {
  it('an ended province says when it ended and links to the province it merged into', async () => {
    await visit('don-vi/binh-son/', async (page) => {
      const text = await seen(page);
      expect(text).toContain('Kết thúc hoạt động từ 07/2025 (hoạt động đến hết 06/2025).');
      expect(text).toContain('Hợp nhất vào Đảng bộ tỉnh An Hòa từ 07/2025.');
      const link = page.locator('.life a', { hasText: 'Đảng bộ tỉnh An Hòa' });
      await Promise.all([page.waitForURL(`${server.url}don-vi/an-hoa/`), link.click()]);
      expect(await page.locator('h1').textContent()).toBe('Đảng bộ tỉnh An Hòa');
    });
  });

  it('an ended district says it ended, and its children are those of its months', async () => {
    await visit('don-vi/dong-tam/', async (page) => {
      const text = await seen(page);
      expect(text).toContain('Kết thúc hoạt động từ 07/2025');
      expect(text).toContain('Đảng bộ cấp huyện');
      expect(text).not.toContain('Hợp nhất vào');
    });
  });

  it('a moved and renamed unit shows its earlier name and parent, with dates and links', async () => {
    await visit('don-vi/thpt-dong-tam/', async (page) => {
      const text = await seen(page);
      expect(text).toContain('đến 06/2025: Đảng bộ Trường THPT Đồng Tâm, trực thuộc Đảng bộ huyện Đồng Tâm');
      expect(text).toContain('từ 07/2025: Đảng bộ Trường Trung học phổ thông Đồng Tâm, trực thuộc Đảng bộ xã Đồng Tâm');
      expect(await page.locator('.life-history a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/don-vi/dong-tam/',
        '/don-vi/xa-dong-tam/',
      ]);
    });
  });

  it("the merged province: 2025 complete with +22 on 2024, and each combined figure's parts", async () => {
    await visit('don-vi/an-hoa/', async (page) => {
      const text = await seen(page);
      expect(text).toContain(
        'Các đơn vị đã hợp nhất vào đơn vị này: Đảng bộ tỉnh Bình Sơn (hoạt động đến hết 06/2025).',
      );
      expect(text).toContain('Năm 2025: 292. Gồm số của Đảng bộ tỉnh Bình Sơn: 30; riêng Đảng bộ tỉnh An Hòa: 262.');
      expect(text).toContain('Năm 2024: 270. Gồm số của Đảng bộ tỉnh Bình Sơn: 60; riêng Đảng bộ tỉnh An Hòa: 210.');
      // The yearly table (opened as a reader would): 2025 is 292 with no "6/12 tháng", and +22 on 2024.
      const table = page.locator('table', { hasText: 'Kết nạp đảng viên theo năm' });
      await page.locator('details', { has: table }).locator('summary').click();
      const row = table.locator('tr', { hasText: /^\s*2025/ });
      const cells = await row
        .locator('th, td')
        .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).textContent.trim()));
      expect(cells[1]).toMatch(/^292/);
      expect(cells[1]).not.toContain('tháng');
      expect(cells[4]).toBe('+22');
      // The 2026 children: no ended district, no "chưa có số liệu".
      const kids = page.locator('section', { has: page.locator('#truc-thuoc-h') });
      const kidsText = ((await kids.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(kidsText).toContain('Năm 2026 có 4 đảng bộ trực thuộc: 3 đảng bộ xã, phường, đặc khu');
      for (const ended of ['Đồng Tâm —', 'TP An Hòa', 'Suối Cát —']) expect(kidsText).not.toContain(ended);
      expect(kidsText).not.toContain('cấp huyện');
    });
  });
});

describe('reorganisation: lists of a window hold only its units', () => {
  it('home: the 2026 ranking has no ended unit; the ended province is listed apart with its successor', async () => {
    await visit('', async (page) => {
      const ranked = await page
        .locator('#xep-hang-h ~ figure table tbody th a')
        .evaluateAll((as) => as.map((a) => a.textContent?.trim()));
      expect(ranked).toEqual(['Xã Đồng Tâm', 'Phường An Hòa', 'Xã Suối Cát', 'Quân sự tỉnh']);
      const ended = (
        (await page.locator('section', { has: page.locator('#da-ket-thuc-h') }).textContent()) ?? ''
      ).replace(/\s+/g, ' ');
      expect(ended).toContain('Đảng bộ tỉnh Bình Sơn: hoạt động đến hết 06/2025, hợp nhất vào Đảng bộ tỉnh An Hòa');
    });
  });

  it('compare 2026 offers and lists no ended unit; 2024 no commune not yet founded', async () => {
    await visit('so-sanh/', async (page) => {
      const boxes = page.getByRole('group', { name: 'Đơn vị' }).getByRole('checkbox');
      await boxes.first().waitFor();
      const offered = () =>
        page
          .getByRole('group', { name: 'Đơn vị' })
          .locator('label')
          .evaluateAll((ls) => ls.map((l) => l.textContent?.trim()));
      expect(await page.getByLabel('Năm hoặc nhiệm kỳ').inputValue()).toBe('2026');
      // Offered in the list's order (province by province, by label).
      expect(await offered()).toEqual(['Phường An Hòa', 'Quân sự tỉnh', 'Xã Đồng Tâm', 'Xã Suối Cát']);
      const listed = () =>
        page.locator('[data-table] tbody th a').evaluateAll((as) => as.map((a) => a.textContent?.trim()));
      expect(await listed()).toEqual(['Xã Đồng Tâm', 'Phường An Hòa', 'Xã Suối Cát', 'Quân sự tỉnh']);
      expect(await page.locator('[data-reported]').textContent()).toContain('4/4 đảng bộ trực thuộc có số liệu.');
      await page.getByLabel('Năm hoặc nhiệm kỳ').selectOption('2024');
      await expect.poll(listed).toEqual(['Đồng Tâm', 'TP An Hòa', 'Suối Cát', 'Quân sự tỉnh']);
      expect(await offered()).toEqual(['Đồng Tâm', 'Quân sự tỉnh', 'TP An Hòa', 'Suối Cát']);
    });
  });

  it('the unit index lists the units that go on first and the ended ones apart', async () => {
    await visit('don-vi/', async (page) => {
      const text = await seen(page);
      const current = text.indexOf('Đảng bộ tỉnh An Hòa');
      const apart = text.indexOf('Các đơn vị đã kết thúc hoạt động');
      expect(current).toBeGreaterThanOrEqual(0);
      expect(apart).toBeGreaterThan(current);
      expect(text.slice(apart)).toContain(
        'Đảng bộ tỉnh Bình Sơn — hoạt động đến hết 06/2025, hợp nhất vào Đảng bộ tỉnh An Hòa',
      );
    });
  });
});

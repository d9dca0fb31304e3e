import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

// A visitor without an account on the demo region's public site (issue 15 §1): the region's page, a
// roadmap as the order's appendix, a download, the version for the visually impaired, no serious or
// critical accessibility violation on each kind of page in both versions, and the embed block inside a
// page of another origin. Reads only: it follows the links the site itself gives.

async function noSeriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The page of the first region, opened from the region list. */
async function openRegion(page: Page) {
  await page.goto('/public');
  await expect(page.getByRole('heading', { level: 1, name: 'Открытая информация регионов' })).toBeVisible();
  await noSeriousViolations(page);
  await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/public\/u\/[0-9a-f-]{36}/);
}

test('a visitor reads the region’s roadmap, downloads it and finds no accessibility barrier', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const context = page.context();
  await openRegion(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Дорожные карты' })).toBeVisible();
  await noSeriousViolations(page);
  // Nothing to sign in to, and no cookie is set by the public site.
  expect(await context.cookies()).toEqual([]);

  const roadmaps = page.locator('section', { has: page.getByRole('heading', { name: 'Дорожные карты' }) });
  const title = (await roadmaps.getByRole('link').first().textContent()) ?? '';
  await roadmaps.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Мероприятие' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Ответственные' })).toBeVisible();
  await noSeriousViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Скачать DOCX' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);

  // Open data of the region, and the practices bank.
  await page.getByRole('navigation', { name: 'Путь по разделам' }).getByRole('link').nth(1).click();
  await page.getByRole('link', { name: 'Наборы открытых данных и паспорт' }).click();
  await expect(page.getByText('Дата первой публикации').first()).toBeVisible();
  await noSeriousViolations(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Банк практик' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Банк практик' })).toBeVisible();
  await noSeriousViolations(page);
});

test('the site works without JavaScript: region, roadmap, the version for the visually impaired', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/public');
  await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
  const roadmaps = page.locator('section', { has: page.getByRole('heading', { name: 'Дорожные карты' }) });
  await roadmaps.getByRole('link').first().click();
  await expect(page.getByRole('columnheader', { name: 'Мероприятие' })).toBeVisible();
  await page.getByRole('link', { name: 'Версия для слабовидящих' }).click();
  await expect(page.getByRole('link', { name: 'Обычная версия' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Мероприятие' })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('the version for the visually impaired: larger type, high contrast, kept on every page, and back', async ({
  page,
}) => {
  await openRegion(page);
  const normalSize = await page
    .locator('body')
    .evaluate((b) => Number.parseFloat(getComputedStyle(b).fontSize));
  await page.getByRole('link', { name: 'Версия для слабовидящих' }).click();
  await expect(page.getByRole('link', { name: 'Обычная версия' })).toBeVisible();
  await page.getByRole('link', { name: 'очень крупный' }).click();
  await page.getByRole('link', { name: 'белым по чёрному' }).click();
  const body = page.locator('body');
  expect(await body.evaluate((b) => Number.parseFloat(getComputedStyle(b).fontSize))).toBeGreaterThan(
    normalSize * 1.5,
  );
  expect(await body.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 0, 0)');
  await noSeriousViolations(page);

  // The choice follows the reader to a roadmap page (a link, no script, no cookie).
  const roadmaps = page.locator('section', { has: page.getByRole('heading', { name: 'Дорожные карты' }) });
  await roadmaps.getByRole('link').first().click();
  await expect(page).toHaveURL(/vi=xl-wb/);
  await expect(page.getByRole('columnheader', { name: 'Мероприятие' })).toBeVisible();
  await noSeriousViolations(page);
  await page.getByRole('link', { name: 'чёрным по белому' }).click();
  expect(await body.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
  await noSeriousViolations(page);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Банк практик' }).click();
  await expect(page).toHaveURL(/vi=xl-bw/);
  await noSeriousViolations(page);

  await page.getByRole('link', { name: 'Обычная версия' }).click();
  await expect(page).not.toHaveURL(/vi=/);
  await expect(page.getByRole('link', { name: 'Версия для слабовидящих' })).toBeVisible();
});

test('the embed block renders the unit’s publications inside a page of another origin', async ({
  page,
  baseURL,
}) => {
  await openRegion(page);
  const unitId = /\/public\/u\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  const roadmaps = page.locator('section', { has: page.getByRole('heading', { name: 'Дорожные карты' }) });
  const title = ((await roadmaps.getByRole('link').first().textContent()) ?? '').trim();
  // The code the unit page offers names the script and the unit.
  await expect(page.locator('pre.code')).toContainText(`data-unit="${unitId}"`);

  const host = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="ru"><head><title>Сайт школы</title></head><body><h1>Сайт школы</h1>` +
        `<script src="${baseURL}/public/embed.js" data-unit="${unitId}"></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  try {
    const port = (host.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.frameLocator('iframe[title="Опубликованные документы"]');
    const link = frame.getByRole('link', { name: title });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('target', '_blank');
    // The frame reported its height: the host sized it beyond the initial 120 px minimum.
    await expect
      .poll(() => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(120);
  } finally {
    host.close();
  }
});

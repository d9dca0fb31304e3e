import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Expertise against the real backend: the regional operator distributes the ШНОР programs the demo left on
// mutual expertise (with his own seed) and changes one assignment by hand; the team of `school2` fills and submits its blind review of a
// program on a phone-sized screen; the expert submits his review of the first municipality's roadmap «на
// доработку»; the region sees the summary and downloads it.

const SHOTS = process.env.E2E_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

type Mine = { id: string; mode: string; status: string; target: { type: string; title: string } }[];

async function fillReview(page: Page, choice: string, conclusion: string, recommendations: string) {
  const criteria = page.locator('[data-testid^="criterion-"]');
  const n = await criteria.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) await criteria.nth(i).getByLabel(choice, { exact: false }).first().check();
  await page.getByLabel(conclusion).check();
  await page.getByLabel('Рекомендации').fill(recommendations);
  await page.getByTestId('review-save').click();
  await expect(page.getByText('Черновик заключения сохранён')).toBeVisible();
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-submit-confirm').click();
  await expect(page.getByTestId('review-status')).toHaveText('Отправлено');
}

test('mutual expertise, the expert’s review of a municipal roadmap, the region’s summary', async ({
  browser,
}) => {
  // 1. The region distributes the programs still waiting for mutual expertise, with its own seed.
  const region = await signIn(browser, 'region');
  await region.getByTestId('nav-expertise').click();
  await expect(region.getByTestId('expertise-documents')).toBeVisible();
  await expect(region.getByTestId('round-seed')).toHaveText(['DEMO2026']);
  await region.getByTestId('mutual-open').click();
  await region.getByTestId('mutual-seed').fill('E2E-SEED-1');
  await region.getByTestId('mutual-run').click();
  await expect(region.getByTestId('round-seed').filter({ hasText: 'E2E-SEED-1' })).toBeVisible();
  await expect(region.getByText('не распределено')).toHaveCount(0);
  // …and adjusts one assignment by hand: another school for the last program's mutual review.
  const last = region.getByTestId('expertise-document').last();
  const before = await last.getByTestId('review-link').first().textContent();
  await last.getByTestId('reviewer-change').first().click();
  await last.getByTestId('reviewer-select').click();
  await region.getByRole('option').first().click();
  await expect(region.getByText('Назначение изменено')).toBeVisible();
  await expect(last.getByTestId('review-link').first()).not.toHaveText(before ?? '');
  await shot(region, 'expertise-region-documents');

  // 2. The team of school2 fills its review of another school's program, on a phone, without its name.
  const school2 = await signIn(browser, 'school2');
  await school2.setViewportSize({ width: 390, height: 844 });
  const mine = await apiGet<Mine>(school2, '/api/expertise/reviews?mine=true');
  const mutual = mine.find((r) => r.mode === 'mutual' && r.status === 'draft');
  expect(mutual).toBeDefined();
  await school2.goto('/expertise/mine');
  await expect(school2.getByTestId('my-reviews')).toBeVisible();
  await shot(school2, 'expertise-school2-mine');
  await school2.goto(`/expertise/reviews/${mutual?.id}`);
  await expect(school2.getByText('Школа скрыта: взаимная экспертиза проводится вслепую')).toBeVisible();
  await expect(school2.getByTestId('review-outline')).toContainText('Цель');
  const criteriaCount = await school2.locator('[data-testid^="criterion-"]').count();
  await fillReview(
    school2,
    '2 — полностью соответствует',
    'Рекомендовано к утверждению',
    'Программа обоснована профилем; показатели измеримы.',
  );
  // Every criterion at its top score of 2: the total is the maximum, whatever set the document's kind uses.
  await expect(school2.getByTestId('review-total')).toContainText(
    `${2 * criteriaCount} из ${2 * criteriaCount}`,
  );
  const width = await school2.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(school2, 'expertise-school2-review');

  // 3. The expert submits his review of the municipal roadmap «на доработку».
  const expert = await signIn(browser, 'expert');
  await expert.getByTestId('nav-expertise-mine').click();
  const road = (await apiGet<Mine>(expert, '/api/expertise/reviews?mine=true')).find(
    (r) => r.target.type === 'roadmap',
  );
  expect(road?.status).toBe('draft');
  await expert.getByRole('link', { name: road?.target.title ?? '' }).click();
  await expect(expert.getByTestId('review-title')).toHaveText(road?.target.title ?? '');
  await fillReview(
    expert,
    '1 — частично соответствует',
    'На доработку',
    'Добавить адресность мероприятий для каждой ШНОР.',
  );
  await shot(expert, 'expertise-expert-roadmap');

  // 4. The region sees the summary and downloads it.
  await region.goto('/expertise?tab=summary');
  await expect(region.getByTestId('summary-table')).toContainText('Итого по региону');
  await expect(region.getByText('Экспертиза муниципальных дорожных карт')).toBeVisible();
  await expect(region.getByText('На доработку').first()).toBeVisible();
  const download = region.waitForEvent('download');
  await region.getByTestId('summary-export').click();
  expect((await download).suggestedFilename()).toMatch(/^Экспертиза .*\.xlsx$/);
  await shot(region, 'expertise-region-summary');
});

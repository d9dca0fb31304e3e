import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { apiGet, signIn } from './fixtures.js';

// The user story of issue 13 §5 (helper «reports»): the region generates an analytic report and sees
// its progress, edits a recommendation, issues it, downloads the DOCX (with its chart), records a
// decision with a responsible municipality and a deadline; the municipality finds the decision as a
// task in «Мои задачи», the registry lists it, and the municipality's roadmaps page shows it.

const SHOTS = process.env.SHOTS_DIR;
// A draft's editor has self-sizing text areas: a full-page capture resizes the page and they never
// settle, so the draft is captured as the viewport shows it.
const shot = async (page: Page, name: string, fullPage = true) => {
  if (!SHOTS) return;
  for (const close of await page.locator('.mantine-Notification-closeButton').all())
    await close.click().catch(() => {});
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage, timeout: 20_000 });
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Me = { assignments: { unitName: string }[] };

test('a справка is generated, edited, issued, and its decision becomes the municipality’s task', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const recommendation = `Провести методический семинар по математике (e2e ${stamp})`;
  const decision = `Представить план устранения дефицитов по математике (e2e ${stamp})`;
  const mun = await signIn(browser, 'municipality');
  const munName = (await apiGet<Me>(mun, '/api/me')).assignments[0]?.unitName ?? '';

  // The region generates «Итоги выявления ШНОР» of the last approved year and watches the job.
  const region = await signIn(browser, 'region');
  await region.goto('/reports');
  await expect(region.getByTestId('reports-table')).toBeVisible();
  await shot(region, 'reports-1-list');
  await region.getByTestId('report-generate').click();
  // The worker takes jobs every 500 ms and this one takes less: the page's first answer is usually
  // «формируется» with the job's progress, but a fast worker may have finished before it is read.
  const firstRead = region.waitForResponse(
    (r) => r.request().method() === 'GET' && /\/api\/reports\/[0-9a-f-]{36}$/.test(r.url()),
  );
  await region.getByTestId('report-generate-submit').click();
  const firstAnswer = (await (await firstRead).json()) as { status: string; job: { status: string } | null };
  expect(firstAnswer.job).not.toBeNull();
  if (firstAnswer.status === 'generating') {
    await expect(region.getByTestId('report-progress')).toBeVisible();
    await shot(region, 'reports-2-progress');
  }
  await expect(region.getByTestId('report-status')).toHaveText('Черновик', { timeout: 30_000 });
  await expect(region.getByTestId('report-chart').first()).toBeVisible();

  // It edits the first recommendation and saves.
  const first = region.getByTestId('recommendation').first();
  await first.getByLabel('Текст рекомендации').fill(recommendation);
  await region.getByTestId('report-save').click();
  await expect(region.getByText('Изменения справки сохранены')).toBeVisible();
  await shot(region, 'reports-3-draft-edited', false);

  // Issued: no editor any more, the edited recommendation is in the report, DOCX holds the chart.
  await region.getByTestId('report-issue').click();
  await expect(region.getByTestId('report-status')).toHaveText('Выпущена');
  await expect(region.getByTestId('report-editor')).toHaveCount(0);
  await expect(region.getByTestId('report-recommendations')).toContainText(recommendation);
  const download = region.waitForEvent('download');
  await region.getByTestId('report-docx').click();
  const file = readFileSync((await (await download).path()) ?? '');
  const parts = unzipSync(new Uint8Array(file));
  expect(Object.keys(parts).some((p) => p.startsWith('word/media/') && p.endsWith('.png'))).toBe(true);
  expect(new TextDecoder().decode(parts['word/document.xml'])).toContain(recommendation);

  // It records the decision of the review for the municipality with a deadline.
  await region.getByTestId('record-decision-open').click();
  await region.getByTestId('review-decision-official').fill('Кузнецова Е. А.');
  await region.getByTestId('review-decision-protocol').fill(`e2e-${stamp}`);
  await region.getByTestId('review-decision-text').fill(decision);
  await region.getByTestId('review-decision-responsible').fill(munName.replace(' (демо)', '').slice(0, 10));
  await region.getByRole('option').first().click();
  await region.getByTestId('review-decision-due').fill(day(30));
  await region.getByTestId('review-decision-submit').click();
  await expect(region.getByTestId('report-reviews')).toContainText(`протокол № e2e-${stamp}`);
  await shot(region, 'reports-4-issued-with-decision');

  // The municipality finds it in «Мои задачи», in the registry and on its roadmaps page.
  await mun.goto('/work/mine');
  await expect(
    mun.getByTestId('decision-tasks-mine').getByTestId('decision-task').filter({ hasText: decision }),
  ).toBeVisible();
  await shot(mun, 'reports-5-my-tasks');
  await mun.goto('/reports/decisions');
  await expect(mun.getByTestId('review-decisions')).toContainText(decision);
  await expect(mun.getByTestId('review-decisions')).toContainText(`протокол № e2e-${stamp}`);
  await shot(mun, 'reports-6-registry');
  await mun.goto('/roadmaps');
  await expect(mun.getByTestId('past-decisions')).toContainText(decision);
  await shot(mun, 'reports-7-roadmaps-card');
});

import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// The curator verifies the risk profile of his ШНОР: opens it from the heat map, records the visit,
// changes one level with a comment, picks two priority risks and verifies. The municipality then sees
// the school verified; another school cannot open the profile at all.

test('the curator verifies a school risk profile; the municipality sees it; another school cannot', async ({
  browser,
}) => {
  const curator = await signIn(browser, 'curator');
  await curator.getByTestId('nav-risk-profiles').click();
  await expect(curator.getByTestId('heat-map')).toBeVisible();
  await curator.getByTestId('heat-row').filter({ hasText: 'Нагорное' }).click();
  await expect(curator.getByTestId('profile-school')).toContainText('Нагорное');
  const schoolId = curator.url().split('/risk-profiles/schools/')[1]?.split('?')[0] ?? '';
  await expect(curator.getByTestId('verification-status')).toHaveText(/не начата/i);

  // the items behind a level
  await curator.getByTestId('factor-1').getByRole('button').first().click();
  await expect(curator.getByTestId('factor-1').getByRole('table')).toBeVisible();

  // 1. the visit
  await curator.getByTestId('visit-date').fill('2026-11-25');
  await curator.getByTestId('visit-participants').fill('Директор, заместитель по УВР, руководитель ШМО');
  await curator.getByTestId('visit-documents').fill('Программа развития, протоколы педсоветов');
  await curator.getByTestId('visit-lessons').fill('Математика, 6 класс');
  await curator.getByTestId('visit-save').click();
  await expect(curator.getByTestId('verification-status')).toHaveText(/визит проведён/i);

  // 2. one level changed: without a comment the server refuses, with one it verifies
  const row = curator.getByTestId('verify-2');
  const computed = (await row.locator('td').nth(1).innerText()).trim().toLowerCase();
  const target = computed === 'высокий' ? 'средний' : 'высокий';
  await curator.getByTestId('verify-level-2').click();
  await curator.getByRole('option', { name: target, exact: true }).click();
  await expect(curator.getByTestId('verify-comment-2')).toBeVisible();
  // The pills' box covers the input: a user clicks the box, which the input stands for.
  await curator.getByRole('combobox', { name: 'Приоритетные риски (2–3)' }).click({ force: true });
  await curator.getByRole('option', { name: /^1\. / }).click();
  await curator.getByRole('option', { name: /^2\. / }).click();
  await curator.keyboard.press('Escape');
  await curator.getByTestId('verify-save').click();
  await expect(curator.getByText(/уровень изменён — укажите комментарий/)).toBeVisible();
  await curator.getByTestId('verify-comment-2').fill('На визите: две вакансии учителей математики');
  await curator.getByTestId('verify-save').click();
  await expect(curator.getByTestId('verification-status')).toHaveText(/профиль верифицирован/i);
  await expect(curator.getByTestId('factor-2')).toContainText('две вакансии учителей математики');
  await expect(curator.getByTestId('verification')).toContainText('Приоритетные риски');

  // the municipality sees the ШНОР verified
  const muni = await signIn(browser, 'municipality');
  await muni.getByTestId('nav-risk-profiles').click();
  await muni.getByTestId('tab-verification').click();
  await expect(
    muni.getByTestId('verification-list').getByRole('row').filter({ hasText: 'Нагорное' }),
  ).toContainText('профиль верифицирован');

  // another school: neither the API nor the page shows it
  const school2 = await signIn(browser, 'school2');
  const res = await school2.request.get(`/api/risk-profiles/schools/${schoolId}`);
  expect(res.status()).toBe(404);
  await school2.goto(`/risk-profiles/schools/${schoolId}`);
  await expect(school2.getByText('Школа не найдена или недоступна')).toBeVisible();
  // its own profile it does see
  const me = await apiGet<{ assignments: { orgUnitId: string; unitKind: string }[] }>(school2, '/api/me');
  const own = me.assignments.find((a) => a.unitKind === 'school')?.orgUnitId;
  await school2.goto(`/risk-profiles/schools/${own}`);
  await expect(school2.getByTestId('profile-factors')).toBeVisible();
});

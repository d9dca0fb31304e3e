import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.js';

// Issue 13 §3–4 as the regional operator lives it: «Эффект поддержки» shows the naive before/after and the
// honest estimate with its interval and why they differ, the event-study chart and the municipalities;
// «Позитивные изменения» goes from a municipality to its schools and on to a school card. Reads only.

const shots = process.env.SHOTS_DIR;

test('the region reads the effect of support and drills positive change down to a school', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  await region.getByTestId('nav-analysis-effect').click();
  await expect(region).toHaveURL(/\/analysis\/effect/);
  await expect(region.getByTestId('effect-estimate')).toContainText('п. п.');
  await expect(region.getByTestId('effect-naive')).toContainText('п. п.');
  await expect(region.getByText(/95 % интервал: от .+ до .+/)).toBeVisible();
  await expect(region.getByTestId('effect-explanation')).toContainText('регресси');
  await expect(region.getByTestId('effect-event-study').locator('svg')).toBeVisible();
  await expect(region.getByTestId('effect-balance')).toContainText('ИСБШ');
  await expect(region.getByTestId('effect-municipality-row').first()).toBeVisible();
  await expect(region.getByTestId('effect-methodology')).toContainText('Почему не «до и после»');
  // Every figure tells where it comes from.
  const source = region.getByTestId('figure-source').first();
  await source.click();
  await expect(region.getByTestId('figure-source-text')).toContainText('Правило');
  await source.click();
  await expect(region.getByTestId('figure-source-text')).toBeHidden();
  if (shots) await region.screenshot({ path: `${shots}/effect-region.png`, fullPage: true });

  await region.getByTestId('nav-analysis-positive-change').click();
  await expect(region.getByTestId('change-basis')).toContainText('Список ШНОР');
  const row = region.getByTestId('change-municipality-row').first();
  await expect(row).toBeVisible();
  await expect(region.getByTestId('change-chart-before-after').locator('svg')).toBeVisible();
  if (shots) await region.screenshot({ path: `${shots}/change-region.png`, fullPage: true });
  const name = (await row.getByRole('link').textContent()) ?? '';
  await row.getByRole('link').click();
  await expect(region.getByTestId('change-unit')).toHaveText(name);
  const school = region.getByTestId('change-school-row').first();
  await expect(school).toBeVisible();
  await school.getByRole('button', { name: 'Показать' }).click();
  await expect(region.getByTestId('change-procedures')).toContainText('класс');
  if (shots) await region.screenshot({ path: `${shots}/change-municipality.png`, fullPage: true });
  await school.getByRole('link').click();
  await expect(region).toHaveURL(/\/identification\/schools\/[0-9a-f-]{36}/);
});

import { expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures.js';

// The user story of issue 15 §3 (helper «deadlines»): the regional operator raises the school threshold
// of escalation; the municipality sees on «Эскалации» only its schools' work overdue beyond it, each with
// its age in days; the operator puts the rule back and the municipality sees the rest again. The demo's
// data are only read, and the rule ends as it started.

const ages = async (page: Page) =>
  (await page.getByTestId('escalation-age').allTextContents()).map((t) => Number.parseInt(t, 10));

async function setSchoolThreshold(page: Page, days: number) {
  await page.goto('/escalations');
  const field = page.getByTestId('rule-schoolOverdueDays');
  await field.fill(String(days));
  await page.getByTestId('rules-save').click();
  await expect(page.getByText('Правила сохранены')).toBeVisible();
  await expect(page.getByTestId('escalation-rules')).toContainText('Изменены');
}

test('the region changes the rule; the municipality sees its escalations with ages', async ({ browser }) => {
  const region = await signIn(browser, 'region');
  await region.goto('/escalations');
  await expect(region.getByRole('heading', { name: 'Эскалации', exact: true })).toBeVisible();
  // Out of range: the form refuses in Russian and sends nothing.
  await region.getByTestId('rule-dueSoonDays').fill('120');
  await region.getByTestId('rules-save').click();
  await expect(region.getByText('не больше 90 дней')).toBeVisible();
  await region.getByTestId('rule-dueSoonDays').fill('7');
  await setSchoolThreshold(region, 40);

  const municipality = await signIn(browser, 'municipality');
  await municipality.goto('/escalations');
  await expect(municipality.getByTestId('escalations-table')).toBeVisible();
  const above = await ages(municipality);
  expect(above.length).toBeGreaterThan(0);
  expect(above.every((a) => a > 40)).toBe(true);
  // Oldest first, each with «N дней» and the level it is reported to.
  expect([...above].sort((a, b) => b - a)).toEqual(above);
  await expect(municipality.getByTestId('escalation-row').first()).toContainText('Куратор и муниципалитет');
  await expect(municipality.getByTestId('escalation-age').first()).toHaveText(/^\d+ (день|дня|дней)$/);
  // The municipality reads the rule but does not change it.
  await expect(municipality.getByTestId('rules-save')).toHaveCount(0);

  await setSchoolThreshold(region, 14);
  await municipality.reload();
  await expect(municipality.getByTestId('escalations-table')).toBeVisible();
  const all = await ages(municipality);
  expect(all.length).toBeGreaterThan(above.length);
  expect(all.every((a) => a > 14)).toBe(true);

  // A school has no such list.
  const school = await signIn(browser, 'school');
  const res = await school.request.get('/api/escalations');
  expect(res.status()).toBe(403);
});

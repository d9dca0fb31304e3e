import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// The user story of issue 12 §2 (helper «meetings»): the municipal coordinator holds a meeting of the
// working group and records a decision for a school; the school finds it in «Мои задачи» and marks it
// done; the group's next meeting no longer lists it among the open decisions of earlier meetings.

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  for (const close of await page.locator('.mantine-Notification-closeButton').all())
    await close.click().catch(() => {});
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Me = { assignments: { unitName: string }[] };

test('a decision of the working group goes to the school and comes back done', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const decisionText = `Провести методический семинар для учителей (e2e ${stamp})`;
  const school = await signIn(browser, 'school');
  const schoolName = (await apiGet<Me>(school, '/api/me')).assignments[0]?.unitName ?? '';

  // The coordinator opens the group: the missed month is red on its timeline.
  const mun = await signIn(browser, 'municipality');
  await mun.goto('/organisation?tab=bodies');
  await mun.getByTestId('body-row').filter({ hasText: 'Муниципальная рабочая группа' }).click();
  const panel = mun.getByTestId('body-panel');
  await expect(panel.locator('[data-missed="true"]').first()).toBeVisible();
  await shot(mun, 'meetings-1-body-timeline');

  // He holds a meeting yesterday and records a decision for the school.
  await panel.getByTestId('body-hold-meeting').click();
  await mun.getByTestId('meeting-date').fill(day(-1));
  await mun.getByTestId('meeting-title').fill(`Заседание e2e ${stamp}`);
  await mun.getByTestId('meeting-create').click();
  await expect(mun.getByRole('heading', { name: `Заседание e2e ${stamp}` })).toBeVisible();
  await expect(mun.getByTestId('previous-open')).toBeVisible();
  await mun.getByTestId('protocol-number').fill(`e2e-${stamp}`);
  await mun.getByTestId('decision-add').click();
  const row = mun.getByTestId('decision-row').last();
  await row.getByTestId('decision-input-text').fill(decisionText);
  // The list names units in full («МБОУ «СОШ …»»), the account its short name: search by the latter.
  await row.getByTestId('decision-input-unit').fill(schoolName.replace(' (демо)', '').slice(0, 12));
  await mun.getByRole('option').first().click();
  await row.getByTestId('decision-input-due').fill(day(14));
  const saved = mun.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().includes('/api/meetings/'),
  );
  await mun.getByTestId('meeting-save').click();
  expect((await saved).status(), await (await saved).text()).toBe(200);
  await expect(mun.getByText('Протокол сохранён')).toBeVisible();
  await shot(mun, 'meetings-2-protocol');

  // The school finds it in «Мои задачи», labelled with its meeting, and marks it done.
  await school.goto('/work/mine');
  const tasks = school.getByTestId('decision-tasks-mine');
  const task = tasks.getByTestId('decision-task').filter({ hasText: decisionText });
  await expect(task).toBeVisible();
  await expect(task.getByRole('link', { name: /Решение заседания «Заседание e2e/ })).toBeVisible();
  await shot(school, 'meetings-3-my-tasks');
  // The link leads to the meeting: the school sees its decisions there, not the protocol of the group.
  await task.getByRole('link', { name: /Решение заседания/ }).click();
  await expect(school.getByText('Вам видны решения этого заседания')).toBeVisible();
  await expect(school.getByTestId('meeting-decisions')).toContainText(decisionText);
  await expect(school.getByTestId('protocol-docx')).toHaveCount(0);
  await shot(school, 'meetings-3b-school-sees-its-decisions');
  await school.goto('/work/mine');
  await task.getByTestId('decision-done').click();
  await school.getByTestId('decision-text').fill('Семинар проведён, материалы размещены на сайте школы');
  await school.getByTestId('decision-save').click();
  await expect(tasks.getByTestId('decision-task').filter({ hasText: decisionText })).toHaveCount(0);

  // The group's next meeting: the done decision is no longer among the open ones of earlier meetings.
  await mun.goto('/organisation?tab=bodies');
  await mun.getByTestId('body-row').filter({ hasText: 'Муниципальная рабочая группа' }).click();
  await mun.getByTestId('body-hold-meeting').click();
  await mun.getByTestId('meeting-date').fill(day(0));
  await mun.getByTestId('meeting-title').fill(`Следующее заседание e2e ${stamp}`);
  await mun.getByTestId('meeting-create').click();
  await expect(mun.getByRole('heading', { name: `Следующее заседание e2e ${stamp}` })).toBeVisible();
  const previous = mun.getByTestId('previous-open');
  await expect(previous).toBeVisible();
  await expect(previous.getByText(decisionText)).toHaveCount(0);
  await shot(mun, 'meetings-4-next-meeting');
});

import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// The user story of issue 17 §7 (helper «audit»): the regional operator changes a measure of the region's
// roadmap; a minute later the administrator opens «Журнал аудита», finds the change by the user and the
// day, sees было/стало and downloads the same filter as CSV. The school's director opens a pupil's card;
// the region's security officer, whose only page is the log, finds that read under «Чтение персональных
// данных». (The administrator keeps no roadmap — the keepers change them — so the change is the operator's.)

const SHOTS = process.env.E2E_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const stamp = Date.now().toString(36);
const BEFORE = `Мероприятие для журнала ${stamp}`;
const AFTER = `Мероприятие для журнала ${stamp}, уточнённое`;
/** Today in Moscow, as the log's period counts days. */
const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);

test('the administrator finds a change by user and day; the security officer finds a pupil card read', async ({
  browser,
}) => {
  // The regional operator adds a measure to the region's approved roadmap and rewords it.
  const region = await signIn(browser, 'region');
  const me = await apiGet<{ fullName: string }>(region, '/api/me');
  type Summary = { id: string; status: string; orgUnit: { kind: string } };
  const own = (await apiGet<Summary[]>(region, '/api/roadmaps')).find(
    (r) => r.orgUnit.kind === 'region' && r.status === 'approved',
  );
  expect(own).toBeTruthy();
  const detail = await apiGet<{ sections: { id: string }[] }>(region, `/api/roadmaps/${own?.id}`);
  const created = await region.request.post(`/api/roadmaps/${own?.id}/items`, {
    data: { sectionId: detail.sections[0]?.id, measure: BEFORE },
  });
  expect(created.status()).toBe(200);
  const item = (await created.json()) as { id: string; version: number };
  const changed = await region.request.patch(`/api/items/${item.id}`, {
    data: { measure: AFTER, version: item.version },
  });
  expect(changed.status()).toBe(200);

  // The administrator: the log is under «Безопасность» in his menu.
  const admin = await signIn(browser, 'admin');
  await admin.getByTestId('nav-audit').click();
  await expect(admin.getByRole('heading', { name: 'Журнал аудита' })).toBeVisible();
  await expect(admin.getByTestId('audit-table')).toBeVisible();
  await admin.getByTestId('audit-user').click();
  await admin.getByTestId('audit-user').fill('region');
  await admin.getByRole('option', { name: /\(region\)/ }).click();
  await admin.getByTestId('audit-from').fill(today);
  await admin.getByTestId('audit-to').fill(today);
  await admin.getByTestId('audit-search').click();
  const row = admin.getByTestId('audit-row').filter({ hasText: 'Изменено мероприятие' }).first();
  await expect(row).toContainText(me.fullName);
  await expect(row).toContainText('Дорожные карты');
  const changes = row.getByTestId('audit-changes');
  await expect(changes).toContainText('Мероприятие');
  await expect(changes.getByRole('cell', { name: BEFORE, exact: true })).toBeVisible();
  await expect(changes.getByRole('cell', { name: AFTER, exact: true })).toBeVisible();
  // Every row of the answer is the chosen user's.
  const authors = await admin.getByTestId('audit-actor').allTextContents();
  expect(new Set(authors)).toEqual(new Set([me.fullName]));
  await shot(admin, 'audit-admin-change');

  // The same filter as CSV: UTF-8 with a BOM, «;», the change in it.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByTestId('audit-csv').click(),
  ]);
  const file = fs.readFileSync((await download.path()) ?? '');
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = file.toString('utf8');
  expect(csv).toContain(
    'Время (МСК);Кто;Событие;Группа;Объект;Организация;Было → стало;Сведения;Номер события',
  );
  expect(csv).toContain(`Мероприятие: ${BEFORE} → ${AFTER}`);

  // The school's director opens a pupil's card.
  const school = await signIn(browser, 'school');
  const director = await apiGet<{ fullName: string }>(school, '/api/me');
  await school.goto('/pupils');
  await expect(school.getByTestId('pupil-registry')).toBeVisible();
  await school.getByTestId('pupil-registry').getByRole('link').first().click();
  await expect(school.getByTestId('pupil-card-name')).toBeVisible();

  // The security officer: his start page is the log, his menu is the log alone.
  const security = await signIn(browser, 'security');
  await expect(security.getByRole('heading', { name: 'Журнал аудита' })).toBeVisible();
  await expect(security.getByTestId('nav-audit')).toBeVisible();
  await expect(security.getByTestId('nav-roadmaps')).toHaveCount(0);
  await security.getByTestId('audit-groups').click();
  await security.getByRole('option', { name: 'Чтение персональных данных' }).click();
  await security.keyboard.press('Escape');
  await security.getByTestId('audit-search').click();
  const read = security.getByTestId('audit-row').first();
  await expect(read).toContainText('Просмотр карточки обучающегося');
  await expect(read).toContainText(director.fullName);
  await expect(read).toContainText('Чтение персональных данных');
  await shot(security, 'audit-security-pupil-read');
  // The pupil's name is never in the log: only the class.
  await expect(read).toContainText('Класс');
  // Nothing else is his: the roadmaps answer 404 or an empty list, the users' page is refused.
  expect((await security.request.get('/api/users')).status()).toBe(403);
});

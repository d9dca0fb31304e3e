import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Issue 12 §4 as the regional operator lives it: his start page counts the gaps; «Охват и пробелы» shows the coverage of the region
// computed from the data and the ШНОР without a curator, each linking to the place to fix it; then he
// binds an indicator of his roadmap to a coverage metric and sees its fact filled by the system.

const shots = process.env.SHOTS_DIR;
const MEASURE = 'Мониторинг закрепления кураторов за ШНОР (проверка охвата)';

test('the region finds a ШНОР without a curator and binds an indicator to coverage', async ({ browser }) => {
  const region = await signIn(browser, 'region');
  // The start page tells him first: a card counts the gaps and leads to the whole list.
  const card0 = region.getByTestId('dashboard-gaps');
  await expect(card0).toContainText('ШНОР: нет куратора');
  if (shots) await region.screenshot({ path: `${shots}/coverage-dashboard-card.png`, fullPage: true });
  await card0.getByRole('link').click();
  await expect(region).toHaveURL(/\/coverage\?unit=[0-9a-f-]{36}/);
  await region.getByTestId('nav-coverage').click();
  await expect(region.getByTestId('coverage-table')).toBeVisible();
  await expect(region.getByTestId('coverage-base')).toContainText('ШНОР по списку');
  const gap = region.getByTestId('gaps-shnor').getByRole('link', { name: 'нет куратора' }).first();
  await expect(gap).toBeVisible();
  if (shots) await region.screenshot({ path: `${shots}/coverage-gaps.png`, fullPage: true });
  await gap.click();
  await expect(region).toHaveURL(/\/organisation\?tab=curators&school=[0-9a-f-]{36}/);

  // His own measure in the regional roadmap he keeps, with a target «не менее 100 %».
  type Summary = { id: string; status: string; orgUnit: { kind: string } };
  const roadmaps = await apiGet<Summary[]>(region, '/api/roadmaps');
  const own = roadmaps.find((r) => r.orgUnit.kind === 'region' && r.status === 'approved');
  expect(own).toBeTruthy();
  const detail = await apiGet<{ sections: { id: string }[] }>(region, `/api/roadmaps/${own?.id}`);
  const created = await region.request.post(`/api/roadmaps/${own?.id}/items`, {
    data: {
      sectionId: detail.sections[0]?.id,
      measure: MEASURE,
      targetComparator: 'gte',
      targetValue: 100,
      targetUnit: '%',
    },
  });
  expect(created.status()).toBe(200);
  const item = (await created.json()) as { id: string };
  await region.goto(`/roadmaps/${own?.id}?item=${item.id}`);
  const card = region.getByTestId('item-coverage');
  await expect(card).toContainText('Не привязан');
  await card.getByTestId('binding-edit').click();
  await card.getByTestId('binding-metric').click();
  await region.getByRole('option', { name: /Доля ШНОР, за которыми закреплён куратор/ }).click();
  await card.getByTestId('binding-save').click();
  await expect(card.getByTestId('binding-fact')).toContainText('рассчитано по данным системы');
  await expect(card.getByTestId('binding-fact')).toContainText(/факт: \d/);
  await expect(card.getByTestId('binding-fact')).toContainText('цель: не менее 100');
  if (shots) await region.getByTestId('item-drawer').screenshot({ path: `${shots}/coverage-bound-item.png` });
});

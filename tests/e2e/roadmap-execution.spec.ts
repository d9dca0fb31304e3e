import { expect, test } from '@playwright/test';
import { apiGet, PDF, signIn } from './fixtures.js';

type Task = {
  id: string;
  status: string;
  linkedItemId: string | null;
  source: { itemId: string };
  roadmap: { id: string };
};
type Found = { id: string; roadmap: { id: string }; targetValue: number | null };
type Detail = { sections: { items: { id: string; rollUp: { done: number; total: number } | null }[] }[] };

test('the municipal coordinator marks a measure done with a file, and the region sees it rolled up', async ({
  browser,
}) => {
  const mun = await signIn(browser, 'municipality');
  // A task from the regional roadmap that the municipality executes through an item of its own roadmap.
  const tasks = await apiGet<Task[]>(mun, '/api/tasks');
  const task = tasks.find((t) => t.linkedItemId && t.status !== 'done');
  expect(task, 'the demo has an open linked task').toBeTruthy();
  if (!task?.linkedItemId) return;
  const own = (await apiGet<Found[]>(mun, '/api/items?view=mine')).find((i) => i.id === task.linkedItemId);
  if (!own) throw new Error('linked item not found among my items');
  const rolledBefore = async (page: typeof mun) =>
    (await apiGet<Detail>(page, `/api/roadmaps/${task.roadmap.id}`)).sections
      .flatMap((s) => s.items)
      .find((i) => i.id === task.source.itemId)?.rollUp;
  const before = await rolledBefore(mun);
  if (!before) throw new Error('no roll-up on the regional measure');

  await mun.goto(`/roadmaps/${own.roadmap.id}`);
  await mun.getByTestId(`roadmap-row-${own.id}`).click();
  const drawer = mun.getByTestId('item-drawer');
  await expect(drawer).toBeVisible();
  // The proof first (the kind the indicator asks for is pre-selected), then «выполнено».
  await drawer
    .getByTestId('evidence-upload')
    .setInputFiles({ name: 'Протокол заседания.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(drawer.getByTestId('evidence-list')).toContainText('Протокол заседания.pdf');
  if (own.targetValue !== null) await drawer.getByTestId('item-actual-value').fill(String(own.targetValue));
  await drawer.getByTestId('item-status-select').selectOption('done');
  await drawer.getByTestId('item-status-save').click();
  await expect(mun.getByTestId(`roadmap-row-${own.id}`)).toContainText('выполнено');

  const region = await signIn(browser, 'region');
  await region.goto(`/roadmaps/${task.roadmap.id}`);
  const row = region.getByTestId(`roadmap-row-${task.source.itemId}`);
  await expect(row).toContainText(`выполнено в ${before.done + 1} из ${before.total}`);
  await row.click();
  await expect(region.getByTestId('item-drawer')).toContainText('Северный');
});

test('a school cannot open the roadmap of another school', async ({ browser }) => {
  const school = await signIn(browser, 'school');
  const own = await apiGet<{ id: string; orgUnit: { kind: string } }[]>(school, '/api/roadmaps');
  const schoolRoadmap = own.find((r) => r.orgUnit.kind === 'school');
  if (!schoolRoadmap) throw new Error('the school has no roadmap');

  const other = await signIn(browser, 'school2');
  expect((await other.request.get(`/api/roadmaps/${schoolRoadmap.id}`)).status()).toBe(404);
  expect(
    (
      await other.request.patch(`/api/roadmaps/${schoolRoadmap.id}`, { data: { title: 'Чужая', version: 1 } })
    ).status(),
  ).toBe(404);
  await other.goto(`/roadmaps/${schoolRoadmap.id}`);
  await expect(other.getByText(/не найден/i)).toBeVisible();
  await other.goto('/roadmaps');
  await expect(other.getByText(/СОШ № 23/).first()).toBeVisible();
  await expect(other.getByText('СОШ № 5 с. Нагорное')).toHaveCount(0);
});

test('a stale edit shows the conflict message and does not overwrite the first edit', async ({ browser }) => {
  const first = await signIn(browser, 'school');
  const items = await apiGet<Found[]>(first, '/api/items?view=mine');
  const item = items[0];
  if (!item) throw new Error('no item');
  const second = await signIn(browser, 'school');
  const url = `/roadmaps/${item.roadmap.id}?item=${item.id}&edit=1`;
  await first.goto(url);
  await second.goto(url);
  await expect(second.getByTestId('item-measure')).toBeVisible();

  await first.getByTestId('item-measure').fill('Правка первого пользователя');
  await first.getByTestId('item-save').click();
  await expect(first.getByTestId(`roadmap-row-${item.id}`)).toContainText('Правка первого пользователя');

  await second.getByTestId('item-measure').fill('Правка второго пользователя');
  await second.getByTestId('item-save').click();
  await expect(second.getByTestId('item-conflict')).toBeVisible();
  await expect(second.getByText('Конфликт изменений').first()).toBeVisible();
  await expect(second.getByText(/изменил другой пользователь/).first()).toBeVisible();

  await first.reload();
  await expect(first.getByTestId(`roadmap-row-${item.id}`)).toContainText('Правка первого пользователя');
});

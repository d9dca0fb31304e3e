import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

type ListSummary = { id: string; year: number; status: string };
type ListDetail = {
  entries: {
    school: { id: string; name: string; municipality: { name: string } | null };
    included: boolean;
  }[];
};

test('the regional operator excludes a school with a reason, approves the list and exports it', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  const lists = await apiGet<ListSummary[]>(region, '/api/identification/lists');
  const draft = lists.find((l) => l.status === 'draft');
  if (!draft) throw new Error('the demo has no draft list');
  const detail = await apiGet<ListDetail>(region, `/api/identification/lists/${draft.id}`);
  const school = detail.entries.find((e) => e.included)?.school;
  if (!school) throw new Error('the draft list is empty');

  await region.goto('/identification');
  await region.getByTestId('tab-lists').click();
  await region.getByRole('link', { name: `Список ШНОР ${draft.year} года` }).click();
  const row = region.getByTestId(`list-row-${school.id}`);
  await row.getByTestId('decision-exclude').click();
  await region.getByTestId('decision-save').click();
  // Without a reason nothing is decided.
  await expect(region.getByTestId('decision-reason')).toBeVisible();
  await expect(region.getByText('Исключено оператором: 0')).toBeVisible();
  await region.getByTestId('decision-reason').fill('Результаты ВПР не подтверждены перепроверкой работ');
  await region.getByTestId('decision-save').click();
  await expect(region.getByText('Исключено оператором: 1')).toBeVisible();

  await region.getByTestId('list-approve').click();
  await region.getByTestId('approve-number').fill('415-п');
  await region.getByTestId('approve-date').fill(`01.10.${draft.year}`);
  await region.getByTestId('approve-save').click();
  await expect(region.getByText('Утверждён').first()).toBeVisible();
  for (const format of ['xlsx', 'docx']) {
    const res = await region.request.get(`/api/identification/lists/${draft.id}/export?format=${format}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
  }
  // Frozen: no more decisions.
  const after = await region.request.put(`/api/identification/lists/${draft.id}/decisions/${school.id}`, {
    data: { decision: 'include', reason: 'Попытка изменить утверждённый список', version: 99 },
  });
  expect(after.status()).toBeGreaterThanOrEqual(400);
});

test('a municipality sees only approved lists and only its own schools', async ({ browser }) => {
  const mun = await signIn(browser, 'municipality');
  const lists = await apiGet<ListSummary[]>(mun, '/api/identification/lists');
  expect(lists.length).toBeGreaterThan(0);
  expect(lists.every((l) => l.status === 'approved')).toBe(true);
  const list = lists[0];
  if (!list) return;
  const detail = await apiGet<ListDetail>(mun, `/api/identification/lists/${list.id}`);
  expect(
    detail.entries.every((e) => e.school.municipality?.name === 'Северный муниципальный район (демо)'),
  ).toBe(true);
  await mun.goto('/identification');
  await expect(
    mun.getByRole('link', { name: new RegExp(`Список ШНОР ${list.year} года`) }).first(),
  ).toBeVisible();
});

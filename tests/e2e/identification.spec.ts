import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

type ListSummary = {
  id: string;
  year: number;
  kind: string;
  status: string;
  orderNumber: string | null;
  appendixNo: number | null;
};
type ListDetail = {
  entries: {
    school: { id: string; name: string; municipality: { name: string } | null };
    included: boolean;
  }[];
};

const shots = process.env.SHOTS_DIR;
/** DD.MM.YYYY of a day counted from today in Moscow (the form's time zone). */
const ruDay = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(d);
};

test('the regional operator excludes a school with a reason, approves ШНОР and зона риска by one order with two appendices and exports them', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  await region.setViewportSize({ width: 1280, height: 800 });
  const lists = await apiGet<ListSummary[]>(region, '/api/identification/lists');
  const draft = lists.find((l) => l.status === 'draft' && l.kind === 'shnor');
  const riskDraft = lists.find((l) => l.status === 'draft' && l.kind === 'riskZone');
  if (!draft || !riskDraft) throw new Error('the demo has no draft ШНОР and risk-zone lists');
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
  // The same order approves the risk-zone draft of the year as its second appendix.
  await region.getByTestId('approve-with-riskZone').click();
  await expect(region.getByTestId('approve-appendices')).toContainText(
    `Приложение 2 — Список школ в зоне риска ${draft.year} года`,
  );
  await region.getByTestId('approve-number').fill('415-п');
  // An order dated tomorrow is refused, with the reason under the date; nothing is approved.
  await region.getByTestId('approve-date').fill(ruDay(1));
  await region.getByTestId('approve-save').click();
  await expect(region.getByText(/Дата приказа не может быть позже сегодняшнего дня/)).toBeVisible();
  if (shots) await region.screenshot({ path: `${shots}/approve-order-future-date-1280.png` });
  await region.getByTestId('approve-date').fill(ruDay(0));
  await region.getByTestId('approve-save').click();
  await expect(region.getByText('Список утверждён и заморожен')).toBeVisible();
  const after2 = await apiGet<ListSummary[]>(region, `/api/identification/lists?year=${draft.year}`);
  const approved = after2.filter((l) => l.status === 'approved' && l.orderNumber === '415-п');
  expect(approved.map((l) => [l.kind, l.appendixNo]).sort()).toEqual([
    ['riskZone', 2],
    ['shnor', 1],
  ]);
  await region.goto('/identification?tab=lists');
  await expect(region.getByTestId(`list-${riskDraft.id}`)).toContainText('№ 415-п');
  await expect(region.getByTestId(`list-${riskDraft.id}`)).toContainText('приложение 2');
  if (shots) await region.screenshot({ path: `${shots}/lists-region-1280.png`, fullPage: true });
  for (const id of [draft.id, riskDraft.id])
    for (const format of ['xlsx', 'docx']) {
      const res = await region.request.get(`/api/identification/lists/${id}/export?format=${format}`);
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

test('a school in the risk zone sees its list, approved by the order, and only its own row', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  const lists = await apiGet<ListSummary[]>(region, '/api/identification/lists');
  const risk = lists.find((l) => l.kind === 'riskZone' && l.status === 'approved');
  const shnor = lists.find((l) => l.kind === 'shnor' && l.year === risk?.year && l.status === 'approved');
  if (!risk || !shnor) throw new Error('no approved risk-zone and ШНОР lists');
  const riskRows = await apiGet<ListDetail>(region, `/api/identification/lists/${risk.id}?flag=included`);
  const shnorRows = await apiGet<ListDetail>(region, `/api/identification/lists/${shnor.id}?flag=included`);
  const inShnor = new Set(shnorRows.entries.map((e) => e.school.id));
  const school = riskRows.entries.find((e) => !inShnor.has(e.school.id))?.school;
  if (!school) throw new Error('every risk-zone school is also ШНОР');

  // The administrator gives the school's director an account (the demo has none for a risk-zone school).
  const admin = await signIn(browser, 'admin');
  const login = `risk.${Date.now()}`;
  const created = await admin.request.post('/api/users', {
    data: { login, fullName: 'Директор школы в зоне риска', password: 'risk-zone-1' },
  });
  expect(created.status()).toBe(200);
  const user = (await created.json()) as { id: string };
  const role = await admin.request.post(`/api/users/${user.id}/assignments`, {
    data: { role: 'school_team', orgUnitId: school.id },
  });
  expect(role.status()).toBe(200);

  const director = await signIn(browser, login, 'risk-zone-1');
  await director.setViewportSize({ width: 1280, height: 800 });
  await director.goto('/identification');
  const visible = await apiGet<ListSummary[]>(director, '/api/identification/lists');
  // Only the lists the school is in: the risk-zone lists, never the ШНОР list it is not in.
  expect(visible.some((l) => l.id === risk.id)).toBe(true);
  expect(visible.some((l) => l.id === shnor.id)).toBe(false);
  await director.getByRole('link', { name: `Список школ в зоне риска ${risk.year} года` }).click();
  await expect(director.getByTestId('list-approved-banner')).toContainText(
    `Перечень школ в зоне риска снижения образовательных результатов на ${risk.year} год, утверждён приказом № ${risk.orderNumber}`,
  );
  await expect(director.getByTestId(`list-row-${school.id}`)).toBeVisible();
  await expect(director.getByText('Показано школ: 1.')).toBeVisible();
  if (shots) await director.screenshot({ path: `${shots}/risk-school-list-1280.png`, fullPage: true });
  const other = riskRows.entries.find((e) => e.school.id !== school.id)?.school;
  if (other) await expect(director.getByText(other.name)).toHaveCount(0);
  // The export buttons' own links download (a link with «details=undefined» was once refused with 400).
  for (const id of ['list-export-xlsx', 'list-export-docx']) {
    const href = await director.getByTestId(id).getAttribute('href');
    const res = await director.request.get(href ?? '');
    expect(res.status(), `${id}: ${href}`).toBe(200);
  }
});

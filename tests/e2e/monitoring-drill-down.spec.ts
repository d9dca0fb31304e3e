import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Issue 13 §1 as the regional operator lives it: from the start page's roll-up he goes down region →
// municipality → school; on «Показатели» he drills three different figures down to the data behind a
// school's number, opening «откуда эта цифра» each time; then he adds an indicator of his own and sets
// its target, changes the target and switches the indicator off. A municipal coordinator sees only his
// own schools.

const shots = process.env.SHOTS_DIR;

type Child = { unit: { id: string; kind: string }; figure: { denominator: number } };
type Result = { unit: Child; children: Child[] };

async function openSource(page: Page, testId: string) {
  const button = page.getByTestId(testId).first();
  await button.click();
  const text = page.getByTestId('figure-source-text');
  await expect(text).toContainText('Правило:');
  await button.click();
  await expect(text).toHaveCount(0);
}

/** A municipality and one of its schools with something to count (the API answers the page's figures). */
async function schoolWithBase(page: Page, code: string, regionId: string, year: number) {
  const get = (unitId: string) =>
    apiGet<Result>(page, `/api/indicators/${code}?unitId=${unitId}&year=${year}`);
  for (const mun of (await get(regionId)).children.filter((c) => c.figure.denominator > 0)) {
    const school = (await get(mun.unit.id)).children.find((c) => c.figure.denominator > 0);
    if (school) return { mun, school };
  }
  throw new Error(`${code}: no school with a base`);
}

test('the region drills down three figures to the data behind them, adds an indicator and its target', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');

  // The start page's roll-up: a municipality's row opens its roll-up by school, a school's row its roadmaps.
  const rollUp = region.getByTestId('rollup-table');
  await expect(rollUp).toBeVisible();
  await openSource(region, 'rollup-source-done');
  await rollUp.getByTestId('rollup-link').first().click();
  await expect(region).toHaveURL(/\/indicators\/units\/[0-9a-f-]{36}\/roll-up/);
  await expect(region.getByText('Исполнение по школам')).toBeVisible();
  await openSource(region, 'rollup-source-overdue');
  if (shots) await region.screenshot({ path: `${shots}/ind-rollup-municipality.png`, fullPage: true });
  await region.getByTestId('rollup-table').getByTestId('rollup-link').first().click();
  await expect(region.getByText('Дорожные карты школы')).toBeVisible();

  // «Показатели»: the region's figures with targets and bands.
  await region.getByTestId('nav-indicators').click();
  await expect(region.getByTestId('indicators-table')).toBeVisible();
  await expect(region.getByTestId('indicators-unit')).toContainText('Демонстрационная область');
  if (shots) await region.screenshot({ path: `${shots}/ind-list.png`, fullPage: true });
  const overview = await apiGet<{ unit: { id: string }; year: number }>(region, '/api/indicators');

  for (const code of ['vpr_mark2', 'roadmap_on_time', 'coverage_curator']) {
    await region.goto(`/indicators?year=${overview.year}`);
    await openSource(region, `indicator-value-${code}-source`);
    await region.getByTestId(`indicator-row-${code}`).getByRole('link').click();
    await expect(region.getByTestId('indicator-children')).toBeVisible();
    await openSource(region, 'indicator-unit-value-source');
    const { mun, school } = await schoolWithBase(region, code, overview.unit.id, overview.year);
    await region.getByTestId(`indicator-child-${mun.unit.id}`).getByRole('link').click();
    await expect(region).toHaveURL(new RegExp(`unitId=${mun.unit.id}`));
    await openSource(region, 'indicator-unit-value-source');
    if (shots && code === 'vpr_mark2')
      await region.screenshot({ path: `${shots}/ind-municipality.png`, fullPage: true });
    await region.getByTestId(`indicator-child-${school.unit.id}`).getByRole('link').click();
    await expect(region).toHaveURL(new RegExp(`/indicators/${code}/data\\?schoolId=${school.unit.id}`));
    await expect(region.getByTestId('data-table')).toBeVisible();
    await openSource(region, 'data-figure-source');
    await openSource(region, 'data-table-source');
    if (shots) await region.screenshot({ path: `${shots}/ind-data-${code}.png`, fullPage: true });
  }

  // His own indicator from a block of the catalogue, then its target for the region.
  await region.goto('/indicators');
  await region.getByTestId('indicator-add').click();
  const form = region.getByTestId('own-indicator-form');
  await form.getByTestId('own-subject').fill('русский язык');
  await form.getByTestId('own-grade').fill('5');
  await form.getByTestId('own-title').fill('Доля «2» в ВПР по русскому языку, 5 класс');
  await form.getByTestId('own-code').fill('vpr5_rus_mark2');
  await form
    .getByTestId('own-definition')
    .fill('Доля участников ВПР по русскому языку в 5 классе с отметкой «2».');
  if (shots) await region.screenshot({ path: `${shots}/ind-own-form.png`, fullPage: true });
  await form.getByTestId('own-save').click();
  const row = region.getByTestId('indicator-row-vpr5_rus_mark2');
  await expect(row).toContainText('свой');
  await row.getByRole('link').click();
  await region.getByTestId('target-level').click();
  await region.getByRole('option', { name: 'Регион' }).click();
  await region.getByTestId('target-target').fill('6');
  await region.getByTestId('target-warn').fill('9');
  await region.getByTestId('target-add').click();
  await expect(region.getByTestId('targets-table')).toContainText('6 %');
  await expect(region.getByTestId('indicator-unit-value')).not.toHaveAttribute('data-band', 'none');
  if (shots) await region.screenshot({ path: `${shots}/ind-own-target.png`, fullPage: true });
  // He changes the target in place, then switches his indicator off: it stays, marked, with its target.
  await region.getByTestId('target-edit').click();
  await region.getByTestId('target-edit-target').fill('5');
  await region.getByTestId('target-edit-save').click();
  await expect(region.getByTestId('targets-table')).toContainText('5 %');
  await region.getByTestId('own-card-toggle').click();
  await expect(region.getByTestId('own-indicator-card')).toContainText('отключён');
  if (shots) await region.screenshot({ path: `${shots}/ind-own-off.png`, fullPage: true });
});

test('a municipal coordinator sees only the schools of his municipality', async ({ browser }) => {
  const mun = await signIn(browser, 'municipality');
  await mun.getByTestId('nav-indicators').click();
  await expect(mun.getByTestId('indicators-unit')).toContainText('Северный');
  await mun.getByTestId('indicator-row-vpr_mark2').getByRole('link').click();
  await expect(mun.getByTestId('indicator-children')).toBeVisible();
  const overview = await apiGet<{ unit: { id: string }; year: number }>(mun, '/api/indicators');
  const r = await apiGet<Result>(
    mun,
    `/api/indicators/vpr_mark2?unitId=${overview.unit.id}&year=${overview.year}`,
  );
  type Unit = { id: string; kind: string; parentId: string | null };
  const own = (await apiGet<Unit[]>(mun, '/api/org-units')).filter((u) => u.kind === 'school');
  expect(r.children.length).toBeGreaterThan(0);
  expect(r.children.every((c) => own.some((u) => u.id === c.unit.id))).toBe(true);
  await expect(mun.getByTestId('indicator-children').locator('tbody tr')).toHaveCount(r.children.length);

  // Another municipality's school does not exist for him.
  const region = await signIn(browser, 'region');
  const all = await apiGet<Unit[]>(region, '/api/org-units');
  const foreign = all.find((u) => u.kind === 'school' && !own.some((o) => o.id === u.id));
  const res = await mun.request.get(
    `/api/indicators/vpr_mark2/data?schoolId=${foreign?.id}&year=${overview.year}`,
  );
  expect(res.status()).toBe(404);
});

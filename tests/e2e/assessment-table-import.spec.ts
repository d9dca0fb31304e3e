import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiGet, signIn } from './fixtures.js';

// The regional operator loads the results he already has (issue 16 §1): a wide table (a row per school, a
// group of columns per subject) with the marks in percent, a subtotal row and no year → the mapping step,
// where he sets the year and sees the converted preview → a school found by name is confirmed → the
// mapping is saved as a template → the table is checked and loaded. A second file of the same shape then
// gets the template applied by itself, except the year (never taken from a template), which is asked.
// The name confirmed for Светлое is listed for the administrator too, then forgotten in «Запомненные названия
// школ»: a third file asks again.
//
// The year is one long before the demo's (2010): a new latest year would change what the identification
// stories take for the demo's last year, and a demo year loaded again would make the demo's runs stale.

const SHOTS = process.env.E2E_SHOTS;
const YEAR = 2010;
const NAGORNOE = 'МБОУ «СОШ № 5 с. Нагорное» (демо)';
const KRASNOZORSK = 'МБОУ «СОШ № 23 г. Краснозорск» (демо)';
const TEMPLATE = 'ВПР 5 класс, проценты (проверка)';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** A wide table: two schools by code, Светлое by name and district only; `shift` moves marks «2»→«3». */
async function wideTable(codes: [string, string], shift: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Результаты');
  const subjects = ['Русский язык', 'Математика'];
  const head = ['Код ОО', 'Наименование ОО', 'Муниципалитет'];
  for (const s of subjects) {
    const name = `ВПР ${s} 5 кл.`;
    head.push(`${name} — участников`, ...[2, 3, 4, 5].map((m) => `${name} — % «${m}»`));
  }
  ws.addRow(head);
  ws.addRow(['', 'Итого по региону', '', ...subjects.flatMap(() => [60, 10, 30, 40, 20])]);
  const marks = subjects.flatMap(() => [20, 10 + shift, 30 - shift, 40, 20]);
  ws.addRow([codes[0], NAGORNOE, 'Северный муниципальный район (демо)', ...marks]);
  ws.addRow([codes[1], KRASNOZORSK, '', ...marks]);
  ws.addRow(['', 'ООШ с. Светлое (демо)', 'Северный район (демо)', ...marks]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type RunResult = { school: { name: string; code: string } };

test('a wide table in percent without the year: mapping, template, and the template applied next time', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  // The codes of two demo schools, from the demo's own run of its last year.
  const years = await apiGet<{ year: number }[]>(region, '/api/assessment-data/years');
  expect(years.map((y) => y.year)).not.toContain(YEAR);
  const lastYear = Math.max(...years.map((y) => y.year));
  const runs = await apiGet<{ id: string; status: string }[]>(
    region,
    `/api/identification/runs?year=${lastYear}`,
  );
  const run = runs.find((r) => r.status === 'done');
  if (!run) throw new Error('the demo has no finished run');
  const results = await apiGet<RunResult[]>(region, `/api/identification/runs/${run.id}/results`);
  const codeOf = (name: string) => results.find((r) => r.school.name === name)?.school.code ?? '';
  const codes: [string, string] = [codeOf(NAGORNOE), codeOf(KRASNOZORSK)];
  expect(codes.every((c) => c !== '')).toBe(true);

  await region.goto('/identification?tab=data');
  await region.getByTestId('data-import-open').click();
  const dialog = region;

  await test.step('the format help is inside the dialog, with the XLSX templates', async () => {
    await dialog.getByTestId('data-format-open').click();
    const help = region.getByTestId('data-format-help');
    await expect(help).toContainText('Проценты пересчитываются');
    const href = await help.getByTestId('template-wide').getAttribute('href');
    const res = await region.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain("filename*=UTF-8''");
    await shot(region, '01-format-help');
    await region.keyboard.press('Escape');
    await expect(help).toBeHidden();
    // Escape may close the dialog under the help as well.
    if (!(await region.getByTestId('data-import-file').isVisible())) {
      await region.getByTestId('data-import-open').click();
    }
  });

  await test.step('the first file: the mapping step, the year, the preview, a school confirmed by name', async () => {
    await dialog.getByTestId('data-import-file').setInputFiles({
      name: 'впр-5-первый.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await wideTable(codes, 0),
    });
    await expect(dialog.getByTestId('table-mapping')).toBeVisible();
    await expect(dialog.getByTestId('table-check')).toBeDisabled();
    await dialog.getByTestId('table-fixed-year').fill(String(YEAR));
    const preview = dialog.getByTestId('table-preview');
    await expect(preview).toContainText(String(YEAR));
    // 10 % «2» and 30 % «3» of 20 participants.
    await expect(preview.locator('tbody tr').first().locator('td').nth(7)).toHaveText('2');
    await expect(preview.locator('tbody tr').first().locator('td').nth(8)).toHaveText('6');
    await expect(dialog.getByTestId('table-notes')).toContainText('Итого по региону');
    const school = dialog.getByTestId('table-school');
    await expect(school).toHaveCount(1);
    await expect(school).toContainText('Светлое');
    await shot(region, '02-mapping-step');
    await dialog.getByTestId('table-confirm-all').click();
    await dialog.getByTestId('table-save-template').click();
    await dialog.getByTestId('table-template-name').fill(TEMPLATE);
    await dialog.getByTestId('table-check').click();
    await expect(dialog.getByTestId('data-import-check')).toContainText('Ошибок нет');
    await expect(dialog.getByTestId('data-import-check')).toContainText('результатов: 6');
    await dialog.getByTestId('data-import-load').click();
    const done = dialog.getByTestId('data-import-done');
    await expect(done).toContainText(`Данные за ${YEAR} год записаны`);
    await expect(done).toContainText(`сохранено как шаблон «${TEMPLATE}»`);
    await shot(region, '03-loaded');
    await region.getByRole('button', { name: 'Закрыть', exact: true }).click();
  });

  await test.step('the second file of the same shape: the template applies itself, the year is asked', async () => {
    await region.getByTestId('data-import-open').click();
    await dialog.getByTestId('data-import-file').setInputFiles({
      name: 'впр-5-второй.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await wideTable(codes, 5),
    });
    await expect(dialog.getByTestId('table-template-applied')).toContainText(TEMPLATE);
    // A template never gives the year: the file does not state one, so the mapping step asks only for it.
    await expect(dialog.getByTestId('table-mapping')).toBeVisible();
    await dialog.getByTestId('table-fixed-year').fill(String(YEAR));
    await expect(dialog.getByTestId('table-preview')).toContainText(String(YEAR));
    // The school confirmed by name at the first load is not asked about again.
    await expect(dialog.getByTestId('table-confirm-all')).toHaveCount(0);
    await expect(dialog.getByTestId('table-notes')).toContainText('подтверждённым при прошлых загрузках');
    await dialog.getByTestId('table-check').click();
    const check = dialog.getByTestId('data-import-check');
    await expect(check).toContainText('Ошибок нет');
    // The first file's rows of these schools, year and assessment are replaced.
    await expect(check).toContainText('Будут заменены данные прежних загрузок');
    await shot(region, '04-template-applied');
    await dialog.getByTestId('data-import-load').click();
    await expect(dialog.getByTestId('data-import-done')).toContainText(`Данные за ${YEAR} год записаны`);
  });

  const after = await apiGet<{ year: number; schools: number; results: number }[]>(
    region,
    '/api/assessment-data/years',
  );
  expect(after.find((y) => y.year === YEAR)).toMatchObject({ schools: 3, results: 6 });

  await test.step('the administrator sees the region’s remembered names too', async () => {
    const admin = await signIn(browser, 'admin');
    await admin.goto('/identification?tab=data');
    const names = admin.getByTestId('school-names');
    await names.getByTestId('school-names-filter').fill('светлое');
    await expect(names.getByTestId('school-name-row')).toContainText('ООШ с. Светлое (демо)');
    await admin.context().close();
  });

  await test.step('the remembered name is listed and forgotten: the next file asks about the school again', async () => {
    await region.getByRole('button', { name: 'Закрыть', exact: true }).click();
    const names = region.getByTestId('school-names');
    await names.getByTestId('school-names-filter').fill('светлое');
    const row = names.getByTestId('school-name-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('ООШ с. Светлое (демо)');
    await expect(row).toContainText('Северный район (демо)');
    await shot(region, '06-remembered-names');
    await row.getByTestId('school-name-forget').click();
    await expect(region.getByRole('dialog')).toContainText('попросит подтвердить школу снова');
    await shot(region, '07-forget-confirm');
    await region.getByTestId('school-name-forget-confirm').click();
    await expect(names.getByTestId('school-names-empty')).toBeVisible();
    await shot(region, '08-forgotten');
    await region.getByTestId('data-import-open').click();
    await dialog.getByTestId('data-import-file').setInputFiles({
      name: 'впр-5-третий.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await wideTable(codes, 5),
    });
    await dialog.getByTestId('table-fixed-year').fill(String(YEAR));
    await expect(dialog.getByTestId('table-school')).toContainText('Светлое');
    await expect(dialog.getByTestId('table-confirm-all')).toBeVisible();
  });
});

test('at 390 px the dialog with the mapping step stays readable', async ({ browser }) => {
  const page = await signIn(browser, 'region');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/identification?tab=data');
  await page.getByTestId('data-import-open').click();
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Лист1').addRows([
    ['Код ОО', 'Класс', 'Предмет', 'Количество участников', '2', '3', '4', '5'],
    ['нет-такой', 5, 'математика', 10, 1, 2, 3, 4],
  ]);
  await page.getByTestId('data-import-file').setInputFiles({
    name: 'узкий.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, '05-narrow');
});

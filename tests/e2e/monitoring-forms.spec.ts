import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiGet, signIn } from './fixtures.js';

// The user story of issue 13 §2 (helper «monitoring»): a school fills the region's monitoring form —
// saves a draft, comes back, submits; the municipality returns it with a comment; the school sees the
// comment, corrects and resubmits; the municipality accepts; the region sees the progress and downloads
// the XLSX of all answers.

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  for (const close of await page.locator('.mantine-Notification-closeButton').all())
    await close.click().catch(() => {});
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

type Summary = { id: string; title: string; mine: { unitId: string; unitName: string; status: string }[] };

const choose = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
};

test('a school fills a monitoring form, the municipality returns it, the school corrects it', async ({
  browser,
}) => {
  const comment = `Уточните число вакансий (e2e ${Date.now().toString(36)})`;

  // The school's start page lists the form it must fill; it opens it.
  const school = await signIn(browser, 'school');
  const list = await apiGet<Summary[]>(school, '/api/monitorings');
  const monitoring = list.find((m) => m.title.startsWith('Мониторинг ресурсных дефицитов'));
  const own = monitoring?.mine[0];
  if (!monitoring || !own) throw new Error('the demo school has no monitoring form');
  const card = school.getByTestId('monitoring-forms');
  await expect(card).toBeVisible();
  await shot(school, 'monitoring-1-start-page');
  await card.getByRole('link', { name: monitoring.title }).click();
  await expect(school.getByTestId('response-status')).toHaveText('Не начата');

  // A draft: two answers, saved; a share above 100 % is refused under its field even in a draft.
  await school.getByTestId('field-teachers').fill('24');
  await school.getByTestId('field-firstCategory').fill('120');
  await expect(school.getByText('Процент — от 0 до 100')).toBeVisible();
  await school.getByTestId('field-firstCategory').fill('55');
  await school.getByTestId('response-save').click();
  await expect(school.getByText('Черновик сохранён')).toBeVisible();
  await expect(school.getByTestId('response-status')).toHaveText('Заполняется');

  // It comes back later: the draft is there; submitting it incomplete shows what is missing.
  await school.reload();
  await expect(school.getByTestId('field-teachers')).toHaveValue('24');
  await school.getByTestId('response-submit').click();
  await expect(school.getByText('Заполните поле').first()).toBeVisible();
  await shot(school, 'monitoring-2-form-errors');
  await school.getByTestId('field-vacancies').fill('1');
  await school.getByTestId('field-computers').fill('30');
  await school.getByTestId('field-equippedRooms').fill('40');
  await choose(school, 'field-internet', '50 Мбит/с и более');
  await choose(school, 'field-methodist', 'Да');
  await school.getByTestId('add-row-vacancyList').click();
  await school.getByTestId('cell-vacancyList-0-subject').fill('Физика');
  await school.getByTestId('cell-vacancyList-0-hours').fill('8');
  await school.getByTestId('response-submit').click();
  await expect(school.getByTestId('response-status')).toHaveText('Отправлена');

  // The municipality finds the school among the participants and returns the form with a comment.
  const mun = await signIn(browser, 'municipality');
  await mun.goto(`/monitorings/${monitoring.id}`);
  await mun.getByTestId('participant-row').filter({ hasText: own.unitName }).getByRole('link').click();
  await expect(mun.getByTestId('response-status')).toHaveText('Отправлена');
  await expect(mun.getByTestId('field-teachers')).toHaveValue('24');
  await mun.getByTestId('review-comment').fill(comment);
  await shot(mun, 'monitoring-3-review');
  await mun.getByTestId('review-return').click();
  await expect(mun.getByTestId('response-status')).toHaveText('Возвращена на доработку');

  // The school sees the comment on its start page and above the form, corrects and resubmits.
  await school.goto('/');
  await expect(school.getByTestId('monitoring-forms')).toContainText(comment);
  await school.goto(`/monitorings/${monitoring.id}/units/${own.unitId}`);
  await expect(school.getByTestId('return-comment')).toContainText(comment);
  await shot(school, 'monitoring-4-returned');
  await school.getByTestId('field-vacancies').fill('2');
  await school.getByTestId('add-row-vacancyList').click();
  await school.getByTestId('cell-vacancyList-1-subject').fill('Химия');
  await school.getByTestId('cell-vacancyList-1-hours').fill('4');
  await school.getByTestId('response-submit').click();
  await expect(school.getByTestId('response-status')).toHaveText('Отправлена');

  // The municipality accepts it.
  await mun.reload();
  await mun.getByTestId('review-accept').click();
  await expect(mun.getByTestId('response-status')).toHaveText('Принята');

  // The region sees the progress by municipality and downloads every answer as XLSX.
  const region = await signIn(browser, 'region');
  await region.goto(`/monitorings/${monitoring.id}`);
  await expect(region.getByTestId('monitoring-progress')).toBeVisible();
  await expect(region.getByTestId('progress-by-municipality')).toBeVisible();
  await expect(region.getByTestId('participant-row').filter({ hasText: own.unitName })).toContainText(
    'Принята',
  );
  await shot(region, 'monitoring-5-region-progress');
  const download = region.waitForEvent('download');
  await region.getByTestId('monitoring-export').click();
  const file = readFileSync((await (await download).path()) ?? '');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const answers = wb.getWorksheet('Ответы');
  const row = answers?.getRows(2, answers.rowCount - 1)?.find((r) => r.getCell(2).value === own.unitName);
  expect(row?.getCell(3).value).toBe('Принята');
  const header = answers?.getRow(1).values as string[];
  expect(row?.getCell(header.indexOf('Вакансий педагогов на начало учебного года')).value).toBe(2);
  const vacancies = wb.getWorksheet('Вакансии по предметам');
  const subjects = vacancies
    ?.getRows(2, vacancies.rowCount - 1)
    ?.filter((r) => r.getCell(2).value === own.unitName);
  expect(subjects?.map((r) => r.getCell(4).value)).toEqual(['Физика', 'Химия']);
});

import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// The regional operator adapts the system's draft questionnaires: a new version from the draft, one
// option's risk changed and saved, the pupils' questionnaire previewed as a pupil sees it on a phone.
// Screenshots go to SHOTS_DIR when it is set (looked at by hand, not compared).

const shots = process.env.SHOTS_DIR;
const shot = async (page: import('@playwright/test').Page, name: string, fullPage = false) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
};

test('the region adapts the system draft and previews the pupils’ questionnaire', async ({ browser }) => {
  const page = await signIn(browser, 'region');
  await page.getByTestId('nav-risk-instruments').click();
  await expect(page.getByRole('heading', { name: 'Анкеты и факторы риска' })).toBeVisible();
  await expect(page.getByTestId('system-draft')).toContainText('черновик системы');
  // the demo's questionnaires are frozen by its campaign
  await expect(page.getByTestId('instrument-versions')).toContainText('заморожена');
  await shot(page, '1-list');

  await page.getByTestId('from-system-draft').click();
  await expect(page).toHaveURL(/\/risk-instruments\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1) as string;
  await expect(page.getByText('черновик системы Опора')).toBeVisible();

  // the director's second question: «Насколько школа обеспечена оборудованием…», option 2 from 0.33 to 0.5
  await page.getByTestId('edit-item-d02').getByText('Насколько школа обеспечена').click();
  const risk = page.getByTestId('edit-item-d02').getByLabel('Риск варианта 2');
  await expect(risk).toHaveValue('0.33');
  await risk.fill('0.5');
  await page.getByTestId('edit-item-d02').scrollIntoViewIfNeeded();
  await shot(page, '2-editor');
  // a risk above 1 is refused by the same schema as the server's, in Russian
  await page.getByTestId('edit-item-d02').getByLabel('Риск варианта 3').fill('1.5');
  await expect(page.getByTestId('instrument-issues')).toContainText('Риск — от 0 до 1');
  await expect(page.getByTestId('save-instrument')).toBeDisabled();
  await page.getByTestId('edit-item-d02').getByLabel('Риск варианта 3').fill('0.67');
  await expect(page.getByTestId('instrument-issues')).toHaveCount(0);
  await page.getByTestId('save-instrument').click();
  await expect(page.getByText('Анкеты сохранены')).toBeVisible();

  const saved = await apiGet<{
    version: number;
    document: { items: { id: string; options?: { risk: number }[] }[] };
  }>(page, `/api/risk-instruments/${id}`);
  expect(saved.version).toBe(2);
  expect(saved.document.items.find((i) => i.id === 'd02')?.options?.map((o) => o.risk)).toEqual([
    0, 0.5, 0.67, 1,
  ]);

  // preview of the pupils' questionnaire at a phone's width
  await page.getByTestId('tab-preview').click();
  await page.setViewportSize({ width: 390, height: 844 });
  const preview = page.getByTestId('preview-pupil');
  await expect(preview).toContainText('Анкета ученика');
  await expect(preview).toContainText('Это не контрольная');
  await expect(preview.getByText('Тебе интересно на уроках?')).toBeVisible();
  await preview.getByTestId('question-p01').getByText('Часто').click();
  await expect(preview.getByTestId('question-p01').getByRole('radio', { name: 'Часто' })).toBeChecked();
  await preview.getByTestId('question-p07').getByRole('textbox').fill('2,5');
  await expect(preview.getByTestId('question-p07')).not.toContainText('Введите число');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await preview.getByTestId('question-p07').scrollIntoViewIfNeeded();
  await shot(page, '3-preview-390');
  await page.getByTestId('tab-preview').scrollIntoViewIfNeeded();
  await shot(page, '3-preview-390-top');
});

test('a municipal coordinator reads the questionnaires and the factors, without editing', async ({
  browser,
}) => {
  const page = await signIn(browser, 'municipality');
  await page.getByTestId('nav-risk-instruments').click();
  await expect(page.getByTestId('instrument-versions')).toBeVisible();
  await expect(page.getByTestId('from-system-draft')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Факторы риска' }).click();
  await expect(page.getByTestId('risk-factors')).toContainText('Дефицит педагогических кадров');
  await expect(page.getByTestId('edit-factors')).toHaveCount(0);
  await shot(page, '4-factors-municipality');
});

test('the region changes the factors for a year; factors of the year’s campaigns cannot be removed', async ({
  browser,
}) => {
  const page = await signIn(browser, 'region');
  await page.goto('/risk-instruments');
  await page.getByRole('tab', { name: 'Факторы риска' }).click();
  // the year of the demo's campaign: it answered the frozen questionnaires, so their factors stay
  const versions = await apiGet<{ usedBy: { year: number }[] }[]>(page, '/api/risk-instruments');
  const year = String(versions.flatMap((v) => v.usedBy)[0]?.year);
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: year }).click();
  await page.getByTestId('edit-factors').click();
  const row = page.getByTestId('factor-row-3');
  await row.getByRole('textbox').nth(1).fill('Компетентность педагогов');
  await expect(row.getByText('в кампаниях')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Убрать фактор 3' })).toHaveCount(0);
  await shot(page, '5-factors-editor');
  await page.getByTestId('save-factors').click();
  await expect(page.getByText(`Факторы риска на ${year} год сохранены`)).toBeVisible();
  await expect(page.getByTestId('risk-factors')).toContainText('Компетентность педагогов');
  await expect(page.getByText(`Список региона на ${year} год`)).toBeVisible();
});

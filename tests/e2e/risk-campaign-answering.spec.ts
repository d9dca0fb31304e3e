import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from './fixtures.js';

// Issue 11 §2 in the browser: the school takes its anonymous pupils' link from its campaign page; a
// pupil answers on a phone-sized screen; a second answer from the same phone is refused; the school sees
// its count go up; the municipality sees the progress of its schools.

const shots = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string, fullPage = true) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
};

/** Answers every question on the page with its first option (a number: 3). */
async function answerAll(page: Page) {
  await expect(page.getByTestId('answer-submit')).toBeVisible();
  const questions = page.getByTestId(/^question-/);
  const n = await questions.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const q: Locator = questions.nth(i);
    // Options are cards with the roles radio / checkbox; a number is a text box.
    const choice = q.getByRole('radio').or(q.getByRole('checkbox')).first();
    if (await choice.count()) await choice.click();
    else await q.getByRole('textbox').fill('3');
  }
  await expect(page.getByTestId('answer-progress')).toContainText(`Отвечено ${n} из ${n}`);
}

test('a pupil answers anonymously on a phone once; the school and the municipality see the count', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  await school.setViewportSize({ width: 1280, height: 900 });
  await school.getByTestId('nav-risk-campaigns').click();
  await school.getByTestId('campaign-row').filter({ hasText: 'Идёт' }).first().getByRole('link').click();
  const pupils = school.getByTestId('count-pupil-value');
  await expect(pupils).toBeVisible();
  const before = Number(await pupils.textContent());
  const url = (await school.getByTestId('anon-url-pupil').textContent()) ?? '';
  expect(url).toMatch(/\/a\/[A-Za-z0-9_-]{24}$/);
  await shot(school, 'school-campaign');

  // The pupil's phone: no account, 390 × 844.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const pupil = await phone.newPage();
  await pupil.goto(url);
  await expect(pupil.getByText('Анкета для обучающихся')).toBeVisible();
  await shot(pupil, 'pupil-form', false);
  await answerAll(pupil);
  await shot(pupil, 'pupil-answered', false);
  await pupil.getByTestId('answer-submit').click();
  await expect(pupil.getByTestId('answer-notice')).toContainText('Спасибо! Ответы отправлены');
  await shot(pupil, 'pupil-thanks');

  // Opening the link again on the same phone: already answered.
  await pupil.reload();
  await expect(pupil.getByTestId('answer-notice')).toContainText('Вы уже ответили');
  // Even with the page's own memory wiped, the server refuses the same device (its cookie).
  await pupil.evaluate(() => {
    for (const k of Object.keys(localStorage))
      if (k.startsWith('opora-answered-')) localStorage.removeItem(k);
  });
  await pupil.reload();
  await answerAll(pupil);
  await pupil.getByTestId('answer-submit').click();
  await expect(pupil.getByTestId('answer-error')).toContainText('С этого устройства уже ответили');
  await shot(pupil, 'pupil-refused', false);

  await school.reload();
  await expect(school.getByTestId('count-pupil-value')).toHaveText(String(before + 1));

  const municipality = await signIn(browser, 'municipality');
  await municipality.setViewportSize({ width: 1280, height: 900 });
  await municipality.getByTestId('nav-risk-campaigns').click();
  await municipality
    .getByTestId('campaign-row')
    .filter({ hasText: 'Идёт' })
    .first()
    .getByRole('link')
    .click();
  const schoolName = (await school.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const row = municipality.getByTestId('progress-row').filter({ hasText: schoolName });
  await expect(row).toContainText(`${before + 1} /`);
  await shot(municipality, 'municipality-progress');
  await phone.close();
});

test('the regional operator makes a campaign for the schools of a municipality and opens it', async ({
  browser,
}) => {
  const region = await signIn(browser, 'region');
  await region.setViewportSize({ width: 1280, height: 900 });
  await region.getByTestId('nav-risk-campaigns').click();
  await region.getByTestId('campaign-create').click();
  const dialog = region.getByRole('dialog');
  await dialog.getByLabel('Название').fill('Анкетирование школ района (проверка)');
  await dialog.getByLabel('Муниципалитет').click();
  await region.getByRole('option').first().click();
  await dialog.getByText(/Выбрать показанные/).click();
  await expect(dialog.getByText(/Выбрано школ: [1-9]/)).toBeVisible();
  await shot(region, 'region-create');
  await dialog.getByTestId('campaign-save').click();
  await expect(region.getByTestId('campaign-status')).toHaveText('Черновик');
  await region.getByRole('button', { name: 'Открыть анкетирование' }).click();
  await expect(region.getByTestId('campaign-status')).toHaveText('Идёт');
  await expect(region.getByTestId('progress-row').first()).toBeVisible();
  await shot(region, 'region-campaign');
});

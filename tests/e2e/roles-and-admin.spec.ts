import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.js';

const LOGINS = [
  'admin',
  'region',
  'center',
  'municipality',
  'curator',
  'school',
  'school2',
  'expert',
  'teacher',
];

test('every demo role signs in to its own start page', async ({ browser }) => {
  for (const login of LOGINS) {
    const page = await signIn(browser, login);
    await expect(page.getByRole('heading', { name: 'Рабочий стол' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /Ошибка|ошибка/ })).toHaveCount(0);
    if (login === 'region') await expect(page.getByText('Исполнение по муниципалитетам')).toBeVisible();
    if (login === 'municipality') await expect(page.getByText('Исполнение по школам')).toBeVisible();
    if (login === 'school')
      await expect(page.getByText('Задачи от вышестоящего уровня').first()).toBeVisible();
    // Administration is the administrator's alone.
    await expect(page.getByRole('link', { name: 'Пользователи' })).toHaveCount(login === 'admin' ? 1 : 0);
    await page.context().close();
  }
});

test('the administrator imports schools: a file with an error writes nothing, a good one loads', async ({
  browser,
}) => {
  const page = await signIn(browser, 'admin');
  await page.goto('/admin/orgs');
  await page.getByRole('button', { name: 'Импорт школ' }).click();
  const csv = (rows: string[]) =>
    Buffer.from(`\uFEFFПолное наименование;ИНН;Муниципалитет;Число обучающихся\n${rows.join('\n')}\n`);
  const input = page.locator('input[type=file]');
  await input.setInputFiles({
    name: 'школы.csv',
    mimeType: 'text/csv',
    buffer: csv([
      'МБОУ «Тестовая школа № 1» (демо);7700000001;Северный муниципальный район (демо);120',
      'МБОУ «Тестовая школа № 2» (демо);12345;Северный муниципальный район (демо);80',
    ]),
  });
  await expect(page.getByTestId('import-error-3')).toContainText('10 или 12 цифр');
  await expect(page.getByTestId('import-load')).toBeDisabled();

  await input.setInputFiles({
    name: 'школы.csv',
    mimeType: 'text/csv',
    buffer: csv(['МБОУ «Тестовая школа № 1» (демо);7700000001;Северный муниципальный район (демо);120']),
  });
  await expect(page.getByTestId('import-load')).toBeEnabled();
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByPlaceholder('Поиск по названию или ИНН').fill('7700000001');
  await expect(page.getByText('Тестовая школа № 1').first()).toBeVisible();
});

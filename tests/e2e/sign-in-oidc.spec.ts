import { expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures.js';

// Issue 17 §1: signing in through the region's identity provider. scripts/e2e-server.mjs starts a
// loopback OpenID Connect provider (scripts/dev-oidc-provider.mjs) and gives it to Opora as «region».

const SHOTS = process.env.E2E_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/** From Opora's login page through the provider's own page, signed in there as `login`. */
async function signInAtProvider(page: Page, login: string, shots = false) {
  await page.getByRole('link', { name: 'Войти через региональный вход' }).click();
  await expect(page.getByRole('heading', { name: 'Региональный вход (тестовый)' })).toBeVisible();
  await page.getByLabel('Логин').fill(login);
  if (shots) await shot(page, 'oidc-2-provider');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

test('a regional official signs in through the provider and out; an unknown person is refused in Russian', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Войти через региональный вход' })).toBeVisible();
  await shot(page, 'oidc-1-login');

  await signInAtProvider(page, 'region', true);
  // Back in Opora, signed in as the regional operator, on his start page — not on the login form.
  await expect(page.getByTestId('user-menu')).toContainText('Региональный оператор');
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.getByLabel('Пароль')).toHaveCount(0);
  await expect(page.getByText('Загрузка…')).toHaveCount(0);
  await shot(page, 'oidc-3-signed-in');

  // Signing out of Opora also signs out at the provider, which brings the browser back to the login page.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Выйти' }).click();
  await expect(page.getByLabel('Пароль')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  // The session is over: the API does not know the browser any more.
  expect((await page.request.get('/api/me')).status()).toBe(401);

  await signInAtProvider(page, 'stranger');
  await expect(page.getByTestId('login-error')).toContainText('Вашей учётной записи нет в Опоре');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  await shot(page, 'oidc-4-refused');

  // The administrator sees the link on the user's card and removes it.
  const admin = await signIn(browser, 'admin');
  await admin.goto('/admin/users');
  await admin.getByTestId('user-row-region').getByRole('button', { name: 'Изменить' }).click();
  const identities = admin.getByTestId('user-identities');
  await expect(identities).toContainText('OpenID Connect: region');
  await expect(identities).toContainText('region');
  if (SHOTS) await admin.getByRole('dialog').screenshot({ path: `${SHOTS}/oidc-5-admin-card.png` });
  await identities.getByRole('button', { name: 'Отвязать' }).click();
  await expect(identities).toContainText('Не связан ни с одной внешней учётной записью.');
});

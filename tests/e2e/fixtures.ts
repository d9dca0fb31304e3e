import { type Browser, expect, type Page } from '@playwright/test';

/** Opens a fresh browser context and signs in through the login form, as a user would. */
export async function signIn(browser: Browser, login: string, password = 'demo'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return page;
}

/** Reads the API with the page's own session, for finding the objects a story is about. */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

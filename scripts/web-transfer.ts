/**
 * What a browser downloads for the UI: bytes of JS and CSS over the wire (after Content-Encoding) for the
 * login page, then for the start page after signing in, then for a reload of it (cache at work).
 * Usage: npx tsx scripts/web-transfer.ts http://127.0.0.1:3000 [login] [password] — against a running
 * server with the demo data; uses the system Chromium, like the browser tests.
 */
import { chromium, type Page } from '@playwright/test';

type Tally = { js: number; css: number; files: number; requests: number };

function watch(page: Page) {
  let t: Tally = { js: 0, css: 0, files: 0, requests: 0 };
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (req) => {
    const type = req.resourceType();
    t.requests += 1;
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      req.sizes().then((s) => {
        // -1 or 0: taken from the browser's cache without asking the server, costs nothing.
        if (s.responseBodySize <= 0) return;
        t.files += 1;
        t[type === 'script' ? 'js' : 'css'] += s.responseBodySize;
      }),
    );
  });
  return async (): Promise<Tally> => {
    await Promise.all(pending.splice(0));
    const r = t;
    t = { js: 0, css: 0, files: 0, requests: 0 };
    return r;
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const line = (name: string, t: Tally) =>
  `${name.padEnd(34)} JS ${kb(t.js).padStart(10)}  CSS ${kb(t.css).padStart(9)}  всего ${kb(t.js + t.css).padStart(10)}  файлов ${t.files}/${t.requests}`;

const [base = 'http://127.0.0.1:3000', login = 'region', password = 'demo'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await (await browser.newContext()).newPage();
  const take = watch(page);
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.getByLabel('Логин').waitFor();
  console.log(line('вход', await take()));
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
  await page.waitForLoadState('networkidle');
  console.log(line('рабочий стол после входа (+)', await take()));
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Рабочий стол' }).waitFor();
  console.log(line('повторный заход (кэш)', await take()));
} finally {
  await browser.close();
}

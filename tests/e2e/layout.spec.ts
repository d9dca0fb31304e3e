import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Layout as an official sees it: at 1280 px no table of a main page needs horizontal scrolling (nothing
// cut off at the right edge), at 390 px the header's parts do not overlap each other or the page, the
// login page reads the session without an error in the console, and a roadmap has one counts line.

type Box = { name: string; x: number; y: number; w: number; h: number };

/** Tables that do not fit their scroll container (or stick out of the window), with their sizes. */
async function overflowingTables(page: Page) {
  return page.evaluate(() => {
    const scroller = (el: Element): Element => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return p;
      }
      return document.documentElement;
    };
    return [...document.querySelectorAll('table')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => {
        const c = scroller(t);
        return {
          table: t.getAttribute('data-testid') ?? t.className,
          scrollWidth: c.scrollWidth,
          clientWidth: c.clientWidth,
          right: Math.round(t.getBoundingClientRect().right),
        };
      })
      .filter((x) => x.scrollWidth > x.clientWidth + 1 || x.right > window.innerWidth + 1);
  });
}

async function pagesOf(page: Page, login: string): Promise<string[]> {
  const roadmaps = await apiGet<{ id: string; status: string; progress: { total: number } }[]>(
    page,
    '/api/roadmaps',
  );
  const card = roadmaps.find((r) => r.status === 'approved' && r.progress.total > 0) ?? roadmaps[0];
  const paths = ['/', '/roadmaps', '/work/mine', '/work/tasks', '/work/awaiting', '/roadmaps/import'];
  if (card) paths.push(`/roadmaps/${card.id}`);
  if (login === 'region' || login === 'municipality') paths.push('/identification?tab=lists');
  if (login === 'region') {
    const lists = await apiGet<{ id: string }[]>(page, '/api/identification/lists');
    if (lists[0]) paths.push(`/identification/lists/${lists[0].id}`);
  }
  if (login === 'admin') paths.push('/admin/orgs', '/admin/users');
  return paths;
}

test('at 1280 px no table of a main page overflows its container', async ({ browser }) => {
  for (const login of ['region', 'municipality', 'school', 'admin']) {
    const page = await signIn(browser, login);
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const path of await pagesOf(page, login)) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.getByTestId('user-menu')).toBeVisible();
      expect(await overflowingTables(page), `${login} ${path}`).toEqual([]);
      // The page itself does not scroll sideways either.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(wide, `${login} ${path}`).toBeLessThanOrEqual(1);
    }
    await page.context().close();
  }
});

test('at 390 px the header parts do not overlap and stay inside the header', async ({ browser }) => {
  for (const login of ['region', 'municipality', 'curator']) {
    const page = await signIn(browser, login);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', '/roadmaps']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      const header = page.locator('header');
      const parts: [string, ReturnType<Page['locator']>][] = [
        ['menu button', header.getByRole('button').first()],
        ['logo', header.getByRole('link', { name: 'Опора' })],
        ['demo badge', header.getByTitle('Демонстрационный режим')],
        // The notifications' bell (issue 15 §3) with its unread count.
        ['bell', header.getByTestId('notification-bell')],
        ['user', header.getByTestId('user-menu')],
      ];
      const boxes: Box[] = [];
      for (const [name, loc] of parts) {
        const b = await loc.boundingBox();
        if (b) boxes.push({ name, x: b.x, y: b.y, w: b.width, h: b.height });
      }
      expect(boxes.map((b) => b.name)).toEqual(['menu button', 'logo', 'demo badge', 'bell', 'user']);
      const head = await header.boundingBox();
      for (const [i, a] of boxes.entries()) {
        expect(a.x + a.w, `${a.name} inside the window`).toBeLessThanOrEqual(390);
        expect(a.y + a.h, `${a.name} inside the header`).toBeLessThanOrEqual(
          (head?.y ?? 0) + (head?.height ?? 0),
        );
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.x + a.w <= b.x + 1 || b.x + b.w <= a.x + 1 || a.y + a.h <= b.y + 1 || b.y + b.h <= a.y + 1;
          expect(apart, `${login} ${path}: ${a.name} overlaps ${b.name}`).toBe(true);
        }
      }
      // The page title starts below the header.
      const title = await page.getByRole('heading', { level: 2 }).first().boundingBox();
      expect(title?.y ?? 0).toBeGreaterThanOrEqual((head?.y ?? 0) + (head?.height ?? 0));
    }
    await page.context().close();
  }
});

test('the login page checks the session without an error in the console', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByLabel('Логин')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  await context.close();
});

test('a roadmap says its counts once, and its details line does not start with «·»', async ({ browser }) => {
  const page = await signIn(browser, 'region');
  const roadmaps = await apiGet<{ id: string; status: string; progress: { overdue: number } }[]>(
    page,
    '/api/roadmaps',
  );
  const late = roadmaps.find((r) => r.progress.overdue > 0);
  if (!late) throw new Error('the demo has no roadmap with overdue items');
  await page.goto(`/roadmaps/${late.id}`);
  const header = page.locator('.mantine-Paper-root').first();
  await expect(page.getByTestId('roadmap-counts')).toContainText('просрочено');
  // «не выполнено» is another status; «выполнено» and «просрочено» each open one text of the header.
  await expect(header.getByText(/^просрочено/)).toHaveCount(1);
  await expect(header.getByText(/^(\d+ из \d+ )?выполнено/)).toHaveCount(1);
  const details = (await page.getByTestId('roadmap-details').innerText()).trim();
  expect(details.startsWith('·')).toBe(false);
  await page.context().close();
});

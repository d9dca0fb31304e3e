import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

// Issue 17 §8 on a running instance: the IT department's checks. The load balancer asks /api/ready,
// Prometheus scrapes /api/metrics with the token (refused without it), and what a user did in the
// browser is counted by route template — never by an address with ids.

const TOKEN = 'e2e-metrics-token-0123456789';

test('the operator sees the instance ready and its metrics; a user’s pages are counted by template', async ({
  browser,
  request,
}) => {
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: { database: 'ok', migrations: 'ok', jobs: 'ok', demo: 'ok' },
    reasons: [],
  });
  expect(ready.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status()).toBe(
    401,
  );

  // A user opens a roadmap card: its address carries the roadmap's id.
  const page = await signIn(browser, 'region');
  const roadmaps = (await (await page.request.get('/api/roadmaps')).json()) as { id: string }[];
  const id = roadmaps[0]?.id ?? '';
  const card = page.waitForResponse((r) => r.url().endsWith(`/api/roadmaps/${id}`));
  await page.goto(`/roadmaps/${id}`);
  expect((await card).status()).toBe(200);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/operations-card.png` });

  const metrics = await request.get('/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(metrics.status()).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(
    /opora_http_requests_total\{method="GET",route="\/api\/roadmaps\/\{id\}",status="200"\} [1-9]/,
  );
  expect(text).toMatch(
    /opora_http_requests_total\{method="POST",route="\/api\/auth\/login",status="200"\} [1-9]/,
  );
  expect(text).toMatch(/opora_db_pool_connections\{state="total"\}/);
  expect(text).not.toContain(id);
});

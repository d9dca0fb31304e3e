import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

type Found = { id: string; version: number; status: string; measure: string; roadmap: { unitName: string } };

// Notifications (issue 15 §3): the school marks a measure of its roadmap done; its curator sees the unread
// count grow in the header, opens the bell, clicks the notice and lands on that very measure; the count
// goes down by one. The notice is written in the transaction of the school's change (history events).

test('a school marks a measure done; the curator is told in the header and lands on the measure', async ({
  browser,
}) => {
  const curator = await signIn(browser, 'curator');
  const unread = async () =>
    (await apiGet<{ unread: number }>(curator, '/api/notifications/unread-count')).unread;
  const before = await unread();

  const school = await signIn(browser, 'school');
  const mine = await apiGet<Found[]>(school, '/api/items?view=mine');
  const open = mine.filter(
    (i) => /Нагорное/.test(i.roadmap.unitName) && (i.status === 'planned' || i.status === 'in_progress'),
  );
  // The first open measure the school may mark done without a file (some need evidence first; those with
  // a numeric target take the actual value, here above any demo target).
  let done: Found | undefined;
  const refusals: string[] = [];
  for (const item of open) {
    const res = await school.request.post(`/api/items/${item.id}/status`, {
      data: {
        status: 'done',
        comment: 'Проведено, протокол в школе',
        actualValue: 100,
        version: item.version,
      },
    });
    if (res.status() === 200) {
      done = item;
      break;
    }
    refusals.push(`${res.status()} ${await res.text()}`);
  }
  expect(
    done,
    `an open measure of the school that can be marked done (${open.length}: ${refusals.join('; ')})`,
  ).toBeDefined();
  await school.context().close();

  await expect.poll(unread).toBe(before + 1);
  await curator.goto('/');
  const bell = curator.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', new RegExp(`${before + 1}`));
  await expect(curator.getByTestId('notification-count')).toHaveText(String(before + 1));
  await bell.click();
  const notice = curator.getByRole('button', { name: /Мероприятие ждёт подтверждения/ }).first();
  await expect(notice).toContainText(done?.measure.slice(0, 40) ?? '—');
  await notice.click();
  await expect(curator).toHaveURL(new RegExp(`item=${done?.id}`));
  await expect.poll(unread).toBe(before);
  await curator.context().close();
});

import { expect, type Page, test } from '@playwright/test';
import { apiGet, PDF, signIn } from './fixtures.js';

// Issue 14 §1 as users live it: the `school` team builds an ИОМ from the deficits of a teacher who needs
// one and approves it; the `teacher` account marks an activity of his own route done with a certificate;
// the school confirms it; the teacher sees nothing of his colleagues' routes. The story makes its own
// route (a teacher of the school left without one by the demo) and acts on one planned activity of the
// teacher's demo route.

const shots = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

type List = {
  routes: { id: string; teacherName: string; staffMemberId: string }[];
  needing: { staffMemberId: string; teacherName: string }[];
};
type Detail = { id: string; teacherName: string; activities: { title: string; status: string }[] };

test('the school builds and approves an ИОМ, the teacher marks an activity done with a file, the school confirms', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  await school.goto('/individual-routes');
  await expect(school.getByTestId('routes')).toBeVisible();
  const before = await apiGet<List>(school, '/api/individual-routes');
  const first = before.needing[0];
  if (!first) throw new Error('the demo school has no teacher who needs a route');
  const row = school.getByTestId('needing-row').filter({ hasText: first.teacherName });
  await row.getByTestId('route-build').click();
  await expect(school.getByTestId('route-teacher')).toContainText(first.teacherName);
  await expect(school.getByTestId('route-goal').first()).toContainText('Устранение дефицитов');
  await expect(school.getByTestId('route-status')).toHaveText('черновик');
  await shot(school, 'route-draft');
  await school.getByTestId('route-approve').click();
  await expect(school.getByTestId('route-status')).toHaveText('утверждён');
  await expect(school.getByTestId('route-history')).toContainText('черновик → утверждён');

  // The teacher: his own route, one planned activity marked done with a certificate.
  const teacher = await signIn(browser, 'teacher');
  await teacher.goto('/my-route');
  const mine = teacher.getByTestId('my-route');
  await expect(mine.getByTestId('route-activities')).toBeVisible();
  const planned = mine
    .getByTestId('route-activity')
    .filter({ has: teacher.getByTestId('activity-done') })
    .first();
  const title = (await planned.getByTestId('activity-title').innerText()).trim();
  await planned.getByTestId('activity-done').click();
  const dialog = teacher.getByRole('dialog');
  await dialog.getByTestId('done-note').fill('Курсы пройдены, удостоверение прилагаю');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'удостоверение.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(dialog).toContainText('удостоверение.pdf');
  await dialog.getByTestId('done-save').click();
  await expect(dialog).toBeHidden();
  const doneRow = mine.getByTestId('route-activity').filter({ hasText: title });
  await expect(doneRow.getByTestId('activity-status')).toHaveText('выполнено');
  await expect(doneRow.getByTestId('activity-file')).toHaveText('удостоверение.pdf');
  await shot(teacher, 'my-route-done');

  // The school confirms it on the teacher's route page.
  const list = await apiGet<List>(school, '/api/individual-routes');
  const own = await apiGet<Detail[]>(teacher, '/api/me/individual-routes');
  const ownRoute = list.routes.find((r) => r.id === own[0]?.id);
  if (!ownRoute) throw new Error('the school does not see the teacher’s route');
  await school.goto('/individual-routes');
  await school.getByRole('link', { name: ownRoute.teacherName }).click();
  const toConfirm = school.getByTestId('route-activity').filter({ hasText: title });
  await toConfirm.getByTestId('activity-confirm').click();
  await expect(toConfirm.getByTestId('activity-status')).toHaveText('подтверждено');
  await teacher.reload();
  await expect(
    teacher
      .getByTestId('my-route')
      .getByTestId('route-activity')
      .filter({ hasText: title })
      .getByTestId('activity-status'),
  ).toHaveText('подтверждено');

  // Nothing of the colleagues: the list holds his own route only, a colleague's route is «not found».
  const seen = await apiGet<List>(teacher, '/api/individual-routes');
  expect(seen.routes.map((r) => r.id)).toEqual([ownRoute.id]);
  expect(seen.needing).toEqual([]);
  const colleague = list.routes.find((r) => r.id !== ownRoute.id);
  if (!colleague) throw new Error('no colleague route');
  expect((await teacher.request.get(`/api/individual-routes/${colleague.id}`)).status()).toBe(404);
  await teacher.goto(`/individual-routes/${colleague.id}`);
  await expect(teacher.getByText('ИОМ не найден или недоступен')).toBeVisible();
  await expect(teacher.getByText(colleague.teacherName)).toHaveCount(0);
});

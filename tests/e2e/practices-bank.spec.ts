import { expect, test } from '@playwright/test';
import { apiGet, PDF, signIn } from './fixtures.js';

// The user story of issue 15 §2 (helper «practices»): a school that improved (a school of the cluster of
// the demo's ШНОР school `school`) submits a practice with figures and a material; its municipality reviews
// it with criteria and publishes it to the bank; `school` (ШНОР) finds it through «Похожие школы», with the
// reason it is suggested.

type Similar = {
  suggestions: { schoolId: string; schoolName: string; practices: { municipalityId: string | null }[] }[];
};
type Me = { assignments: { role: string; orgUnitId: string }[] };

test('a practice from an improved school to a ШНОР of its cluster through «Похожие школы»', async ({
  browser,
}) => {
  const title = `Сдвоенные уроки математики (e2e ${Date.now().toString(36)})`;
  const school = await signIn(browser, 'school');
  await school.setViewportSize({ width: 1400, height: 900 });
  const schoolId = (await apiGet<Me>(school, '/api/me')).assignments[0]?.orgUnitId ?? '';
  const similar = await apiGet<Similar>(school, `/api/practices/similar/${schoolId}`);
  const municipality = await signIn(browser, 'municipality');
  const munId = (await apiGet<Me>(municipality, '/api/me')).assignments[0]?.orgUnitId ?? '';
  // An improved school of the cluster, of the `municipality` account's district when there is one.
  const peer =
    similar.suggestions.find((s) => s.practices.some((p) => p.municipalityId === munId)) ??
    similar.suggestions[0];
  if (!peer) throw new Error('the demo has no improved school of the cluster of `school`');
  const reviewer = peer.practices.some((p) => p.municipalityId === munId)
    ? municipality
    : await signIn(browser, 'region');

  // The administrator gives the improved school's director an account.
  const admin = await signIn(browser, 'admin');
  const login = `practice.${Date.now()}`;
  const created = await admin.request.post('/api/users', {
    data: { login, fullName: 'Директор школы, улучшившей результаты', password: 'practice-1' },
  });
  expect(created.status()).toBe(200);
  const user = (await created.json()) as { id: string };
  expect(
    (
      await admin.request.post(`/api/users/${user.id}/assignments`, {
        data: { role: 'school_team', orgUnitId: peer.schoolId },
      })
    ).status(),
  ).toBe(200);

  // The director writes the practice, attaches a material and submits it.
  const director = await signIn(browser, login, 'practice-1');
  await director.setViewportSize({ width: 1400, height: 900 });
  await director.goto('/practices');
  await director.getByTestId('practice-create').click();
  await expect(director.getByTestId('privacy-warning')).toContainText('персональные данные обучающихся');
  await director.getByTestId('practice-title').fill(title);
  await director.getByTestId('practice-problem').fill('Много отметок «2» по ВПР по математике в 5 классах');
  await director.getByTestId('practice-actions').fill('Сдвоенные уроки с разбором ошибок и работа в парах');
  await director.getByTestId('practice-results').fill('Доля «2» снизилась');
  const figure = director.getByTestId('practice-figure').first();
  await figure.getByLabel('Показатель', { exact: true }).fill('доля «2» по ВПР, математика 5 кл.');
  await figure.getByLabel('Было', { exact: true }).fill('28');
  await figure.getByLabel('Стало', { exact: true }).fill('11');
  await director.getByTestId('practice-save').click();
  await expect(director.getByTestId('practice-status')).toHaveText('Черновик');
  const chooser = director.waitForEvent('filechooser');
  await director.getByRole('button', { name: 'Приложить файл' }).click();
  await (await chooser).setFiles({ name: 'Программа уроков.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(director.getByRole('link', { name: 'Программа уроков.pdf' })).toBeVisible();
  await director.getByTestId('practice-submit').click();
  await expect(director.getByTestId('practice-status')).toHaveText('На рассмотрении');
  const practiceUrl = director.url();

  // The municipality reviews it with the criteria and publishes it.
  await reviewer.setViewportSize({ width: 1400, height: 900 });
  await reviewer.goto(practiceUrl);
  for (const key of ['relevance', 'effectiveness', 'reproducibility', 'materials'])
    await reviewer.getByTestId(`criterion-${key}`).fill('5');
  await reviewer.getByTestId('review-send').click();
  await expect(reviewer.getByTestId('practice-status')).toHaveText('Одобрена');
  await expect(reviewer.getByTestId('practice-review')).toContainText('20 из 20');
  await reviewer.getByTestId('practice-publish').click();
  await expect(reviewer.getByTestId('practice-status')).toHaveText('Опубликована в банке');

  // The ШНОР school finds it through «Похожие школы», with the reason.
  await school.goto('/practices');
  await school.getByTestId('similar-open').click();
  const group = school.getByTestId('similar-school').filter({ hasText: title });
  await expect(group).toBeVisible();
  await expect(group.getByTestId('similar-why')).toContainText('Та же группа по социальному контексту');
  await group.getByRole('link', { name: title }).click();
  await expect(school.getByTestId('practice-figures')).toContainText('28 %');
  await expect(school.getByTestId('practice-figures')).toContainText('11 %');
});

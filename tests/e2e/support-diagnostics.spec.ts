import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Issue 14 §1 as users live it: the school imports results of the demo diagnostic for its teachers —
// one row with a surname one letter off is doubtful, the school chooses the teacher at the review step —
// and sees the levels; the centre then creates a repeat diagnostic, the school imports it and sees the
// change per block on the teacher's results. The demo's results stay valid for the other stories: the
// school re-imports the very scores the demo holds, for teachers without a route (not the `teacher`).

type Diagnostic = {
  id: string;
  name: string;
  previousId: string | null;
  blocks: { key: string; name: string; maxScore: number }[];
};
type Summary = {
  teachers: { staffId: string; fullName: string; scores: Record<string, number>; level: string }[];
};

const NO_ROUTE = ['basic', 'lowered'];

async function upload(page: Page, name: string, csv: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('diag-upload').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

test('a school imports results with a doubtful row and reviews it; a repeat diagnostic shows the change per block', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  const [demo] = (await apiGet<Diagnostic[]>(school, '/api/diagnostics')).filter((d) => !d.previousId);
  if (!demo) throw new Error('no demo diagnostic');
  const summary = await apiGet<Summary>(school, `/api/diagnostics/${demo.id}/summary`);
  const chosen = summary.teachers.filter((t) => NO_ROUTE.includes(t.level)).slice(0, 2);
  expect(chosen).toHaveLength(2);
  const [first, second] = chosen as [Summary['teachers'][number], Summary['teachers'][number]];
  const scoresOf = (t: { scores: Record<string, number> }) =>
    demo.blocks.map((b) => t.scores[b.key] ?? 0).join(';');
  const header = `ФИО;${demo.blocks.map((b) => b.name).join(';')}`;
  // The second teacher's surname with one letter added: a doubtful match.
  const [surname, ...rest] = second.fullName.split(' ');
  const typo = [`${surname}а`, ...rest].join(' ');

  await school.goto('/diagnostics');
  await school.getByRole('link', { name: demo.name }).click();
  await expect(school.getByTestId('distribution')).toBeVisible();
  await upload(
    school,
    'результаты ОО.csv',
    `${header}\n${first.fullName};${scoresOf(first)}\n${typo};${scoresOf(second)}\n`,
  );

  // The review step: one doubtful row, its candidate chosen.
  await expect(school.getByTestId('review-doubtful')).toHaveCount(1);
  await expect(school.getByTestId('review-doubtful')).toContainText('одна буква');
  await expect(school.getByTestId('review-apply')).toBeDisabled();
  await school.getByRole('combobox', { name: 'Педагог строки 3' }).click();
  await school.getByRole('option', { name: second.fullName }).click();
  await school.getByTestId('review-apply').click();
  await expect(school.getByText('Сохранены результаты: 2 педагога')).toBeVisible();
  const row = school.getByTestId('diag-teacher-row').filter({ hasText: second.fullName });
  await expect(row).toContainText('выбран при проверке');

  // The centre repeats the diagnostic with the same blocks.
  const center = await signIn(browser, 'center');
  await center.goto(`/diagnostics/${demo.id}`);
  await center.getByTestId('diag-repeat').click();
  await center.getByTestId('diag-name').fill('Повторная диагностика дефицитов (e2e)');
  await center.getByTestId('diag-create-submit').click();
  await expect(center.locator('h2', { hasText: 'Повторная диагностика дефицитов (e2e)' })).toBeVisible();
  await expect(center.getByTestId('diag-history')).toContainText('Диагностика создана');

  // The school imports the repeat for the first teacher: every block at its maximum.
  await school.goto('/diagnostics');
  await school.getByRole('link', { name: 'Повторная диагностика дефицитов (e2e)' }).click();
  const full = demo.blocks.map((b) => b.maxScore).join(';');
  await upload(school, 'повторная.csv', `${header}\n${first.fullName};${full}\n`);
  await expect(school.getByText('Сохранены результаты: 1 педагог')).toBeVisible();
  await school
    .getByTestId('diag-teacher-row')
    .filter({ hasText: first.fullName })
    .getByRole('button')
    .click();
  const latest = school.getByTestId('teacher-result').first();
  await expect(latest).toContainText('Повторная диагностика дефицитов (e2e)');
  await expect(latest).toContainText(`Сравнение с диагностикой «${demo.name}»`);
  await expect(latest.getByTestId('result-block')).toHaveCount(demo.blocks.length);
  const firstBlock = demo.blocks[0];
  if (!firstBlock) throw new Error('no blocks');
  const gain =
    Math.round((100 - (100 * (first.scores[firstBlock.key] ?? 0)) / firstBlock.maxScore) * 10) / 10;
  await expect(latest.getByTestId('block-change').first()).toHaveText(
    `${gain > 0 ? '+' : ''}${String(gain).replace('.', ',')} п.п.`,
  );
});

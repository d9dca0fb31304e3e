import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Pupils at risk (issue 14 §2): the school keeps its registry through two checkpoints and sees the
// dynamics; the municipality reads counts with small cells hidden and never a name; the teacher sees
// only his own pupils. The story adds one pupil of its own and changes nothing else of the demo.

const NAME = 'Проверкин Е. Е. (демо, история)';

test('a school keeps a pupil through two checkpoints; the municipality sees counts only; the teacher his pupils', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  await school.goto('/pupils');
  await expect(school.getByTestId('pupil-registry')).toBeVisible();
  await school.getByTestId('pupil-add').click();
  await school.getByTestId('pupil-name').fill(NAME);
  await school.getByTestId('pupil-class').fill('6В');
  await school.getByTestId('pupil-birth').fill('2014-03-09');
  await school.getByTestId('pupil-subjects').fill('Математика');
  await school.getByTestId('pupil-subjects').press('Enter');
  await school.getByTestId('pupil-save').click();
  await school.getByRole('link', { name: NAME }).click();
  await expect(school.getByTestId('pupil-card-name')).toHaveText(NAME);

  // A support measure.
  await school.getByTestId('measure-topic').fill('Дополнительные занятия по математике, вторник и четверг');
  await school.getByTestId('measure-add').click();
  await expect(school.getByTestId('pupil-measures')).toContainText('вторник и четверг');

  // Two checkpoints: слабоуспевающий in October, успевает at the end of the first term.
  await school.getByTestId('record-oct').click();
  await school.getByTestId('result-save').click();
  await expect(school.getByTestId('checkpoint-oct')).toContainText('Слабоуспевающий');
  await school.getByTestId('record-q1').click();
  await school.getByTestId('result-status').click();
  await school.getByRole('option', { name: 'Успевает' }).click();
  await school.getByTestId('result-save').click();
  await expect(school.getByTestId('checkpoint-q1')).toContainText('Успевает');
  // The team sees who read the card.
  await expect(school.getByTestId('pupil-card-reads')).toContainText('·');

  // The summary counts the new pupil among the improved of class 6В.
  await school.goto('/pupils');
  await school.getByTestId('pupil-tab-summary').click();
  const summary = school.getByTestId('pupil-summary');
  await expect(summary).toBeVisible();
  const row = summary.getByRole('row', { name: /^6В/ });
  await expect(row).toBeVisible();
  const cells = await row.getByRole('cell').allTextContents();
  expect(Number(cells[2])).toBeGreaterThanOrEqual(1);

  // The municipality: counts with «менее 5», no name.
  const municipality = await signIn(browser, 'municipality');
  await municipality.goto('/pupils');
  await expect(municipality.getByTestId('pupil-aggregate-table').first()).toBeVisible();
  await expect(municipality.getByText('менее 5').first()).toBeVisible();
  await expect(municipality.locator('body')).not.toContainText(NAME);

  // The teacher: only his pupils — fewer than the school's, and not the new one.
  const teacher = await signIn(browser, 'teacher');
  const schoolId = (
    await apiGet<{ assignments: { orgUnitId: string; role: string }[] }>(teacher, '/api/me')
  ).assignments.find((a) => a.role === 'teacher')?.orgUnitId;
  const theirs = await apiGet<{ pupils: unknown[] }>(teacher, `/api/schools/${schoolId}/pupils`);
  const all = await apiGet<{ pupils: unknown[] }>(school, `/api/schools/${schoolId}/pupils`);
  expect(theirs.pupils.length).toBeGreaterThan(0);
  expect(theirs.pupils.length).toBeLessThan(all.pupils.length);
  await teacher.goto('/pupils');
  await expect(teacher.getByTestId('pupil-row')).toHaveCount(theirs.pupils.length);
  await expect(teacher.locator('body')).not.toContainText(NAME);
  await expect(teacher.getByTestId('pupil-add')).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import { PDF, signIn } from './fixtures.js';

// The user story of issue 14 §1 (helper «courses»): the region's centre adds a course to the catalogue;
// the school enrols one of its teachers, records that he completed it and uploads his certificate; the
// region sees the course demand by topic and municipality and opens the schools behind a row.

test('a course from the catalogue to a teacher’s certificate, and the region’s course demand', async ({
  browser,
}) => {
  const name = `Цифровая образовательная среда на уроке (e2e ${Date.now().toString(36)})`;

  // The centre adds the course.
  const center = await signIn(browser, 'center');
  await center.goto('/courses');
  await center.getByTestId('course-create').click();
  await center.getByTestId('course-name').fill(name);
  await center.getByTestId('course-provider').fill('ЦНППМ Института развития образования (демо)');
  await center.getByTestId('course-hours').fill('24');
  await center.getByTestId('course-topic').click();
  await center.getByRole('option', { name: 'Цифровые компетенции' }).click();
  await center.getByTestId('course-save').click();
  await expect(center.getByTestId('course-title')).toHaveText(name);
  await expect(center.getByTestId('course-history')).toContainText('Курс добавлен в каталог');

  // The school finds it in the catalogue and enrols a teacher.
  const school = await signIn(browser, 'school');
  await school.goto('/courses');
  await school.getByTestId('course-row').filter({ hasText: name }).getByRole('link').click();
  await expect(school.getByTestId('course-title')).toHaveText(name);
  await school.getByTestId('enrol-open').click();
  const first = school.getByTestId('enrollable').getByRole('checkbox').first();
  const teacher = (await first.getAttribute('aria-label')) ?? '';
  await first.check();
  await school.getByTestId('enrol-save').click();
  const row = school.getByTestId('enrolment-row').filter({ hasText: teacher });
  await expect(row.getByTestId('enrolment-status')).toHaveText('Записан');

  // Completion with the date, then the certificate.
  await row.getByTestId('result-open').click();
  await school.getByTestId('result-date').fill('2026-11-20');
  await school.getByTestId('result-save').click();
  await expect(row.getByTestId('enrolment-status')).toHaveText('Прошёл');
  const chooser = school.waitForEvent('filechooser');
  await row.getByTestId('certificate-upload').click();
  await (await chooser).setFiles({ name: 'Удостоверение ПК.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(row.getByTestId('certificate-link')).toHaveText('Удостоверение ПК.pdf');
  await expect(school.getByTestId('course-history')).toContainText(
    'Загружено удостоверение: Удостоверение ПК.pdf',
  );

  // The region: the demand by topic and municipality, a row's schools.
  const region = await signIn(browser, 'region');
  await region.goto('/courses/demand');
  await expect(region.getByTestId('demand-chart')).toBeVisible();
  const table = region.getByTestId('demand-table');
  await expect(table.getByTestId('demand-row').first()).toBeVisible();
  await region.getByTestId('demand-municipality').click();
  const option = region.getByRole('option').first();
  const municipality = (await option.textContent()) ?? '';
  await option.click();
  const rows = table.getByTestId('demand-row');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(municipality);
  await rows.first().click();
  await expect(region.getByTestId('demand-schools')).toContainText(municipality);
});

import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Issue 14 §1 as users live it: the school's team loads its staff file (one new teacher, one changed
// position), edits the new teacher's record, and assigns him a mentor — a colleague — by the school's
// order. The `teacher` account then sees, on «Мой маршрут», his own record and his mentoring, and the
// registry shows him nobody but himself. The story adds its own teacher; demo teachers keep their data
// except one position, changed by the file.

const stamp = Date.now().toString(36).slice(-5);
const LAST = `Проверкина${stamp}`;
const NEW_NAME = `${LAST} Дарья Сергеевна`;

type Member = {
  id: string;
  fullName: string;
  code: string | null;
  position: string;
  accountLogin: string | null;
};
type List = { schoolId: string; members: Member[] };

async function pick(page: Page, testId: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('the school imports, edits and assigns a mentor by order; the teacher sees only his own', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  const me = await apiGet<{ assignments: { role: string; orgUnitId: string }[] }>(school, '/api/me');
  const schoolId = me.assignments.find((a) => a.role === 'school_team')?.orgUnitId ?? '';
  const before = await apiGet<List>(school, `/api/staff?schoolId=${schoolId}`);
  const changed = before.members.find((m) => m.code && !m.accountLogin && m.position !== 'Педагог-психолог');
  if (!changed) throw new Error('no teacher to update');

  await school.goto('/staff');
  await expect(school.getByTestId('staff-table')).toBeVisible();
  await school.getByTestId('staff-import').click();
  const csv = [
    'Табельный номер;ФИО;Должность;Предмет(ы);Классы;Стаж;Молодой педагог;Вновь принятый',
    `${changed.code};${changed.fullName};Заместитель директора по УВР;Математика;5–9;20;нет;нет`,
    `;${NEW_NAME};Учитель химии;Химия;8-11;1;да;да`,
  ].join('\n');
  await school
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name: 'педагоги.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const report = school.getByTestId('staff-import-report');
  await expect(report).toContainText('Ошибок нет');
  await expect(report).toContainText('обновится (по коду)');
  await expect(report).toContainText('добавится');
  await school.getByTestId('staff-import-apply').click();
  await expect(school.getByTestId('staff-table')).toContainText(NEW_NAME);
  await expect(school.getByTestId('staff-table')).toContainText('Заместитель директора по УВР');

  // The new teacher's card: edit his position; the history shows the change.
  await school.getByRole('link', { name: NEW_NAME }).click();
  await expect(school.getByTestId('staff-card-name')).toHaveText(NEW_NAME);
  await school.getByTestId('staff-edit').click();
  await school.getByTestId('staff-position').fill('Учитель химии и биологии');
  await school.getByTestId('staff-submit').click();
  await expect(school.getByTestId('staff-record')).toContainText('Учитель химии и биологии');
  await expect(school.getByTestId('staff-history')).toContainText(
    'должность: Учитель химии → Учитель химии и биологии',
  );

  // A mentor for him: a colleague, by the school's order.
  await school.goto('/staff/mentoring');
  await school.getByTestId('mentorship-add').click();
  await pick(school, 'mentee-select', new RegExp(LAST));
  await pick(school, 'mentor-select', new RegExp(changed.fullName));
  await school.getByTestId('order-number').fill(`77-${stamp}`);
  await school.getByTestId('mentorship-submit').click();
  const pairs = school.getByTestId('mentorships');
  await expect(pairs).toContainText(NEW_NAME);
  await expect(pairs.getByRole('row', { name: new RegExp(LAST) })).toContainText(`№ 77-${stamp}`);
  await pairs.getByRole('row', { name: new RegExp(LAST) }).click();
  await school.getByTestId('meeting-topic').fill('Знакомство и план работы');
  await school.getByTestId('meeting-add').click();
  await expect(school.getByTestId('mentorship-meetings')).toContainText('Знакомство и план работы');

  // The teacher: his own record and mentoring, and no colleague in the registry.
  const teacher = await signIn(browser, 'teacher');
  await teacher.goto('/my-route');
  const record = teacher.getByTestId('my-staff-record');
  await expect(record).toBeVisible();
  await expect(record).toContainText('Учитель математики');
  await expect(teacher.getByTestId('my-mentoring')).toContainText('наставник');
  await teacher.goto('/staff');
  const rows = teacher.getByTestId('staff-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(teacher.getByTestId('staff-table')).not.toContainText(NEW_NAME);
  await expect(teacher.getByTestId('staff-import')).toHaveCount(0);
});

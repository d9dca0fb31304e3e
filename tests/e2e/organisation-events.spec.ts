import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { apiGet, signIn } from './fixtures.js';

// Issue 12 §3 in the browser, as the region's centre and a school: the centre creates a webinar for the
// region's ШНОР and announces it (the invitations come from the list in force); the school registers its
// participant; the centre imports the participant list — a dry run finds a bad row, the fixed file is
// imported all or nothing — and sees the share of invited schools that took part against the target.

const shots = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

type Detail = {
  id: string;
  invitations: { unitId: string; name: string; municipality: string | null }[];
};

async function participantsXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Участники');
  ws.addRow(['Список участников вебинара']);
  ws.addRow(['ФИО', 'Должность', 'Наименование ОО', 'Муниципалитет']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the centre runs a webinar for the ШНОР, a school registers, the list is imported, the share is seen', async ({
  browser,
}) => {
  const title = `Вебинар проверки ${Date.now().toString(36)}`;
  const starts = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

  // The centre (ИРО) creates the draft and announces it.
  const center = await signIn(browser, 'center');
  await center.setViewportSize({ width: 1366, height: 900 });
  await center.goto('/events');
  await expect(center.getByTestId('events-calendar')).toBeVisible();
  await shot(center, 'events-calendar');
  await center.getByTestId('event-create').click();
  await center.getByTestId('event-title').fill(title);
  await center.getByTestId('event-starts').fill(starts);
  await center.getByTestId('event-save').click();
  await expect(center.getByTestId('event-status')).toHaveText('Черновик');
  // The draft is edited before it is announced: the title is finished.
  await center.getByTestId('event-edit').click();
  await center.getByRole('dialog').getByTestId('event-title').fill(`${title} для ШНОР`);
  await center.getByRole('dialog').getByTestId('event-save').click();
  await expect(center.getByRole('heading', { name: `${title} для ШНОР` })).toBeVisible();
  await center.getByTestId('event-announce').click();
  await expect(center.getByTestId('event-status')).toHaveText('Объявлено');
  const eventId = center.url().split('/').pop() ?? '';
  const detail = await apiGet<Detail>(center, `/api/events/${eventId}`);
  expect(detail.invitations.length).toBeGreaterThan(2);
  await shot(center, 'event-announced');

  // The school finds it among its own events and registers a participant.
  const school = await signIn(browser, 'school');
  await school.setViewportSize({ width: 1366, height: 900 });
  await school.goto('/events?tab=mine');
  await school.getByTestId('event-row').filter({ hasText: title }).getByRole('link').click();
  await school.getByTestId('participant-name').fill('Смирнова Елена Викторовна (демо)');
  await school.getByTestId('participant-position').fill('Учитель математики');
  await school.getByTestId('participant-add').click();
  await expect(school.getByTestId('event-participants')).toContainText('Смирнова Елена Викторовна');
  await expect(school.getByTestId('event-participants')).toContainText('Педагог');
  await shot(school, 'event-school-registered');

  // The centre imports the list: the first file has a school that does not exist.
  // Not school2's own school: school2 checks below that it never sees names of other schools.
  const [a, b, c] = detail.invitations.filter((i) => !i.name.includes('СОШ № 23 г. Краснозорск'));
  if (!a || !b || !c) throw new Error('too few invited schools');
  const row = (name: string, position: string, u: typeof a) => [name, position, u.name, u.municipality ?? ''];
  const good = [
    row('Орлова Мария Сергеевна (демо)', 'Директор', a),
    row('Волков Андрей Павлович (демо)', 'Учитель физики', b),
  ];
  await center.reload();
  const input = center.locator('input[type=file][accept=".xlsx,.ods,.csv"]');
  await input.setInputFiles({
    name: 'участники.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await participantsXlsx([
      ...good,
      ['Пестов Олег Игоревич (демо)', 'Методист', 'Школа, которой нет', ''],
    ]),
  });
  await expect(center.getByTestId('import-bad-row')).toContainText('не найдена');
  await expect(center.getByTestId('import-run')).toHaveCount(0);
  await shot(center, 'event-import-bad-row');
  await input.setInputFiles({
    name: 'участники.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await participantsXlsx([...good, row('Пестов Олег Игоревич (демо)', 'Методист', c)]),
  });
  await expect(center.getByTestId('import-row')).toHaveCount(3);
  await center.getByTestId('import-run').click();
  await expect(center.getByTestId('event-participants')).toContainText('Орлова Мария Сергеевна');
  // Three schools of the invited took part: the share is theirs of all invited, below the 60 % target.
  const share = Math.round((1000 * 3) / detail.invitations.length) / 10;
  await expect(center.getByTestId('event-share')).toContainText(`3 · ${share} %`);
  await expect(center.getByTestId('event-below-target')).toBeVisible();
  await shot(center, 'event-imported');

  // Another school of the region reads the webinar but never the names of the participants.
  const school2 = await signIn(browser, 'school2');
  await school2.goto(`/events/${eventId}`);
  await expect(school2.getByTestId('event-title')).toHaveText(`${title} для ШНОР`);
  await expect(school2.getByText('Орлова Мария Сергеевна')).toHaveCount(0);
  await expect(school2.getByText('Смирнова Елена Викторовна')).toHaveCount(0);
});

import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

// Issue 10, parts 4 and 5: a roadmap of an ended period imported as an archived record is never
// overdue; approving past deadlines warns first; every role sees the menu of what it can do.

type Detail = {
  status: string;
  executionImported: boolean;
  progress: { overdue: number; done: number; total: number };
};
type Found = { roadmap: { id: string } }[];

const PENZA = 'penza-district-2022-2023.txt';

async function uploadPenza(page: Page) {
  await page.goto('/roadmaps');
  await page.getByTestId('roadmap-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: PENZA,
    mimeType: 'text/plain',
    buffer: fs.readFileSync(path.join(process.cwd(), 'seeds', PENZA)),
  });
  await expect(page.locator('[data-testid^="import-row-0-"]')).toHaveCount(21);
  await page.getByTestId('import-next').click();
  // The coordinator keeps one unit of his own: it is chosen already.
  await expect(page.getByTestId('import-unit')).not.toHaveValue('');
}

const roadmapIdOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1) ?? '';

test('a municipality imports its 2022/23 roadmap as an archived record, which is never overdue', async ({
  browser,
}) => {
  const mun = await signIn(browser, 'municipality');
  await uploadPenza(mun);
  await expect(mun.getByTestId('import-past-period')).toContainText('Период дорожной карты уже закончился');
  await mun.getByTestId('import-archive-0').check();
  await expect(mun.getByTestId('import-past-period')).toHaveCount(0);
  await expect(mun.getByTestId('import-save')).toHaveText('Сохранить в архив');
  await mun.getByTestId('import-save').click();
  const saved = mun.getByTestId('import-saved');
  await expect(saved).toContainText('Дорожная карта сохранена в архив');
  await expect(saved).toContainText('21 мероприятие, архивная запись');
  await saved.getByRole('link').first().click();

  await expect(mun).toHaveURL(/\/roadmaps\/[0-9a-f-]{36}$/);
  await expect(mun.getByTestId('roadmap-status')).toHaveText('в архиве');
  await expect(mun.getByTestId('roadmap-imported-record')).toHaveText('исполнение по данным документа');
  await expect(mun.getByTestId('roadmap-record-note')).toContainText('только для просмотра');
  // Read-only: no editing, approving or archiving; only the wrong import may be deleted.
  await expect(mun.getByTestId('roadmap-edit')).toHaveCount(0);
  await expect(mun.getByTestId('roadmap-approve')).toHaveCount(0);
  await expect(mun.getByTestId('roadmap-delete')).toHaveText('Удалить архивную запись');

  const id = roadmapIdOf(mun);
  const detail = await apiGet<Detail>(mun, `/api/roadmaps/${id}`);
  expect(detail).toMatchObject({ status: 'archived', executionImported: true });
  expect(detail.progress).toMatchObject({ overdue: 0, done: 21, total: 21 });
  for (const login of ['municipality', 'region']) {
    const page = login === 'municipality' ? mun : await signIn(browser, login);
    const overdue = await apiGet<Found>(page, '/api/items?view=overdue');
    expect(overdue.some((i) => i.roadmap.id === id)).toBe(false);
  }
});

test('approving a roadmap whose deadlines have passed warns with their count first', async ({ browser }) => {
  const mun = await signIn(browser, 'municipality');
  await uploadPenza(mun);
  await mun.getByTestId('import-save').click();
  await mun.getByTestId('import-saved').getByRole('link').first().click();
  await expect(mun.getByTestId('roadmap-status')).toHaveText('черновик');

  await mun.getByTestId('roadmap-approve').click();
  await mun.getByTestId('approve-order-number').fill('15-од');
  await mun.getByTestId('approve-order-date').fill('01.09.2022');
  // A click outside the date's calendar closes it, as a user would.
  await mun.getByRole('dialog').getByText('После утверждения мероприятия').click();
  await mun.getByTestId('approve-save').click();
  await expect(mun.getByTestId('approve-past-warning')).toContainText(
    '21 мероприятие со сроком в прошлом сразу станет просроченным. Утвердить всё равно?',
  );
  await expect(mun.getByTestId('roadmap-status')).toHaveText('черновик');
  await expect(mun.getByTestId('approve-save')).toHaveText('Утвердить всё равно');
  await mun.getByTestId('approve-save').click();
  await expect(mun.getByTestId('roadmap-status')).toHaveText('утверждена');
  const detail = await apiGet<Detail>(mun, `/api/roadmaps/${roadmapIdOf(mun)}`);
  expect(detail.progress.overdue).toBe(21);
});

test('instead of approving past deadlines, a draft of an ended period is kept as an archived record', async ({
  browser,
}) => {
  const mun = await signIn(browser, 'municipality');
  await uploadPenza(mun);
  await mun.getByTestId('import-save').click();
  await mun.getByTestId('import-saved').getByRole('link').first().click();
  await mun.getByTestId('roadmap-approve').click();
  await mun.getByTestId('approve-order-number').fill('15-од');
  await mun.getByTestId('approve-save').click();
  // The order date is required first; the warning comes from the server once the order is complete.
  await mun.getByTestId('approve-order-date').fill('01.09.2022');
  await mun.getByRole('dialog').getByText('После утверждения мероприятия').click();
  await mun.getByTestId('approve-save').click();
  await expect(mun.getByTestId('approve-past-warning')).toBeVisible();
  await mun.getByTestId('approve-keep-record').click();
  await expect(mun.getByTestId('roadmap-status')).toHaveText('в архиве');
  await expect(mun.getByTestId('roadmap-imported-record')).toBeVisible();
  const detail = await apiGet<Detail>(mun, `/api/roadmaps/${roadmapIdOf(mun)}`);
  expect(detail).toMatchObject({ executionImported: true, progress: { overdue: 0, done: 21 } });
});

/** The menu of each demo role: what it can do and where it can have data. */
const MENUS: Record<string, string[]> = {
  admin: [
    'Рабочий стол',
    'Выявление ШНОР',
    'Организация работы',
    'Охват и пробелы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Экспертиза',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Учебная неуспешность',
    'Показатели',
    'Мониторинги',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Банк практик',
    'Просроченные',
    'Ближайшие сроки',
    'Календарь',
    'Эскалации',
    'Анкеты и факторы риска',
    'Организации',
    'Пользователи',
    'Журнал аудита',
  ],
  region: [
    'Рабочий стол',
    'Выявление ШНОР',
    'Организация работы',
    'Охват и пробелы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Экспертиза',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Учебная неуспешность',
    'Показатели',
    'Мониторинги',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Публикация',
    'Банк практик',
    'Мои задачи',
    'Просроченные',
    'Ближайшие сроки',
    'Ждут подтверждения',
    'Календарь',
    'Эскалации',
    'Анкеты и факторы риска',
  ],
  center: [
    'Рабочий стол',
    'Выявление ШНОР',
    'Организация работы',
    'Охват и пробелы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Экспертиза',
    'Мои экспертизы',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Учебная неуспешность',
    'Показатели',
    'Мониторинги',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Публикация',
    'Банк практик',
    'Мои задачи',
    'Просроченные',
    'Ближайшие сроки',
    'Календарь',
    'Эскалации',
    'Анкеты и факторы риска',
  ],
  municipality: [
    'Рабочий стол',
    'Списки школ',
    'Организация работы',
    'Охват и пробелы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Экспертиза',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Учебная неуспешность',
    'Показатели',
    'Мониторинги',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Публикация',
    'Банк практик',
    'Мои задачи',
    'К исполнению',
    'Просроченные',
    'Ближайшие сроки',
    'Ждут подтверждения',
    'Календарь',
    'Эскалации',
    'Анкеты и факторы риска',
  ],
  curator: [
    'Рабочий стол',
    'Списки школ',
    'Организация работы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Учебная неуспешность',
    'Показатели',
    'Мониторинги',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Банк практик',
    'Просроченные',
    'Ближайшие сроки',
    'Ждут подтверждения',
    'Календарь',
    'Эскалации',
  ],
  school: [
    'Рабочий стол',
    'Списки школ',
    'Организация работы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковый профиль',
    'Программы школ',
    'Мои экспертизы',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Обучающиеся группы риска',
    'Показатели',
    'Мониторинги',
    'Публикация',
    'Банк практик',
    'Мои задачи',
    'К исполнению',
    'Просроченные',
    'Ближайшие сроки',
    'Календарь',
  ],
  school2: [
    'Рабочий стол',
    'Списки школ',
    'Организация работы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковый профиль',
    'Программы школ',
    'Мои экспертизы',
    'Педагоги',
    'Диагностика дефицитов',
    'ИОМ педагогов',
    'Наставничество',
    'Курсы',
    'Охват поддержки',
    'Обучающиеся группы риска',
    'Показатели',
    'Мониторинги',
    'Публикация',
    'Банк практик',
    'Мои задачи',
    'К исполнению',
    'Просроченные',
    'Ближайшие сроки',
    'Календарь',
  ],
  expert: [
    'Рабочий стол',
    'Выявление ШНОР',
    'Организация работы',
    'Дорожные карты',
    'Мероприятия',
    'Анкетирование',
    'Рисковые профили',
    'Программы школ',
    'Экспертиза',
    'Мои экспертизы',
    'Показатели',
    'Позитивные изменения',
    'Эффект поддержки',
    'Аналитические справки',
    'Управленческие решения',
    'Банк практик',
    'Календарь',
    'Анкеты и факторы риска',
  ],
  teacher: [
    'Рабочий стол',
    'Дорожные карты',
    'Мероприятия',
    'Рисковый профиль',
    'Мой маршрут',
    'Обучающиеся группы риска',
    'Банк практик',
    'Календарь',
  ],
};

const menuOf = async (page: Page) =>
  (await page.locator('nav a[data-testid^="nav-"]').allInnerTexts()).map((t) =>
    t.replace(/\s*\d+$/, '').trim(),
  );

test('each demo role sees the menu of what it can do', async ({ browser }) => {
  for (const [login, expected] of Object.entries(MENUS)) {
    const page = await signIn(browser, login);
    await expect(page.locator('nav a[data-testid="nav-home"]')).toBeVisible();
    expect(await menuOf(page), login).toEqual(expected);
    await page.context().close();
  }
});

test('a teacher has no always-empty lists, and the server still refuses what the menu hides', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  await teacher.goto('/work/mine');
  await expect(teacher).toHaveURL(/\/work\/calendar$/);
  for (const v of ['mine', 'tasks', 'awaiting', 'overdue', 'upcoming'])
    await expect(teacher.getByTestId(`work-tab-${v}`)).toHaveCount(0);
  await teacher.goto('/');
  await expect(teacher.getByTestId('stat-overdue')).toHaveCount(0);
  await expect(teacher.getByTestId('dashboard-awaiting')).toHaveCount(0);
  // Hiding is not access control: importing a roadmap is refused by the server.
  const me = await apiGet<{ assignments: { orgUnitId: string }[] }>(teacher, '/api/me');
  const res = await teacher.request.post('/api/roadmap-imports', {
    data: {
      orgUnitId: me.assignments[0]?.orgUnitId,
      roadmaps: [
        {
          title: 'План учителя',
          periodKind: 'school_year',
          periodYear: 2025,
          sections: [{ items: [{ measure: 'Урок' }] }],
        },
      ],
    },
  });
  expect(res.status()).toBe(403);
});

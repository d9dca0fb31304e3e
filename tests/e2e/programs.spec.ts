import { expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures.js';

// Issue 11 §5 as users live it: the school writes an антирисковая программа from the template, the
// curator returns it with a comment, the school fixes it and sends it again, the curator agrees, the
// region sends it to expertise and approves it by an order, and the measures appear in the school's
// roadmap. Another school never sees the draft.

const TITLE = 'Антирисковая программа «Риски низкой адаптивности учебного процесса»';
const NEW_MEASURE = 'Родительское собрание «Как помочь ребёнку, если ему трудно учиться»';
const RETURN = 'Нет мероприятий для родителей: добавьте хотя бы одно';

const status = (page: Page) => page.getByTestId('doc-status');

test('an антирисковая программа goes from the template through the curator and the region into the roadmap', async ({
  browser,
}) => {
  const school = await signIn(browser, 'school');
  await school.getByTestId('nav-programs').click();
  await school.getByTestId('document-create').click();
  await school.getByTestId('document-factor').click();
  await school.getByRole('option', { name: '4. Риски низкой адаптивности учебного процесса' }).click();
  await school.getByTestId('document-create-submit').click();
  await expect(school.getByTestId('doc-title')).toHaveText(TITLE);
  await expect(status(school)).toHaveText('Черновик');
  // From the template, pre-filled from the approved lists: measures and the grounds are there already.
  await expect(school.getByTestId('measures').getByLabel('Мероприятие').first()).toHaveValue(
    'Стартовая диагностика обучающихся по основным предметам',
  );
  await expect(school.getByTestId('sections').getByLabel('Заголовок').first()).toHaveValue(
    'Обоснование: результаты и рисковый профиль школы',
  );
  const url = school.url();
  await school.getByTestId('doc-submit').click();
  await expect(status(school)).toHaveText('На согласовании у куратора');

  // Another school: neither in its list nor by the address.
  const other = await signIn(browser, 'school2');
  await other.goto(url);
  await expect(other.getByText('Документ не найден или недоступен')).toBeVisible();
  await other.goto('/programs');
  await expect(other.getByText(TITLE)).toHaveCount(0);

  const curator = await signIn(browser, 'curator');
  await curator.goto(url);
  await expect(status(curator)).toHaveText('На согласовании у куратора');
  await curator.getByTestId('doc-return').click();
  await curator.getByTestId('return-comment').fill(RETURN);
  await curator.getByTestId('return-submit').click();
  await expect(status(curator)).toHaveText('На доработке');

  await school.reload();
  await expect(status(school)).toHaveText('На доработке');
  await expect(school.getByTestId('doc-returned')).toContainText(RETURN);
  await school.getByRole('button', { name: 'Добавить мероприятие' }).click();
  await school.getByTestId('measures').getByLabel('Мероприятие').last().fill(NEW_MEASURE);
  await school.getByTestId('measures').getByLabel('Срок').last().fill('ноябрь 2026');
  await school.getByTestId('doc-save').click();
  await expect(school.getByTestId('doc-save')).toBeDisabled();
  await school.getByTestId('doc-submit').click();
  await expect(status(school)).toHaveText('На согласовании у куратора');

  await curator.reload();
  await expect(curator.getByText(NEW_MEASURE)).toBeVisible();
  await curator.getByTestId('doc-agree').click();
  await expect(status(curator)).toHaveText('Согласовано куратором');

  const region = await signIn(browser, 'region');
  await region.goto(url);
  await region.getByTestId('doc-expertise').click();
  await expect(status(region)).toHaveText('На экспертизе');
  await region.getByTestId('doc-approve').click();
  await region.getByTestId('approve-order-number').fill('901-од');
  await region.getByTestId('approve-order-date').fill('20.11.2026');
  await region.getByRole('dialog').getByText('Номер приказа').click();
  await region.getByTestId('approve-submit').click();
  await expect(status(region)).toHaveText('Утверждено');

  // The measures are in the school's roadmap, and the program shows their progress from there.
  await school.reload();
  await expect(status(school)).toHaveText('Утверждено');
  await expect(school.getByTestId('measures').getByText('Запланировано').first()).toBeVisible();
  await school.getByTestId('measures').getByRole('link').first().click();
  await expect(school).toHaveURL(/\/roadmaps\//);
  await expect(school.getByText(TITLE).first()).toBeVisible();
  await expect(school.getByText(NEW_MEASURE)).toBeVisible();
});

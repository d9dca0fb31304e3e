import { expect, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

type Me = { assignments: { orgUnitId: string; unitKind: string }[] };

// Publication (issue 15 §1): the municipal coordinator approves a roadmap of his own (made here, so the
// demo's publications other stories read stay as they are), publishes it from «Публикация», sees it in
// «Опубликовано» with its version, withdraws it with a reason, and finds the reason in the history.

test('the municipality publishes its roadmap, sees it published and withdraws it with a reason', async ({
  browser,
}) => {
  const mun = await signIn(browser, 'municipality');
  const me = await apiGet<Me>(mun, '/api/me');
  const unitId = me.assignments.find((a) => a.unitKind === 'municipality')?.orgUnitId;
  const title = `План публикации ${Date.now()} (демо)`;
  const created = await mun.request.post('/api/roadmaps', {
    data: { orgUnitId: unitId, title, kind: 'other', periodKind: 'school_year', periodYear: 2026 },
  });
  expect(created.status()).toBe(200);
  const roadmap = (await created.json()) as { id: string; version: number };
  const detail = await apiGet<{ sections: { id: string }[] }>(mun, `/api/roadmaps/${roadmap.id}`);
  const item = await mun.request.post(`/api/roadmaps/${roadmap.id}/items`, {
    data: {
      sectionId: detail.sections[0]?.id,
      measure: 'Совещание с руководителями ШНОР',
      deadlineText: 'в течение года',
    },
  });
  expect(item.status()).toBe(200);
  const approved = await mun.request.patch(`/api/roadmaps/${roadmap.id}`, {
    data: {
      status: 'approved',
      orderNumber: '101-од',
      orderDate: '2026-09-01',
      version: roadmap.version,
      acknowledgePastDeadlines: true,
    },
  });
  expect(approved.status()).toBe(200);

  await mun.goto('/publication');
  await mun.getByTestId('tab-publishable').click();
  const offered = mun.getByTestId('publishable-row').filter({ hasText: title });
  await expect(offered).toContainText('Не опубликовано');
  await offered.getByTestId('publish-open').click();
  const form = mun.getByTestId('publish-form');
  await expect(form).toContainText(title);
  await expect(form.getByLabel('Показывать ход исполнения')).toBeChecked();
  await form.getByTestId('publish-submit').click();
  await expect(form).toBeHidden();

  await mun.getByTestId('tab-published').click();
  const row = mun.getByTestId('published-row').filter({ hasText: title });
  await expect(row).toContainText('Дорожная карта');
  await expect(row).toContainText('1');
  await expect(row.getByTestId('publication-site-link')).toHaveAttribute('href', `/public/p/${roadmap.id}`);
  // The roadmap's own page says it is published.
  await mun.goto(`/roadmaps/${roadmap.id}`);
  await expect(mun.getByTestId('publication-badge')).toHaveText('Опубликовано (версия 1)');

  await mun.goto('/publication');
  await mun.getByTestId('published-row').filter({ hasText: title }).getByTestId('withdraw-open').click();
  const withdraw = mun.getByTestId('withdraw-form');
  await withdraw.getByTestId('withdraw-submit').click();
  await expect(withdraw).toContainText('Укажите причину');
  await withdraw.getByTestId('withdraw-reason').fill('В приказ вносятся изменения');
  await withdraw.getByTestId('withdraw-submit').click();
  await expect(withdraw).toBeHidden();
  await expect(mun.getByTestId('published-row').filter({ hasText: title })).toHaveCount(0);

  await mun.getByTestId('tab-history').click();
  const history = mun.getByTestId('history-row').filter({ hasText: title });
  await expect(history).toContainText('Снято');
  await expect(history).toContainText('В приказ вносятся изменения');
});

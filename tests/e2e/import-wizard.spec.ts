import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { apiGet, signIn } from './fixtures.js';

type Me = { assignments: { orgUnitId: string }[] };
type Detail = {
  status: string;
  orgUnit: { id: string };
  sections: { items: { number: string | null; measure: string }[] }[];
};

test('the municipal coordinator loads a roadmap from a file, corrects a cell and saves it as a draft', async ({
  browser,
}) => {
  const mun = await signIn(browser, 'municipality');
  const me = await apiGet<Me>(mun, '/api/me');
  await mun.goto('/roadmaps');
  await mun.getByTestId('roadmap-import').click();
  await expect(mun).toHaveURL(/\/roadmaps\/import$/);

  const name = 'penza-district-2022-2023.txt';
  await mun.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: fs.readFileSync(path.join(process.cwd(), 'seeds', name)),
  });
  // One roadmap of 21 measures; nothing is saved yet.
  await expect(mun.getByTestId('import-roadmap-0')).toBeVisible();
  await expect(mun.getByTestId('import-roadmap-1')).toHaveCount(0);
  await expect(mun.locator('[data-testid^="import-row-0-"]')).toHaveCount(21);

  // The warning about item 1.6 leads to its row; editing the row deals with the warning.
  const warning = mun.getByTestId('import-warning').filter({ hasText: 'пункт 1.6' });
  await expect(warning).toHaveAttribute('data-resolved', 'false');
  await warning.click();
  const row = mun.getByTestId('import-row-0-0-5');
  await expect(row).toContainText('1.6');
  const edited = 'Анализ реализации муниципальных программ помощи школам (сверено с приказом)';
  await row.getByTestId('import-cell').nth(1).click();
  await mun.getByTestId('import-cell-input').fill(edited);
  await mun.keyboard.press('Enter');
  await expect(row).toContainText(edited);
  await expect(warning).toHaveAttribute('data-resolved', 'true');

  await mun.getByTestId('import-next').click();
  // The coordinator's own municipality comes first among the units they keep.
  await mun.getByTestId('import-unit').click();
  await mun.getByRole('option').first().click();
  await mun.getByTestId('import-save').click();
  const saved = mun.getByTestId('import-saved');
  await expect(saved).toContainText('21 мероприятие');
  await saved.getByRole('link').first().click();

  await expect(mun).toHaveURL(/\/roadmaps\/[0-9a-f-]{36}$/);
  await expect(mun.getByTestId('roadmap-table')).toContainText(edited);
  await expect(mun.getByTestId('roadmap-status')).toHaveText('черновик');
  const detail = await apiGet<Detail>(
    mun,
    `/api/roadmaps${new URL(mun.url()).pathname.slice('/roadmaps'.length)}`,
  );
  expect(detail.status).toBe('draft');
  expect(detail.orgUnit.id).toBe(me.assignments[0]?.orgUnitId);
  expect(detail.sections.flatMap((s) => s.items)).toHaveLength(21);
});

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, animations: 'disabled' });
}

// A roadmap kept in Excel, copied from the sheet into a text file (issue 16): cells with line breaks come in
// quotes over several lines, «Срок исполнения» is merged over «начало | окончание». Synthetic (held-out set 10).
test('the municipal coordinator loads a roadmap copied from an Excel sheet as text', async ({ browser }) => {
  const mun = await signIn(browser, 'municipality');
  await mun.goto('/roadmaps/import');
  const name = 'x5-belogorsky-start-end.txt';
  await mun.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: fs.readFileSync(path.join(process.cwd(), 'bench/roadmap-heldout/set10/docs', name)),
  });
  await expect(mun.getByTestId('import-roadmap-0')).toBeVisible();
  await expect(mun.getByTestId('import-roadmap-1')).toHaveCount(0);
  await expect(mun.locator('[data-testid^="import-row-0-"]')).toHaveCount(24);
  // the first measure: its period from the two date columns, its executors from a quoted two-line cell
  const first = mun.getByTestId('import-row-0-0-0');
  await expect(first).toContainText('01.12.2026 – 30.06.2027');
  await expect(first).toContainText('Кудрявцева Е. Л.');
  await shot(mun, 'roadmap-from-excel-text');
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { loadExcelJs } from '../../src/lib/exceljs.js';
import { signIn } from './fixtures.js';

// Issue 14 §1 as the regional operator lives it: «Охват поддержки педагогов» shows the region's figures
// from the staff registries and the diagnostic, the municipalities below; he narrows to the ШНОР, opens
// a municipality and one of its schools, and downloads the table as XLSX. Reads only: no other story's
// data change.

const shots = process.env.SHOTS_DIR;

test('the region drills teachers’ support coverage down to a school and exports it', async ({ browser }) => {
  const region = await signIn(browser, 'region');
  await region.getByTestId('nav-people-coverage').click();
  await expect(region).toHaveURL(/\/people-coverage/);
  await expect(region.getByRole('heading', { level: 2 })).toContainText('Охват поддержки педагогов');
  // The demo's diagnostic: some of the region's teachers are diagnosed, each figure says where it comes from.
  await expect(region.getByTestId('pc-unit-diagnosed')).toContainText(/\d+ из \d+/);
  await region.getByTestId('pc-source-diagnosed').click();
  await expect(region.getByTestId('figure-source-text')).toContainText('результат диагностики');
  await region.keyboard.press('Escape');

  // Only the ШНОР: the base names the list in force.
  await region.getByTestId('pc-group').click();
  await region.getByRole('option', { name: 'ШНОР (список в силе)' }).click();
  await expect(region).toHaveURL(/group=shnor/);
  await expect(region.getByTestId('pc-group-text')).toContainText('ШНОР по списку');
  if (shots) await region.screenshot({ path: `${shots}/people-coverage-region.png`, fullPage: true });

  // A municipality with teachers of ШНОР, then one of its schools.
  const rows = region.getByTestId('pc-children').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const withTeachers = rows.filter({ has: region.locator('td:nth-child(2)', { hasNotText: /^0$/ }) }).first();
  const municipality = (await withTeachers.getByTestId('pc-child-link').textContent()) ?? '';
  await withTeachers.getByTestId('pc-child-link').click();
  await expect(region.getByRole('heading', { level: 2 })).toContainText(municipality);
  await expect(region.getByTestId('pc-up')).toBeVisible();
  await expect(region).toHaveURL(/group=shnor/);
  const school = region.getByTestId('pc-children').getByTestId('pc-child-link').first();
  const schoolName = (await school.textContent()) ?? '';
  await school.click();
  await expect(region.getByRole('heading', { level: 2 })).toContainText(schoolName);
  await expect(region.getByTestId('pc-unit-diagnosed')).toBeVisible();
  await expect(region.getByTestId('pc-children')).toHaveCount(0);
  await expect(region.getByTestId('pc-up')).toHaveText(municipality);

  // The same table as XLSX: the school's row with its numbers.
  const [download] = await Promise.all([
    region.waitForEvent('download'),
    region.getByTestId('pc-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const file = await readFile((await download.path()) ?? '');
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const names: string[] = [];
  wb.worksheets[0]?.eachRow((r) => names.push(String(r.getCell(1).value)));
  expect(names).toContain(schoolName);
});

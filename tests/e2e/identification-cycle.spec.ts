import fs from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { zipOfTexts } from '../helpers/zip.js';
import { apiGet, signIn } from './fixtures.js';

// The regional operator's yearly cycle of identification against the real backend: a data package of the
// next year for four demo schools is checked (a bad one first), loaded, the current methodology is run on
// it, a draft methodology with a lower threshold is created, run and compared with it (what-if), the draft
// is adopted and the list of the year approved; the school team then sees only its own school, the
// municipality only its own schools.
//
// The schools are demo schools found by name; their codes (`org_units.code`, D-0001… in name order, given
// by the demo) are read from the demo's own run. The year is a new one, not a demo year loaded again: that
// would make the demo's runs stale and the draft list of identification.spec.ts could not be approved.
// The data are designed so that the ШНОР and zone-of-risk numbers of both runs are known (the exits are
// not: schools without data of the year count as having left the list of the demo's last year):
//   Нагорное   — ВПР математика 4 and русский язык 4 at 50 % «2»: ШНОР at 30 % and at 25 %;
//   Краснозорск — the same two at 4/15 = 26,7 %: zone of risk at 30 % (two procedures ≥ 20 %), ШНОР at 25 %;
//   Светлое, Гимназия — few or no «2»: nothing.
// ШНОР needs the same procedure low in the year before: both schools are ШНОР of the demo's last year with
// ВПР математика 4 far above 30 % (checked below, so that a changed demo fails here and not later).

/** E2E_SHOTS=DIR keeps screenshots of the story's screens there, for a person to look at. */
const SHOTS = process.env.E2E_SHOTS;
const NAGORNOE = 'МБОУ «СОШ № 5 с. Нагорное» (демо)'; // the school of the `school` login
const KRASNOZORSK = 'МБОУ «СОШ № 23 г. Краснозорск» (демо)'; // the school of `school2`
const SVETLOE = 'МКОУ «ООШ с. Светлое» (демо)';
const GYMNASIUM = 'МАОУ «Гимназия № 1 г. Верхнеречинск» (демо)';

type YearData = { year: number; schools: number; results: number };
type Run = { id: string; year: number; status: string; summary: { counts: Record<string, number> } | null };
type RunResult = {
  school: { id: string; name: string; code: string };
  flags: Record<string, boolean>;
  lowProcedures: { assessment: string; subject: string; grade: number; lowShare: number }[];
};
type ListDetail = { entries: { school: { id: string; name: string }; included: boolean }[] };

const zip = zipOfTexts;

const csv = (rows: (string | number)[][]) =>
  `${rows.map((r) => r.map((v) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n')}\n`;

/** The package of `year` for the four schools (codes by name); `badMark2` breaks one results row. */
function dataPackage(year: number, code: Record<string, string>, badMark2 = false): Buffer {
  const n = code[NAGORNOE] ?? '';
  const k = code[KRASNOZORSK] ?? '';
  const s = code[SVETLOE] ?? '';
  const g = code[GYMNASIUM] ?? '';
  const schools = [
    ['school_id', 'name', 'municipality_id', 'municipality_name', 'rural', 'small'],
    [n, NAGORNOE, 'M-north', 'Северный муниципальный район (демо)', 1, 0],
    [k, KRASNOZORSK, 'M-krasnozorsk', 'Городской округ Краснозорск (демо)', 0, 0],
    [s, SVETLOE, 'M-north', 'Северный муниципальный район (демо)', 1, 1],
    [g, GYMNASIUM, 'M-verkhnerechinsk', 'Городской округ Верхнеречинск (демо)', 0, 0],
  ];
  const results = [
    [
      'school_id',
      'year',
      'assessment',
      'subject',
      'grade',
      'participants',
      'mark2',
      'mark3',
      'mark4',
      'mark5',
    ],
    [n, year, 'ВПР', 'математика', 4, 16, 8, 5, 2, 1],
    [n, year, 'ВПР', 'русский язык', 4, 16, 8, 4, 3, 1],
    [n, year, 'ОГЭ', 'математика', 9, 12, 1, 6, 4, 1],
    // Row 5 of the file: in the bad package 17 «2» of 15 participants.
    [k, year, 'ВПР', 'математика', 4, 15, badMark2 ? 17 : 4, 6, 3, 2],
    [k, year, 'ВПР', 'русский язык', 4, 15, 4, 5, 4, 2],
    [k, year, 'ОГЭ', 'математика', 9, 20, 2, 8, 6, 4],
    [s, year, 'ВПР', 'математика', 4, 12, 0, 3, 5, 4],
    [s, year, 'ВПР', 'русский язык', 4, 12, 1, 4, 4, 3],
    [g, year, 'ВПР', 'математика', 4, 25, 0, 5, 10, 10],
    [g, year, 'ВПР', 'русский язык', 4, 25, 0, 4, 11, 10],
  ];
  const context = [
    [
      'school_id',
      'year',
      'parents_higher_ed_share',
      'incomplete_families_share',
      'low_income_share',
      'watch_list_share',
      'non_native_russian_share',
      'ovz_share',
    ],
    [n, year, 0.12, 0.35, 0.3, 0.05, 0.1, 0.08],
    [k, year, 0.3, 0.22, 0.15, 0.02, 0.04, 0.05],
    [s, year, 0.2, 0.25, 0.2, 0.03, 0.02, 0.06],
    [g, year, 0.62, 0.12, 0.04, 0.005, 0.01, 0.02],
  ];
  return zip({
    'schools.csv': csv(schools),
    'results.csv': csv(results),
    'context.csv': csv(context),
  });
}

/** A screenshot for a person to look at the layout (not compared by the test), when E2E_SHOTS is set. */
async function shot(target: Page | Locator, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const path = `${SHOTS}/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, fullPage: true, animations: 'disabled' });
  else await target.screenshot({ path, animations: 'disabled' });
}

/** Picks an option of a Mantine Select by its visible text. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

/** The cell of a row of the runs table under the column headed `header` (ШНОР, риск…). */
async function runCell(page: Page, runId: string, header: string): Promise<Locator> {
  const headers = (await page.getByTestId('runs').locator('thead th').allTextContents()).map((h) => h.trim());
  const column = headers.indexOf(header);
  expect(column, `column «${header}» of the runs table`).toBeGreaterThanOrEqual(0);
  return page.getByTestId(`run-${runId}`).locator('td').nth(column);
}

/** Starts a run from the «Расчёты» tab and waits, on the page, for its progress to reach «готово». */
async function startRun(page: Page, year: number, methodology: string | RegExp): Promise<string> {
  await choose(page, 'run-year', String(year));
  await choose(page, 'run-methodology', methodology);
  const posted = page.waitForResponse(
    (r) => r.url().endsWith('/api/identification/runs') && r.request().method() === 'POST',
  );
  await page.getByTestId('run-start').click();
  const res = await posted;
  expect(res.status()).toBe(200);
  const { runId } = (await res.json()) as { runId: string };
  const progress = page.getByTestId(`run-progress-${runId}`);
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId(`run-${runId}`)).toContainText('готово');
  return runId;
}

test('the regional operator loads a year of data, runs the methodology, compares a draft with it and approves the list; a school sees only itself', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const region = await signIn(browser, 'region');
  const me = await apiGet<{ fullName: string }>(region, '/api/me');

  // The demo's years and the codes of the four schools, from the demo's own run of its last year.
  const years = await apiGet<YearData[]>(region, '/api/assessment-data/years');
  const lastYear = Math.max(...years.map((y) => y.year));
  const year = lastYear + 1;
  const demoRun = (await apiGet<Run[]>(region, `/api/identification/runs?year=${lastYear}`)).find(
    (r) => r.status === 'done',
  );
  if (!demoRun) throw new Error(`the demo has no finished run of ${lastYear}`);
  const demoResults = await apiGet<RunResult[]>(region, `/api/identification/runs/${demoRun.id}/results`);
  const code: Record<string, string> = {};
  const schoolId: Record<string, string> = {};
  for (const name of [NAGORNOE, KRASNOZORSK, SVETLOE, GYMNASIUM]) {
    const r = demoResults.find((x) => x.school.name === name);
    if (!r) throw new Error(`no demo school ${name}`);
    expect(r.school.code, name).toMatch(/^D-\d{4}$/);
    code[name] = r.school.code;
    schoolId[name] = r.school.id;
    if (name === NAGORNOE || name === KRASNOZORSK) {
      // The precondition of the design: ШНОР in the last year with ВПР математика 4 low (≥ 30 %).
      expect(r.flags.shnor, `${name} is ШНОР in ${lastYear}`).toBe(true);
      const math4 = r.lowProcedures.find(
        (p) => p.assessment === 'ВПР' && p.subject === 'математика' && p.grade === 4,
      );
      expect(math4?.lowShare ?? 0, `${name}: ВПР математика 4 in ${lastYear}`).toBeGreaterThanOrEqual(0.3);
    }
  }

  await test.step('«Данные»: a package with a bad row is refused row by row and writes nothing', async () => {
    await region.goto('/identification?tab=data');
    await expect(region.getByTestId(`data-year-${lastYear}`)).toBeVisible();
    await expect(region.getByTestId(`data-year-${year}`)).toHaveCount(0);
    await region.getByTestId('data-import-open').click();
    await region.getByTestId('data-import-file').setInputFiles({
      name: `данные-${year}-ошибка.zip`,
      mimeType: 'application/zip',
      buffer: dataPackage(year, code, true),
    });
    const check = region.getByTestId('data-import-check');
    await expect(check).toContainText('ошибок: 1');
    // An unreadable package has no counts to show.
    await expect(check).not.toContainText('будет загружено');
    const errors = region.getByTestId('data-import-errors');
    await expect(errors.locator('tbody tr')).toHaveCount(1);
    const row = errors.locator('tbody tr').first();
    await expect(row.locator('td').nth(0)).toHaveText('results.csv');
    await expect(row.locator('td').nth(1)).toHaveText('5');
    await expect(row.locator('td').nth(2)).toHaveText('mark2');
    await expect(check).toContainText('Пока есть ошибки, ничего не загружается');
    await expect(region.getByTestId('data-import-load')).toBeDisabled();
    await shot(region, '01-import-errors');
    // A file that is not a package at all is refused with the reason, in the dialog.
    await region.getByTestId('data-import-file').setInputFiles({
      name: 'результаты.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('school_id,year\n'),
    });
    await expect(region.getByTestId('data-import-failure')).toContainText('ZIP-архив с CSV-файлами');
    await expect(region.getByTestId('data-import-check')).toHaveCount(0);
    await expect(region.getByTestId('data-import-load')).toBeDisabled();
    await region.getByRole('button', { name: 'Отмена' }).click();
    await expect(region.getByRole('dialog')).toBeHidden();
    // Nothing was written.
    await expect(region.getByTestId(`data-year-${year}`)).toHaveCount(0);
    const after = await apiGet<YearData[]>(region, '/api/assessment-data/years');
    expect(after.map((y) => y.year)).not.toContain(year);
  });

  await test.step('«Данные»: the good package is checked (dry run), loaded and its year shown', async () => {
    await region.getByTestId('data-import-open').click();
    await region.getByTestId('data-import-file').setInputFiles({
      name: `данные-${year}.zip`,
      mimeType: 'application/zip',
      buffer: dataPackage(year, code),
    });
    const check = region.getByTestId('data-import-check');
    await expect(check).toContainText(`год: ${year}`);
    await expect(check).toContainText('школ: 4');
    await expect(check).toContainText('будет загружено результатов: 10');
    await expect(check).toContainText('контекстных значений: 24');
    await expect(check).toContainText('Ошибок нет — можно загружать.');
    await shot(region, '02-import-check');
    // The check wrote nothing yet.
    expect((await apiGet<YearData[]>(region, '/api/assessment-data/years')).map((y) => y.year)).not.toContain(
      year,
    );
    await region.getByTestId('data-import-load').click();
    const done = region.getByTestId('data-import-done');
    await expect(done).toContainText('загружено результатов: 10');
    await shot(region, '03-import-done');
    await region.getByRole('button', { name: 'Закрыть' }).click();
    await expect(region.getByRole('dialog')).toBeHidden();
    const yearRow = region.getByTestId(`data-year-${year}`);
    await expect(yearRow.locator('td').nth(1)).toHaveText('4');
    await expect(yearRow.locator('td').nth(2)).toHaveText('10');
    await expect(yearRow.locator('td').nth(3)).toHaveText('24');
    await expect(yearRow).toContainText(`данные-${year}.zip`);
    await expect(yearRow).toContainText(me.fullName); // who loaded it
    await shot(region, '04-data-years');
  });

  let currentRun = '';
  await test.step('«Расчёты»: the current methodology is run for the new year to completion', async () => {
    await region.getByTestId('tab-runs').click();
    currentRun = await startRun(region, year, /\(текущая\)/);
    // ШНОР: Нагорное only; zone of risk: Краснозорск only.
    const counts = (await apiGet<Run>(region, `/api/identification/runs/${currentRun}`)).summary?.counts;
    expect(counts?.shnor).toBe(1);
    expect(counts?.riskZone).toBe(1);
    await expect(await runCell(region, currentRun, 'ШНОР')).toHaveText('1');
    await expect(await runCell(region, currentRun, 'риск')).toHaveText('1');
    await shot(region, '05-run-done');
  });

  const draftName = `Порог 25 % (проверка ${year})`;
  await test.step('«Методика»: a draft with the low-share threshold 25 % instead of 30 %', async () => {
    await region.getByTestId('tab-methodology').click();
    const current = region.getByTestId('methodologies').locator('tbody tr').filter({ hasText: 'текущая' });
    await expect(current).toHaveCount(1);
    await current.getByRole('button', { name: 'Создать версию на основе…' }).click();
    const editor = region.getByRole('dialog');
    await editor.getByLabel('Название').fill(draftName);
    const threshold = editor.getByLabel('Процедура низкая, если доля «2» не менее');
    await expect(threshold).toHaveValue('30 %');
    await threshold.fill('25');
    await shot(region, '06-methodology-editor');
    await editor.getByTestId('methodology-save').click();
    await expect(editor).toBeHidden();
    const draft = region.getByTestId('methodologies').locator('tbody tr').filter({ hasText: draftName });
    await expect(draft).toContainText('черновик');
    await shot(region, '07-methodologies');
    await draft.getByRole('button', { name: 'Открыть' }).click();
    // Only the threshold differs from the current version, and the view says so.
    await expect(region.getByTestId('methodology-diff')).toHaveText(
      'Отличия от текущей версии выделены: параметров — 1.',
    );
    const changed = region.getByTestId('methodology-params').locator('tr[data-changed]');
    await expect(changed).toHaveCount(1);
    await expect(changed).toContainText('Процедура низкая, если доля «2» не менее');
    await expect(changed).toContainText(/25 %\s*в текущей: 30 %/);
    await shot(region, '07b-methodology-view');
    await region.keyboard.press('Escape');
    await expect(region.getByRole('dialog')).toBeHidden();
  });

  let draftRun = '';
  await test.step('«Расчёты»: the draft is run and compared with the current methodology (what-if)', async () => {
    await region.getByTestId('tab-runs').click();
    draftRun = await startRun(
      region,
      year,
      new RegExp(`${draftName.replace(/[()]/g, '\\$&')}.*\\(черновик\\)`),
    );
    // ШНОР: Нагорное and Краснозорск; the zone of risk is empty.
    await expect(await runCell(region, draftRun, 'ШНОР')).toHaveText('2');
    await expect(await runCell(region, draftRun, 'риск')).toHaveText('0');
    await choose(region, 'compare-base', new RegExp(`^${year}: Опора`));
    await choose(region, 'compare-other', new RegExp(`^${year}: Порог 25`));
    await region.getByTestId('compare-run').click();
    const cmp = region.getByTestId('run-comparison');
    // ШНОР 1 → 2: Краснозорск enters, nobody leaves.
    const shnor = cmp.getByTestId('compare-flag-shnor');
    await expect(shnor).toContainText('1 → 2');
    await expect(shnor).toContainText('+1');
    await expect(shnor).toContainText('вошли: 1');
    await expect(shnor).toContainText('вышли: 0');
    await shnor.getByRole('button').first().click();
    await expect(shnor.getByRole('link', { name: KRASNOZORSK })).toBeVisible();
    await expect(shnor.getByRole('link', { name: NAGORNOE })).toHaveCount(0);
    // The zone of risk 1 → 0: Краснозорск leaves it for ШНОР.
    const risk = cmp.getByTestId('compare-flag-riskZone');
    await expect(risk).toContainText('1 → 0');
    await expect(risk).toContainText('вошли: 0');
    await expect(risk).toContainText('вышли: 1');
    // By municipality (ШНОР): Краснозорск 0 → 1, the Северный район stays at 1.
    const byMun = cmp.getByTestId('compare-municipalities');
    const krasnozorsk = byMun.getByRole('row', { name: /Городской округ Краснозорск/ }).locator('td');
    await expect(krasnozorsk).toHaveText(['Городской округ Краснозорск (демо)', '0', '1', '+1']);
    const north = byMun.getByRole('row', { name: /Северный муниципальный район/ }).locator('td');
    await expect(north).toHaveText(['Северный муниципальный район (демо)', '1', '1', '0']);
    await shot(cmp, '08-compare');
  });

  await test.step('the draft becomes current; the list of the year is made from its run and approved', async () => {
    await region.getByTestId('tab-methodology').click();
    const draft = region.getByTestId('methodologies').locator('tbody tr').filter({ hasText: draftName });
    await draft.getByRole('button', { name: 'Сделать текущей' }).click();
    await expect(draft).toContainText('текущая');
    await region.getByTestId('tab-lists').click();
    await choose(region, 'list-run', new RegExp(`^${year}: Порог 25.* — ШНОР 2`));
    await region.getByTestId('list-make').click();
    await expect(region.getByRole('heading', { name: `Список ШНОР ${year} года` })).toBeVisible();
    await expect(region.getByText('в списке: 2')).toBeVisible();
    await region.getByTestId('list-approve').click();
    await region.getByTestId('approve-number').fill('512-п');
    // Today: an order cannot be dated in the future (the year's data may be loaded ahead of its year).
    await region
      .getByTestId('approve-date')
      .fill(new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(new Date()));
    await region.getByTestId('approve-save').click();
    await expect(region.getByText('Список утверждён и заморожен')).toBeVisible();
  });

  await test.step('the school team sees the approved list with its own school only', async () => {
    const school = await signIn(browser, 'school');
    await school.goto('/identification');
    await school.getByRole('link', { name: `Список ШНОР ${year} года` }).click();
    await expect(school.getByRole('heading', { name: `Список ШНОР ${year} года` })).toBeVisible();
    await expect(school.getByText('в списке: 1')).toBeVisible();
    const rows = school.getByTestId('list-entries').locator('tbody tr[data-testid^="list-row-"]');
    await expect(rows).toHaveCount(1);
    await expect(school.getByTestId(`list-row-${schoolId[NAGORNOE]}`)).toContainText(NAGORNOE);
    await expect(school.getByText(KRASNOZORSK)).toHaveCount(0);
    await shot(school, '09-school-list');
    const list = (await apiGet<{ id: string; year: number }[]>(school, '/api/identification/lists')).find(
      (l) => l.year === year,
    );
    const detail = await apiGet<ListDetail>(school, `/api/identification/lists/${list?.id}`);
    expect(detail.entries.map((e) => e.school.name)).toEqual([NAGORNOE]);
  });

  await test.step('the municipality sees its schools of the list, not Краснозорск', async () => {
    const mun = await signIn(browser, 'municipality');
    await mun.goto('/identification');
    await mun.getByRole('link', { name: `Список ШНОР ${year} года` }).click();
    await expect(mun.getByText('в списке: 1')).toBeVisible();
    await expect(mun.getByTestId(`list-row-${schoolId[NAGORNOE]}`)).toBeVisible();
    await expect(mun.getByText(KRASNOZORSK)).toHaveCount(0);
    const list = (await apiGet<{ id: string; year: number }[]>(mun, '/api/identification/lists')).find(
      (l) => l.year === year,
    );
    const detail = await apiGet<ListDetail>(mun, `/api/identification/lists/${list?.id}`);
    expect(detail.entries.filter((e) => e.included).map((e) => e.school.name)).toEqual([NAGORNOE]);
    // Only the list's rows: its school Светлое, not in the list, is not shown in it.
    expect(detail.entries.map((e) => e.school.name)).not.toContain(SVETLOE);
    expect(detail.entries.map((e) => e.school.name)).not.toContain(KRASNOZORSK);
  });
});

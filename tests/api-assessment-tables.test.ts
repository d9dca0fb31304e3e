import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import type { TableMapping } from '../src/modules/assessment-data/tables/mapping.js';
import { testApp } from './helpers/api.js';
import { type Cell, workbook } from './helpers/assessment-tables.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// HTTP story of an assessment table of another layout (issue 16 §1): a wide table with percentages, a
// subtotal row and no year → the mapping the user completes → a dry run → the load with «save as
// template» → the next file of the same shape converted with the template by itself.

type Analysis = {
  analysis: { sure: boolean; signature: string; mapping: TableMapping };
  mapping: TableMapping;
  template: { name: string } | null;
  results: number;
  procedures: { assessment: string; subject: string; grade: number; year: number; rows: number }[];
  preview: {
    school: { code: string | null };
    year: number;
    subject: string;
    grade: number;
    mark2: number;
    mark3: number | null;
  }[];
  notes: { row: number | null; message: string }[];
  errors: { row: number | null; message: string }[];
  matchedSchools: number;
  schools: { keyId: string; status: string; schoolId: string | null }[];
};
type Imported = {
  ok: boolean;
  dryRun: boolean;
  years: number[];
  schools: number;
  results: number;
  unknownSchools: { code: string; name: string }[];
  errors: unknown[];
  savedTemplate: { name: string; version: number } | null;
};

const SUBJECTS = ['Русский язык', 'Математика'];
/** One row per school, a group per subject: participants and the shares of marks in percent. */
function wideRows(shift: number): Cell[][] {
  const head: Cell[] = ['Код ОО', 'Наименование ОО', 'Муниципалитет'];
  for (const s of SUBJECTS) {
    const name = `ВПР ${s} 5 кл.`;
    head.push(`${name} — участников`, ...[2, 3, 4, 5].map((m) => `${name} — % «${m}»`));
  }
  const row = (code: string, name: string, m: string): Cell[] => [
    code,
    name,
    m,
    ...SUBJECTS.flatMap(() => [20, 10 + shift, 30 - shift, 40, 20]),
  ];
  return [
    head,
    ['', 'Итого по региону', '', ...SUBJECTS.flatMap(() => [60, 10, 30, 40, 20])],
    row('C1', 'Школа 1', 'Первый район'),
    row('C2', 'Школа 2', 'Первый район'),
    row('', 'СОШ №3', 'Второй район'),
  ];
}

describe.each(DB_KINDS)('assessment tables over HTTP (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    f = await buildRegion(db);
    await db.update(orgUnits).set({ code: 'C1' }).where(eq(orgUnits.id, f.S1.id));
    await db.update(orgUnits).set({ code: 'C2' }).where(eq(orgUnits.id, f.S2.id));
    await db.update(orgUnits).set({ name: 'МБОУ «СОШ № 3»' }).where(eq(orgUnits.id, f.S3.id));
    t = testApp(database);
    for (const login of ['region', 'mun1']) cookies[login] = await t.login(login, 'password-123');
  }, 300_000);
  afterAll(() => database.close());

  const send = async (login: string, path: string, file: Buffer, fields: Record<string, unknown> = {}) => {
    const body = new FormData();
    body.append('file', new File([new Uint8Array(file)], 'впр-5.xlsx'));
    for (const [k, v] of Object.entries(fields)) body.append(k, JSON.stringify(v));
    const res = await t.call('POST', path, {
      cookie: cookies[login],
      body,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('maps, previews, confirms a school by name, saves a template and applies it to the next file', async () => {
    const first = await workbook('Лист1', wideRows(0));
    const a = (await send('region', '/api/assessment-data/tables/analyse', first)).body as Analysis;
    expect(a.template).toBeNull();
    expect(a.mapping.layout).toBe('wide');
    // The file does not say the year: the recogniser is not sure and the rows are not converted.
    expect(a.analysis.sure).toBe(false);
    expect(a.mapping.fixed.year).toBeNull();

    const mapping: TableMapping = { ...a.mapping, fixed: { ...a.mapping.fixed, year: 2030 } };
    const b = (await send('region', '/api/assessment-data/tables/analyse', first, { mapping }))
      .body as Analysis;
    expect(b.errors).toEqual([]);
    expect(b.results).toBe(6);
    // «What was recognised» lists every procedure of the file with its rows, not only the preview's.
    expect(b.procedures).toEqual(
      SUBJECTS.map((s) =>
        expect.objectContaining({ year: 2030, grade: 5, rows: 3, subject: expect.any(String) }),
      ),
    );
    expect(b.preview[0]).toMatchObject({ school: { code: 'C1' }, year: 2030, mark2: 2, mark3: 6 });
    expect(b.notes.map((n) => n.row)).toContain(2);
    expect(b.matchedSchools).toBe(2);
    expect(b.schools).toEqual([expect.objectContaining({ status: 'review', schoolId: f.S3.id })]);
    const keyId = b.schools[0]?.keyId as string;

    const pending = (
      await send('region', '/api/assessment-data/tables/import?dryRun=true', first, { mapping })
    ).body as Imported;
    expect(pending.ok).toBe(false);
    expect(pending.unknownSchools).toHaveLength(1);
    const confirmed = { [keyId]: f.S3.id };
    const dry = (
      await send('region', '/api/assessment-data/tables/import?dryRun=true', first, {
        mapping,
        confirmedSchools: confirmed,
      })
    ).body as Imported;
    expect(dry).toMatchObject({ ok: true, dryRun: true, years: [2030], schools: 3, results: 6 });

    // A municipal coordinator may neither analyse nor load.
    expect((await send('mun1', '/api/assessment-data/tables/analyse', first)).status).toBe(403);

    const done = (
      await send('region', '/api/assessment-data/tables/import?dryRun=false', first, {
        mapping,
        confirmedSchools: confirmed,
        saveAs: { name: 'ВПР 5 класс, проценты' },
      })
    ).body as Imported;
    expect(done).toMatchObject({ ok: true, dryRun: false, results: 6, savedTemplate: { version: 1 } });
    const years = (await (
      await t.call('GET', '/api/assessment-data/years', { cookie: cookies.region })
    ).json()) as {
      year: number;
      results: number;
    }[];
    expect(years.find((y) => y.year === 2030)).toMatchObject({ results: 6 });

    // The next file of the same shape: the template applies itself, but never its year — the file does
    // not state one, so only the year is asked.
    const second = await workbook('Лист1', wideRows(5));
    const c = (await send('region', '/api/assessment-data/tables/analyse', second)).body as Analysis;
    expect(c.template).toMatchObject({ name: 'ВПР 5 класс, проценты' });
    expect(c.mapping.fixed.year).toBeNull();
    expect(c.mapping.columns).toEqual(mapping.columns);
    expect(c.results).toBe(0);
    const noYear = (await send('region', '/api/assessment-data/tables/import?dryRun=true', second, {}))
      .body as Imported;
    expect(noYear.ok).toBe(false);
    const withYear: TableMapping = { ...c.mapping, fixed: { ...c.mapping.fixed, year: 2030 } };
    const d = (await send('region', '/api/assessment-data/tables/analyse', second, { mapping: withYear }))
      .body as Analysis;
    expect(d.errors).toEqual([]);
    expect(d.preview[0]).toMatchObject({ year: 2030, mark2: 3, mark3: 5 });
    const again = (
      await send('region', '/api/assessment-data/tables/import?dryRun=false', second, {
        mapping: withYear,
        confirmedSchools: confirmed,
      })
    ).body as Imported;
    expect(again).toMatchObject({ ok: true, results: 6 });

    const list = (await (
      await t.call('GET', '/api/assessment-data/tables/templates', { cookie: cookies.region })
    ).json()) as { name: string }[];
    expect(list.map((x) => x.name)).toEqual(['ВПР 5 класс, проценты']);
  });

  it('lists the name confirmed above and forgets it: the same file then asks about the school again', async () => {
    const get = (login: string) =>
      t.call('GET', '/api/assessment-data/tables/school-names', { cookie: cookies[login] });
    const forget = (query: string) =>
      t.call('DELETE', `/api/assessment-data/tables/school-names?${query}`, {
        cookie: cookies.region,
        headers: { 'sec-fetch-site': 'same-origin' },
      });
    const names = (await (await get('region')).json()) as { id: string; school: { id: string } }[];
    expect(names).toEqual([expect.objectContaining({ school: expect.objectContaining({ id: f.S3.id }) })]);
    expect((await get('mun1')).status).toBe(403);
    const id = names[0]?.id as string;
    // One of the two, never both nor neither.
    expect((await forget(`id=${id}&schoolId=${f.S3.id}`)).status).toBe(400);
    expect((await forget('')).status).toBe(400);
    const res = await forget(`id=${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ forgotten: 1 });
    expect((await forget(`id=${id}`)).status).toBe(404);
    const mapping = (
      (await send('region', '/api/assessment-data/tables/analyse', await workbook('Лист1', wideRows(0))))
        .body as Analysis
    ).mapping;
    const withYear: TableMapping = { ...mapping, fixed: { ...mapping.fixed, year: 2030 } };
    const asked = (
      await send('region', '/api/assessment-data/tables/analyse', await workbook('Лист1', wideRows(0)), {
        mapping: withYear,
      })
    ).body as Analysis;
    expect(asked.schools).toEqual([expect.objectContaining({ status: 'review', schoolId: f.S3.id })]);
  });

  it('a template applied to a file with another title: the new file’s title wins, the year is asked', async () => {
    const file = (title: string) =>
      workbook('Лист1', [[title], ['Код ОО', 'Участников', '2', '3', '4', '5'], ['C1', 20, 1, 5, 10, 4]]);
    const math = await file('Результаты ВПР по математике, 5 класс, 2031 год');
    const a = (await send('region', '/api/assessment-data/tables/analyse', math)).body as Analysis;
    expect(a.mapping.fixed).toEqual({ assessment: 'ВПР', subject: 'математика', grade: 5, year: 2031 });
    const mapping: TableMapping = a.mapping;
    const saved = (
      await send('region', '/api/assessment-data/tables/import?dryRun=false', math, {
        mapping,
        saveAs: { name: 'ВПР одного предмета' },
      })
    ).body as Imported;
    expect(saved).toMatchObject({ ok: true, savedTemplate: { name: 'ВПР одного предмета' } });

    const russian = await file('Результаты ВПР по русскому языку, 6 класс');
    const b = (await send('region', '/api/assessment-data/tables/analyse', russian)).body as Analysis;
    expect(b.analysis.signature).toBe(a.analysis.signature);
    expect(b.template).toMatchObject({ name: 'ВПР одного предмета' });
    expect(b.mapping.fixed).toEqual({ assessment: 'ВПР', subject: 'русский язык', grade: 6, year: null });
    expect(b.results).toBe(0);
    const withYear: TableMapping = { ...b.mapping, fixed: { ...b.mapping.fixed, year: 2031 } };
    const c = (await send('region', '/api/assessment-data/tables/analyse', russian, { mapping: withYear }))
      .body as Analysis;
    expect(c.preview).toEqual([
      expect.objectContaining({ year: 2031, subject: 'русский язык', grade: 6, mark2: 1 }),
    ]);
  });

  it('a district’s title: a school not in it is sought in the region; a confirmation is remembered under the resolved district', async () => {
    const marks = [20, 10, 40, 30, 20];
    const head = ['Наименование ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'];
    const titled = await workbook('Лист1', [
      ['Результаты ВПР 2032, математика, 5 класс'],
      ['по Второму муниципальному району'],
      head,
      ['СОШ №3', ...marks],
      ['Школа 1', ...marks],
    ]);
    const a = (await send('region', '/api/assessment-data/tables/analyse', titled)).body as Analysis;
    expect(a.errors).toEqual([]);
    // «СОШ №3» is of the title's district; «Школа 1» is not, and is proposed from the whole region.
    expect(a.schools.map((s) => [s.status, s.schoolId])).toEqual([
      ['review', f.S3.id],
      ['review', f.S1.id],
    ]);
    expect(a.notes.map((n) => n.message)).toContain(
      'Школы, которых нет в муниципалитете из заголовка («Второму муниципальному району»), искались по всему региону',
    );
    const confirmedSchools = Object.fromEntries(a.schools.map((s) => [s.keyId, s.schoolId]));
    const done = (
      await send('region', '/api/assessment-data/tables/import?dryRun=false', titled, { confirmedSchools })
    ).body as Imported;
    expect(done).toMatchObject({ ok: true, results: 2 });
    // The same file again asks nothing: each name is found where it was remembered.
    const again = (await send('region', '/api/assessment-data/tables/analyse', titled)).body as Analysis;
    expect([again.matchedSchools, again.schools]).toEqual([2, []]);

    // The next file writes the district in a column: «СОШ №3» of «Второй район» is not asked again; «Школа 1»
    // was confirmed outside the title's district, so nothing ties it to a district's column.
    const columned = await workbook('Лист1', [
      ['Результаты ВПР 2032, математика, 5 класс'],
      [...head.slice(0, 1), 'Муниципалитет', ...head.slice(1)],
      ['СОШ №3', 'Второй район', ...marks],
      ['Школа 1', 'Первый район', ...marks],
    ]);
    const b = (await send('region', '/api/assessment-data/tables/analyse', columned)).body as Analysis;
    expect(b.errors).toEqual([]);
    expect(b.matchedSchools).toBe(1);
    expect(b.schools.map((s) => [s.status, s.schoolId])).toEqual([['review', f.S1.id]]);
  });
});

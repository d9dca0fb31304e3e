import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { readUploadedPackage } from '../src/modules/assessment-data/read-upload.js';
import { type TableMapping, tableMapping } from '../src/modules/assessment-data/tables/mapping.js';
import { analyseBook } from '../src/modules/assessment-data/tables/recognise-table.js';
import { testApp } from './helpers/api.js';
import { workbook } from './helpers/assessment-tables.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// What a hostile or careless client may send to the table routes (review of issue 16 §1): mappings past
// the contract's bounds, fields sent twice, too long or not JSON, too many confirmed schools; the
// template download and delete routes; an administrator who must name the region.

const FILE_ROWS = [
  ['Код ОО', 'Год', 'Процедура', 'Предмет', 'Класс', 'Участников', '2', '3', '4', '5'],
  ['C1', 2032, 'ВПР', 'математика', 5, 20, 1, 5, 10, 4],
];
const mapping = (over: Partial<TableMapping> = {}): TableMapping => ({
  sheet: 'Лист1',
  headerRows: [1],
  layout: 'long',
  columns: [
    'school_code',
    'year',
    'assessment',
    'subject',
    'grade',
    'participants',
    'mark2',
    'mark3',
    'mark4',
    'mark5',
  ].map((field, i) => ({
    column: i + 1,
    field: field as TableMapping['columns'][number]['field'],
    group: null,
  })),
  groups: [],
  fixed: { assessment: null, subject: null, grade: null, year: null },
  ...over,
});

describe('the recogniser keeps to the mapping contract', () => {
  it('a sheet of 2500 recognised columns in 600 groups: the proposal is accepted back', () => {
    const head = ['Код ОО'];
    for (let g = 0; g < 600; g++)
      head.push(...[2, 3, 4, 5].map((m) => `ВПР математика ${(g % 11) + 1} кл. вариант ${g} — % «${m}»`));
    const { analysis } = analyseBook([{ name: 'Лист1', rows: [{ row: 1, cells: head }] }], null);
    const parsed = tableMapping.safeParse(analysis.mapping);
    expect(parsed.success).toBe(true);
    expect(analysis.mapping.columns.length).toBeLessThanOrEqual(2000);
  });
});

describe.each(DB_KINDS)('assessment table routes against hostile input (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let file: Buffer;
  let secondRegion: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    f = await buildRegion(db);
    await db.update(orgUnits).set({ code: 'C1' }).where(eq(orgUnits.id, f.S1.id));
    secondRegion = crypto.randomUUID();
    await db.insert(orgUnits).values({
      id: secondRegion,
      kind: 'region',
      name: 'Вторая область',
      path: `/${secondRegion}/`,
    } as typeof orgUnits.$inferInsert);
    t = testApp(database);
    for (const login of ['region', 'admin']) cookies[login] = await t.login(login, 'password-123');
    file = await workbook('Лист1', FILE_ROWS);
  }, 300_000);
  afterAll(() => database.close());

  /** Fields as raw text (JSON or not); an array value is sent as the same field repeated. */
  const send = async (login: string, path: string, fields: Record<string, string | string[]> = {}) => {
    const body = new FormData();
    body.append('file', new File([new Uint8Array(file)], 'впр.xlsx'));
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const res = await t.call('POST', path, {
      cookie: cookies[login],
      body,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    return { status: res.status, body: (await res.json()) as { error?: { message: string }; ok?: boolean } };
  };
  const ANALYSE = '/api/assessment-data/tables/analyse';
  const IMPORT = '/api/assessment-data/tables/import?dryRun=true';

  it('refuses mappings past the bounds with a Russian 400', async () => {
    const col = (over: object) =>
      JSON.stringify(
        mapping({ columns: [...mapping().columns, { column: 11, field: 'mark2', group: null, ...over }] }),
      );
    const cases: [string, RegExp][] = [
      [col({ group: 1_000_000 }), /Поле mapping/],
      [col({ group: 0 }), /группе, которой нет/],
      [col({ column: 1 }), /сопоставлен дважды/],
      [col({ column: 99_999 }), /Поле mapping/],
      [
        JSON.stringify(
          mapping({
            layout: 'wide',
            groups: Array.from({ length: 3000 }, () => ({ assessment: null, subject: null, grade: null })),
          }),
        ),
        /Поле mapping/,
      ],
    ];
    for (const [text, message] of cases) {
      const r = await send('region', ANALYSE, { mapping: text });
      expect([r.status, r.body.error?.message]).toEqual([400, expect.stringMatching(message)]);
    }
  });

  it('refuses a field sent twice, too long or not JSON, and too many confirmed schools', async () => {
    const m = JSON.stringify(mapping());
    const twice = await send('region', ANALYSE, { mapping: [m, m] });
    expect([twice.status, twice.body.error?.message]).toEqual([400, expect.stringContaining('«mapping»')]);
    const long = await send('region', ANALYSE, { mapping: `"${'x'.repeat(300 * 1024)}"` });
    expect([long.status, long.body.error?.message]).toEqual([
      400,
      expect.stringContaining('слишком длинное'),
    ]);
    const notJson = await send('region', IMPORT, { confirmedSchools: '{nope' });
    expect([notJson.status, notJson.body.error?.message]).toEqual([400, 'Поле confirmedSchools: не JSON']);
    const many = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`k${i}`, f.S1.id]));
    const tooMany = await send('region', IMPORT, { confirmedSchools: JSON.stringify(many) });
    expect([tooMany.status, tooMany.body.error?.message]).toEqual([
      400,
      expect.stringContaining('не больше 5000'),
    ]);
    // The same file with a sound mapping passes.
    expect((await send('region', IMPORT, { mapping: m })).body.ok).toBe(true);
  });

  it('an administrator with two regions names the region; the template routes take it too', async () => {
    const byName = await workbook('Лист1', [
      ['Наименование ОО', 'Год', 'Процедура', 'Предмет', 'Класс', 'Участников', '2', '3', '4', '5'],
      ['Школа 1', 2032, 'ВПР', 'математика', 5, 20, 1, 5, 10, 4],
    ]);
    const saved = file;
    file = byName;
    const none = await send('admin', ANALYSE);
    expect([none.status, none.body.error?.message]).toEqual([400, expect.stringContaining('Укажите регион')]);
    expect(none.body.error?.message).not.toContain('пакет');
    const chosen = await send('admin', `${ANALYSE}?regionId=${f.R.id}`);
    expect(chosen.status).toBe(200);
    file = saved;
    // By code: the region is found by itself.
    expect((await send('admin', IMPORT)).body.ok).toBe(true);
    expect((await send('admin', `${IMPORT}&regionId=${crypto.randomUUID()}`)).status).toBe(404);

    const put = await t.call('PUT', `/api/assessment-data/tables/templates?regionId=${secondRegion}`, {
      cookie: cookies.admin,
      body: { name: 'Админский', signature: 's', mapping: mapping() },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(put.status).toBe(200);
    const noRegion = await t.call('PUT', '/api/assessment-data/tables/templates', {
      cookie: cookies.admin,
      body: { name: 'Без региона', signature: 's', mapping: mapping() },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(noRegion.status).toBe(400);
    const del = (q: string) =>
      t.call(
        'DELETE',
        `/api/assessment-data/tables/templates?name=${encodeURIComponent('Админский')}&version=1${q}`,
        {
          cookie: cookies.admin,
          headers: { 'sec-fetch-site': 'same-origin' },
        },
      );
    // In the first region there is no such template: a stale list.
    expect((await del(`&regionId=${f.R.id}`)).status).toBe(409);
    expect((await del(`&regionId=${secondRegion}`)).status).toBe(200);
  });

  it('downloads both XLSX templates, named in Russian', async () => {
    for (const layout of ['long', 'wide']) {
      const res = await t.call('GET', `/api/assessment-data/tables/template.xlsx?layout=${layout}`, {
        cookie: cookies.region,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
        'Шаблон результатов',
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    }
  });

  it('downloads an example of the Opora package that the package reader reads', async () => {
    const res = await t.call('GET', '/api/assessment-data/tables/template.xlsx?layout=package', {
      cookie: cookies.region,
    });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('Пример пакета');
    const pkg = await readUploadedPackage(Buffer.from(await res.arrayBuffer()));
    expect(pkg.schools.length).toBeGreaterThan(0);
    expect(pkg.results.length).toBeGreaterThan(0);
    expect(pkg.schools[0]?.name).toMatch(/Краснозорск|с\./u);
  });
});

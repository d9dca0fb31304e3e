import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { testApp } from './helpers/api.js';
import {
  GOOD,
  RESULTS_HEADER,
  resultRows,
  schoolsCsv,
  xlsxOfPackage,
  zipOfPackage,
} from './helpers/data-package.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { TEST_SYSTEM } from './helpers/system.js';

// HTTP tests of the assessment data routes (docs/identification-api.md): real sessions, multipart
// uploads, the CSRF guard and the upload limit of testApp (UPLOAD_MAX_MB=2). Data is checked only
// through the API (`years`), never through the tables.

type Years = {
  year: number;
  schools: number;
  results: number;
  contextValues: number;
  confirmations: number;
  lastImport: { fileName: string; importedAt: string; importedBy: { fullName: string } | null } | null;
}[];
const C = ['C1', 'C2', 'C3'];
const NOTHING = { unknownSchools: [], errors: [], replaced: [], unchanged: 0 };

describe.each(DB_KINDS)('assessment data over HTTP (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    const f = await buildRegion(db);
    for (const [s, code] of [
      [f.S1, 'C1'],
      [f.S2, 'C2'],
      [f.S3, 'C3'],
    ] as const) {
      await db.update(orgUnits).set({ code }).where(eq(orgUnits.id, s.id));
    }
    // A neighbouring region with its own operator and school D1.
    const unit = (parentId: string | null, kind: 'region' | 'municipality' | 'school', name: string) =>
      createOrgUnit(db, { actor: TEST_SYSTEM, audit: false, input: { parentId, kind, name } });
    const R2 = await unit(null, 'region', 'Соседняя область');
    const D1 = await unit((await unit(R2.id, 'municipality', 'Район соседей')).id, 'school', 'Школа D1');
    await db.update(orgUnits).set({ code: 'D1' }).where(eq(orgUnits.id, D1.id));
    const u = await createUser(db, {
      actor: TEST_SYSTEM,
      input: { login: 'region2', fullName: 'Оператор соседей', password: 'password-123' },
    });
    await addAssignment(db, {
      actor: TEST_SYSTEM,
      userId: u.id,
      input: { role: 'regional_operator', orgUnitId: R2.id },
    });
    t = testApp(database);
    for (const login of ['region', 'region2', 'admin', 'center', 'expert', 'mun1', 'curator', 'school1']) {
      cookies[login] = await t.login(login, 'password-123');
    }
  }, 300_000);
  afterAll(() => database.close());

  const SAME_SITE = { 'sec-fetch-site': 'same-origin' };
  const upload = async (
    login: string | null,
    file: Buffer,
    name: string,
    dryRun?: boolean,
    headers: Record<string, string> = SAME_SITE,
  ) => {
    const body = new FormData();
    body.append('file', new File([new Uint8Array(file)], name));
    const query = dryRun === undefined ? '' : `?dryRun=${dryRun}`;
    const res = await t.call('POST', `/api/assessment-data/import${query}`, {
      cookie: login ? cookies[login] : undefined,
      body,
      headers,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const years = async (login = 'region') => {
    const res = await t.call('GET', '/api/assessment-data/years', { cookie: cookies[login] });
    expect(res.status).toBe(200);
    return (await res.json()) as Years;
  };
  /** year → [schools, results, context values, confirmations, file of the last import]. */
  const summary = async (login = 'region') =>
    Object.fromEntries(
      (await years(login)).map((y) => [
        y.year,
        [y.schools, y.results, y.contextValues, y.confirmations, y.lastImport?.fileName],
      ]),
    );

  it('a dry run reports the counts and writes nothing', async () => {
    for (const dryRun of [true, undefined]) {
      const r = await upload('region', zipOfPackage(GOOD), 'данные.zip', dryRun);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        ok: true,
        dryRun: true,
        fileName: 'данные.zip',
        years: [2023, 2024],
        schools: 3,
        results: 12,
        contextValues: 7,
        confirmations: 2,
        ...NOTHING,
      });
    }
    expect(await years()).toEqual([]);
  });

  it('imports the package, and `years` shows it to the roles of the region', async () => {
    const r = await upload('region', zipOfPackage(GOOD), 'данные.zip', false);
    expect(r.body).toMatchObject({ ok: true, dryRun: false, results: 12, contextValues: 7, ...NOTHING });
    const list = await years();
    expect(list).toEqual([
      {
        year: 2023,
        schools: 3,
        results: 6,
        contextValues: 2,
        confirmations: 0,
        lastImport: expect.any(Object),
      },
      {
        year: 2024,
        schools: 3,
        results: 6,
        contextValues: 5,
        confirmations: 2,
        lastImport: expect.any(Object),
      },
    ]);
    expect(list[1]?.lastImport).toMatchObject({
      fileName: 'данные.zip',
      importedBy: { fullName: 'Пользователь region' },
    });
    expect(Date.now() - Date.parse(list[1]?.lastImport?.importedAt ?? '')).toBeLessThan(60_000);
    for (const login of ['center', 'expert', 'admin']) expect(await years(login)).toEqual(list);
  });

  it('a re-import of a year reports what it replaces, first as a dry run', async () => {
    const pkg = zipOfPackage({
      schools: schoolsCsv(['C1']),
      results: `${RESULTS_HEADER}${resultRows(2024, ['C1'], 9)}C1,2024,ОГЭ,математика,9,20,1,5,5,9\n`,
      context: 'school_id,year,ovz_share\nC1,2024,0.5\n',
    });
    const replaced = [{ year: 2024, results: 2, contextValues: 1, confirmations: 0 }];
    const dry = await upload('region', pkg, 'c1-2024.zip', true);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, years: [2024], results: 3, replaced });
    expect((await summary())[2024]).toEqual([3, 6, 5, 2, 'данные.zip']);
    const real = await upload('region', pkg, 'c1-2024.zip', false);
    expect(real.body).toMatchObject({ ok: true, dryRun: false, results: 3, contextValues: 1, replaced });
    // 2024: 6 − 2 + 3 results; C1's one context value replaced; the confirmation report kept.
    expect(await summary()).toEqual({
      2023: [3, 6, 2, 0, 'данные.zip'],
      2024: [3, 7, 5, 2, 'c1-2024.zip'],
    });
  });

  const AFTER_REIMPORT = { 2023: [3, 6, 2, 0, 'данные.zip'], 2024: [3, 7, 5, 2, 'c1-2024.zip'] };
  const AFTER_XLSX = { 2022: [3, 6, 3, 0, 'книга.xlsx'], ...AFTER_REIMPORT };

  it('a package with bad rows is refused row by row and writes nothing', async () => {
    const r = await upload(
      'region',
      zipOfPackage({
        ...GOOD,
        results: `${RESULTS_HEADER + resultRows(2025, C)}C1,2025,ВПР,история,12,10,1,0,0,0\nC2,2025,ВПР,история,5,10,11,0,0,0\n`,
      }),
      'плохой.zip',
      false,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: false, dryRun: false, fileName: 'плохой.zip', replaced: [] });
    expect(r.body.errors).toEqual([
      { file: 'results.csv', row: 8, column: 'grade', message: 'Класс «12» — нужно целое число от 1 до 11' },
      {
        file: 'results.csv',
        row: 9,
        column: 'mark2',
        message: 'Число «2» (11) больше числа участников (10)',
      },
    ]);
    expect(await summary()).toEqual(AFTER_REIMPORT);
  });

  it('reports school codes unknown in the region and writes nothing', async () => {
    const r = await upload(
      'region',
      zipOfPackage({
        schools: schoolsCsv(['C1', 'C9', 'D1']),
        results: RESULTS_HEADER + resultRows(2025, ['C1', 'C9', 'D1']),
        context: 'school_id,year,ovz_share\n',
      }),
      'новые.zip',
      false,
    );
    expect(r.status).toBe(200);
    // D1 exists, but in the other region.
    expect(r.body).toMatchObject({
      ok: false,
      results: 6,
      errors: [],
      unknownSchools: [
        { code: 'C9', name: 'Школа C9' },
        { code: 'D1', name: 'Школа D1' },
      ],
    });
    expect(await summary()).toEqual(AFTER_REIMPORT);
  });

  it('imports an XLSX workbook with a sheet per file', async () => {
    const book = await xlsxOfPackage({
      schools: schoolsCsv(C),
      results: RESULTS_HEADER + resultRows(2022, C),
      context: 'school_id,year,low_income_share\nC1,2022,0.3\nC2,2022,0.25\nC3,2022,0.1',
    });
    const r = await upload('region', book, 'книга.xlsx', false);
    expect(r.body).toMatchObject({
      ok: true,
      years: [2022],
      schools: 3,
      results: 6,
      contextValues: 3,
      ...NOTHING,
    });
    expect(await summary()).toEqual(AFTER_XLSX);
  });

  it('refuses a file that is not a package (415) and one over the upload limit (413)', async () => {
    const csv = await upload('region', Buffer.from(GOOD.results), 'results.csv', true);
    expect(csv.status).toBe(415);
    expect(csv.body).toMatchObject({
      error: { code: 'UNSUPPORTED_TYPE', message: expect.stringMatching(/^Загрузите книгу XLSX/) },
    });
    // A good package padded past UPLOAD_MAX_MB (2 MB): just over it, and over the whole request limit.
    for (const mb of [2.2, 4]) {
      const padding = { name: 'padding.bin', data: randomBytes(mb * 1024 * 1024) };
      const big = await upload('region', zipOfPackage(GOOD, [padding]), 'большой.zip', false);
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({
        error: { code: 'TOO_LARGE', message: expect.stringContaining('2 МБ') },
      });
    }
    expect(await summary()).toEqual(AFTER_XLSX);
  });

  it('refuses a cross-site request', async () => {
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
    ];
    for (const headers of crossSite) {
      const r = await upload('region', zipOfPackage(GOOD), 'чужой.zip', false, headers);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { message: 'Запрос с чужого сайта отклонён' } });
    }
    expect(await summary()).toEqual(AFTER_XLSX);
  });

  it('lets only the roles of the region level in', async () => {
    for (const login of ['mun1', 'curator', 'school1']) {
      expect((await upload(login, zipOfPackage(GOOD), 'a.zip', true)).status).toBe(403);
      const res = await t.call('GET', '/api/assessment-data/years', { cookie: cookies[login] });
      expect(res.status).toBe(403);
    }
    // The regional centre and the expert read the data but do not load it.
    for (const login of ['center', 'expert']) {
      const r = await upload(login, zipOfPackage(GOOD), 'a.zip', true);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ error: { message: expect.stringContaining('региональный оператор') } });
    }
    expect((await upload(null, zipOfPackage(GOOD), 'a.zip', true)).status).toBe(401);
    expect((await t.call('GET', '/api/assessment-data/years')).status).toBe(401);
  });

  it("an operator sees and loads only its own region's data", async () => {
    const theirs = (code: string) =>
      zipOfPackage({
        schools: schoolsCsv([code]),
        results: RESULTS_HEADER + resultRows(2021, [code]),
        context: 'school_id,year,ovz_share\n',
      });
    const foreign = await upload('region2', theirs('C1'), 'c1.zip', false);
    expect(foreign.body).toMatchObject({ ok: false, unknownSchools: [{ code: 'C1', name: 'Школа C1' }] });
    const own = await upload('region2', theirs('D1'), 'соседи.zip', false);
    expect(own.body).toMatchObject({ ok: true, years: [2021], schools: 1, results: 2, ...NOTHING });
    expect(await summary('region2')).toEqual({ 2021: [1, 2, 0, 0, 'соседи.zip'] });
    expect(await summary('region')).toEqual(AFTER_XLSX);
    expect(Object.keys(await summary('admin'))).toEqual(['2021', '2022', '2023', '2024']);
  });
});

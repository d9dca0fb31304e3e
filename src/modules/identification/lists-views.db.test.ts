import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import { checkResponse, responseSchemas } from '../../../tests/helpers/response-check.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { identificationListRoutes } from '../../api/routes/identification-lists.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { databaseStorage } from '../files/storage.js';
import { createOrReplaceDraftList } from './create-list.js';
import { exportList, LIST_SHEET_NAME, listTitle } from './export-list.js';
import { municipalityConcentration, schoolCard } from './list-views.js';
import { code, documentXml, type ListsSetting, setUpLists, shnor } from './lists-setup.js';

// Identification lists, views of approved lists: municipalities, the school card, the DOCX,
// XLSX and PDF exports, HTTP. One part of the chain that lists-setup.ts builds up to.

describe.each(DB_KINDS)('identification lists (views) on %s', (kind) => {
  let s: ListsSetting;
  let database: Database;
  let f: ListsSetting['f'];
  let list24 = '';
  let list25 = '';
  let run26 = '';
  const db = () => s.database.db;
  const makeRun: ListsSetting['makeRun'] = (...a) => s.makeRun(...a);

  beforeAll(async () => {
    s = await setUpLists(kind, 'approved');
    ({ f, list24, list25, database } = s);
  });
  afterAll(() => s.database.close());

  it('ranks municipalities by the share of ШНОР', async () => {
    const c25 = await municipalityConcentration(db(), { actor: f.as('region'), listId: list25 });
    expect(c25).toEqual([
      { municipality: { id: f.M1.id, name: 'Первый район' }, schools: 2, shnor: 2, share: 1 },
      { municipality: { id: f.M2.id, name: 'Второй район' }, schools: 1, shnor: 0, share: 0 },
    ]);
    const c24 = await municipalityConcentration(db(), { actor: f.as('region'), listId: list24 });
    expect(c24.map((g) => [g.municipality?.id, g.share])).toEqual([
      [f.M2.id, 1],
      [f.M1.id, 0.5],
    ]);
    const mun1 = await municipalityConcentration(db(), { actor: f.as('mun1'), listId: list24 });
    expect(mun1).toEqual([
      { municipality: { id: f.M1.id, name: 'Первый район' }, schools: 2, shnor: 1, share: 0.5 },
    ]);
  });

  it('builds a school card from approved lists and, for region roles, runs', async () => {
    await makeRun(2023, [[f.S1.id, { ...shnor('2023'), cluster: 1, resultIndex: 0.55 }]]);
    run26 = await makeRun(2026, [
      [f.S1.id, { riskZone: true, reasons: ['Зона риска: 2026.'], cluster: 1, resultIndex: 0.6, isbsh: -1 }],
      [f.S2.id, { cluster: 1, resultIndex: 0.8, isbsh: 0 }],
      [f.S3.id, { cluster: 2, resultIndex: 0.7, isbsh: 0.5 }],
    ]);
    const card = await schoolCard(db(), { actor: f.as('region'), schoolId: f.S1.id });
    expect(card.school).toMatchObject({ id: f.S1.id, name: 'Школа 1', municipality: { id: f.M1.id } });
    expect(card.years.map((y) => [y.year, y.source])).toEqual([
      [2023, 'run'],
      [2024, 'approved'],
      [2025, 'approved'],
      [2026, 'run'],
    ]);
    expect(card.years[2]).toMatchObject({
      listId: list25,
      included: true,
      flags: { shnor: true, stagnation: true },
    });
    expect(card.indicators?.year).toBe(2026);
    expect(card.indicators?.school).toEqual({ r: 0.6, isbsh: -1, lowShareAvg: 0.4, cluster: 1 });
    expect(card.indicators?.cluster?.schools).toBe(2);
    expect(card.indicators?.cluster?.r).toBeCloseTo(0.7);
    expect(card.indicators?.cluster?.isbsh).toBeCloseTo(-0.5);
    expect(card.indicators?.region.schools).toBe(3);
    expect(card.indicators?.region.r).toBeCloseTo(0.7);
    expect(card.indicators?.region.lowShareAvg).toBeCloseTo(0.3);

    const own = await schoolCard(db(), { actor: f.as('school1'), schoolId: f.S1.id });
    expect(own.years.map((y) => [y.year, y.source])).toEqual([
      [2024, 'approved'],
      [2025, 'approved'],
    ]);
    expect(own.indicators?.year).toBe(2025);
    expect(own.indicators?.region.r).toBeCloseTo(0.7);

    const s2 = await schoolCard(db(), { actor: f.as('mun1'), schoolId: f.S2.id });
    expect(s2.years.find((y) => y.year === 2025)).toMatchObject({
      included: true,
      flags: { shnor: true },
      decision: { decision: 'include' },
    });
    expect(s2.years.find((y) => y.year === 2025)?.reasons).toContain(
      'Включена в перечень решением регионального оператора: По заявлению муниципалитета',
    );
    expect(await code(schoolCard(db(), { actor: f.as('mun1'), schoolId: f.S3.id }))).toBe('NOT_FOUND');
    expect(await code(schoolCard(db(), { actor: f.as('school1'), schoolId: f.S2.id }))).toBe('NOT_FOUND');
  });

  it('exports the approved list to DOCX (included schools) and XLSX (every flagged school)', async () => {
    await database.db.update(orgUnits).set({ code: 'SCH-001' }).where(eq(orgUnits.id, f.S1.id));
    const docx = await exportList(db(), { actor: f.as('region'), listId: list25, format: 'docx' });
    expect(docx.fileName).toBe('Перечень ШНОР 2025.docx');
    const xml = await documentXml(docx.body);
    expect(xml).toContain(listTitle(2025));
    expect(xml).toContain('>Приложение к приказу<');
    expect(xml).toContain('>от 14.02.2025 № 7-од<');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Школа 1');
    expect(xml).toContain('ШНОР: 2025, S1');
    expect(xml).not.toContain('ШНСУ: низкий ИСБШ.');
    expect(xml).toContain(
      'Включена в перечень решением регионального оператора: По заявлению муниципалитета',
    );
    expect(xml).not.toContain('Школа 3');
    expect(xml).not.toContain('>Проект<');

    const xlsx = await exportList(db(), { actor: f.as('region'), listId: list25, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(LIST_SHEET_NAME);
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe(listTitle(2025));
    const header = (ws.getRow(6).values as unknown[]).slice(1);
    expect(header.slice(0, 7)).toEqual([
      '№',
      'Муниципалитет',
      'Школа',
      'Код',
      'ИСБШ',
      'Кластер',
      'Индекс результатов',
    ]);
    expect(header).toContain('Включена в перечень');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.autoFilter).toBeDefined();
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [7, 8, 9].map((r) => ({
      school: ws.getCell(r, col('Школа')).value,
      code: ws.getCell(r, col('Код')).value,
      shnor: ws.getCell(r, col('ШНОР')).value,
      included: ws.getCell(r, col('Включена в перечень')).value,
      decision: ws.getCell(r, col('Решение оператора')).value,
    }));
    expect(rows).toEqual([
      { school: 'Школа 3', code: null, shnor: 'да', included: null, decision: 'исключить' },
      { school: 'Школа 1', code: 'SCH-001', shnor: 'да', included: 'да', decision: null },
      { school: 'Школа 2', code: null, shnor: null, included: 'да', decision: 'включить' },
    ]);
    expect(ws.getCell(8, col('Индекс результатов')).value).toBe(0.5);
    expect(ws.getCell(10, col('Школа')).value).toBeNull();

    // A municipality gets its schools only; a draft is marked as a project.
    const mun2 = await exportList(db(), { actor: f.as('mun2'), listId: list25, format: 'docx' });
    expect(await documentXml(mun2.body)).toContain('Школ в перечне нет');
    const draft = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId: run26 });
    const draftDocx = await exportList(db(), { actor: f.as('region'), listId: draft.id, format: 'docx' });
    expect(draftDocx.fileName).toBe('Перечень ШНОР 2026 (проект).docx');
    expect(await documentXml(draftDocx.body)).toContain('>Проект<');
    expect(await code(exportList(db(), { actor: f.as('mun1'), listId: draft.id, format: 'xlsx' }))).toBe(
      'NOT_FOUND',
    );
  });

  it.skipIf(!libreOffice)(
    'converts both exports to PDF with LibreOffice',
    async () => {
      const pdfs = convertToPdf([
        {
          name: 'list-word.docx',
          data: (await exportList(db(), { actor: f.as('region'), listId: list25, format: 'docx' })).body,
        },
        {
          name: 'list-excel.xlsx',
          data: (await exportList(db(), { actor: f.as('region'), listId: list25, format: 'xlsx' })).body,
        },
      ]);
      for (const pdf of pdfs) expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
    },
    180_000,
  );

  it('serves the lists over HTTP', async () => {
    let actor: Actor = f.as('region');
    const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
    app.onError(errorResponse);
    app.use('*', async (c, next) => {
      c.set('actor', actor);
      await next();
    });
    identificationListRoutes(app, {
      db: db(),
      dbKind: database.kind,
      storage: databaseStorage(db()),
      config: loadConfig({ DEMO: 'true' }),
      sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
    });
    const routes = responseSchemas(app);
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await app.request(`http://localhost${url}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // The answers must be true to the OpenAPI document.
      await checkResponse(routes, method, url, res);
      return res;
    };
    const lists = await call('GET', '/api/identification/lists?year=2025');
    expect(lists.status).toBe(200);
    expect(((await lists.json()) as { id: string }[]).map((l) => l.id)).toEqual([list25]);
    const one = await call('GET', `/api/identification/lists/${list25}?flag=included`);
    expect(((await one.json()) as { entries: unknown[] }).entries).toHaveLength(2);
    const frozen = await call('PUT', `/api/identification/lists/${list25}/decisions/${f.S1.id}`, {
      decision: 'exclude',
      reason: 'Поздняя правка списка',
      version: 9,
    });
    expect(frozen.status).toBe(400);
    expect(((await frozen.json()) as { error: { message: string } }).error.message).toBe(
      'Список утверждён и изменён быть не может',
    );
    const bad = await call('PUT', `/api/identification/lists/${list25}/decisions/${f.S1.id}`, {
      decision: 'exclude',
      reason: 'abc',
      version: 9,
    });
    expect(bad.status).toBe(400);
    const file = await call('GET', `/api/identification/lists/${list25}/export?format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('Перечень ШНОР 2025.xlsx'));
    for (const path of ['comparison', 'municipalities']) {
      expect((await call('GET', `/api/identification/lists/${list25}/${path}`)).status).toBe(200);
    }
    expect((await call('GET', `/api/identification/schools/${f.S1.id}`)).status).toBe(200);
    actor = f.as('school2');
    expect((await call('GET', `/api/identification/schools/${f.S1.id}`)).status).toBe(404);
    expect((await call('POST', '/api/identification/lists', { runId: run26 })).status).toBe(404);
  });
});

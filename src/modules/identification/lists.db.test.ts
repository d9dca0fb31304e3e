import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import { checkResponse, responseSchemas } from '../../../tests/helpers/response-check.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { identificationListRoutes } from '../../api/routes/identification-lists.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { identificationResults, identificationRuns, methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { databaseStorage } from '../files/storage.js';
import { approveList } from './approve-list.js';
import { createOrReplaceDraftList } from './create-list.js';
import { exportList, LIST_SHEET_NAME, listTitle } from './export-list.js';
import { removeDecision, setDecision } from './list-decisions.js';
import { includedSchools } from './list-rule.js';
import { listComparison, municipalityConcentration, schoolCard } from './list-views.js';
import { getList, listLists } from './lists.js';

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '' };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
};
const code = async (p: Promise<unknown>) => (await failure(p)).code;

const documentXml = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';

type ResultPatch = Partial<typeof identificationResults.$inferInsert>;

describe('includedSchools', () => {
  it('is the run’s ШНОР plus inclusions minus exclusions', () => {
    const out = includedSchools(new Set(['a', 'b']), [
      { schoolId: 'b', decision: 'exclude' },
      { schoolId: 'c', decision: 'include' },
      { schoolId: 'a', decision: 'include' },
      { schoolId: 'd', decision: 'exclude' },
    ]);
    expect([...out].sort()).toEqual(['a', 'c']);
  });
});

describe.each(DB_KINDS)('identification lists on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let methodologyId = '';
  const db = () => database.db;

  const makeRun = async (
    year: number,
    results: [string, ResultPatch][],
    status: 'done' | 'running' = 'done',
  ) => {
    const [run] = await db()
      .insert(identificationRuns)
      .values({
        regionId: f.R.id,
        methodologyId,
        year,
        status,
        finishedAt: status === 'done' ? new Date() : null,
      })
      .returning();
    if (!run) throw new Error('no run');
    if (results.length)
      await db()
        .insert(identificationResults)
        .values(
          results.map(([schoolId, p]) => ({
            runId: run.id,
            schoolId,
            isbsh: null,
            cluster: null,
            resultIndex: null,
            shnor: false,
            shnsu: false,
            riskZone: false,
            resilient: false,
            stagnation: false,
            repeat: false,
            exit: false,
            objectivity: false,
            lowProcedures: [],
            reasons: [],
            ...p,
          })),
        );
    return run.id;
  };
  const shnor = (reason: string): ResultPatch => ({
    shnor: true,
    reasons: [`ШНОР: ${reason}`, 'ШНСУ: низкий ИСБШ.'],
    lowProcedures: [{ assessment: 'ВПР', subject: 'математика', grade: 5, lowShare: 0.34 }],
  });

  let run24 = '';
  let run25a = '';
  let run25b = '';
  let list24 = '';
  let list25 = '';
  let run26 = '';

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    // The region got its default methodology when it was created.
    const [m] = await db().select().from(methodologies).where(eq(methodologies.regionId, f.R.id));
    methodologyId = m?.id ?? '';
    run24 = await makeRun(2024, [
      [f.S1.id, { ...shnor('2024, S1'), cluster: 1, resultIndex: 0.6, isbsh: -1 }],
      [f.S2.id, { riskZone: true, cluster: 2, resultIndex: 0.8, isbsh: 0.5 }],
      [f.S3.id, { ...shnor('2024, S3'), cluster: 1, resultIndex: 0.7, isbsh: -0.5 }],
    ]);
    run25a = await makeRun(2025, [
      [f.S1.id, { ...shnor('2025, S1'), stagnation: true, cluster: 1, resultIndex: 0.5, isbsh: -1.2 }],
      [f.S2.id, { riskZone: true, reasons: ['Зона риска: 2025.'], cluster: 2, resultIndex: 0.9, isbsh: 0.4 }],
      [f.S3.id, { ...shnor('2025, S3'), cluster: 1, resultIndex: 0.7, isbsh: -0.9 }],
    ]);
    run25b = await makeRun(2025, [
      [f.S1.id, { ...shnor('2025b, S1') }],
      [f.S3.id, { ...shnor('2025b, S3') }],
    ]);
  });
  afterAll(() => database.close());

  it('creates one draft per year from a finished run, for the regional operator only', async () => {
    const running = await makeRun(2025, [], 'running');
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('region'), runId: running }))).toBe(
      'INVALID_INPUT',
    );
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('center'), runId: run25a }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(createOrReplaceDraftList(db(), { actor: f.as('mun1'), runId: run25a }))).toBe(
      'NOT_FOUND',
    );
    const l = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId: run25a });
    list25 = l.id;
    expect(l).toMatchObject({
      year: 2025,
      status: 'draft',
      version: 1,
      canEdit: true,
      counts: { computed: 2, included: 2, excluded: 0 },
      run: { id: run25a, methodology: { code: 'opora-default', version: 1 } },
    });
    const again = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId: run25a });
    expect(again.id).toBe(list25);
    expect(again.version).toBe(1);
    const detail = await getList(db(), { actor: f.as('expert'), listId: list25 });
    expect(detail.canEdit).toBe(false);
    // By municipality («Второй район» first), then by school.
    expect(detail.entries.map((e) => e.school.name)).toEqual(['Школа 3', 'Школа 1', 'Школа 2']);
    const s1 = detail.entries[1];
    expect(s1).toMatchObject({
      school: { id: f.S1.id, municipality: { id: f.M1.id, name: 'Первый район' } },
      computed: true,
      included: true,
      decision: null,
      flags: { shnor: true, stagnation: true, riskZone: false },
      cluster: 1,
      resultIndex: 0.5,
    });
    expect(s1?.reasons[0]).toBe('ШНОР: 2025, S1');
    expect(s1?.lowProcedures).toEqual([
      { assessment: 'ВПР', subject: 'математика', grade: 5, lowShare: 0.34 },
    ]);
  });

  it('records decisions with reasons and detects stale versions', async () => {
    const region = f.as('region');
    const short = await failure(
      setDecision(db(), {
        actor: region,
        listId: list25,
        schoolId: f.S3.id,
        decision: 'exclude',
        reason: 'нет',
        version: 1,
      }),
    );
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toContain('не короче 5 символов');
    expect(
      await code(
        setDecision(db(), {
          actor: f.as('expert'),
          listId: list25,
          schoolId: f.S3.id,
          decision: 'exclude',
          reason: 'Проверка не подтвердила',
          version: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    const excluded = await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S3.id,
      decision: 'exclude',
      reason: 'Результаты признаны необъективными по итогам перепроверки',
      version: 1,
    });
    expect(excluded).toMatchObject({ version: 2, counts: { computed: 2, included: 1, excluded: 1 } });
    expect(
      await code(
        setDecision(db(), {
          actor: region,
          listId: list25,
          schoolId: f.S2.id,
          decision: 'include',
          reason: 'По заявлению муниципалитета',
          version: 1,
        }),
      ),
    ).toBe('CONFLICT');
    // Redundant or foreign decisions are refused.
    for (const [schoolId, decision] of [
      [f.S1.id, 'include'],
      [f.S2.id, 'exclude'],
      [f.M1.id, 'include'],
    ] as const) {
      expect(
        await code(
          setDecision(db(), {
            actor: region,
            listId: list25,
            schoolId,
            decision,
            reason: 'Причина решения',
            version: 2,
          }),
        ),
      ).toBe('INVALID_INPUT');
    }
    const included = await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 2,
    });
    expect(included).toMatchObject({ version: 3, counts: { computed: 2, included: 2, excluded: 1 } });
    const removed = await removeDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      version: 3,
    });
    expect(removed).toMatchObject({ version: 4, counts: { included: 1 } });
    expect(
      await code(removeDecision(db(), { actor: region, listId: list25, schoolId: f.S2.id, version: 4 })),
    ).toBe('NOT_FOUND');
    expect(
      await code(removeDecision(db(), { actor: region, listId: list25, schoolId: f.S3.id, version: 3 })),
    ).toBe('CONFLICT');
    const detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.version).toBe(4);
    const s3 = detail.entries.find((e) => e.school.id === f.S3.id);
    expect(s3).toMatchObject({
      computed: true,
      included: false,
      decision: {
        decision: 'exclude',
        reason: 'Результаты признаны необъективными по итогам перепроверки',
        decidedBy: { fullName: 'Пользователь region' },
      },
    });
    const onlyExcluded = await getList(db(), { actor: region, listId: list25, filter: { flag: 'excluded' } });
    expect(onlyExcluded.entries.map((e) => e.school.id)).toEqual([f.S3.id]);
    expect(onlyExcluded.counts).toEqual({ computed: 2, included: 1, excluded: 1 });
    const m2 = await getList(db(), { actor: region, listId: list25, filter: { municipalityId: f.M2.id } });
    expect(m2.entries.map((e) => e.school.id)).toEqual([f.S3.id]);
  });

  it('switches the draft to another run, keeping decisions of the schools still present', async () => {
    const region = f.as('region');
    await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 4,
    });
    expect(await code(createOrReplaceDraftList(db(), { actor: region, runId: run25b, version: 4 }))).toBe(
      'CONFLICT',
    );
    const switched = await createOrReplaceDraftList(db(), { actor: region, runId: run25b, version: 5 });
    expect(switched).toMatchObject({ id: list25, version: 6, run: { id: run25b } });
    let detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.entries.map((e) => [e.school.id, e.decision?.decision ?? null])).toEqual([
      [f.S3.id, 'exclude'],
      [f.S1.id, null],
    ]);
    const back = await createOrReplaceDraftList(db(), { actor: region, runId: run25a });
    expect(back).toMatchObject({ id: list25, version: 7, counts: { computed: 2, included: 1, excluded: 1 } });
    await setDecision(db(), {
      actor: region,
      listId: list25,
      schoolId: f.S2.id,
      decision: 'include',
      reason: 'По заявлению муниципалитета',
      version: 7,
    });
    detail = await getList(db(), { actor: region, listId: list25 });
    expect(detail.entries.filter((e) => e.included).map((e) => e.school.id)).toEqual([f.S1.id, f.S2.id]);
    expect((await listLists(db(), { actor: region, year: 2025 })).map((l) => l.id)).toEqual([list25]);
  });

  it('hides drafts from municipalities and schools', async () => {
    for (const login of ['mun1', 'mun2', 'school1', 'curator', 'teacher']) {
      expect(await code(getList(db(), { actor: f.as(login), listId: list25 }))).toBe('NOT_FOUND');
      expect(await listLists(db(), { actor: f.as(login) })).toEqual([]);
      expect(await code(listComparison(db(), { actor: f.as(login), listId: list25 }))).toBe('NOT_FOUND');
    }
    expect((await listLists(db(), { actor: f.as('center') })).map((l) => l.id)).toEqual([list25]);
  });

  it('approves a list by an order and freezes it', async () => {
    const region = f.as('region');
    const l = await createOrReplaceDraftList(db(), { actor: region, runId: run24 });
    list24 = l.id;
    expect(
      await code(
        approveList(db(), {
          actor: f.as('admin'),
          listId: list24,
          orderNumber: '12-од',
          orderDate: '2024-03-01',
          version: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        approveList(db(), {
          actor: region,
          listId: list24,
          orderNumber: '12-од',
          orderDate: '2024-02-30',
          version: 1,
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        approveList(db(), {
          actor: region,
          listId: list24,
          orderNumber: '12-од',
          orderDate: '2024-03-01',
          version: 9,
        }),
      ),
    ).toBe('CONFLICT');
    const approved = await approveList(db(), {
      actor: region,
      listId: list24,
      orderNumber: '12-од',
      orderDate: '2024-03-01',
      version: 1,
    });
    expect(approved).toMatchObject({
      status: 'approved',
      orderNumber: '12-од',
      orderDate: '2024-03-01',
      approvedBy: { fullName: 'Пользователь region' },
      version: 2,
      canEdit: false,
      counts: { computed: 2, included: 2, excluded: 0 },
    });
    expect(approved.approvedAt).not.toBeNull();

    const frozen = 'Список утверждён и изменён быть не может';
    // Thunks: each attempt starts only when awaited (no rejection left unhandled meanwhile).
    const attempts = [
      () =>
        approveList(db(), {
          actor: region,
          listId: list24,
          orderNumber: '13-од',
          orderDate: '2024-03-02',
          version: 2,
        }),
      () =>
        setDecision(db(), {
          actor: region,
          listId: list24,
          schoolId: f.S3.id,
          decision: 'exclude',
          reason: 'Поздняя правка списка',
          version: 2,
        }),
      () => removeDecision(db(), { actor: region, listId: list24, schoolId: f.S3.id, version: 2 }),
    ];
    for (const a of attempts) expect(await failure(a())).toEqual({ code: 'INVALID_INPUT', message: frozen });
    const replace = await failure(createOrReplaceDraftList(db(), { actor: region, runId: run24 }));
    expect(replace.code).toBe('INVALID_INPUT');
    expect(replace.message).toContain(
      'Перечень школ с низкими образовательными результатами на 2024 год уже утверждён приказом № 12-од от 01.03.2024',
    );
    const other2024 = await makeRun(2024, [[f.S1.id, shnor('again')]]);
    expect(await code(createOrReplaceDraftList(db(), { actor: region, runId: other2024 }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('shows an approved list to municipalities and schools, only their schools', async () => {
    const ids = async (login: string) =>
      (await getList(db(), { actor: f.as(login), listId: list24 })).entries.map((e) => e.school.id);
    // Only the list's rows: S2 of the first district is not in the list of 2024.
    expect(await ids('mun1')).toEqual([f.S1.id]);
    expect(await ids('school1')).toEqual([f.S1.id]);
    expect(await ids('curator')).toEqual([f.S1.id]);
    expect(await ids('mun2')).toEqual([f.S3.id]);
    expect(await ids('region')).toEqual([f.S3.id, f.S1.id, f.S2.id]);
    const mun1 = await listLists(db(), { actor: f.as('mun1') });
    expect(mun1.map((l) => l.id)).toEqual([list24]);
    expect(mun1[0]).toMatchObject({ complete: false, canEdit: false, counts: { computed: 1, included: 1 } });
    const mun2 = await getList(db(), { actor: f.as('mun2'), listId: list24 });
    expect(mun2.counts).toEqual({ computed: 1, included: 1, excluded: 0 });
    expect(JSON.stringify(mun2)).not.toContain(f.S1.id);
  });

  it('compares with the previous year’s approved list', async () => {
    const region = f.as('region');
    const draftView = await listComparison(db(), { actor: region, listId: list25 });
    expect(draftView.previousListId).toBe(list24);
    await approveList(db(), {
      actor: region,
      listId: list25,
      orderNumber: '7-од',
      orderDate: '2025-02-14',
      version: 8,
    });
    const c = await listComparison(db(), { actor: region, listId: list25 });
    expect(c).toMatchObject({ previousListId: list24, previousYear: 2024 });
    expect(c.new.map((s) => s.id)).toEqual([f.S2.id]);
    expect(c.left.map((s) => s.id)).toEqual([f.S3.id]);
    expect(c.stayed.map((s) => s.id)).toEqual([f.S1.id]);
    expect(c.stayed[0]).toEqual({
      id: f.S1.id,
      name: 'Школа 1',
      municipality: { id: f.M1.id, name: 'Первый район' },
    });
    const mun2 = await listComparison(db(), { actor: f.as('mun2'), listId: list25 });
    expect([mun2.new, mun2.left.map((s) => s.id), mun2.stayed]).toEqual([[], [f.S3.id], []]);
    const school1 = await listComparison(db(), { actor: f.as('school1'), listId: list25 });
    expect([school1.new, school1.left, school1.stayed.map((s) => s.id)]).toEqual([[], [], [f.S1.id]]);
    const none = await listComparison(db(), { actor: region, listId: list24 });
    expect(none).toMatchObject({ previousListId: null, new: [], left: [], stayed: [] });
  });

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

import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import {
  identificationListSchools,
  identificationOrders,
  identificationResults,
  identificationRuns,
  methodologies,
} from '../../db/schema/identification.js';
import { AppError } from '../../lib/errors.js';
import { getFile } from '../files/get-file.js';
import { databaseStorage } from '../files/storage.js';
import { approveList } from './approve-list.js';
import { approveListsByOrder } from './approve-order.js';
import { createOrReplaceDraftList } from './create-list.js';
import { exportList } from './export-list.js';
import { setDecision } from './list-decisions.js';
import type { ListEntry } from './list-entries.js';
import { compactGrounds } from './list-grounds.js';
import { getList, listLists } from './lists.js';
import { assertOrderDate, todayInMoscow } from './order-date.js';
import { attachListOrderFile } from './order-file.js';

// Issue 10: the region approves each list it uses (ШНОР, ШНСУ, зона риска, резильентные) by an order;
// one order approves several lists as its appendices; each is frozen; schools and municipalities see
// the approved lists that concern them, and in them only their own rows.

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '', fields: [] as { field: string; message: string }[] };
  } catch (e) {
    if (e instanceof AppError)
      return {
        code: e.code,
        message: e.message,
        fields: ((e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ??
          []) as { field: string; message: string }[],
      };
    throw e;
  }
};

const docXml = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';

describe('order date', () => {
  it('refuses a date after today and before the data the list rests on, with a Russian message', () => {
    expect(() => assertOrderDate('2026-12-07', 2026, '2026-12-06')).toThrow(/ещё не наступила/);
    expect(() => assertOrderDate('2024-12-31', 2026, '2026-12-06')).toThrow(
      /список 2026 года составлен по результатам 2025 и 2026 годов/,
    );
    expect(() => assertOrderDate('2025-01-01', 2026, '2026-12-06')).not.toThrow();
    expect(() => assertOrderDate('2026-12-06', 2026, '2026-12-06')).not.toThrow();
    expect(() => assertOrderDate('2026-01-01', 2026, '2026-12-06')).not.toThrow();
  });
  it('takes today in Moscow', () => {
    // 22:30 UTC on 31 December is already 1 January in Moscow (UTC+3).
    expect(todayInMoscow(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
  });
});

describe('compact grounds', () => {
  const entry = (reasons: string[], extra: Partial<ListEntry> = {}): ListEntry =>
    ({
      reasons,
      computed: true,
      decision: null,
      ...extra,
    }) as ListEntry;
  it('makes one line of the run’s sentences', () => {
    const e = entry([
      'ШНОР: доля участников с отметкой «2» (не преодолевших минимальный порог) не менее 30 % в 2 процедурах 2025 года: ВПР, математика, 5 класс — 38 %; ВПР, русский язык, 6 класс — 31,5 %; та же процедура в 2024 году: ВПР, математика, 5 класс — 35 %.',
      'Стагнация: ШНОР 3 года подряд — 2023, 2024 и 2025 годы.',
      'ШНСУ: индекс социального благополучия (ИСБШ) −0,42 не выше порога −0,10 — …',
    ]);
    expect(compactGrounds(e, 'shnor', 2025)).toBe(
      'Доля «2» не ниже 30 %: ВПР-2025 — в 2 процедурах (до 38 %); 2 года подряд; стагнация: 3 года подряд',
    );
    expect(compactGrounds(e, 'shnsu', 2025)).toBe('ИСБШ −0,42 (порог −0,10)');
    const risk = entry([
      'Зона риска: доля участников с отметкой «2» не менее 20 % в 1 процедуре 2025 года: ОГЭ, математика, 9 класс — 24 %.',
    ]);
    expect(compactGrounds(risk, 'riskZone', 2025)).toBe('ОГЭ-2025: доля «2» 24 % (порог риска 20 %)');
    const one = entry([
      'ШНОР: доля участников с отметкой «2» (не преодолевших минимальный порог) не менее 30 % в 1 процедуре 2025 года: ВПР, математика, 5 класс — 38 %; та же процедура в 2024 году: ВПР, математика, 5 класс — 35 %.',
    ]);
    // The example of issue 10, word for word.
    expect(compactGrounds(one, 'shnor', 2025)).toBe('ВПР-2025: доля «2» 38 % (порог 30 %); 2 года подряд');
  });
});

describe.each(DB_KINDS)('lists approved by an order on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const db = () => database.db;
  let runId = '';
  let shnorList = { id: '', version: 0 };
  let riskList = { id: '', version: 0 };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const [m] = await db().select().from(methodologies).where(eq(methodologies.regionId, f.R.id));
    const [run] = await db()
      .insert(identificationRuns)
      .values({
        regionId: f.R.id,
        methodologyId: m?.id ?? '',
        year: 2025,
        status: 'done',
        finishedAt: new Date(),
      })
      .returning();
    runId = run?.id ?? '';
    const base = {
      runId,
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
      reasons: [] as string[],
    };
    // S1: ШНОР; S2 (same district): зона риска; S3 (second district): ШНОР and зона риска.
    await db()
      .insert(identificationResults)
      .values([
        { ...base, schoolId: f.S1.id, shnor: true, reasons: ['ШНОР: S1.'] },
        { ...base, schoolId: f.S2.id, riskZone: true, reasons: ['Зона риска: S2.'] },
        {
          ...base,
          schoolId: f.S3.id,
          shnor: true,
          riskZone: true,
          reasons: ['ШНОР: S3.', 'Зона риска: S3.'],
        },
      ]);
    const region = f.as('region');
    shnorList = await createOrReplaceDraftList(db(), { actor: region, runId });
    riskList = await createOrReplaceDraftList(db(), { actor: region, runId, kind: 'riskZone' });
  });
  afterAll(() => database.close());

  it('keeps one draft per kind and year; each list counts its own flag', async () => {
    expect(shnorList.id).not.toBe(riskList.id);
    const lists = await listLists(db(), { actor: f.as('region') });
    expect(lists.map((l) => [l.kind, l.counts.computed]).sort()).toEqual([
      ['riskZone', 2],
      ['shnor', 2],
    ]);
    const again = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId, kind: 'riskZone' });
    expect(again.id).toBe(riskList.id);
  });

  it('refuses a future order date and a date before the list’s data, changing nothing', async () => {
    const lists = [
      { listId: shnorList.id, version: shnorList.version },
      { listId: riskList.id, version: riskList.version },
    ];
    const future = await failure(
      approveListsByOrder(db(), {
        actor: f.as('region'),
        orderNumber: '1-п',
        orderDate: '2099-01-01',
        lists,
      }),
    );
    expect(future.code).toBe('INVALID_INPUT');
    expect(future.fields[0]).toMatchObject({ field: 'orderDate' });
    expect(future.fields[0]?.message).toMatch(/не может быть позже сегодняшнего дня/);
    const early = await failure(
      approveListsByOrder(db(), {
        actor: f.as('region'),
        orderNumber: '1-п',
        orderDate: '2023-12-31',
        lists,
      }),
    );
    expect(early.code).toBe('INVALID_INPUT');
    expect(early.message).toMatch(/раньше данных списка/);
    expect(early.fields[0]?.message).toBe(
      'Дата приказа — не раньше 01.01.2024: список составлен по результатам 2024 и 2025 годов',
    );
    const single = await failure(
      approveList(db(), {
        actor: f.as('region'),
        listId: shnorList.id,
        orderNumber: '1',
        orderDate: '2099-01-01',
        version: shnorList.version,
      }),
    );
    expect(single.code).toBe('INVALID_INPUT');
    expect(await db().select().from(identificationOrders)).toEqual([]);
    expect((await listLists(db(), { actor: f.as('region') })).every((l) => l.status === 'draft')).toBe(true);
  });

  it('is all or nothing: a stale version of one list leaves both drafts', async () => {
    const r = await failure(
      approveListsByOrder(db(), {
        actor: f.as('region'),
        orderNumber: '1-п',
        orderDate: '2025-09-01',
        lists: [
          { listId: shnorList.id, version: shnorList.version },
          { listId: riskList.id, version: riskList.version + 5 },
        ],
      }),
    );
    expect(r.code).toBe('CONFLICT');
    expect(await db().select().from(identificationOrders)).toEqual([]);
    const other = await failure(
      approveListsByOrder(db(), {
        actor: f.as('mun1'),
        orderNumber: '1-п',
        orderDate: '2025-09-01',
        lists: [{ listId: shnorList.id, version: shnorList.version }],
      }),
    );
    expect(other.code).toBe('NOT_FOUND');
  });

  it('approves two lists by one order as appendices 1 and 2 and freezes their schools', async () => {
    // The operator excludes S3 from the risk-zone list before approval: the frozen schools follow the rule.
    const decided = await setDecision(db(), {
      actor: f.as('region'),
      listId: riskList.id,
      schoolId: f.S3.id,
      decision: 'exclude',
      reason: 'Школа уже в перечне ШНОР',
      version: riskList.version,
    });
    const order = await approveListsByOrder(db(), {
      actor: f.as('region'),
      orderNumber: '415-п',
      orderDate: '2025-09-01',
      lists: [
        { listId: shnorList.id, version: shnorList.version },
        { listId: riskList.id, version: decided.version },
      ],
    });
    expect(order.lists.map((l) => [l.kind, l.status, l.appendixNo, l.orderAppendices, l.orderId])).toEqual([
      ['shnor', 'approved', 1, 2, order.id],
      ['riskZone', 'approved', 2, 2, order.id],
    ]);
    expect(order.lists.map((l) => l.orderNumber)).toEqual(['415-п', '415-п']);
    const frozen = await db().select().from(identificationListSchools);
    const of = (listId: string) =>
      frozen
        .filter((r) => r.listId === listId)
        .map((r) => r.schoolId)
        .sort();
    expect(of(shnorList.id)).toEqual([f.S1.id, f.S3.id].sort());
    expect(of(riskList.id)).toEqual([f.S2.id]);
    // Frozen: no decision, no second approval, no new draft of the kind and year.
    const late = await failure(
      setDecision(db(), {
        actor: f.as('region'),
        listId: riskList.id,
        schoolId: f.S1.id,
        decision: 'include',
        reason: 'Поздняя правка',
        version: decided.version + 1,
      }),
    );
    expect(late).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Список утверждён и изменён быть не может',
    });
    const redraft = await failure(
      createOrReplaceDraftList(db(), { actor: f.as('region'), runId, kind: 'riskZone' }),
    );
    expect(redraft.message).toMatch(
      /Перечень школ в зоне риска снижения образовательных результатов на 2025 год уже утверждён приказом № 415-п от 01\.09\.2025/,
    );
    // A list of another kind of the same year is still possible (ШНСУ was not approved).
    const shnsu = await createOrReplaceDraftList(db(), { actor: f.as('region'), runId, kind: 'shnsu' });
    expect(shnsu).toMatchObject({ kind: 'shnsu', status: 'draft' });
  });

  it('shows a school only the lists it is in and only its own row', async () => {
    const titles = async (login: string) =>
      (await listLists(db(), { actor: f.as(login) })).map((l) => l.kind).sort();
    // S2 is only in the risk-zone list; S1 only in ШНОР; S3 in ШНОР (excluded from the risk zone).
    expect(await titles('school2')).toEqual(['riskZone']);
    expect(await titles('school1')).toEqual(['shnor']);
    expect(await titles('school3')).toEqual(['shnor']);
    expect(await titles('teacher')).toEqual(['shnor']);
    const risk = await getList(db(), { actor: f.as('school2'), listId: riskList.id });
    expect(risk.title).toBe('Перечень школ в зоне риска снижения образовательных результатов на 2025 год');
    expect(risk.entries.map((e) => [e.school.id, e.included, e.reasons])).toEqual([
      [f.S2.id, true, ['Зона риска: S2.']],
    ]);
    expect(await failure(getList(db(), { actor: f.as('school1'), listId: riskList.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await failure(exportList(db(), { actor: f.as('school1'), listId: riskList.id, format: 'docx' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // S3 excluded from the risk-zone list does not see it, though its run flags it.
    expect(await failure(getList(db(), { actor: f.as('school3'), listId: riskList.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shows a municipality every approved list with its schools’ rows only', async () => {
    const mun1 = await listLists(db(), { actor: f.as('mun1') });
    expect(
      mun1
        .filter((l) => l.status === 'approved')
        .map((l) => l.kind)
        .sort(),
    ).toEqual(['riskZone', 'shnor']);
    const rows = async (login: string, listId: string) =>
      (await getList(db(), { actor: f.as(login), listId })).entries.map((e) => e.school.id);
    expect(await rows('mun1', shnorList.id)).toEqual([f.S1.id]);
    expect(await rows('mun1', riskList.id)).toEqual([f.S2.id]);
    expect(await rows('mun2', shnorList.id)).toEqual([f.S3.id]);
    // The second district has no school in the risk-zone list: it sees the list, empty.
    expect(await rows('mun2', riskList.id)).toEqual([]);
    expect(await rows('region', riskList.id)).toHaveLength(3);
  });

  it('exports the risk-zone list as appendix 2 of the order, with details only when asked', async () => {
    const plain = await exportList(db(), { actor: f.as('region'), listId: riskList.id, format: 'docx' });
    expect(plain.fileName).toBe('Перечень (зона риска) 2025.docx');
    const xml = await docXml(plain.body);
    expect(xml).toContain('>Приложение 2 к приказу<');
    expect(xml).toContain('>от 01.09.2025 № 415-п<');
    expect(xml).toContain('Перечень школ в зоне риска снижения образовательных результатов на 2025 год');
    expect(xml).not.toContain('Основания (полностью)');
    const detailed = await exportList(db(), {
      actor: f.as('region'),
      listId: riskList.id,
      format: 'docx',
      details: true,
    });
    const dxml = await docXml(detailed.body);
    expect(dxml).toContain('Основания (полностью)');
    expect(dxml).toContain('w:pageBreakBefore');
  });

  it('keeps the signed order’s file: the operator attaches it, whoever sees one of its lists reads it', async () => {
    const storage = databaseStorage(db());
    const [order] = await db().select().from(identificationOrders);
    const orderId = order?.id ?? '';
    const upload = {
      name: 'Приказ 415-п.pdf',
      data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    };
    const args = { orderId, upload, maxBytes: 1_000_000 };
    expect(await failure(attachListOrderFile(db(), storage, { actor: f.as('mun1'), ...args }))).toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    const file = await attachListOrderFile(db(), storage, { actor: f.as('region'), ...args });
    const list = await getList(db(), { actor: f.as('school2'), listId: riskList.id });
    expect(list.orderFile).toEqual({ id: file.id, name: 'Приказ 415-п.pdf' });
    // S2 sees the risk-zone list, hence the order's file; every reader of the region too.
    for (const login of ['school2', 'mun2', 'region', 'center'])
      expect((await getFile(db(), storage, { actor: f.as(login), fileId: file.id })).file.id).toBe(file.id);
  });
});

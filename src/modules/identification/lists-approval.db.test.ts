import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import { approveList } from './approve-list.js';
import { createOrReplaceDraftList } from './create-list.js';
import { removeDecision, setDecision } from './list-decisions.js';
import { listComparison } from './list-views.js';
import { getList, listLists } from './lists.js';
import { code, failure, type ListsSetting, setUpLists, shnor } from './lists-setup.js';

// Identification lists, the order that approves a list, the frozen list, who sees it,
// the comparison with the previous year. One part of the chain that lists-setup.ts builds up to.

describe.each(DB_KINDS)('identification lists (approval) on %s', (kind) => {
  let s: ListsSetting;
  let f: ListsSetting['f'];
  let run24 = '';
  let list24 = '';
  let list25 = '';
  const db = () => s.database.db;
  const makeRun: ListsSetting['makeRun'] = (...a) => s.makeRun(...a);

  beforeAll(async () => {
    s = await setUpLists(kind, 'draft');
    ({ f, run24, list24, list25 } = s);
  });
  afterAll(() => s.database.close());

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
});

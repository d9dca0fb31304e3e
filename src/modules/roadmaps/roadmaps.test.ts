import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { confirmItem } from './confirm-item.js';
import { createItem, createItems } from './create-item.js';
import { createRoadmap } from './create-roadmap.js';
import { deleteRoadmap } from './delete-roadmap.js';
import { findItems } from './find-items.js';
import { getRoadmap } from './get-roadmap.js';
import { itemHistory } from './history.js';
import { listRoadmaps } from './list-roadmaps.js';
import { setItemStatus } from './set-item-status.js';
import { listMyTasks, listTasksOfItem, updateTask } from './tasks.js';
import { updateItem } from './update-item.js';
import { updateRoadmap } from './update-roadmap.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(DB_KINDS)('roadmaps on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  const newRoadmap = async (login: string, orgUnitId: string, title = 'План мероприятий') => {
    const r = await createRoadmap(database.db, {
      actor: f.as(login),
      input: {
        orgUnitId,
        title,
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
        approvalBody: null,
        orderNumber: null,
        orderDate: null,
      },
    });
    const detail = await getRoadmap(database.db, { actor: f.as(login), roadmapId: r.id });
    const sectionId = detail.sections[0]?.id ?? '';
    return { id: r.id, sectionId };
  };
  const item = (login: string, roadmapId: string, sectionId: string, extra: Record<string, unknown> = {}) =>
    createItem(database.db, {
      actor: f.as(login),
      roadmapId,
      input: {
        sectionId,
        measure: 'Проведение заседания рабочей группы',
        deadlineText: 'октябрь 2025',
        ...extra,
      } as never,
    });

  it('keeps drafts within the unit and shows approved roadmaps to the units below', async () => {
    const { id, sectionId } = await newRoadmap('mun1', f.M1.id);
    await item('mun1', id, sectionId);
    expect((await listRoadmaps(database.db, { actor: f.as('mun1') })).map((r) => r.id)).toContain(id);
    expect((await listRoadmaps(database.db, { actor: f.as('region') })).map((r) => r.id)).toContain(id);
    for (const other of ['mun2', 'school1', 'school3']) {
      expect(await code(getRoadmap(database.db, { actor: f.as(other), roadmapId: id }))).toBe('NOT_FOUND');
    }
    await updateRoadmap(database.db, {
      actor: f.as('mun1'),
      roadmapId: id,
      input: {
        status: 'approved',
        acknowledgePastDeadlines: true,
        orderNumber: '15-од',
        orderDate: '2025-09-10',
        version: 1,
      },
    });
    expect(await code(getRoadmap(database.db, { actor: f.as('school1'), roadmapId: id }))).toBe('OK');
    expect(await code(getRoadmap(database.db, { actor: f.as('school3'), roadmapId: id }))).toBe('NOT_FOUND');
    expect(await code(getRoadmap(database.db, { actor: f.as('mun2'), roadmapId: id }))).toBe('NOT_FOUND');
    // Seeing is not keeping: the school may read the municipal roadmap but not change it.
    expect(await code(newRoadmap('curator', f.S1.id))).toBe('FORBIDDEN');
    expect(await code(newRoadmap('school1', f.S2.id))).toBe('NOT_FOUND');
    expect(await code(deleteRoadmap(database.db, { actor: f.as('mun1'), roadmapId: id, version: 2 }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('adds several measures of a section at once: in order, with responsibles and one event each', async () => {
    const { id, sectionId } = await newRoadmap('mun1', f.M1.id);
    const before = await item('mun1', id, sectionId, { measure: 'Первое' });
    const input = (measure: string, extra: Record<string, unknown> = {}) =>
      ({ sectionId, measure, deadlineText: 'октябрь 2025', ...extra }) as never;
    const rows = await createItems(database.db, {
      actor: f.as('mun1'),
      roadmapId: id,
      inputs: [input('Второе', { position: 0, responsibleUnitIds: [f.S1.id, f.S1.id] }), input('Третье')],
    });
    // The first input's position places them all, in their order; what was there moves down.
    expect(rows.map((r) => [r.measure, r.position])).toEqual([
      ['Второе', 0],
      ['Третье', 1],
    ]);
    const detail = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: id });
    const list = detail.sections[0]?.items ?? [];
    expect(list.map((i) => i.measure)).toEqual(['Второе', 'Третье', before.measure]);
    expect(list[0]?.responsibleUnits.map((u) => u.id)).toEqual([f.S1.id]);
    for (const row of rows) {
      const events = await itemHistory(database.db, { actor: f.as('mun1'), itemId: row.id });
      expect(events.filter((e) => e.type === 'item.created')).toHaveLength(1);
    }
    const other = await newRoadmap('mun1', f.M1.id, 'Другой план');
    expect(
      await code(
        createItems(database.db, {
          actor: f.as('mun1'),
          roadmapId: id,
          inputs: [input('А'), { ...(input('Б') as object), sectionId: other.sectionId } as never],
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(createItems(database.db, { actor: f.as('mun2'), roadmapId: id, inputs: [input('Чужое')] })),
    ).toBe('NOT_FOUND');
  });

  it('refuses approval without an order and parses deadlines into due dates', async () => {
    const { id, sectionId } = await newRoadmap('school1', f.S1.id);
    expect(
      await code(
        updateRoadmap(database.db, {
          actor: f.as('school1'),
          roadmapId: id,
          input: { status: 'approved', version: 1 },
        }),
      ),
    ).toBe('INVALID_INPUT');
    const it1 = await item('school1', id, sectionId, { deadlineText: 'Февраль – март 2026 г.' });
    expect([it1.periodFrom, it1.periodTo, it1.dueDate]).toEqual(['2026-02', '2026-03', '2026-03-31']);
    const it2 = await item('school1', id, sectionId, { deadlineText: 'В течение года' });
    expect([it2.recurrence, it2.dueDate]).toEqual(['throughout', '2026-08-31']);
  });

  it('detects a stale write: the second save gets CONFLICT and the first survives', async () => {
    const { id, sectionId } = await newRoadmap('school1', f.S1.id);
    const it1 = await item('school1', id, sectionId);
    await updateItem(database.db, {
      actor: f.as('school1'),
      itemId: it1.id,
      input: { measure: 'Первая правка', version: it1.version },
    });
    const stale = updateItem(database.db, {
      actor: f.as('school1'),
      itemId: it1.id,
      input: { measure: 'Вторая правка', version: it1.version },
    });
    expect(await code(stale)).toBe('CONFLICT');
    const r = await getRoadmap(database.db, { actor: f.as('school1'), roadmapId: id });
    expect(r.sections[0]?.items[0]?.measure).toBe('Первая правка');
    const history = await itemHistory(database.db, { actor: f.as('school1'), itemId: it1.id });
    expect(history.map((h) => h.type)).toEqual(['item.updated', 'item.created']);
    expect(history[0]?.payload).toEqual({
      changes: [{ field: 'measure', old: 'Проведение заседания рабочей группы', new: 'Первая правка' }],
    });
  });

  it('lets the level above confirm or return executed items, and only it', async () => {
    const { id, sectionId } = await newRoadmap('school1', f.S1.id);
    const it1 = await item('school1', id, sectionId, {
      deadlineText: 'сентябрь 2025',
      targetComparator: 'gte',
      targetValue: 1,
      targetUnit: 'заседание',
    });
    const overdue = async () =>
      (await findItems(database.db, { actor: f.as('school1'), filter: { view: 'overdue', roadmapId: id } }))
        .length;
    expect(await overdue()).toBe(0); // a draft is not in execution yet
    await updateRoadmap(database.db, {
      actor: f.as('school1'),
      roadmapId: id,
      input: {
        status: 'approved',
        acknowledgePastDeadlines: true,
        orderNumber: '7',
        orderDate: '2025-09-01',
        version: 1,
      },
    });
    expect(await overdue()).toBe(1);
    const done = await setItemStatus(database.db, {
      actor: f.as('school1'),
      itemId: it1.id,
      input: { status: 'done', comment: null, actualValue: 1, version: it1.version },
    });
    expect(done.confirmation).toBe('pending');
    expect(await overdue()).toBe(0);
    const awaiting = await findItems(database.db, { actor: f.as('curator'), filter: { view: 'awaiting' } });
    expect(awaiting.map((i) => i.id)).toContain(it1.id);
    for (const login of ['school1', 'school2', 'mun2', 'teacher']) {
      expect(
        await code(
          confirmItem(database.db, {
            actor: f.as(login),
            itemId: it1.id,
            input: { decision: 'confirmed', comment: null, version: done.version },
          }),
        ),
      ).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
    const returned = await confirmItem(database.db, {
      actor: f.as('mun1'),
      itemId: it1.id,
      input: { decision: 'returned', comment: 'Нет протокола', version: done.version },
    });
    expect([returned.status, returned.confirmation]).toEqual(['in_progress', 'returned']);
    expect(
      await code(
        setItemStatus(database.db, {
          actor: f.as('curator'),
          itemId: it1.id,
          input: { status: 'done', comment: null, version: returned.version },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('cascades regional measures to municipalities and rolls their execution up', async () => {
    const { id, sectionId } = await newRoadmap('region', f.R.id, 'Региональная дорожная карта');
    const src = await item('region', id, sectionId, {
      level: 'municipal',
      measure: 'Назначить муниципальных координаторов',
    });
    await item('region', id, sectionId, {
      level: 'regional',
      measure: 'Утвердить региональную дорожную карту',
    });
    expect(await listMyTasks(database.db, { actor: f.as('mun1') })).toEqual([]); // not before approval
    await updateRoadmap(database.db, {
      actor: f.as('region'),
      roadmapId: id,
      input: {
        status: 'approved',
        acknowledgePastDeadlines: true,
        orderNumber: '100-п',
        orderDate: '2025-09-01',
        version: 1,
      },
    });
    const [task] = (await listMyTasks(database.db, { actor: f.as('mun1') })).filter(
      (t) => t.source.itemId === src.id,
    );
    expect(task?.unit.id).toBe(f.M1.id);
    expect((await listTasksOfItem(database.db, { actor: f.as('region'), itemId: src.id })).length).toBe(2);
    // The municipality executes the task through an item of its own roadmap.
    const own = await newRoadmap('mun1', f.M1.id, 'Муниципальная дорожная карта');
    const ownItem = await item('mun1', own.id, own.sectionId, {
      measure: 'Приказ о назначении координатора',
      proofWaiver: 'Проверяется свод исполнения, а не доказательства',
    });
    if (!task) throw new Error('no task');
    expect(
      await code(
        updateTask(database.db, {
          actor: f.as('mun2'),
          taskId: task.id,
          input: { status: 'done', version: task.version },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        updateTask(database.db, {
          actor: f.as('region'),
          taskId: task.id,
          input: { status: 'done', version: task.version },
        }),
      ),
    ).toBe('FORBIDDEN');
    await updateTask(database.db, {
      actor: f.as('mun1'),
      taskId: task.id,
      input: { linkedItemId: ownItem.id, version: task.version },
    });
    await setItemStatus(database.db, {
      actor: f.as('mun1'),
      itemId: ownItem.id,
      input: { status: 'done', comment: null, version: ownItem.version },
    });
    const regional = await getRoadmap(database.db, { actor: f.as('region'), roadmapId: id });
    const rolled = regional.sections[0]?.items.find((i) => i.id === src.id);
    expect(rolled?.rollUp).toEqual({ done: 1, total: 2, unitKind: 'municipality' });
    expect(regional.sections[0]?.items.find((i) => i.level === 'regional')?.rollUp).toBeNull();
  });
});

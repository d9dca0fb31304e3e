import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { getFile } from '../files/get-file.js';
import { databaseStorage } from '../files/storage.js';
import { confirmItem } from './confirm-item.js';
import { createItem } from './create-item.js';
import { createRoadmap } from './create-roadmap.js';
import { addEvidence, listEvidence, removeEvidence } from './evidence.js';
import { findItems } from './find-items.js';
import { getRoadmap } from './get-roadmap.js';
import { itemHistory } from './history.js';
import { missingProof } from './proof-rule.js';
import type { CreateItemInput } from './schemas.js';
import { setItemStatus } from './set-item-status.js';
import { listMyTasks, updateTask } from './tasks.js';
import { updateItem } from './update-item.js';
import { updateRoadmap } from './update-roadmap.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** The Russian message of a refused operation, or 'OK'. */
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
};

describe('the proof rule in words', () => {
  const rule = {
    evidenceKind: null,
    targetComparator: null,
    targetValue: null,
    targetUnit: null,
    targetCoverage: false,
  } as const;
  it('asks an item without a rule of its own for one file of any kind', () => {
    expect(missingProof(rule, { files: [], actualValue: null })).toEqual([
      'Приложите хотя бы один подтверждающий файл',
    ]);
    expect(missingProof(rule, { files: [{ kind: 'other' }], actualValue: null })).toEqual([]);
  });
  it('names the document kind and the target that are missing', () => {
    const r = {
      ...rule,
      evidenceKind: 'protocol',
      targetComparator: 'gte',
      targetValue: 5,
      targetUnit: 'педагогов',
    } as const;
    expect(missingProof(r, { files: [{ kind: 'order' }], actualValue: null })).toEqual([
      'Приложите документ: протокол',
      'Укажите фактическое значение: целевое — не менее 5 педагогов',
    ]);
    expect(missingProof(r, { files: [{ kind: 'protocol' }], actualValue: 6 })).toEqual([]);
  });
});

describe.each(DB_KINDS)('evidence rules on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let roadmapId: string;
  let sectionId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const r = await createRoadmap(database.db, {
      actor: f.as('school1'),
      input: {
        orgUnitId: f.S1.id,
        title: 'Дорожная карта школы',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
      },
    });
    roadmapId = r.id;
    const detail = await getRoadmap(database.db, { actor: f.as('school1'), roadmapId });
    sectionId = detail.sections[0]?.id ?? '';
    await updateRoadmap(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: { status: 'approved', orderNumber: '7', orderDate: '2025-09-01', version: r.version },
    });
  });
  afterAll(() => database.close());

  const storage = () => databaseStorage(database.db);
  const newItem = (extra: Partial<CreateItemInput> = {}) =>
    createItem(database.db, {
      actor: f.as('school1'),
      roadmapId,
      input: { sectionId, measure: 'Открытые уроки для педагогов', deadlineText: 'ноябрь 2025', ...extra },
    });
  const attach = (itemId: string, name: string, as: 'protocol' | 'photo' | 'other', data = PDF) =>
    addEvidence(database.db, storage(), {
      actor: f.as('school1'),
      itemId,
      upload: { name, data },
      kind: as,
      maxBytes: 1 << 20,
    });
  const markDone = (itemId: string, version: number, actualValue?: number | null) =>
    setItemStatus(database.db, {
      actor: f.as('school1'),
      itemId,
      input: { status: 'done', comment: null, version, ...(actualValue !== undefined && { actualValue }) },
    });

  it('refuses «выполнено» without the required document and fact, saying what is missing', async () => {
    const item = await newItem({
      indicator: 'Протокол ШМО; не менее 5 педагогов посетили уроки',
      evidenceKind: 'protocol',
      targetComparator: 'gte',
      targetValue: 5,
      targetUnit: 'педагогов',
    });
    expect(await refusal(markDone(item.id, item.version))).toBe(
      'INVALID_INPUT: Приложите документ: протокол. Укажите фактическое значение: целевое — не менее 5 педагогов',
    );
    await attach(item.id, 'фото.jpg', 'photo', JPG);
    expect(await refusal(markDone(item.id, item.version, 6))).toBe(
      'INVALID_INPUT: Приложите документ: протокол',
    );
    await attach(item.id, 'протокол.pdf', 'protocol');
    expect(await refusal(markDone(item.id, item.version))).toBe(
      'INVALID_INPUT: Укажите фактическое значение: целевое — не менее 5 педагогов',
    );
    const done = await markDone(item.id, item.version, 6);
    expect([done.status, done.confirmation, done.actualValue]).toEqual(['done', 'pending', 6]);
  });

  it('asks an item with no rule of its own for one file', async () => {
    const item = await newItem();
    expect(await refusal(markDone(item.id, item.version))).toBe(
      'INVALID_INPUT: Приложите хотя бы один подтверждающий файл',
    );
    await attach(item.id, 'справка.pdf', 'other');
    expect((await markDone(item.id, item.version)).status).toBe('done');
  });

  it('lets the keeper allow an exception with a written reason, which the confirmer sees', async () => {
    const item = await newItem({ evidenceKind: 'protocol' });
    const waived = await updateItem(database.db, {
      actor: f.as('school1'),
      itemId: item.id,
      input: { proofWaiver: 'Протокол утрачен при затоплении архива, есть акт', version: item.version },
    });
    const done = await markDone(item.id, waived.version);
    expect(done.status).toBe('done');
    const [found] = (
      await findItems(database.db, { actor: f.as('curator'), filter: { view: 'awaiting', roadmapId } })
    ).filter((i) => i.id === item.id);
    expect(found?.proofWaiver).toBe('Протокол утрачен при затоплении архива, есть акт');
    // Only the keeper may write the exception.
    expect(
      await refusal(
        updateItem(database.db, {
          actor: f.as('curator'),
          itemId: item.id,
          input: { proofWaiver: null, version: done.version },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it('records which files the confirmer saw, and refuses a confirmation that skipped one', async () => {
    const item = await newItem({ evidenceKind: 'protocol' });
    const a = await attach(item.id, 'a.pdf', 'protocol');
    const b = await attach(item.id, 'b.jpg', 'photo', JPG);
    const done = await markDone(item.id, item.version);
    const [found] = (
      await findItems(database.db, { actor: f.as('curator'), filter: { view: 'awaiting', roadmapId } })
    ).filter((i) => i.id === item.id);
    expect(found?.evidence.map((e) => [e.name, e.kind, e.mime])).toEqual([
      ['a.pdf', 'protocol', 'application/pdf'],
      ['b.jpg', 'photo', 'image/jpeg'],
    ]);
    const confirm = (seenFileIds: string[]) =>
      confirmItem(database.db, {
        actor: f.as('curator'),
        itemId: item.id,
        input: { decision: 'confirmed', comment: null, version: done.version, seenFileIds },
      });
    expect(await refusal(confirm([a.id]))).toBe(
      'INVALID_INPUT: Перед подтверждением откройте приложенные файлы: b.jpg',
    );
    const confirmed = await confirm([a.id, b.id]);
    expect(confirmed.confirmationSeen).toEqual([
      { id: a.id, name: 'a.pdf' },
      { id: b.id, name: 'b.jpg' },
    ]);
    const [last] = await itemHistory(database.db, { actor: f.as('school1'), itemId: item.id });
    expect(last?.type).toBe('item.confirmed');
    expect(last?.payload).toMatchObject({
      decision: 'confirmed',
      seen: [
        { id: a.id, name: 'a.pdf' },
        { id: b.id, name: 'b.jpg' },
      ],
    });
  });

  it('refuses to confirm an item whose proof was detached after «выполнено»', async () => {
    const item = await newItem({ evidenceKind: 'protocol' });
    const file = await attach(item.id, 'протокол.pdf', 'protocol');
    const done = await markDone(item.id, item.version);
    await removeEvidence(database.db, { actor: f.as('school1'), itemId: item.id, fileId: file.id });
    expect(
      await refusal(
        confirmItem(database.db, {
          actor: f.as('curator'),
          itemId: item.id,
          input: { decision: 'confirmed', comment: null, version: done.version, seenFileIds: [] },
        }),
      ),
    ).toBe('INVALID_INPUT: Подтвердить нельзя: Приложите документ: протокол');
  });

  it('still returns an item for rework, and the keeper marks it done again with the proof', async () => {
    const item = await newItem();
    await attach(item.id, 'отчёт.pdf', 'other');
    const done = await markDone(item.id, item.version);
    const returned = await confirmItem(database.db, {
      actor: f.as('mun1'),
      itemId: item.id,
      input: { decision: 'returned', comment: 'Нет подписи', version: done.version },
    });
    expect([returned.status, returned.confirmation]).toEqual(['in_progress', 'returned']);
    expect((await markDone(item.id, returned.version)).confirmation).toBe('pending');
  });

  it('takes the fact of a coverage target from the lower units, not from the keeper', async () => {
    const regional = await createRoadmap(database.db, {
      actor: f.as('region'),
      input: {
        orgUnitId: f.R.id,
        title: 'Региональная карта',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
      },
    });
    const section = (await getRoadmap(database.db, { actor: f.as('region'), roadmapId: regional.id }))
      .sections[0]?.id as string;
    const measure = await createItem(database.db, {
      actor: f.as('region'),
      roadmapId: regional.id,
      input: {
        sectionId: section,
        level: 'municipal',
        measure: 'Назначить муниципальных координаторов',
        deadlineText: 'октябрь 2025',
        targetComparator: 'gte',
        targetValue: 100,
        targetUnit: '%',
        targetCoverage: true,
      },
    });
    const asRegion = (version: number, actualValue?: number) =>
      setItemStatus(database.db, {
        actor: f.as('region'),
        itemId: measure.id,
        input: { status: 'done', comment: null, version, ...(actualValue !== undefined && { actualValue }) },
      });
    // Not addressed to anyone yet (a draft does not cascade): nothing to compute the coverage from.
    expect(await refusal(asRegion(measure.version))).toMatch(/^INVALID_INPUT: Охват не рассчитан/);
    await updateRoadmap(database.db, {
      actor: f.as('region'),
      roadmapId: regional.id,
      input: {
        status: 'approved',
        orderNumber: '1',
        orderDate: '2025-09-01',
        version: regional.version,
        acknowledgePastDeadlines: true,
      },
    });
    const [task] = (await listMyTasks(database.db, { actor: f.as('mun1') })).filter(
      (t) => t.source.itemId === measure.id,
    );
    if (!task) throw new Error('no task');
    await updateTask(database.db, {
      actor: f.as('mun1'),
      taskId: task.id,
      input: { status: 'done', version: task.version },
    });
    // One of two municipalities: 50 %, whatever the keeper types.
    const done = await asRegion(measure.version, 100);
    expect([done.status, done.actualValue]).toEqual(['done', 50]);
  });

  it('shows the proof only to those who see the roadmap', async () => {
    const item = await newItem();
    const file = await attach(item.id, 'секретный протокол.pdf', 'protocol');
    for (const stranger of ['school2', 'school3', 'mun2']) {
      expect(await refusal(listEvidence(database.db, { actor: f.as(stranger), itemId: item.id }))).toMatch(
        /^NOT_FOUND/,
      );
      expect(
        await refusal(getFile(database.db, storage(), { actor: f.as(stranger), fileId: file.id })),
      ).toMatch(/^NOT_FOUND/);
      const awaiting = await findItems(database.db, { actor: f.as(stranger), filter: { view: 'all' } });
      expect(awaiting.flatMap((i) => i.evidence.map((e) => e.id))).not.toContain(file.id);
    }
    expect((await listEvidence(database.db, { actor: f.as('curator'), itemId: item.id })).length).toBe(1);
  });
});

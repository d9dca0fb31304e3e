import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import { databaseStorage } from '../files/storage.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { setItemStatus } from '../roadmaps/set-item-status.js';
import { approveDocument } from './approve-document.js';
import { addDocumentComment, listDocumentComments } from './comments.js';
import { diffDocumentVersions } from './diff-versions.js';
import { getDocument } from './get-document.js';
import { code, type ProgramsSetting, setUpPrograms } from './programs-setup.js';
import { startNewVersion } from './start-new-version.js';
import {
  decideAsCurator,
  publishDocument,
  returnForRework,
  sendToExpertise,
  submitDocument,
} from './transitions.js';
import { updateDocument } from './update-document.js';

// The workflow of a school document: returned with comments, fixed, agreed, sent to expertise and
// approved, its measures carried into the roadmap; then a new version with a diff.

describe.each(DB_KINDS)('school documents on %s', (kind) => {
  let database: Database;
  let f: ProgramsSetting['f'];
  let create: ProgramsSetting['create'];
  beforeAll(async () => {
    ({ database, f, create } = await setUpPrograms(kind));
  });
  afterAll(() => database.close());

  it('runs the workflow: return with a comment, fix, agree, expertise, approve → measures in the roadmap', async () => {
    const db = database.db;
    const doc = await create('school1', f.S1.id, '12');
    const id = doc.id;
    const read = () => getDocument(db, { actor: f.as('school1'), documentId: id });
    expect(
      await code(
        updateDocument(db, { actor: f.as('school1'), documentId: id, input: { title: 'x', version: 99 } }),
      ),
    ).toBe('CONFLICT');
    expect(
      await code(
        updateDocument(db, { actor: f.as('curator'), documentId: id, input: { title: 'x', version: 1 } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(submitDocument(db, { actor: f.as('curator'), documentId: id, input: { version: 1 } })),
    ).toBe('FORBIDDEN');
    await submitDocument(db, { actor: f.as('school1'), documentId: id, input: { version: 1 } });
    // Under review the school cannot edit; the curator must say what to fix.
    expect(
      await code(
        updateDocument(db, { actor: f.as('school1'), documentId: id, input: { title: 'x', version: 2 } }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        decideAsCurator(db, {
          actor: f.as('mun1'),
          documentId: id,
          input: { decision: 'agree', version: 2 },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        decideAsCurator(db, {
          actor: f.as('curator'),
          documentId: id,
          input: { decision: 'return', version: 2 },
        }),
      ),
    ).toBe('INVALID_INPUT');
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { decision: 'return', comment: 'Добавьте мероприятие с родителями', version: 2 },
    });
    let d = await read();
    expect(d.status).toBe('rework');
    await addDocumentComment(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { anchor: 'measure:m2', text: 'Уточните срок' },
    });
    expect(
      await code(
        addDocumentComment(db, {
          actor: f.as('curator'),
          documentId: id,
          input: { anchor: 'measure:zz', text: 'x' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    // A part named like a member of Object's prototype is an unknown part, not a crash.
    for (const anchor of ['constructor:x', '__proto__:x', 'toString:a'])
      expect(
        await code(
          addDocumentComment(db, { actor: f.as('curator'), documentId: id, input: { anchor, text: 'x' } }),
        ),
      ).toBe('INVALID_INPUT');
    expect(
      await code(
        addDocumentComment(db, {
          actor: f.as('teacher'),
          documentId: id,
          input: { anchor: 'goal', text: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const comments = await listDocumentComments(db, { actor: f.as('school1'), documentId: id });
    expect(comments.map((c) => [c.anchor, c.text])).toEqual([
      ['document', 'Добавьте мероприятие с родителями'],
      ['measure:m2', 'Уточните срок'],
    ]);
    const content = structuredClone(d.content);
    // As the browser sends it: rows in the schema's key order, not in the order jsonb gave them back.
    content.indicators = content.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      baseValue: i.baseValue,
      targetValue: i.targetValue,
      date: i.date,
      method: i.method,
    }));
    content.measures.push({
      key: 'm-parents',
      taskKey: 't1',
      measure: 'Родительское собрание «Правила поведения на уроке»',
      deadline: 'ноябрь 2026',
      responsible: 'Классные руководители',
      participants: 'Родители',
      expectedResult: 'Протокол собрания',
    });
    await updateDocument(db, {
      actor: f.as('school1'),
      documentId: id,
      input: { content, version: d.version },
    });
    d = await read();
    expect(d.history.at(-1)?.text).toBe('Изменено: мероприятия');
    await submitDocument(db, { actor: f.as('school1'), documentId: id, input: { version: d.version } });
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { decision: 'agree', version: d.version + 1 },
    });
    d = await read();
    expect(d.status).toBe('agreed');
    expect(
      await code(sendToExpertise(db, { actor: f.as('mun2'), documentId: id, input: { version: d.version } })),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        sendToExpertise(db, { actor: f.as('curator'), documentId: id, input: { version: d.version } }),
      ),
    ).toBe('FORBIDDEN');
    await sendToExpertise(db, { actor: f.as('mun1'), documentId: id, input: { version: d.version } });
    d = await read();
    expect(
      await code(
        approveDocument(db, {
          actor: f.as('region'),
          documentId: id,
          input: { version: d.version, orderNumber: ' ', orderDate: '2026-11-01' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    const { transfer } = await approveDocument(db, {
      actor: f.as('region'),
      documentId: id,
      input: { version: d.version, orderNumber: '45-о', orderDate: '2026-11-01' },
    });
    expect(transfer).toMatchObject({ created: 5, roadmapCreated: true });
    d = await read();
    expect(d.status).toBe('approved');
    expect(d.versions).toEqual([
      expect.objectContaining({ versionNo: 1, frozen: true, orderNumber: '45-о' }),
    ]);
    expect(d.progress).toHaveLength(5);
    // The roadmap item says where it came from; executing it is the measure's progress.
    const rm = await getRoadmap(db, { actor: f.as('school1'), roadmapId: transfer?.roadmapId ?? '' });
    const section = rm.sections.find((s) => s.title === d.title);
    expect(section?.items.map((i) => i.measure)).toContain(
      'Родительское собрание «Правила поведения на уроке»',
    );
    expect(section?.items[0]?.description).toBe(
      'Из антирисковой программы «Низкий уровень дисциплины в классе» (версия 1, приказ № 45-о от 01.11.2026)\nЗадача: Выработать единые правила поведения на уроке',
    );
    const first = d.progress[0];
    const [item] = await db
      .select()
      .from(items)
      .where(eq(items.id, first?.itemId ?? ''));
    await setItemStatus(db, {
      actor: f.as('school1'),
      itemId: item?.id ?? '',
      input: { status: 'in_progress', version: item?.version ?? 0 },
    });
    d = await read();
    expect(d.progress[0]?.status).toBe('in_progress');
    expect(d.history.map((h) => h.text)).toContain(
      'На согласовании у куратора → На доработке — «Добавьте мероприятие с родителями»',
    );
    // Frozen: no edits; publication; a new version with a diff; its approval carries over only new measures.
    expect(
      await code(
        updateDocument(db, {
          actor: f.as('school1'),
          documentId: id,
          input: { title: 'x', version: d.version },
        }),
      ),
    ).toBe('INVALID_INPUT');
    await publishDocument(db, {
      actor: f.as('mun1'),
      storage: databaseStorage(db),
      documentId: id,
      input: { version: d.version },
    });
    d = await read();
    await startNewVersion(db, { actor: f.as('school1'), documentId: id, input: { version: d.version } });
    d = await read();
    expect([d.status, d.versionNo]).toEqual(['draft', 2]);
    const next = structuredClone(d.content);
    next.measures = next.measures.filter((m) => m.key !== 'm3');
    if (next.measures[0]) next.measures[0].deadline = 'декабрь 2026';
    next.measures.push({
      ...next.measures[1],
      key: 'm-new',
      measure: 'Новое мероприятие',
    } as (typeof next.measures)[number]);
    await updateDocument(db, {
      actor: f.as('school1'),
      documentId: id,
      input: { content: next, version: d.version },
    });
    const diff = await diffDocumentVersions(db, {
      actor: f.as('curator'),
      documentId: id,
      query: { from: 1, to: 2 },
    });
    expect(diff.measures.map((m) => [m.key, m.change])).toEqual([
      ['m1', 'changed'],
      ['m-new', 'added'],
      ['m3', 'removed'],
    ]);
    expect(diff.measures[0]?.fields).toEqual([
      { field: 'deadline', old: 'октябрь 2026', new: 'декабрь 2026' },
    ]);
    expect(
      await code(
        diffDocumentVersions(db, { actor: f.as('curator'), documentId: id, query: { from: 1, to: 7 } }),
      ),
    ).toBe('INVALID_INPUT');
    d = await read();
    await submitDocument(db, { actor: f.as('school1'), documentId: id, input: { version: d.version } });
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { decision: 'agree', version: d.version + 1 },
    });
    await sendToExpertise(db, { actor: f.as('region'), documentId: id, input: { version: d.version + 2 } });
    await returnForRework(db, {
      actor: f.as('region'),
      documentId: id,
      input: { version: d.version + 3, comment: 'Замечания экспертов' },
    });
    d = await read();
    expect(d.status).toBe('rework');
    await submitDocument(db, { actor: f.as('school1'), documentId: id, input: { version: d.version } });
    await decideAsCurator(db, {
      actor: f.as('curator'),
      documentId: id,
      input: { decision: 'agree', version: d.version + 1 },
    });
    await sendToExpertise(db, { actor: f.as('region'), documentId: id, input: { version: d.version + 2 } });
    const second = await approveDocument(db, {
      actor: f.as('region'),
      documentId: id,
      input: { version: d.version + 3, orderNumber: '60-о', orderDate: '2026-12-01' },
    });
    expect(second.transfer).toMatchObject({
      created: 1,
      roadmapCreated: false,
      roadmapId: transfer?.roadmapId,
    });
    d = await read();
    expect(d.versions.map((v) => [v.versionNo, v.frozen])).toEqual([
      [1, true],
      [2, true],
    ]);
    const [v1] = await db
      .select()
      .from(roadmaps)
      .where(eq(roadmaps.id, transfer?.roadmapId ?? ''));
    expect(v1?.status).toBe('draft');
  });
});

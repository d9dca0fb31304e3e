import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskInstruments,
  riskProfiles,
  riskVerifications,
} from '../../db/schema/risk-profiles.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import { AppError } from '../../lib/errors.js';
import { databaseStorage } from '../files/storage.js';
import { DEFAULT_INSTRUMENT } from '../risk-profiles/default-instrument.js';
import type { SchoolProfile } from '../risk-profiles/score-profile.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { setItemStatus } from '../roadmaps/set-item-status.js';
import { approveDocument } from './approve-document.js';
import { addDocumentComment, listDocumentComments } from './comments.js';
import { createDocument } from './create-document.js';
import { diffDocumentVersions } from './diff-versions.js';
import { getDocument } from './get-document.js';
import { listDocuments } from './list-documents.js';
import { startNewVersion } from './start-new-version.js';
import { listTemplates, updateTemplate } from './templates-ops.js';
import {
  decideAsCurator,
  publishDocument,
  returnForRework,
  sendToExpertise,
  submitDocument,
} from './transitions.js';
import { updateDocument } from './update-document.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(DB_KINDS)('school documents on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    // A verified profile of S1: factor 9 high (the curator confirmed it), priorities 9 and 8.
    const db = database.db;
    const [ins] = await db
      .insert(riskInstruments)
      .values({
        regionId: f.R.id,
        code: 'x',
        versionNo: 1,
        title: 'Анкеты',
        document: DEFAULT_INSTRUMENT,
        status: 'frozen',
      })
      .returning();
    const [camp] = await db
      .insert(riskCampaigns)
      .values({
        ownerUnitId: f.R.id,
        instrumentId: ins?.id ?? '',
        year: 2026,
        title: 'Анкетирование',
        groups: ['director', 'teacher', 'pupil', 'parent'],
        opensOn: '2026-09-20',
        closesOn: '2026-10-20',
        status: 'closed',
      })
      .returning();
    const result: SchoolProfile = {
      schoolId: f.S1.id,
      groups: { director: 1, teacher: 8, pupil: 20, parent: 3 },
      excludedGroups: ['parent'],
      factors: [
        {
          code: '9',
          score: 0.71,
          level: 'high',
          items: [{ itemId: 'pupil-9', group: 'pupil', weight: 1, score: 0.71, respondents: 20 }],
        },
        { code: '8', score: 0.45, level: 'medium', items: [] },
      ],
    };
    await db.insert(riskCampaignSchools).values({ campaignId: camp?.id ?? '', schoolId: f.S1.id });
    await db.insert(riskProfiles).values({ campaignId: camp?.id ?? '', schoolId: f.S1.id, result });
    await db.insert(riskVerifications).values({
      campaignId: camp?.id ?? '',
      schoolId: f.S1.id,
      status: 'verified',
      levels: {
        '9': { computed: 'high', level: 'high', comment: null },
        '8': { computed: 'medium', level: 'high', comment: 'Родители не приходят на собрания' },
      },
      priorityFactors: ['9', '8'],
    });
  });
  afterAll(() => database.close());

  const create = (
    login: string,
    schoolId: string,
    factorCode: string | null,
    k = 'antirisk_program' as const,
  ) =>
    createDocument(database.db, { actor: f.as(login), input: { schoolId, year: 2026, kind: k, factorCode } });

  it('creates an антирисковая программа from the template, pre-filled from the verified profile', async () => {
    const doc = await create('school1', f.S1.id, '9');
    expect(doc.title).toBe('Антирисковая программа «Низкая учебная мотивация обучающихся»');
    expect(doc.status).toBe('draft');
    const d = await getDocument(database.db, { actor: f.as('school1'), documentId: doc.id });
    expect(d.content.measures.length).toBeGreaterThanOrEqual(4);
    expect(d.content.measures[0]?.deadline).toBe('октябрь 2026');
    const basis = d.content.sections.find((s) => s.key === 'basis');
    expect(basis?.text).toContain('уровень риска высокий, балл 0,71');
    expect(basis?.text).toContain('(обучающиеся, 20 отв.)');
    expect(d.content.indicators[0]).toMatchObject({ key: 'risk-level', baseValue: 'высокий (0,71)' });
    expect(d.rights).toMatchObject({ edit: true, submit: true, curate: false, govern: false });
    // The curator's changed level and comment reach the program of factor 8.
    const other = await create('school1', f.S1.id, '8');
    const text = other.content as { sections: { text: string }[] };
    expect(text.sections[0]?.text).toContain('куратор изменил на высокий: Родители не приходят на собрания');
  });

  it('refuses what is not the school team’s, a duplicate and a wrong factor', async () => {
    expect(await code(create('school2', f.S1.id, '7'))).toBe('NOT_FOUND');
    expect(await code(create('curator', f.S1.id, '7'))).toBe('FORBIDDEN');
    expect(await code(create('region', f.S1.id, '7'))).toBe('FORBIDDEN');
    expect(await code(create('school1', f.S1.id, '9'))).toBe('INVALID_INPUT');
    expect(await code(create('school1', f.S1.id, '99'))).toBe('INVALID_INPUT');
    expect(await code(create('school1', f.S1.id, null))).toBe('INVALID_INPUT');
    expect(await code(create('school1', f.S1.id, '1', 'concept' as never))).toBe('INVALID_INPUT');
  });

  it('hides a school’s documents from another school and another municipality', async () => {
    const [doc] = await listDocuments(database.db, { actor: f.as('school1'), query: { schoolId: f.S1.id } });
    const id = doc?.id ?? '';
    for (const login of ['school2', 'school3', 'mun2'])
      expect(await code(getDocument(database.db, { actor: f.as(login), documentId: id }))).toBe('NOT_FOUND');
    for (const login of ['curator', 'mun1', 'region', 'expert', 'teacher'])
      expect(await code(getDocument(database.db, { actor: f.as(login), documentId: id }))).toBe('OK');
    expect(await listDocuments(database.db, { actor: f.as('school2'), query: {} })).toEqual([]);
  });

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

  it('lets the region edit its templates; a new document starts from the edited one', async () => {
    const db = database.db;
    const before = (await listTemplates(db, { actor: f.as('school2') })).find((t) => t.factorCode === '3');
    expect(before).toMatchObject({ kind: 'antirisk_program', edited: false, version: 0 });
    expect(await listTemplates(db, { actor: f.as('region') })).toHaveLength(14);
    const content = structuredClone(before?.content);
    if (!content) throw new Error('no template');
    content.goal = 'Цель региона на {Y1} год';
    expect(
      await code(
        updateTemplate(db, {
          actor: f.as('mun1'),
          input: { kind: 'antirisk_program', factorCode: '3', content, version: 0 },
        }),
      ),
    ).toBe('FORBIDDEN');
    await updateTemplate(db, {
      actor: f.as('region'),
      input: { kind: 'antirisk_program', factorCode: '3', content, version: 0 },
    });
    expect(
      await code(
        updateTemplate(db, {
          actor: f.as('region'),
          input: { kind: 'antirisk_program', factorCode: '3', content, version: 0 },
        }),
      ),
    ).toBe('CONFLICT');
    const doc = await create('school2', f.S2.id, '3');
    expect((doc.content as { goal: string }).goal).toBe('Цель региона на 2027 год');
    expect(
      (await listTemplates(db, { actor: f.as('school2') })).find((t) => t.factorCode === '3')?.edited,
    ).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { getDocument } from './get-document.js';
import { listDocuments } from './list-documents.js';
import { code, type ProgramsSetting, setUpPrograms } from './programs-setup.js';
import { listTemplates, updateTemplate } from './templates-ops.js';

// School documents: a program made from the region's template and pre-filled from the verified profile,
// who may make one and who sees it; the region's templates.

describe.each(DB_KINDS)('school documents on %s', (kind) => {
  let database: Database;
  let f: ProgramsSetting['f'];
  let create: ProgramsSetting['create'];
  beforeAll(async () => {
    ({ database, f, create } = await setUpPrograms(kind));
  });
  afterAll(() => database.close());

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

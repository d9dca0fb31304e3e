import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { staffMembers } from '../../db/schema/people.js';
import { pupilMeasures, pupilRecords } from '../../db/schema/pupils.js';
import { pupilCard, pupilReads, schoolReads } from './card.js';
import { createMeasure, deleteMeasure, updateMeasure } from './measures.js';
import { base, code, type PupilsSetting, setUpPupils, YEAR } from './pupils-setup.js';
import { createPupil, listPupils, updatePupil } from './registry.js';

// The registry of pupils at risk, the part of the chain that fills it: adding pupils (encrypted), who may,
// who sees them, the reads of a card, changes by version, measures. pupils-setup.ts replays it for
// pupils-progress.db.test.ts.

describe.each(DB_KINDS)('registry of pupils at risk on %s', (kind) => {
  let database: Database;
  let f: PupilsSetting['f'];
  let teacherStaff: string;
  let otherStaff: string;
  let ids: PupilsSetting['ids'];
  beforeAll(async () => {
    ({ database, f, teacherStaff, otherStaff, ids } = await setUpPupils(kind, 'staff'));
  }, 60_000);
  afterAll(async () => database?.close());

  it('the school team adds pupils; names and dates of birth are stored encrypted and never in the history', async () => {
    const db = database.db;
    const a = await createPupil(db, {
      actor: f.as('school1'),
      schoolId: f.S1.id,
      input: { ...base, name: 'Секретов Пётр Ильич', teacherIds: [teacherStaff] },
    });
    ids.a = a.id;
    const [row] = await db.select().from(pupilRecords).where(eq(pupilRecords.id, a.id));
    expect(row?.nameEnc).toMatch(/^v1\./);
    expect(row?.nameEnc).not.toContain('Секретов');
    expect(row?.birthDateEnc).not.toContain('2013');
    expect(row?.grade).toBe(7);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, a.id));
    expect(JSON.stringify(events)).not.toMatch(/Секретов|2013-04-05/);
    // Pupils of another teacher, for the teacher's view and for the counts.
    for (const [n, category] of [
      ['Второй В. В.', 'failing'],
      ['Третий Т. Т.', 'at_risk'],
      ['Четвёртый Ч. Ч.', 'weak'],
      ['Пятый П. П.', 'weak'],
      ['Шестой Ш. Ш.', 'failing'],
    ] as const) {
      const r = await createPupil(db, {
        actor: f.as('school1'),
        schoolId: f.S1.id,
        input: { ...base, name: n, category, classLabel: '5А', teacherIds: [otherStaff] },
      });
      ids[n] = r.id;
    }
  });

  it('refuses what is not the team’s: another school, the teacher, the municipality; staff of another school', async () => {
    const db = database.db;
    const input = { ...base, name: 'Кто-то К. К.', teacherIds: [] };
    expect(await code(createPupil(db, { actor: f.as('school2'), schoolId: f.S1.id, input }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(createPupil(db, { actor: f.as('teacher'), schoolId: f.S1.id, input }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(createPupil(db, { actor: f.as('mun1'), schoolId: f.S1.id, input }))).toBe('FORBIDDEN');
    const [foreign] = await db
      .insert(staffMembers)
      .values({ schoolId: f.S2.id, lastName: 'Чужой', firstName: 'Ч', position: 'Учитель' })
      .returning();
    expect(
      await code(
        createPupil(db, {
          actor: f.as('school1'),
          schoolId: f.S1.id,
          input: { ...input, teacherIds: [foreign?.id ?? ''] },
        }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('the team sees the whole registry, the teacher only his pupils, others nothing', async () => {
    const db = database.db;
    const team = await listPupils(db, { actor: f.as('school1'), schoolId: f.S1.id, query: { year: YEAR } });
    expect(team.pupils).toHaveLength(6);
    expect(team.pupils.map((p) => p.name)).toContain('Секретов Пётр Ильич');
    const mine = await listPupils(db, { actor: f.as('teacher'), schoolId: f.S1.id, query: { year: YEAR } });
    expect(mine.pupils.map((p) => p.name)).toEqual(['Секретов Пётр Ильич']);
    const filtered = await listPupils(db, {
      actor: f.as('school1'),
      schoolId: f.S1.id,
      query: { year: YEAR, classLabel: '5А', category: 'failing' },
    });
    expect(filtered.pupils.map((p) => p.name).sort()).toEqual(['Второй В. В.', 'Шестой Ш. Ш.']);
    for (const login of ['mun1', 'curator', 'region'])
      expect(await code(listPupils(db, { actor: f.as(login), schoolId: f.S1.id, query: {} }))).toBe(
        'FORBIDDEN',
      );
    expect(await code(pupilCard(db, { actor: f.as('mun1'), id: ids.a ?? '' }))).toBe('NOT_FOUND');
    expect(await code(pupilCard(db, { actor: f.as('teacher'), id: ids['Второй В. В.'] ?? '' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('every read of a card is recorded (no name in it); the team sees who read, the teacher does not', async () => {
    const db = database.db;
    const card = await pupilCard(db, { actor: f.as('teacher'), id: ids.a ?? '' });
    expect(card.name).toBe('Секретов Пётр Ильич');
    expect(card.birthDate).toBe('2013-04-05');
    expect(card.reads).toBeNull();
    const teamCard = await pupilCard(db, { actor: f.as('school1'), id: ids.a ?? '' });
    expect(teamCard.reads?.map((r) => r.actorName)).toEqual(['Пользователь school1', 'Пользователь teacher']);
    expect((await pupilReads(db, { actor: f.as('school1'), id: ids.a ?? '' })).length).toBe(2);
    expect(await code(pupilReads(db, { actor: f.as('teacher'), id: ids.a ?? '' }))).toBe('FORBIDDEN');
    const register = await schoolReads(db, { actor: f.as('school1'), schoolId: f.S1.id });
    expect(register.length).toBe(2);
    const reads = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'pupil.card_read'), eq(auditEvents.entityId, ids.a ?? '')));
    expect(reads).toHaveLength(2);
    expect(JSON.stringify(reads)).not.toContain('Секретов');
  });

  it('changes with a version; a stale version is a conflict; the history says a name changed without it', async () => {
    const db = database.db;
    const card = await pupilCard(db, { actor: f.as('school1'), id: ids.a ?? '' });
    const saved = await updatePupil(db, {
      actor: f.as('school1'),
      id: ids.a ?? '',
      input: { version: card.version, name: 'Секретов П. И.', classLabel: '8Б' },
    });
    expect(saved.version).toBe(card.version + 1);
    expect(
      await code(
        updatePupil(db, {
          actor: f.as('school1'),
          id: ids.a ?? '',
          input: { version: card.version, ovz: true },
        }),
      ),
    ).toBe('CONFLICT');
    const after = await pupilCard(db, { actor: f.as('school1'), id: ids.a ?? '' });
    expect(after.grade).toBe(8);
    expect(after.history.map((h) => h.text).join(' | ')).toMatch(/Изменено: ФИО или дата рождения, класс/);
    expect(JSON.stringify(after.history)).not.toContain('Секретов');
  });

  it('measures: a pupil pair keeps the partner encrypted; changes and deletion are versioned', async () => {
    const db = database.db;
    const m = await createMeasure(db, {
      actor: f.as('school1'),
      pupilId: ids.a ?? '',
      input: {
        kind: 'pupil_pair',
        topic: 'Помощь по математике',
        startsOn: '2026-10-01',
        partner: 'Напарникова Н. Н.',
      },
    });
    const [row] = await db.select().from(pupilMeasures).where(eq(pupilMeasures.id, m.id));
    expect(row?.partnerEnc).not.toContain('Напарникова');
    expect(
      await code(
        createMeasure(db, {
          actor: f.as('school1'),
          pupilId: ids.a ?? '',
          input: { kind: 'extra_lessons', topic: 'х', startsOn: '2026-10-01', partner: 'Кто-то' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    const u = await updateMeasure(db, {
      actor: f.as('school1'),
      pupilId: ids.a ?? '',
      id: m.id,
      input: { version: 1, responsibleStaffId: teacherStaff },
    });
    expect(u.version).toBe(2);
    expect(
      await code(deleteMeasure(db, { actor: f.as('school1'), pupilId: ids.a ?? '', id: m.id, version: 1 })),
    ).toBe('CONFLICT');
    expect(
      await code(deleteMeasure(db, { actor: f.as('teacher'), pupilId: ids.a ?? '', id: m.id, version: 2 })),
    ).toBe('FORBIDDEN');
    await createMeasure(db, {
      actor: f.as('school1'),
      pupilId: ids.a ?? '',
      input: { kind: 'parent_consultation', topic: 'Итоги четверти', startsOn: '2026-10-20' },
    });
    const card = await pupilCard(db, { actor: f.as('school1'), id: ids.a ?? '' });
    expect(card.measures.map((x) => x.partner)).toContain('Напарникова Н. Н.');
    expect(card.measures.find((x) => x.kind === 'pupil_pair')?.responsibleName).toBe('Учителев Иван');
  });
});

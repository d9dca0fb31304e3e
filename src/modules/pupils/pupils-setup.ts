import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { staffMembers } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import { pupilCard } from './card.js';
import { createMeasure, updateMeasure } from './measures.js';
import { createPupil, updatePupil } from './registry.js';

// The setting of the tests of the registry of pupils at risk (pupils-registry, pupils-progress
// .db.test.ts), which were one chain in one file: two teachers of S1, then the registry as the registry's
// tests leave it. Each file starts from the stage the chain had reached before its first test; the stage
// `registry` is built by the same calls, in the same order, as the registry's tests make.

export const YEAR = 2026;

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

export const base = {
  year: YEAR,
  birthDate: '2013-04-05',
  classLabel: '7Б',
  category: 'weak' as const,
  subjects: ['Математика'],
  causes: ['pedagogical.gaps', 'social.family'],
  ovz: false,
  limitedRussian: false,
  includedOn: '2026-09-20',
};

/**
 * - `staff`: the teachers, no pupils — before the registry's tests;
 * - `registry`: six pupils of S1, a's card read, renamed, moved to 8Б and given two measures — before the
 *   tests of checkpoints, dynamics, counts, export and the sweep.
 */
export type PupilsStage = 'staff' | 'registry';

export type PupilsSetting = {
  database: Database;
  f: Awaited<ReturnType<typeof buildRegion>>;
  teacherStaff: string;
  otherStaff: string;
  /** Pupils' ids: `a` (Секретов), the others by name; set at the stage `registry`. */
  ids: Record<string, string>;
};

export async function setUpPupils(kind: 'pglite' | 'postgres', stage: PupilsStage): Promise<PupilsSetting> {
  const database = await freshDatabase(kind);
  const f = await buildRegion(database.db);
  const [t, o] = await database.db
    .insert(staffMembers)
    .values([
      {
        schoolId: f.S1.id,
        lastName: 'Учителев',
        firstName: 'Иван',
        position: 'Учитель математики',
        userId: f.as('teacher').userId,
      },
      { schoolId: f.S1.id, lastName: 'Другова', firstName: 'Анна', position: 'Учитель русского языка' },
    ])
    .returning({ id: staffMembers.id });
  const teacherStaff = t?.id ?? '';
  const otherStaff = o?.id ?? '';
  const ids: Record<string, string> = {};
  const s: PupilsSetting = { database, f, teacherStaff, otherStaff, ids };
  if (stage === 'staff') return s;

  // What the registry's tests do (pupils-registry.db.test.ts), the refusals left out.
  const db = database.db;
  const a = await createPupil(db, {
    actor: f.as('school1'),
    schoolId: f.S1.id,
    input: { ...base, name: 'Секретов Пётр Ильич', teacherIds: [teacherStaff] },
  });
  ids.a = a.id;
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
  await db
    .insert(staffMembers)
    .values({ schoolId: f.S2.id, lastName: 'Чужой', firstName: 'Ч', position: 'Учитель' });
  // The reads of a's card, in the order the tests make them.
  await pupilCard(db, { actor: f.as('teacher'), id: a.id });
  await pupilCard(db, { actor: f.as('school1'), id: a.id });
  const card = await pupilCard(db, { actor: f.as('school1'), id: a.id });
  await updatePupil(db, {
    actor: f.as('school1'),
    id: a.id,
    input: { version: card.version, name: 'Секретов П. И.', classLabel: '8Б' },
  });
  await pupilCard(db, { actor: f.as('school1'), id: a.id });
  const m = await createMeasure(db, {
    actor: f.as('school1'),
    pupilId: a.id,
    input: {
      kind: 'pupil_pair',
      topic: 'Помощь по математике',
      startsOn: '2026-10-01',
      partner: 'Напарникова Н. Н.',
    },
  });
  await updateMeasure(db, {
    actor: f.as('school1'),
    pupilId: a.id,
    id: m.id,
    input: { version: 1, responsibleStaffId: teacherStaff },
  });
  await createMeasure(db, {
    actor: f.as('school1'),
    pupilId: a.id,
    input: { kind: 'parent_consultation', topic: 'Итоги четверти', startsOn: '2026-10-20' },
  });
  await pupilCard(db, { actor: f.as('school1'), id: a.id });
  return s;
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { staffMembers } from '../../src/db/schema/people.js';
import { pupilMeasures, pupilRecords } from '../../src/db/schema/pupils.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { KEEPERS, type Login, UNIT_READERS, type UnitKey } from './scope.js';

// Helper «pupils» (issue 14 §2): the demo's pupils the matrix calls endpoints on, and who sees and may
// act on each — written out by hand from src/modules/access/pupil-rules.ts: identities to the school's
// team and the pupil's teachers only (everyone else: the pupil does not exist), counts to the roles that
// follow schools (not the expert, not the teacher).

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type PupilSamples = {
  /** a pupil of S1 whose teachers include the `teacher` account, with one of his measures */
  teacherPupilId: string;
  measureId: string;
  /** a pupil of school2's school */
  school2PupilId: string;
};

export async function pupilSamples(db: Db, schoolId: string, school2Id: string): Promise<PupilSamples> {
  const [teacher] = await db
    .select({ staffId: staffMembers.id })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(users.login, 'teacher'), eq(staffMembers.schoolId, schoolId)));
  if (!teacher) throw new Error('the demo teacher is not on the staff of the demo school');
  const [mine] = await db
    .select({ id: pupilRecords.id })
    .from(pupilRecords)
    .innerJoin(pupilMeasures, eq(pupilMeasures.recordId, pupilRecords.id))
    .where(
      and(
        eq(pupilRecords.schoolId, schoolId),
        isNull(pupilRecords.excludedOn),
        sql`${teacher.staffId} = any(${pupilRecords.teacherIds})`,
      ),
    )
    .limit(1);
  const [measure] = mine
    ? await db
        .select({ id: pupilMeasures.id })
        .from(pupilMeasures)
        .where(eq(pupilMeasures.recordId, mine.id))
        .limit(1)
    : [];
  const [other] = await db
    .select({ id: pupilRecords.id })
    .from(pupilRecords)
    .where(eq(pupilRecords.schoolId, school2Id))
    .limit(1);
  if (!mine || !measure || !other) throw new Error('the demo has no pupils of the demo schools');
  return { teacherPupilId: mine.id, measureId: measure.id, school2PupilId: other.id };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

/** Readers of a unit who read counts of pupils at risk (not the expert, not a teacher). */
const SUMMARY: Record<UnitKey, Login[]> = {
  region: ['admin', 'region', 'center'],
  ownMunicipality: ['admin', 'region', 'center', 'municipality'],
  otherMunicipality: ['admin', 'region', 'center'],
  school: ['admin', 'region', 'center', 'municipality', 'curator', 'school'],
  school2: ['admin', 'region', 'center', 'school2'],
};

export function pupilCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const p = s.pupils;
  const unitCase = (u: UnitKey, may: readonly Login[]): Case => ({
    label: u,
    params: { id: s.units[u].unitId },
    target: { unit: s.units[u], all: s, user },
    sees: UNIT_READERS[u],
    may,
  });
  const pupilCase = (label: string, id: string, sees: Login[], may: Login[]): Case => ({
    label,
    params: { id, measureId: p.measureId, key: 'oct' },
    target: { all: s, user },
    sees,
    may,
  });
  switch (rule) {
    case 'pupil.registry':
      return [unitCase('school', ['school', 'teacher']), unitCase('school2', ['school2'])];
    case 'pupil-registry.keep':
      return [unitCase('school', KEEPERS.school), unitCase('school2', KEEPERS.school2)];
    case 'pupil.card':
      return [
        pupilCase('teacher’s pupil', p.teacherPupilId, ['school', 'teacher'], ['school', 'teacher']),
        pupilCase('pupil of school2', p.school2PupilId, ['school2'], ['school2']),
      ];
    case 'pupil.keep':
      return [pupilCase('teacher’s pupil', p.teacherPupilId, ['school', 'teacher'], ['school'])];
    case 'pupil.summary':
      return (['region', 'ownMunicipality', 'school', 'school2'] as const).map((u) =>
        unitCase(u, SUMMARY[u]),
      );
    case 'pupil-checkpoints.keep':
      return [unitCase('region', ['region']), unitCase('school', ['school'])];
    default:
      return null;
  }
}

export const PUPIL_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/schools/{id}/pupils': () => ({
    body: {
      year: 2026,
      name: 'Проверка Д. А. (демо)',
      classLabel: '6А',
      category: 'at_risk',
      subjects: ['Математика'],
      causes: ['pedagogical.gaps'],
      ovz: false,
      limitedRussian: false,
      teacherIds: [],
      includedOn: '2026-10-01',
    },
  }),
  'PATCH /api/pupils/{id}': () => ({ body: { version: STALE, ovz: true } }),
  'POST /api/pupils/{id}/exclude': () => ({
    body: { version: STALE, excludedOn: '2026-11-01', reason: 'moved' },
  }),
  'POST /api/pupils/{id}/measures': () => ({
    body: { kind: 'extra_lessons', topic: 'Проверка доступа', startsOn: '2026-10-01' },
  }),
  'PATCH /api/pupils/{id}/measures/{measureId}': () => ({ body: { version: STALE, topic: 'Проверка' } }),
  'DELETE /api/pupils/{id}/measures/{measureId}': () => ({ query: `version=${STALE}` }),
  'PUT /api/pupils/{id}/results/{key}': () => ({ body: { version: STALE, status: 'weak', marks: {} } }),
  'PUT /api/org-units/{id}/pupil-checkpoints': () => ({ body: { year: 2099, checkpoints: [] } }),
};

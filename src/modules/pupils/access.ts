import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { staffMembers } from '../../db/schema/people.js';
import { pupilRecords } from '../../db/schema/pupils.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepRegistry, pupilIdentityVisible } from '../access/pupil-rules.js';
import { PUPIL_MSG } from './strings.js';

// Where the module's operations meet the one rule of access/pupil-rules.ts: a school the actor sees,
// a pupil whose identity he may read (404 otherwise, so a pupil he may not read does not exist for him),
// and the registry he keeps (403 for one who sees without keeping).

export type SchoolRow = { id: string; name: string; path: string };

/** A school the actor sees (404 otherwise). */
export async function visibleSchool(db: Db, actor: Actor, schoolId: string): Promise<SchoolRow> {
  const [s] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, schoolId), pathReadable(actor, orgUnits.path)));
  if (s?.kind !== 'school') throw notFound('Школа');
  return { id: s.id, name: s.name, path: s.path };
}

/** A school whose registry the actor keeps (its management team); one who sees it gets 403. */
export async function keptSchool(db: Db, actor: Actor, schoolId: string): Promise<SchoolRow> {
  const s = await visibleSchool(db, actor, schoolId);
  if (!canKeepRegistry(actor, s.path)) throw new AppError('FORBIDDEN', PUPIL_MSG.onlyTeam);
  return s;
}

/** The actor is a teacher of the school (his pupils only). */
export const teachesAt = (actor: Actor, schoolPath: string) =>
  actor.assignments.some((a) => a.role === 'teacher' && a.unitPath === schoolPath);

/** A pupil whose identity the actor reads: the school's team or one of his teachers (404 otherwise). */
export async function readablePupil(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ r: pupilRecords, schoolPath: orgUnits.path, schoolName: orgUnits.name })
    .from(pupilRecords)
    .innerJoin(orgUnits, eq(orgUnits.id, pupilRecords.schoolId))
    .where(
      and(
        eq(pupilRecords.id, id),
        pupilIdentityVisible(actor, orgUnits.path, pupilRecords.id, pupilRecords.teacherIds),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND', PUPIL_MSG.notFound);
  return { ...row, keeps: canKeepRegistry(actor, row.schoolPath) };
}

/** A pupil of the registry the actor keeps; his teacher, who reads the card, gets 403. */
export async function keptPupil(db: Db, actor: Actor, id: string) {
  const row = await readablePupil(db, actor, id);
  if (!row.keeps) throw new AppError('FORBIDDEN', PUPIL_MSG.onlyTeam);
  return row;
}

/** Staff of the school who work there now (the pupil's teachers and the measures' responsible). */
export async function currentStaff(db: Db, schoolId: string) {
  return db
    .select({
      id: staffMembers.id,
      lastName: staffMembers.lastName,
      firstName: staffMembers.firstName,
      middleName: staffMembers.middleName,
      position: staffMembers.position,
    })
    .from(staffMembers)
    .where(and(eq(staffMembers.schoolId, schoolId), isNull(staffMembers.leftOn)));
}

export const staffName = (s: { lastName: string; firstName: string; middleName: string | null }) =>
  [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

/** Checks that every id is a current staff member of the school (400 otherwise). */
export async function checkStaff(db: Db, schoolId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(
      and(eq(staffMembers.schoolId, schoolId), isNull(staffMembers.leftOn), inArray(staffMembers.id, unique)),
    );
  if (found.length !== unique.length)
    throw invalid(PUPIL_MSG.notStaff, [{ field, message: PUPIL_MSG.notStaff }]);
}

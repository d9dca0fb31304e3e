import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { staffMembers } from '../../db/schema/people.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepStaff, staffReader, staffVisible } from '../access/people-rules.js';
import { STAFF_MSG } from './strings.js';

// Access of the staff module over the one rule of access/people-rules.ts: a school or a record the actor
// does not read is absent (404); one he reads but does not keep is 403.

export type SchoolRow = { id: string; name: string; path: string; parentId: string | null };

/** A school the actor sees at all (a teacher sees his own school, and in it only his own record). */
export async function visibleSchool(db: Db, actor: Actor, schoolId: string): Promise<SchoolRow> {
  const [row] = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      path: orgUnits.path,
      parentId: orgUnits.parentId,
      kind: orgUnits.kind,
    })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, schoolId), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Школа');
  if (row.kind !== 'school') throw invalid(STAFF_MSG.notSchool);
  return row;
}

/** Whether the actor reads the whole staff of the school (not only his own record). */
export const readsStaffOf = (actor: Actor, schoolPath: string) =>
  staffReader(actor).assignments.some((a) => schoolPath.startsWith(a.unitPath));

/** A school whose registry the actor keeps: seen (404 otherwise) and his team's (403 otherwise). */
export async function schoolToKeep(db: Db, actor: Actor, schoolId: string): Promise<SchoolRow> {
  const school = await visibleSchool(db, actor, schoolId);
  if (!canKeepStaff(actor, school.path)) throw forbidden(STAFF_MSG.keepOnly);
  return school;
}

/** A staff record the actor reads (his school's readers, or the teacher himself), with its school. */
export async function loadMember(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ m: staffMembers, schoolName: orgUnits.name, schoolPath: orgUnits.path })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(eq(staffMembers.id, id), staffVisible(actor, orgUnits.path, staffMembers.userId)));
  if (!row) throw notFound('Педагог');
  return row;
}

/** A staff record the actor keeps (403 when he only reads it). */
export async function memberToKeep(db: Db, actor: Actor, id: string) {
  const row = await loadMember(db, actor, id);
  if (!canKeepStaff(actor, row.schoolPath)) throw forbidden(STAFF_MSG.keepOnly);
  return row;
}

export const fullName = (m: { lastName: string; firstName: string; middleName: string | null }) =>
  [m.lastName, m.firstName, m.middleName].filter(Boolean).join(' ');

import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../db/schema/auth.js';
import { type Actor, pathReadable } from './actor.js';

// Who reads and keeps the support of teachers (issue 14 §1), written once for the staff registry,
// diagnostics, individual routes (ИОМ), mentoring, courses and their coverage:
// - the school's management team keeps its staff, routes and mentoring pairs;
// - the region's centre (ЦНППМ) and operator run diagnostics, keep the course catalogue and may build
//   a route for any teacher of the region («ИОМ разрабатывается ЦНППМ», Смоленская обл. 3.12);
// - the municipal coordinator runs diagnostics and courses of his municipality and reads its schools;
// - the curator reads his schools; an expert reads nothing of teachers (nothing of his work needs it);
// - a teacher reads only his own record, results and route — never a colleague's scores.

const READER_ROLES: readonly Role[] = [
  'admin',
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'curator',
  'school_team',
];

/** The actor with only the assignments that read teachers' data of a subtree. */
export const staffReader = (actor: Actor): Actor => ({
  ...actor,
  assignments: actor.assignments.filter((a) => READER_ROLES.includes(a.role)),
});

/**
 * SQL: a teacher's data are visible to the actor — his school is in a reader's subtree, or the record is
 * the actor's own (`staffUserId`: the `user_id` of the staff member the row belongs to).
 */
export function staffVisible(
  actor: Actor,
  schoolPath: AnyPgColumn | SQL,
  staffUserId: AnyPgColumn | SQL,
): SQL {
  return sql`(${pathReadable(staffReader(actor), schoolPath)} or ${staffUserId} = ${actor.userId})`;
}

/** The school's management team keeps its staff registry and mentoring pairs. */
export function canKeepStaff(actor: Actor, schoolPath: string): boolean {
  return actor.assignments.some(
    (a) => a.role === 'school_team' && a.unitKind === 'school' && a.unitPath === schoolPath,
  );
}

/** Routes (ИОМ): the school's team, or the region's centre or operator of the school's region. */
export function canKeepRoutes(actor: Actor, schoolPath: string): boolean {
  return (
    canKeepStaff(actor, schoolPath) ||
    actor.assignments.some(
      (a) =>
        (a.role === 'regional_center' || a.role === 'regional_operator') &&
        schoolPath.startsWith(a.governingPath),
    )
  );
}

/**
 * Diagnostics and courses of a unit: the region's centre and operator for any unit of the region, the
 * municipal coordinator for his municipality and its schools, the school's team for its own school.
 */
export function canRunSupportOf(actor: Actor, unitPath: string): boolean {
  return actor.assignments.some((a) => {
    if (a.role === 'regional_center' || a.role === 'regional_operator')
      return unitPath.startsWith(a.governingPath);
    if (a.role === 'municipal_coordinator' && a.unitKind === 'municipality')
      return unitPath.startsWith(a.unitPath);
    if (a.role === 'school_team' && a.unitKind === 'school') return unitPath === a.unitPath;
    return false;
  });
}

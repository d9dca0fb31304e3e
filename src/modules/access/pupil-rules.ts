import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../db/schema/auth.js';
import { type Actor, pathReadable } from './actor.js';

// Pupils at risk (issue 14 §2): personal data never leave the school in identifiable form (152-ФЗ).
// - Identities (name, date of birth, the card) are read by the school's management team and by the
//   pupil's teachers (the staff named on the record or responsible for one of its measures);
// - every other role that follows schools reads counts and shares only, with cells below
//   SMALL_CELL shown as «менее 5» — never a row about one pupil.
// One definition for every query of the module; the API's tests search every response for the demo's
// pupils' names.

/** Counts below this are shown as «менее 5» to everyone outside the school. */
export const SMALL_CELL = 5;

const SUMMARY_ROLES: readonly Role[] = [
  'admin',
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'curator',
  'school_team',
];

/** The actor with only the assignments that read counts of pupils at risk. */
export const pupilSummaryReader = (actor: Actor): Actor => ({
  ...actor,
  assignments: actor.assignments.filter((a) => SUMMARY_ROLES.includes(a.role)),
});

/** Schools whose registry (with identities) the actor keeps: his school as its management team. */
export function keptRegistryPaths(actor: Actor): string[] {
  return actor.assignments
    .filter((a) => a.role === 'school_team' && a.unitKind === 'school')
    .map((a) => a.unitPath);
}

export function canKeepRegistry(actor: Actor, schoolPath: string): boolean {
  return keptRegistryPaths(actor).includes(schoolPath);
}

/**
 * SQL over a pupil record: the actor may see the pupil's identity — he keeps the school's registry, or
 * he is a teacher named on the record (`teacherIds`) or responsible for one of its measures.
 */
export function pupilIdentityVisible(
  actor: Actor,
  schoolPath: AnyPgColumn | SQL,
  recordId: AnyPgColumn | SQL,
  teacherIds: AnyPgColumn | SQL,
): SQL {
  const kept = keptRegistryPaths(actor);
  const keeps = kept.length
    ? sql`${schoolPath} in (${sql.join(
        kept.map((p) => sql`${p}`),
        sql`, `,
      )})`
    : sql`false`;
  const ownStaff = sql`(select s.id from staff_members s where s.user_id = ${actor.userId} and s.left_on is null)`;
  return sql`(${keeps} or ${teacherIds} && array(${ownStaff}) or exists (select 1 from pupil_measures m where m.record_id = ${recordId} and m.responsible_staff_id in ${ownStaff}))`;
}

/** SQL: counts of the school's registry are visible to the actor. */
export function pupilSummaryVisible(actor: Actor, schoolPath: AnyPgColumn | SQL): SQL {
  return pathReadable(pupilSummaryReader(actor), schoolPath);
}

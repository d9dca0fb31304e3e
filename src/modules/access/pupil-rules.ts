import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, pathReadable } from './actor.js';
import { canKeepStaff, staffReader } from './people-rules.js';

// Pupils at risk (issue 14 §2): personal data never leave the school in identifiable form (152-ФЗ).
// - Identities (name, date of birth, the card) are read by the school's management team and by the
//   pupil's teachers (the staff named on the record or responsible for one of its measures);
// - every other role that follows schools reads counts and shares only, with cells below
//   SMALL_CELL shown as «менее 5» — never a row about one pupil.
// One definition for every query of the module; the API's tests search every response for the demo's
// pupils' names.

/** Counts below this are shown as «менее 5» to everyone outside the school. */
export const SMALL_CELL = 5;

/** Counts are read by the roles that read teachers' data of a subtree (people-rules.ts): the same people. */
export const pupilSummaryReader = staffReader;

/** The school's registry (with identities) is kept by its management team: the keeper of its staff. */
export const canKeepRegistry = canKeepStaff;

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
  const inSchools = (paths: string[]) =>
    paths.length
      ? sql`${schoolPath} in (${sql.join(
          paths.map((p) => sql`${p}`),
          sql`, `,
        )})`
      : sql`false`;
  const kept = actor.assignments.filter((a) => a.role === 'school_team' && a.unitKind === 'school');
  // A teacher only while he holds a role at the pupil's school (a staff record not marked «выбыл» is not enough).
  const teaches = actor.assignments.filter((a) => a.role === 'teacher' || a.role === 'school_team');
  const ownStaff = sql`(select s.id from staff_members s where s.user_id = ${actor.userId} and s.left_on is null)`;
  const named = sql`(${teacherIds} && array(${ownStaff}) or exists (select 1 from pupil_measures m where m.record_id = ${recordId} and m.responsible_staff_id in ${ownStaff}))`;
  return sql`(${inSchools(kept.map((a) => a.unitPath))} or (${inSchools(teaches.map((a) => a.unitPath))} and ${named}))`;
}

/** SQL: counts of the school's registry are visible to the actor. */
export function pupilSummaryVisible(actor: Actor, schoolPath: AnyPgColumn | SQL): SQL {
  return pathReadable(pupilSummaryReader(actor), schoolPath);
}

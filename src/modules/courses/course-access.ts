import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { courses } from '../../db/schema/people.js';
import { notFound } from '../../lib/errors.js';
import { type Actor, pathIsAncestorOfActor, pathReadable } from '../access/actor.js';
import { canRunSupportOf, staffReader } from '../access/people-rules.js';

// Who sees a course of the catalogue: the readers of teachers' data (access/people-rules.ts) of the
// owner's subtree, and those of the units below the owner — a school enrols its teachers in the
// region's courses, so it reads the region's catalogue. Who keeps it: `canRunSupportOf` the owner.

/** SQL: the course with this owner path is in the actor's catalogue. */
export function courseVisible(actor: Actor, ownerPath: AnyPgColumn | SQL): SQL {
  const reader = staffReader(actor);
  return sql`(${pathReadable(reader, ownerPath)} or ${pathIsAncestorOfActor(reader, ownerPath)})`;
}

/** A course the actor sees with its owner's path and name (404 otherwise). */
export async function loadCourse(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ course: courses, ownerPath: orgUnits.path, ownerName: orgUnits.name })
    .from(courses)
    .innerJoin(orgUnits, eq(orgUnits.id, courses.ownerUnitId))
    .where(and(eq(courses.id, id), courseVisible(actor, orgUnits.path)));
  if (!row) throw notFound('Курс');
  return row;
}

/** The region's centre and operator, the municipal coordinator of the owner keep the course. */
export const canKeepCourse = (actor: Actor, ownerPath: string) => canRunSupportOf(actor, ownerPath);

/**
 * Enrolling a teacher of a school: the school's team, its municipality or its region
 * (`canRunSupportOf` the school).
 */
export const canEnrolAt = (actor: Actor, schoolPath: string) => canRunSupportOf(actor, schoolPath);

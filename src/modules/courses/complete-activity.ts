import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  type courseEnrolments,
  courses,
  routeActivities,
  routeActivityFiles,
} from '../../db/schema/people.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { COURSE_MSG } from './strings.js';

// A course completed with a certificate marks the route activity it serves as done (issue 14 §1). The
// routes module is reached only through its tables: the activity gets `status = 'done'`, the date of
// completion and the certificate as its evidence, and its history an event of its own. An activity
// already done or confirmed is left as it is; so is one whose enrolment lacks the date or the file.

type Enrolment = typeof courseEnrolments.$inferSelect;

export async function markActivityDone(tx: Db, actor: Actor, e: Enrolment): Promise<boolean> {
  if (!e.activityId || e.status !== 'completed' || !e.completedOn || !e.certificateFileId) return false;
  const [course] = await tx.select({ name: courses.name }).from(courses).where(eq(courses.id, e.courseId));
  const [before] = await tx
    .select({ status: routeActivities.status })
    .from(routeActivities)
    .where(eq(routeActivities.id, e.activityId));
  if (!before) return false;
  const [row] = await tx
    .update(routeActivities)
    .set({
      status: 'done',
      doneOn: e.completedOn,
      doneNote: COURSE_MSG.activityDoneNote(course?.name ?? ''),
      returnComment: null,
      version: sql`${routeActivities.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(eq(routeActivities.id, e.activityId), inArray(routeActivities.status, ['planned', 'returned'])),
    )
    .returning({ id: routeActivities.id, routeId: routeActivities.routeId });
  if (!row) return false;
  await tx
    .insert(routeActivityFiles)
    .values({ activityId: row.id, fileId: e.certificateFileId })
    .onConflictDoNothing();
  await recordEvent(
    tx,
    actor,
    'route_activity.done_by_course',
    { entityType: 'route_activity', entityId: row.id, orgUnitId: e.schoolId },
    {
      courseId: e.courseId,
      enrolmentId: e.id,
      fileId: e.certificateFileId,
      doneOn: e.completedOn,
      from: before.status,
    },
  );
  return true;
}

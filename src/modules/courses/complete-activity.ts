import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type courseEnrolments, courses } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { markActivityDoneIn } from '../individual-routes/activity-status.js';
import { COURSE_MSG } from './strings.js';

// A course completed with a certificate marks the route activity it serves as done (issue 14 §1) —
// through the routes module's one rule (`markActivityDoneIn`): the route must run, an approved route
// starts, the certificate becomes the evidence, the history gets `route_activity.done_by_course`. An
// activity already done or confirmed is left as it is; so is one whose enrolment lacks the date or the
// file, and one whose route is no longer running (the course result itself is still recorded).

type Enrolment = typeof courseEnrolments.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function markActivityDone(tx: Tx, actor: Actor, e: Enrolment): Promise<boolean> {
  if (!e.activityId || e.status !== 'completed' || !e.completedOn || !e.certificateFileId) return false;
  const [course] = await tx.select({ name: courses.name }).from(courses).where(eq(courses.id, e.courseId));
  const a = await markActivityDoneIn(tx, actor, {
    activityId: e.activityId,
    doneOn: e.completedOn,
    note: COURSE_MSG.activityDoneNote(course?.name ?? ''),
    fileIds: [e.certificateFileId],
    byCourse: { courseId: e.courseId, enrolmentId: e.id, fileId: e.certificateFileId },
  }).catch((err: unknown) => {
    // A route closed (or back in draft) since the enrolment keeps its activities as they are.
    if (err instanceof AppError && err.code === 'INVALID_INPUT') return null;
    throw err;
  });
  return a !== null;
}

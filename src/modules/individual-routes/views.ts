import { z } from '@hono/zod-openapi';
import { ROUTE_ACTIVITY_KINDS, ROUTE_ACTIVITY_STATUSES, ROUTE_STATUSES } from '../../db/schema/values.js';

// Answers of the individual routes' endpoints.

export const routeHistoryLineView = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  text: z.string(),
});

export const routeActivityView = z
  .object({
    id: z.string(),
    goalId: z.string().nullable(),
    kind: z.enum(ROUTE_ACTIVITY_KINDS),
    title: z.string(),
    dueDate: z.string().nullable(),
    responsible: z.string().nullable(),
    responsibleUserId: z.string().nullable(),
    responsibleUserName: z.string().nullable(),
    courseId: z.string().nullable(),
    courseName: z.string().nullable(),
    status: z.enum(ROUTE_ACTIVITY_STATUSES),
    doneOn: z.string().nullable(),
    doneNote: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedByName: z.string().nullable(),
    returnComment: z.string().nullable(),
    /** the deadline has passed and the activity is not done */
    overdue: z.boolean(),
    files: z.array(z.object({ id: z.string(), name: z.string() })),
    /** the caller may mark it done and attach evidence */
    canMarkDone: z.boolean(),
    /** the caller may confirm or return it */
    canReview: z.boolean(),
    version: z.number(),
  })
  .openapi('RouteActivity');

export const routeDetailView = z
  .object({
    id: z.string(),
    version: z.number(),
    status: z.enum(ROUTE_STATUSES),
    year: z.number(),
    schoolId: z.string(),
    schoolName: z.string(),
    staffMemberId: z.string(),
    teacherName: z.string(),
    position: z.string(),
    diagnostic: z
      .object({ id: z.string(), name: z.string(), conductedOn: z.string(), levelName: z.string().nullable() })
      .nullable(),
    approvedAt: z.string().nullable(),
    approvedByName: z.string().nullable(),
    result: z.string().nullable(),
    goals: z.array(z.object({ id: z.string(), blockKey: z.string().nullable(), text: z.string() })),
    activities: z.array(routeActivityView),
    /** the caller keeps the route (goals, activities, statuses) */
    canKeep: z.boolean(),
    /** courses of the catalogues the school may name (for the keepers) */
    courseOptions: z.array(z.object({ id: z.string(), name: z.string() })),
    history: z.array(routeHistoryLineView),
  })
  .openapi('IndividualRoute');

export const routeRowView = z.object({
  id: z.string(),
  status: z.enum(ROUTE_STATUSES),
  year: z.number(),
  schoolId: z.string(),
  schoolName: z.string(),
  staffMemberId: z.string(),
  teacherName: z.string(),
  position: z.string(),
  level: z.string().nullable(),
  levelName: z.string().nullable(),
  activities: z.number(),
  confirmed: z.number(),
  overdue: z.number(),
});

export const routeListView = z
  .object({
    year: z.number(),
    routes: z.array(routeRowView),
    counts: z.object({
      total: z.number(),
      draft: z.number(),
      approved: z.number(),
      in_progress: z.number(),
      mastered: z.number(),
      not_mastered: z.number(),
    }),
    /** teachers whose latest result needs a route and who have none for the year («нужен ИОМ») */
    needing: z.array(
      z.object({
        staffMemberId: z.string(),
        teacherName: z.string(),
        position: z.string(),
        schoolId: z.string(),
        schoolName: z.string(),
        levelName: z.string().nullable(),
        canCreate: z.boolean(),
      }),
    ),
    schools: z.array(z.object({ id: z.string(), name: z.string() })),
    levels: z.array(z.object({ key: z.string(), name: z.string() })),
  })
  .openapi('IndividualRouteList');

export const createdRouteView = z.object({ id: z.string() });
export const versionedView = z.object({ id: z.string(), version: z.number() });
export const evidenceView = z.object({
  id: z.string(),
  version: z.number(),
  fileId: z.string(),
  fileName: z.string(),
});

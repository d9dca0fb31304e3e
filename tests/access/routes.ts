import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import {
  individualRoutes,
  routeActivities,
  routeActivityFiles,
  routeGoals,
  staffMembers,
} from '../../src/db/schema/people.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «routes»: the demo's individual routes (ИОМ) the matrix calls endpoints on, and who sees and
// may act on each — written out by hand from src/modules/access/people-rules.ts: the teachers' data
// are read by the school's subtree readers except the expert, and by the teacher himself; routes are
// kept by the school's team and the region's centre and operator; activities are confirmed by the
// school's team, never by the teacher.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type RouteSample = {
  routeId: string;
  staffId: string;
  year: number;
  goalId: string;
  /** an activity marked done and waiting for the school's confirmation */
  activityId: string;
  /** an activity with a file of evidence, and the file */
  fileActivityId: string;
  fileId: string;
};
export type RouteSamples = { school: RouteSample; school2: RouteSample; own: RouteSample };

async function sampleOf(db: Db, schoolId: string, own: string | null): Promise<RouteSample> {
  const rows = await db
    .select({ r: individualRoutes })
    .from(individualRoutes)
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .where(
      and(
        eq(individualRoutes.schoolId, schoolId),
        eq(individualRoutes.status, 'in_progress'),
        own ? eq(staffMembers.userId, own) : isNull(staffMembers.userId),
      ),
    )
    .orderBy(asc(individualRoutes.createdAt));
  for (const { r } of rows) {
    const [goal] = await db.select().from(routeGoals).where(eq(routeGoals.routeId, r.id)).limit(1);
    const acts = await db.select().from(routeActivities).where(eq(routeActivities.routeId, r.id));
    const done = acts.find((a) => a.status === 'done');
    const [file] = await db
      .select({ activityId: routeActivityFiles.activityId, fileId: routeActivityFiles.fileId })
      .from(routeActivityFiles)
      .innerJoin(routeActivities, eq(routeActivities.id, routeActivityFiles.activityId))
      .where(eq(routeActivities.routeId, r.id))
      .limit(1);
    if (goal && done && file)
      return {
        routeId: r.id,
        staffId: r.staffMemberId,
        year: r.year,
        goalId: goal.id,
        activityId: done.id,
        fileActivityId: file.activityId,
        fileId: file.fileId,
      };
  }
  throw new Error(`no demo route in progress with a done activity and evidence in ${schoolId}`);
}

export async function routeSamples(db: Db, schoolId: string, school2Id: string): Promise<RouteSamples> {
  const [teacher] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'teacher'));
  if (!teacher) throw new Error('no demo teacher');
  return {
    school: await sampleOf(db, schoolId, null),
    school2: await sampleOf(db, school2Id, null),
    own: await sampleOf(db, schoolId, teacher.id),
  };
}

const READERS: Record<keyof RouteSamples, Login[]> = {
  school: ['admin', 'region', 'center', 'municipality', 'curator', 'school'],
  school2: ['admin', 'region', 'center', 'school2'],
  own: ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'teacher'],
};
const KEEPERS: Record<keyof RouteSamples, Login[]> = {
  school: ['region', 'center', 'school'],
  school2: ['region', 'center', 'school2'],
  own: ['region', 'center', 'school'],
};
const REVIEWERS: Record<keyof RouteSamples, Login[]> = {
  school: ['school'],
  school2: ['school2'],
  own: ['school'],
};

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const KEYS = ['school', 'school2', 'own'] as const;

export function routeCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const target = (extra: Partial<Target> = {}): Target => ({ all: s, user, ...extra });
  const each = (
    params: (r: RouteSample) => Record<string, string>,
    may: (k: (typeof KEYS)[number]) => readonly Login[],
  ): Case[] =>
    KEYS.map((k) => ({
      label: `route-${k}`,
      params: params(s.routes[k]),
      target: target(),
      sees: READERS[k],
      may: may(k),
    }));
  switch (rule) {
    case 'individual-route.list':
      return [{ label: 'routes', params: {}, target: target(), sees: LOGINS, may: LOGINS }];
    case 'individual-route.create':
      return (['school', 'school2'] as const).map((k) => ({
        label: `route-${k}`,
        params: {},
        target: target({ unit: s.units[k] }),
        sees: READERS[k],
        may: KEEPERS[k],
      }));
    case 'individual-route.read':
      return each(
        (r) => ({ id: r.routeId }),
        (k) => READERS[k],
      );
    case 'individual-route.keep':
      return each(
        (r) => ({ id: r.routeId, goalId: r.goalId }),
        (k) => KEEPERS[k],
      );
    case 'route-activity.read':
      return each(
        (r) => ({ id: r.fileActivityId, fileId: r.fileId }),
        (k) => READERS[k],
      );
    case 'route-activity.keep':
      return each(
        (r) => ({ id: r.activityId }),
        (k) => KEEPERS[k],
      );
    case 'route-activity.done':
      return each(
        (r) => ({ id: r.activityId }),
        (k) => (k === 'own' ? [...KEEPERS[k], 'teacher'] : KEEPERS[k]),
      );
    case 'route-activity.review':
      return each(
        (r) => ({ id: r.activityId }),
        (k) => REVIEWERS[k],
      );
    default:
      return null;
  }
}

const pdf = () => {
  const fd = new FormData();
  fd.append(
    'file',
    new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'сертификат.pdf'),
  );
  return fd;
};

/** Valid requests with a stale version (or a second route of the year): permitted callers get 409. */
export const ROUTE_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/individual-routes': (t) => {
    const r = t.unit?.unitId === t.all.units.school2.unitId ? t.all.routes.school2 : t.all.routes.school;
    return { body: { staffMemberId: r.staffId, year: r.year, fromDeficits: false } };
  },
  'POST /api/individual-routes/{id}/approve': () => ({ body: { version: STALE } }),
  'POST /api/individual-routes/{id}/start': () => ({ body: { version: STALE } }),
  'POST /api/individual-routes/{id}/close': () => ({
    body: { version: STALE, outcome: 'not_mastered', conclusion: 'Проверка доступа', reason: 'Проверка' },
  }),
  'POST /api/individual-routes/{id}/goals': () => ({ body: { version: STALE, text: 'Проверка доступа' } }),
  'PATCH /api/individual-routes/{id}/goals/{goalId}': () => ({
    body: { version: STALE, text: 'Проверка доступа' },
  }),
  'DELETE /api/individual-routes/{id}/goals/{goalId}': () => ({ query: `version=${STALE}` }),
  'POST /api/individual-routes/{id}/activities': () => ({
    body: { version: STALE, kind: 'self_study', title: 'Проверка доступа' },
  }),
  'PATCH /api/route-activities/{id}': () => ({ body: { version: STALE, title: 'Проверка доступа' } }),
  'DELETE /api/route-activities/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/route-activities/{id}/evidence': () => ({ query: `version=${STALE}`, body: pdf() }),
  'POST /api/route-activities/{id}/done': () => ({ body: { version: STALE, note: 'Проверка доступа' } }),
  'POST /api/route-activities/{id}/confirm': () => ({ body: { version: STALE } }),
  'POST /api/route-activities/{id}/return': () => ({ body: { version: STALE, comment: 'Проверка доступа' } }),
};

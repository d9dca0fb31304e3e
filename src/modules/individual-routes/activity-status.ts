import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { routeActivities, routeActivityFiles } from '../../db/schema/people.js';
import type { RouteActivityStatus } from '../../db/schema/values.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { todayIso } from '../organisation/school-year.js';
import { type ActivityRow, loadActivity, mayConfirm, mayMarkDone, OPEN_STATUSES } from './route-access.js';
import { lockRoute, moveRoute } from './route-status.js';
import { ROUTE_MSG } from './strings.js';

// An activity's way: запланировано → выполнено (the teacher himself or the route's keepers, with a note
// and evidence files) → подтверждено, or возвращено with a comment (the school's team or the activity's
// responsible user, never the teacher himself) and done again. The first activity marked done starts an
// approved route (выполняется). Every move locks the route's row first (`lockRoute`) and re-checks that
// the route runs, so a route is never closed «освоен» while one of its activities moves.

const RUNNING = ['approved', 'in_progress'];

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Locks the activity's route and checks, as it is now, that it runs (approved or in progress). */
async function runningRoute(tx: Tx, routeId: string) {
  const route = await lockRoute(tx, routeId);
  if (!RUNNING.includes(route.status))
    throw new AppError(
      'INVALID_INPUT',
      (OPEN_STATUSES as readonly string[]).includes(route.status) ? ROUTE_MSG.notStarted : ROUTE_MSG.closed,
    );
  return route;
}

async function doable(db: Db, actor: Actor, activityId: string, version: number): Promise<ActivityRow> {
  const row = await loadActivity(db, actor, activityId);
  if (!mayMarkDone(actor, row)) throw new AppError('FORBIDDEN', ROUTE_MSG.teacherOnly);
  if (row.activity.version !== version) throw conflict({ version: row.activity.version });
  if (!RUNNING.includes(row.route.status)) throw new AppError('INVALID_INPUT', ROUTE_MSG.notStarted);
  return row;
}

async function moveActivity(
  tx: Tx,
  actor: Actor,
  row: ActivityRow,
  to: RouteActivityStatus,
  version: number,
  set: Partial<typeof routeActivities.$inferInsert>,
  text: string | null,
) {
  await runningRoute(tx, row.route.id);
  const [a] = await tx
    .update(routeActivities)
    .set({ ...set, status: to, version: sql`${routeActivities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(routeActivities.id, row.activity.id), eq(routeActivities.version, version)))
    .returning();
  if (!a) throw conflict({ version: row.activity.version });
  await recordEvent(
    tx,
    actor,
    'route_activity.status_changed',
    { entityType: 'route_activity', entityId: a.id, orgUnitId: row.route.schoolId },
    { routeId: row.route.id, title: a.title, from: row.activity.status, to, text },
  );
  return a;
}

/** Attaches a file of evidence (a certificate, a document) to an activity not yet confirmed. */
export async function attachEvidence(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; activityId: string; version: number; upload: Upload; maxBytes: number },
) {
  const row = await doable(db, opts.actor, opts.activityId, opts.version);
  if (row.activity.status === 'confirmed') throw new AppError('INVALID_INPUT', ROUTE_MSG.confirmed);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [a] = await tx
      .update(routeActivities)
      .set({ version: sql`${routeActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(routeActivities.id, row.activity.id), eq(routeActivities.version, opts.version)))
      .returning();
    if (!a) throw conflict({ version: row.activity.version });
    await tx.insert(routeActivityFiles).values({ activityId: a.id, fileId: file.id }).onConflictDoNothing();
    await recordEvent(
      tx,
      opts.actor,
      'route_activity.file_attached',
      { entityType: 'route_activity', entityId: a.id, orgUnitId: row.route.schoolId },
      { routeId: row.route.id, title: a.title, fileId: file.id, fileName: file.name },
    );
    return { id: a.id, version: a.version, fileId: file.id, fileName: file.name };
  });
}

export async function markActivityDone(
  db: Db,
  opts: { actor: Actor; activityId: string; version: number; note?: string | null; today?: string },
) {
  const row = await doable(db, opts.actor, opts.activityId, opts.version);
  if (row.activity.status !== 'planned' && row.activity.status !== 'returned')
    throw new AppError('INVALID_INPUT', ROUTE_MSG.notPlanned);
  const note = opts.note?.trim() || null;
  return db.transaction(async (tx) => {
    const a = await markActivityDoneIn(tx, opts.actor, {
      activityId: row.activity.id,
      version: opts.version,
      doneOn: opts.today ?? todayIso(),
      note,
    });
    if (!a) throw conflict({ version: row.activity.version });
    return { id: a.id, version: a.version };
  });
}

/**
 * The one way an activity becomes «выполнено», inside the caller's transaction, with every rule of the
 * routes: the route's row is locked and must run (approved or in progress — a draft or a closed route
 * refuses with INVALID_INPUT); only a planned or returned activity (at `version`, when given) moves —
 * otherwise null and nothing changes; evidence files are attached; the history gets its event (by hand, or
 * `route_activity.done_by_course` with the course); an approved route starts (выполняется), which records
 * its own event and refreshes the bound indicators (`moveRoute`).
 */
export async function markActivityDoneIn(
  tx: Tx,
  actor: Actor,
  opts: {
    activityId: string;
    version?: number;
    doneOn: string;
    note: string | null;
    fileIds?: string[];
    byCourse?: { courseId: string; enrolmentId: string; fileId: string };
  },
) {
  const [current] = await tx.select().from(routeActivities).where(eq(routeActivities.id, opts.activityId));
  if (!current) return null;
  const route = await runningRoute(tx, current.routeId);
  const [a] = await tx
    .update(routeActivities)
    .set({
      status: 'done',
      doneOn: opts.doneOn,
      doneNote: opts.note,
      returnComment: null,
      version: sql`${routeActivities.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(routeActivities.id, current.id),
        inArray(routeActivities.status, ['planned', 'returned']),
        opts.version === undefined ? undefined : eq(routeActivities.version, opts.version),
      ),
    )
    .returning();
  if (!a) return null;
  for (const fileId of opts.fileIds ?? [])
    await tx.insert(routeActivityFiles).values({ activityId: a.id, fileId }).onConflictDoNothing();
  const target = { entityType: 'route_activity' as const, entityId: a.id, orgUnitId: route.schoolId };
  if (opts.byCourse)
    await recordEvent(tx, actor, 'route_activity.done_by_course', target, {
      ...opts.byCourse,
      doneOn: opts.doneOn,
      from: current.status,
    });
  else
    await recordEvent(tx, actor, 'route_activity.status_changed', target, {
      routeId: route.id,
      title: a.title,
      from: current.status,
      to: 'done',
      text: opts.note,
    });
  if (route.status === 'approved') await moveRoute(tx, actor, route, 'in_progress');
  return a;
}

async function reviewable(db: Db, actor: Actor, activityId: string, version: number) {
  const row = await loadActivity(db, actor, activityId);
  if (!mayConfirm(actor, row, row.activity.responsibleUserId))
    throw new AppError('FORBIDDEN', ROUTE_MSG.notSelf);
  if (row.activity.version !== version) throw conflict({ version: row.activity.version });
  if (!RUNNING.includes(row.route.status)) throw new AppError('INVALID_INPUT', ROUTE_MSG.notStarted);
  if (row.activity.status !== 'done') throw new AppError('INVALID_INPUT', ROUTE_MSG.notDone);
  return row;
}

export async function confirmActivity(db: Db, opts: { actor: Actor; activityId: string; version: number }) {
  const row = await reviewable(db, opts.actor, opts.activityId, opts.version);
  const a = await db.transaction((tx) =>
    moveActivity(
      tx,
      opts.actor,
      row,
      'confirmed',
      opts.version,
      { confirmedBy: opts.actor.userId, confirmedAt: new Date() },
      null,
    ),
  );
  return { id: a.id, version: a.version };
}

export async function returnActivity(
  db: Db,
  opts: { actor: Actor; activityId: string; version: number; comment: string },
) {
  const row = await reviewable(db, opts.actor, opts.activityId, opts.version);
  const a = await db.transaction((tx) =>
    moveActivity(
      tx,
      opts.actor,
      row,
      'returned',
      opts.version,
      { returnComment: opts.comment },
      opts.comment,
    ),
  );
  return { id: a.id, version: a.version };
}

/** A file of an activity's evidence, to whoever sees the route. */
export async function readEvidence(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; activityId: string; fileId: string },
) {
  const row = await loadActivity(db, opts.actor, opts.activityId);
  const [file] = await db
    .select({ f: files })
    .from(routeActivityFiles)
    .innerJoin(files, eq(files.id, routeActivityFiles.fileId))
    .where(
      and(eq(routeActivityFiles.activityId, row.activity.id), eq(routeActivityFiles.fileId, opts.fileId)),
    );
  const data = file ? await storage.get(file.f.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file: file.f, data };
}

import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { courseEnrolments, courses } from '../../db/schema/people.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { staffReader } from '../access/people-rules.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { canKeepCourse, courseVisible, loadCourse } from './course-access.js';
import {
  type CourseListQuery,
  type CreateCourseInput,
  createCourseInput,
  type UpdateCourseInput,
  updateCourseInput,
} from './input.js';
import { COURSE_FORMAT_LABELS, COURSE_KIND_LABELS, COURSE_MSG, topicName } from './strings.js';
import type { CourseView } from './views.js';

// The course catalogue (issue 14 §1): courses of the region's and the municipalities' catalogues, kept by
// their runners, read by the readers of teachers' data and by the schools below the owner.

const counts = {
  enrolled: sql<number>`(select count(*) from ${courseEnrolments} e where e.course_id = ${courses.id})`,
  completed: sql<number>`(select count(*) from ${courseEnrolments} e where e.course_id = ${courses.id} and e.status = 'completed')`,
};

type Row = {
  course: typeof courses.$inferSelect;
  ownerPath: string;
  ownerName: string;
  enrolled: number | string;
  completed: number | string;
};

const viewOf = (actor: Actor, r: Row): CourseView => ({
  id: r.course.id,
  ownerUnitId: r.course.ownerUnitId,
  ownerName: r.ownerName,
  name: r.course.name,
  kind: r.course.kind,
  provider: r.course.provider,
  hours: r.course.hours,
  startsOn: r.course.startsOn,
  endsOn: r.course.endsOn,
  format: r.course.format,
  topic: r.course.topic,
  subject: r.course.subject,
  enrolled: Number(r.enrolled),
  completed: Number(r.completed),
  canKeep: canKeepCourse(actor, r.ownerPath),
  version: r.course.version,
});

export async function listCourses(db: Db, opts: { actor: Actor; query?: CourseListQuery }) {
  const q = opts.query ?? {};
  const where: SQL[] = [courseVisible(opts.actor, orgUnits.path)];
  if (q.kind) where.push(eq(courses.kind, q.kind));
  if (q.format) where.push(eq(courses.format, q.format));
  if (q.topic) where.push(eq(courses.topic, q.topic));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const found = or(ilike(courses.name, like), ilike(courses.provider, like), ilike(courses.subject, like));
    if (found) where.push(found);
  }
  const rows = await db
    .select({ course: courses, ownerPath: orgUnits.path, ownerName: orgUnits.name, ...counts })
    .from(courses)
    .innerJoin(orgUnits, eq(orgUnits.id, courses.ownerUnitId))
    .where(and(...where))
    .orderBy(asc(courses.startsOn), asc(courses.id));
  return rows.map((r) => viewOf(opts.actor, r));
}

export async function getCourse(db: Db, opts: { actor: Actor; courseId: string }) {
  const { course, ownerPath, ownerName } = await loadCourse(db, opts.actor, opts.courseId);
  const [c] = await db.select(counts).from(courses).where(eq(courses.id, course.id));
  return viewOf(opts.actor, {
    course,
    ownerPath,
    ownerName,
    enrolled: c?.enrolled ?? 0,
    completed: c?.completed ?? 0,
  });
}

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn)
    throw invalid(COURSE_MSG.datesOrder, [{ field: 'endsOn', message: COURSE_MSG.datesOrder }]);
}

export async function createCourse(db: Db, opts: { actor: Actor; input: CreateCourseInput }) {
  const { actor } = opts;
  const input = parseInput(createCourseInput, opts.input);
  const [owner] = await db
    .select({ id: orgUnits.id, path: orgUnits.path, kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.id, input.ownerUnitId));
  if (!owner || !(await unitSeen(db, actor, owner.id))) throw notFound('Организация');
  if (owner.kind !== 'region' && owner.kind !== 'municipality') throw invalid(COURSE_MSG.ownerKind);
  if (!canKeepCourse(actor, owner.path)) throw forbidden(COURSE_MSG.keepForbidden);
  checkDates(input.startsOn, input.endsOn);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courses)
      .values({
        ownerUnitId: owner.id,
        name: input.name,
        kind: input.kind,
        provider: input.provider,
        hours: input.hours,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        format: input.format,
        topic: input.topic ?? null,
        subject: input.subject || null,
      })
      .returning();
    if (!row) throw new Error('course not inserted');
    await recordEvent(
      tx,
      actor,
      'course.created',
      { entityType: 'course', entityId: row.id, orgUnitId: owner.id },
      { name: row.name, kind: row.kind, ownerUnitId: owner.id },
    );
    return viewOf(actor, {
      course: row,
      ownerPath: owner.path,
      ownerName: owner.name,
      enrolled: 0,
      completed: 0,
    });
  });
}

/** The owner is one the actor sees in his catalogue: his own unit or one below or above it. */
async function unitSeen(db: Db, actor: Actor, unitId: string) {
  const [u] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), courseVisible(actor, orgUnits.path)));
  return Boolean(u);
}

const KEPT_FIELDS = [
  'name',
  'kind',
  'provider',
  'hours',
  'startsOn',
  'endsOn',
  'format',
  'topic',
  'subject',
] as const;

export async function updateCourse(
  db: Db,
  opts: { actor: Actor; courseId: string; input: UpdateCourseInput },
) {
  const { actor } = opts;
  const input = parseInput(updateCourseInput, opts.input);
  const { course: before, ownerPath, ownerName } = await loadCourse(db, actor, opts.courseId);
  if (!canKeepCourse(actor, ownerPath)) throw forbidden(COURSE_MSG.keepForbidden);
  if (before.version !== input.version) throw conflict({ version: before.version });
  const { version: _v, ...patch } = input;
  if (patch.subject === '') patch.subject = null;
  checkDates(
    patch.startsOn === undefined ? before.startsOn : patch.startsOn,
    patch.endsOn === undefined ? before.endsOn : patch.endsOn,
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(courses)
      .set({ ...patch, version: sql`${courses.version} + 1`, updatedAt: new Date() })
      .where(and(eq(courses.id, before.id), eq(courses.version, input.version)))
      .returning();
    if (!row) throw conflict();
    const changes = diff(before, patch, [...KEPT_FIELDS]);
    if (changes.length)
      await recordEvent(
        tx,
        actor,
        'course.updated',
        { entityType: 'course', entityId: row.id, orgUnitId: row.ownerUnitId },
        { changes },
      );
    const [c] = await tx.select(counts).from(courses).where(eq(courses.id, row.id));
    return viewOf(actor, {
      course: row,
      ownerPath,
      ownerName,
      enrolled: c?.enrolled ?? 0,
      completed: c?.completed ?? 0,
    });
  });
}

const FIELD_NAMES: Record<string, string> = {
  name: 'название',
  kind: 'вид',
  provider: 'организация',
  hours: 'часы',
  startsOn: 'дата начала',
  endsOn: 'дата окончания',
  format: 'формат',
  topic: 'тема',
  subject: 'предмет',
};

function lineOf(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'course.created':
      return `Курс добавлен в каталог: ${String(p.name)} (${COURSE_KIND_LABELS[p.kind as 'pk'] ?? String(p.kind)})`;
    case 'course.updated': {
      const changes = (p.changes as { field: string; new: unknown }[]) ?? [];
      return `Изменено: ${changes
        .map((c) => {
          const value =
            c.field === 'format'
              ? COURSE_FORMAT_LABELS[c.new as 'remote']
              : c.field === 'kind'
                ? COURSE_KIND_LABELS[c.new as 'pk']
                : c.field === 'topic'
                  ? topicName(c.new as string | null)
                  : c.new === null
                    ? '—'
                    : String(c.new);
          return `${FIELD_NAMES[c.field] ?? c.field} → ${value}`;
        })
        .join('; ')}`;
    }
    case 'course_enrolment.created':
      return 'Педагог записан на курс';
    case 'course_enrolment.deleted':
      return 'Запись педагога на курс отменена';
    case 'course_enrolment.result_set':
      return p.to === 'completed'
        ? `Отмечено прохождение курса${p.completedOn ? ` (${String(p.completedOn)})` : ''}`
        : p.to === 'not_completed'
          ? 'Отмечено: курс не пройден'
          : 'Отметка о прохождении снята';
    case 'course_enrolment.certificate_attached':
      return `Загружено удостоверение: ${String(p.fileName)}`;
    default:
      return type;
  }
}

/**
 * The course's history in Russian lines, oldest first: its own events and those of the enrolments of
 * schools the actor reads. The authors are named to the course's keepers; others see only their own
 * name — a school does not learn who in the region's centre or in another school did what.
 */
export async function courseHistory(db: Db, opts: { actor: Actor; courseId: string }) {
  const { actor } = opts;
  const { course, ownerPath } = await loadCourse(db, actor, opts.courseId);
  const keeps = canKeepCourse(actor, ownerPath);
  const rows = await db
    .select({ e: auditEvents })
    .from(auditEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, auditEvents.orgUnitId))
    .where(
      or(
        and(eq(auditEvents.entityType, 'course'), eq(auditEvents.entityId, course.id)),
        and(
          eq(auditEvents.entityType, 'course_enrolment'),
          sql`${auditEvents.payload}->>'courseId' = ${course.id}`,
          pathReadable(staffReader(actor), orgUnits.path),
        ),
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map(({ e }) => ({
    at: e.at.toISOString(),
    actorName: keeps || e.actorId === actor.userId ? e.actorName : null,
    text: lineOf(e.type, e.payload as Record<string, unknown>),
  }));
}

/** The units whose catalogue the actor keeps: his region (centre, operator), his municipality (coordinator). */
export async function courseOwners(db: Db, opts: { actor: Actor }) {
  const ids = new Set<string>();
  for (const a of opts.actor.assignments) {
    if (a.role === 'regional_center' || a.role === 'regional_operator') ids.add(a.governingId);
    if (a.role === 'municipal_coordinator' && a.unitKind === 'municipality') ids.add(a.orgUnitId);
  }
  if (ids.size === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...ids]));
  return rows
    .filter((r) => (r.kind === 'region' || r.kind === 'municipality') && canKeepCourse(opts.actor, r.path))
    .map((r) => ({ id: r.id, name: r.name }))
    .sort(byRussian((r) => r.name));
}

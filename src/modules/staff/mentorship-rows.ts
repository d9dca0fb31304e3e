import { and, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { organisationOrders } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { mentorshipMeetings, staffMembers, teacherMentorships } from '../../db/schema/people.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { pathReadable } from '../access/actor.js';
import { canKeepStaff, staffReader, staffVisible } from '../access/people-rules.js';
import { fullName } from './access.js';
import { latestLevels } from './member-rows.js';
import { STAFF_MSG } from './strings.js';
import type { mentorshipView } from './views.js';

// Mentoring pairs «учитель–учитель» as the views show them, and who sees them: the readers of the
// mentee's school, the mentee himself and the mentor himself (his own account).

export const mentee = alias(staffMembers, 'tm_mentee');
export const mentor = alias(staffMembers, 'tm_mentor');
export const pairSchool = alias(orgUnits, 'tm_school');
const mentorSchool = alias(orgUnits, 'tm_mentor_school');
const mentorUnit = alias(orgUnits, 'tm_mentor_unit');

/** SQL: the pair is visible to the actor. */
export const pairVisible = (actor: Actor): SQL =>
  or(staffVisible(actor, pairSchool.path, mentee.userId), eq(mentor.userId, actor.userId)) as SQL;

type PairView = z.infer<typeof mentorshipView>;

/**
 * Pairs matching `where` (over teacherMentorships, mentee, mentor, pairSchool), as views for the actor.
 * The mentee's diagnostic level goes only to readers of the pair's school — never to the mentor or the
 * mentee as such (a teacher never reads a colleague's scores).
 */
export async function pairViews(db: Db, actor: Actor, where: SQL | undefined): Promise<PairView[]> {
  const rows = await db
    .select({
      p: teacherMentorships,
      levelReadable: sql<boolean>`${pathReadable(staffReader(actor), pairSchool.path)}`,
      mentee: {
        lastName: mentee.lastName,
        firstName: mentee.firstName,
        middleName: mentee.middleName,
        position: mentee.position,
      },
      mentor: { lastName: mentor.lastName, firstName: mentor.firstName, middleName: mentor.middleName },
      mentorSchoolName: mentorSchool.name,
      mentorUnitName: mentorUnit.name,
      order: { id: organisationOrders.id, number: organisationOrders.number, date: organisationOrders.date },
      orderFile: files.name,
    })
    .from(teacherMentorships)
    .innerJoin(mentee, eq(mentee.id, teacherMentorships.menteeId))
    .innerJoin(pairSchool, eq(pairSchool.id, teacherMentorships.schoolId))
    .leftJoin(mentor, eq(mentor.id, teacherMentorships.mentorStaffId))
    .leftJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
    .leftJoin(mentorUnit, eq(mentorUnit.id, teacherMentorships.mentorUnitId))
    .leftJoin(organisationOrders, eq(organisationOrders.id, teacherMentorships.orderId))
    .leftJoin(files, eq(files.id, organisationOrders.fileId))
    .where(where);
  const ids = rows.map((r) => r.p.id);
  const meetings = ids.length
    ? await db
        .select({ id: mentorshipMeetings.mentorshipId, n: count() })
        .from(mentorshipMeetings)
        .where(inArray(mentorshipMeetings.mentorshipId, ids))
        .groupBy(mentorshipMeetings.mentorshipId)
    : [];
  const met = new Map(meetings.map((m) => [m.id, m.n]));
  const levels = await latestLevels(db, [
    ...new Set(rows.filter((r) => r.levelReadable).map((r) => r.p.menteeId)),
  ]);
  const views = rows.map(
    ({ p, levelReadable, ...r }): PairView => ({
      id: p.id,
      schoolId: p.schoolId,
      year: p.year,
      menteeId: p.menteeId,
      menteeName: fullName(r.mentee),
      menteePosition: r.mentee.position,
      menteeLevel: levelReadable ? (levels.get(p.menteeId) ?? null) : null,
      mentorKind: p.mentorKind,
      mentorStaffId: p.mentorStaffId,
      mentorName: r.mentor ? fullName(r.mentor) : (p.mentorName ?? ''),
      mentorUnitName: r.mentorSchoolName ?? r.mentorUnitName ?? null,
      program: p.program,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      result: p.result,
      order: r.order ? { ...r.order, fileName: r.orderFile } : null,
      meetings: met.get(p.id) ?? 0,
      version: p.version,
    }),
  );
  return views.sort(byRussian((v) => `${v.menteeName} ${v.mentorName}`));
}

/** A pair the actor sees (404 otherwise), with the path of the mentee's school. */
export async function loadPair(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ p: teacherMentorships, schoolPath: pairSchool.path })
    .from(teacherMentorships)
    .innerJoin(mentee, eq(mentee.id, teacherMentorships.menteeId))
    .innerJoin(pairSchool, eq(pairSchool.id, teacherMentorships.schoolId))
    .leftJoin(mentor, eq(mentor.id, teacherMentorships.mentorStaffId))
    .where(and(eq(teacherMentorships.id, id), pairVisible(actor)));
  if (!row) throw notFound('Наставническая пара');
  return row;
}

/** A pair the actor keeps: the mentee's school's team (403 for other readers). */
export async function pairToKeep(db: Db, actor: Actor, id: string) {
  const row = await loadPair(db, actor, id);
  if (!canKeepStaff(actor, row.schoolPath)) {
    throw forbidden(STAFF_MSG.keepOnly);
  }
  return row;
}

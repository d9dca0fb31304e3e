import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { mentorPairs, organisationOrders } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { mentorshipMeetings, staffMembers, teacherMentorships } from '../../db/schema/people.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { canKeepStaff } from '../access/people-rules.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { orderOf, regionOfPath } from '../organisation/people/access.js';
import { currentSchoolYear, todayIso } from '../organisation/school-year.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { fullName, memberToKeep, schoolToKeep, visibleSchool } from './access.js';
import { entityHistory } from './history.js';
import { latestLevels } from './member-rows.js';
import { loadPair, pairToKeep, pairViews, pairVisible } from './mentorship-rows.js';
import type { createMentorshipInput, meetingInput, updateMentorshipInput } from './schemas.js';
import { STAFF_MSG } from './strings.js';
import type { mentorshipCandidatesView, mentorshipCardView, mentorshipListView } from './views.js';

// Mentoring «учитель–учитель» (issue 14 §1): a pair for a school year — the mentee, a teacher of the
// school, and his mentor: a colleague, a teacher of the school's mentor school of the year (issue 12
// pairs) or a regional methodist named in words; a program, start and end, the result, meetings, and
// the school's «Приказ о закреплении педагогов-наставников» naming several pairs.

const target = (p: { id: string; schoolId: string }) => ({
  entityType: 'teacher_mentorship' as const,
  entityId: p.id,
  orgUnitId: p.schoolId,
});

export async function listMentorships(
  db: Db,
  opts: { actor: Actor; schoolId: string; year?: number },
): Promise<z.infer<typeof mentorshipListView>> {
  const school = await visibleSchool(db, opts.actor, opts.schoolId);
  const year = opts.year ?? currentSchoolYear();
  const pairs = await pairViews(
    db,
    opts.actor,
    and(
      eq(teacherMentorships.schoolId, school.id),
      eq(teacherMentorships.year, year),
      pairVisible(opts.actor),
    ),
  );
  return { schoolId: school.id, year, canKeep: canKeepStaff(opts.actor, school.path), pairs };
}

export async function getMentorship(
  db: Db,
  opts: { actor: Actor; id: string },
): Promise<z.infer<typeof mentorshipCardView>> {
  const row = await loadPair(db, opts.actor, opts.id);
  return mentorshipCard(db, opts.actor, row.p.id, row.schoolPath);
}

export async function mentorshipCard(db: Db, actor: Actor, id: string, schoolPath: string) {
  const [pair] = await pairViews(db, actor, eq(teacherMentorships.id, id));
  if (!pair) throw notFound('Наставническая пара');
  const meetings = await db
    .select({
      id: mentorshipMeetings.id,
      date: mentorshipMeetings.date,
      topic: mentorshipMeetings.topic,
      notes: mentorshipMeetings.notes,
    })
    .from(mentorshipMeetings)
    .where(eq(mentorshipMeetings.mentorshipId, id))
    .orderBy(asc(mentorshipMeetings.date), asc(mentorshipMeetings.createdAt));
  return {
    pair,
    canKeep: canKeepStaff(actor, schoolPath),
    meetings,
    history: await entityHistory(db, 'teacher_mentorship', id),
  };
}

/** Who may be paired at the school this year: its teachers, the teachers of its mentor schools, methodists' units. */
export async function mentorshipCandidates(
  db: Db,
  opts: { actor: Actor; schoolId: string; year?: number },
): Promise<z.infer<typeof mentorshipCandidatesView>> {
  const school = await schoolToKeep(db, opts.actor, opts.schoolId);
  const year = opts.year ?? currentSchoolYear();
  const mentorSchools = (
    await db
      .select({ id: mentorPairs.mentorSchoolId })
      .from(mentorPairs)
      .where(and(eq(mentorPairs.schoolId, school.id), eq(mentorPairs.year, year)))
  ).map((r) => r.id);
  const people = await db
    .select({ m: staffMembers, schoolName: orgUnits.name })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(inArray(staffMembers.schoolId, [school.id, ...mentorSchools]), isNull(staffMembers.leftOn)));
  const levels = await latestLevels(
    db,
    people.filter((p) => p.m.schoolId === school.id).map((p) => p.m.id),
  );
  const option = (p: (typeof people)[number]) => ({
    id: p.m.id,
    fullName: fullName(p.m),
    position: p.m.position,
    schoolName: p.schoolName,
    level: p.m.schoolId === school.id ? (levels.get(p.m.id) ?? null) : null,
  });
  const ru = byRussian((o: { fullName: string }) => o.fullName);
  const own = people
    .filter((p) => p.m.schoolId === school.id)
    .map(option)
    .sort(ru);
  // Teachers at levels that need a route come first: they are the ones the plans say to accompany.
  const mentees = [...own].sort(
    (a, b) => Number(b.level?.needsRoute ?? false) - Number(a.level?.needsRoute ?? false),
  );
  const regionId = regionOfPath(school.path);
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(
      or(
        eq(orgUnits.id, regionId),
        and(eq(orgUnits.kind, 'institution'), like(orgUnits.path, `/${regionId}/%`)),
      ),
    );
  const orders = await db
    .select({ id: organisationOrders.id, number: organisationOrders.number, date: organisationOrders.date })
    .from(organisationOrders)
    .where(eq(organisationOrders.orgUnitId, school.id))
    .orderBy(sql`${organisationOrders.date} desc`);
  return {
    mentees,
    colleagues: own,
    mentorSchoolTeachers: people
      .filter((p) => p.m.schoolId !== school.id)
      .map(option)
      .sort(ru),
    methodistUnits: units
      .sort(
        (a, b) =>
          Number(a.kind !== 'region') - Number(b.kind !== 'region') || a.name.localeCompare(b.name, 'ru'),
      )
      .map(({ id, name }) => ({ id, name })),
    orders,
  };
}

type MentorInput = Pick<
  z.infer<typeof createMentorshipInput>,
  'mentorKind' | 'mentorStaffId' | 'mentorName' | 'mentorUnitId' | 'year' | 'menteeId'
>;

/** The mentor of the pair, checked against the rules of his kind; returns what is stored and shown. */
async function checkMentor(db: Db, school: { id: string; path: string }, input: MentorInput) {
  if (input.mentorKind === 'methodist') {
    const name = input.mentorName?.trim();
    if (!name)
      throw invalid(STAFF_MSG.methodistName, [{ field: 'mentorName', message: STAFF_MSG.methodistName }]);
    if (input.mentorUnitId) {
      const [u] = await db
        .select({ path: orgUnits.path })
        .from(orgUnits)
        .where(eq(orgUnits.id, input.mentorUnitId));
      if (!u?.path.startsWith(`/${regionOfPath(school.path)}/`)) throw notFound('Организация');
    }
    return { mentorStaffId: null, mentorName: name, mentorUnitId: input.mentorUnitId ?? null };
  }
  if (!input.mentorStaffId)
    throw invalid(STAFF_MSG.mentorNeeded, [{ field: 'mentorStaffId', message: STAFF_MSG.mentorNeeded }]);
  if (input.mentorStaffId === input.menteeId)
    throw invalid(STAFF_MSG.mentorIsMentee, [{ field: 'mentorStaffId', message: STAFF_MSG.mentorIsMentee }]);
  const [m] = await db.select().from(staffMembers).where(eq(staffMembers.id, input.mentorStaffId));
  if (!m || m.leftOn) throw notFound('Педагог');
  if (input.mentorKind === 'colleague' && m.schoolId !== school.id)
    throw invalid(STAFF_MSG.mentorNotColleague, [
      { field: 'mentorStaffId', message: STAFF_MSG.mentorNotColleague },
    ]);
  if (input.mentorKind === 'mentor_school') {
    const [pair] = await db
      .select({ id: mentorPairs.id })
      .from(mentorPairs)
      .where(
        and(
          eq(mentorPairs.schoolId, school.id),
          eq(mentorPairs.mentorSchoolId, m.schoolId),
          eq(mentorPairs.year, input.year),
        ),
      );
    if (!pair)
      throw invalid(STAFF_MSG.mentorNotMentorSchool, [
        { field: 'mentorStaffId', message: STAFF_MSG.mentorNotMentorSchool },
      ]);
  }
  return { mentorStaffId: m.id, mentorName: null, mentorUnitId: null, shownName: fullName(m) };
}

export async function createMentorship(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof createMentorshipInput>; today?: string },
) {
  const { actor, input } = opts;
  const { m: menteeRow, schoolPath } = await memberToKeep(db, actor, input.menteeId);
  if (menteeRow.leftOn)
    throw invalid(STAFF_MSG.menteeLeft, [{ field: 'menteeId', message: STAFF_MSG.menteeLeft }]);
  if (input.endedOn && input.endedOn < input.startedOn)
    throw invalid(STAFF_MSG.endsBeforeStart, [{ field: 'endedOn', message: STAFF_MSG.endsBeforeStart }]);
  const school = { id: menteeRow.schoolId, path: schoolPath };
  const mentorOf = await checkMentor(db, school, input);
  const [same] = await db
    .select({ id: teacherMentorships.id })
    .from(teacherMentorships)
    .where(
      and(
        eq(teacherMentorships.menteeId, menteeRow.id),
        eq(teacherMentorships.year, input.year),
        mentorOf.mentorStaffId
          ? eq(teacherMentorships.mentorStaffId, mentorOf.mentorStaffId)
          : sql`lower(${teacherMentorships.mentorName}) = ${mentorOf.mentorName?.toLowerCase() ?? ''}`,
      ),
    );
  if (same) throw new AppError('CONFLICT', STAFF_MSG.pairExists);
  const today = opts.today ?? todayIso();
  return db.transaction(async (tx) => {
    const orderId = input.order
      ? await orderOf(tx, {
          actor,
          orgUnitId: school.id,
          title: STAFF_MSG.mentorOrder,
          order: input.order,
          today,
        })
      : null;
    const [row] = await tx
      .insert(teacherMentorships)
      .values({
        menteeId: menteeRow.id,
        schoolId: school.id,
        year: input.year,
        mentorKind: input.mentorKind,
        mentorStaffId: mentorOf.mentorStaffId,
        mentorName: mentorOf.mentorName,
        mentorUnitId: mentorOf.mentorUnitId,
        program: input.program || null,
        orderId,
        startedOn: input.startedOn,
        endedOn: input.endedOn ?? null,
      })
      .returning();
    if (!row) throw new Error('mentorship not inserted');
    await recordEvent(tx, actor, 'teacher_mentorship.created', target(row), {
      menteeId: row.menteeId,
      mentorKind: row.mentorKind,
      mentorName: mentorOf.shownName ?? mentorOf.mentorName ?? '',
      year: row.year,
      orderId,
    });
    // Teachers with a mentor are counted by teachers' coverage (bound indicators).
    await refreshPeopleBoundOf(tx, row.schoolId);
    return { id: row.id, version: row.version };
  });
}

const PAIR_FIELDS = ['program', 'startedOn', 'endedOn', 'result'] as const;

export async function updateMentorship(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof updateMentorshipInput>; today?: string },
) {
  const { actor, input } = opts;
  const { p: before } = await pairToKeep(db, actor, opts.id);
  if (before.version !== input.version) throw conflict({ version: before.version });
  const after = Object.fromEntries(
    PAIR_FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k] === '' ? null : input[k]]),
  ) as Partial<typeof before>;
  const startedOn = after.startedOn ?? before.startedOn;
  const endedOn = after.endedOn !== undefined ? after.endedOn : before.endedOn;
  if (endedOn && endedOn < startedOn)
    throw invalid(STAFF_MSG.endsBeforeStart, [{ field: 'endedOn', message: STAFF_MSG.endsBeforeStart }]);
  const changes = diff(before, after, [...PAIR_FIELDS]);
  const today = opts.today ?? todayIso();
  return db.transaction(async (tx) => {
    let orderId = before.orderId;
    if (input.order !== undefined)
      orderId = input.order
        ? await orderOf(tx, {
            actor,
            orgUnitId: before.schoolId,
            title: STAFF_MSG.mentorOrder,
            order: input.order,
            today,
          })
        : null;
    const orderChanged = orderId !== before.orderId;
    if (changes.length === 0 && !orderChanged) return { id: before.id, version: before.version };
    const [row] = await tx
      .update(teacherMentorships)
      .set({ ...after, orderId, version: sql`${teacherMentorships.version} + 1`, updatedAt: new Date() })
      .where(and(eq(teacherMentorships.id, before.id), eq(teacherMentorships.version, input.version)))
      .returning();
    if (!row) throw conflict({ version: before.version });
    await recordEvent(tx, actor, 'teacher_mentorship.updated', target(row), {
      changes,
      ...(orderChanged ? { orderId } : {}),
    });
    await refreshPeopleBoundOf(tx, row.schoolId);
    return { id: row.id, version: row.version };
  });
}

export async function removeMentorship(db: Db, opts: { actor: Actor; id: string; version: number }) {
  const { p: before } = await pairToKeep(db, opts.actor, opts.id);
  if (before.version !== opts.version) throw conflict({ version: before.version });
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(teacherMentorships)
      .where(and(eq(teacherMentorships.id, before.id), eq(teacherMentorships.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: before.version });
    await recordEvent(tx, opts.actor, 'teacher_mentorship.removed', target(gone), {
      menteeId: gone.menteeId,
      year: gone.year,
    });
    await refreshPeopleBoundOf(tx, gone.schoolId);
  });
}

export async function addMeeting(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof meetingInput> },
) {
  const { p } = await pairToKeep(db, opts.actor, opts.id);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mentorshipMeetings)
      .values({
        mentorshipId: p.id,
        date: opts.input.date,
        topic: opts.input.topic,
        notes: opts.input.notes || null,
      })
      .returning();
    if (!row) throw new Error('meeting not inserted');
    await recordEvent(tx, opts.actor, 'teacher_mentorship.meeting_added', target(p), {
      meetingId: row.id,
      date: row.date,
      topic: row.topic,
    });
    return { id: row.id };
  });
}

export async function removeMeeting(db: Db, opts: { actor: Actor; meetingId: string }) {
  const [m] = await db.select().from(mentorshipMeetings).where(eq(mentorshipMeetings.id, opts.meetingId));
  if (!m) throw notFound('Встреча наставника');
  const { p } = await pairToKeep(db, opts.actor, m.mentorshipId).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw notFound('Встреча наставника');
    throw e;
  });
  await db.transaction(async (tx) => {
    await tx.delete(mentorshipMeetings).where(eq(mentorshipMeetings.id, m.id));
    await recordEvent(tx, opts.actor, 'teacher_mentorship.meeting_removed', target(p), {
      meetingId: m.id,
      date: m.date,
      topic: m.topic,
    });
  });
}

import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import {
  courseEnrolments,
  diagnosticResults,
  individualRoutes,
  staffMembers,
  teacherMentorships,
} from '../../db/schema/people.js';
import { pupilMeasures, pupilRecords } from '../../db/schema/pupils.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { fullName, memberToKeep, schoolToKeep } from './access.js';
import type { createStaffInput, linkAccountInput, updateStaffInput } from './schemas.js';
import { STAFF_MSG } from './strings.js';

// Keeping the registry by the school's team: add a teacher, edit him (and «выбыл» with a date), remove a
// record entered by mistake (never one with results, a route, courses or mentoring), link his account.

const FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'position',
  'subjects',
  'grades',
  'experienceYears',
  'isYoung',
  'newlyHired',
  'code',
] as const;

const target = (m: { id: string; schoolId: string }) => ({
  entityType: 'staff_member' as const,
  entityId: m.id,
  orgUnitId: m.schoolId,
});

async function codeFree(db: Db, schoolId: string, code: string | null | undefined, except?: string) {
  if (!code) return;
  const [taken] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.schoolId, schoolId),
        eq(staffMembers.code, code),
        except ? ne(staffMembers.id, except) : undefined,
      ),
    );
  if (taken) throw new AppError('CONFLICT', STAFF_MSG.codeTaken(code));
}

const sortedGrades = (g: number[]) => [...new Set(g)].sort((a, b) => a - b);

export async function createStaffMember(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof createStaffInput> },
) {
  const { actor, input } = opts;
  const school = await schoolToKeep(db, actor, input.schoolId);
  const code = input.code || null;
  await codeFree(db, school.id, code);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffMembers)
      .values({
        schoolId: school.id,
        code,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName || null,
        position: input.position,
        subjects: [...new Set(input.subjects)],
        grades: sortedGrades(input.grades),
        experienceYears: input.experienceYears ?? null,
        isYoung: input.isYoung,
        newlyHired: input.newlyHired,
      })
      .returning();
    if (!row) throw new Error('staff member not inserted');
    await recordEvent(tx, actor, 'staff_member.created', target(row), {
      fullName: fullName(row),
      position: row.position,
      code: row.code,
    });
    // Teachers in the registries are what teachers' coverage is a share of (bound indicators).
    await refreshPeopleBoundOf(tx, row.schoolId);
    return { id: row.id, version: row.version };
  });
}

export async function updateStaffMember(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof updateStaffInput> },
) {
  const { actor, input } = opts;
  const { m: before } = await memberToKeep(db, actor, opts.id);
  if (before.version !== input.version) throw conflict({ version: before.version });
  const after = {
    ...Object.fromEntries(FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])),
  } as Partial<typeof before>;
  if (after.middleName === '') after.middleName = null;
  if (after.code === '') after.code = null;
  if (after.subjects) after.subjects = [...new Set(after.subjects)];
  if (after.grades) after.grades = sortedGrades(after.grades);
  if (after.code !== undefined) await codeFree(db, before.schoolId, after.code, before.id);
  const changes = diff(before, after, [...FIELDS]);
  const leftChanged = input.leftOn !== undefined && input.leftOn !== before.leftOn;
  if (changes.length === 0 && !leftChanged) return { id: before.id, version: before.version };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffMembers)
      .set({
        ...after,
        ...(leftChanged ? { leftOn: input.leftOn ?? null } : {}),
        version: sql`${staffMembers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(staffMembers.id, before.id), eq(staffMembers.version, input.version)))
      .returning();
    if (!row) throw conflict({ version: before.version });
    if (changes.length) await recordEvent(tx, actor, 'staff_member.updated', target(row), { changes });
    if (leftChanged) {
      await recordEvent(tx, actor, 'staff_member.left', target(row), { leftOn: row.leftOn });
      await refreshPeopleBoundOf(tx, row.schoolId);
    }
    return { id: row.id, version: row.version };
  });
}

/**
 * Whether anything of the support of teachers or of pupils refers to the record: results, a route,
 * courses, mentoring, a pupil's measure he is responsible for, a pupil whose teacher he is.
 */
async function hasWork(db: Db, id: string): Promise<boolean> {
  for (const [table, column] of [
    [diagnosticResults, diagnosticResults.staffMemberId],
    [individualRoutes, individualRoutes.staffMemberId],
    [courseEnrolments, courseEnrolments.staffMemberId],
    [teacherMentorships, teacherMentorships.menteeId],
    [teacherMentorships, teacherMentorships.mentorStaffId],
    [pupilMeasures, pupilMeasures.responsibleStaffId],
  ] as const) {
    const [r] = await db.select({ n: count() }).from(table).where(eq(column, id));
    if ((r?.n ?? 0) > 0) return true;
  }
  // `teacher_ids` is an array without a foreign key: a deleted teacher would be left dangling there.
  const [t] = await db
    .select({ n: count() })
    .from(pupilRecords)
    .where(sql`${id}::uuid = any(${pupilRecords.teacherIds})`);
  return (t?.n ?? 0) > 0;
}

export async function removeStaffMember(db: Db, opts: { actor: Actor; id: string; version: number }) {
  const { m: before } = await memberToKeep(db, opts.actor, opts.id);
  if (before.version !== opts.version) throw conflict({ version: before.version });
  if (await hasWork(db, before.id)) throw new AppError('CONFLICT', STAFF_MSG.hasWork);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(staffMembers)
      .where(and(eq(staffMembers.id, before.id), eq(staffMembers.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: before.version });
    await recordEvent(tx, opts.actor, 'staff_member.removed', target(gone), { fullName: fullName(gone) });
    await refreshPeopleBoundOf(tx, gone.schoolId);
  });
}

/** Links the teacher's own account: a user with the `teacher` role at the record's school. */
export async function linkStaffAccount(
  db: Db,
  opts: { actor: Actor; id: string; input: z.infer<typeof linkAccountInput> },
) {
  const { actor, input } = opts;
  const { m: before } = await memberToKeep(db, actor, opts.id);
  if (before.version !== input.version) throw conflict({ version: before.version });
  let userId: string | null = null;
  if (input.login) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.login}) = ${input.login.toLowerCase()}`);
    if (!u) throw invalid(STAFF_MSG.noLogin, [{ field: 'login', message: STAFF_MSG.noLogin }]);
    const [role] = await db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, u.id),
          eq(roleAssignments.role, 'teacher'),
          eq(roleAssignments.orgUnitId, before.schoolId),
        ),
      );
    if (!role)
      throw invalid(STAFF_MSG.notTeacherHere, [{ field: 'login', message: STAFF_MSG.notTeacherHere }]);
    const [other] = await db
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(
        and(
          eq(staffMembers.schoolId, before.schoolId),
          eq(staffMembers.userId, u.id),
          ne(staffMembers.id, before.id),
        ),
      );
    if (other) throw new AppError('CONFLICT', STAFF_MSG.accountTaken);
    userId = u.id;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffMembers)
      .set({ userId, version: sql`${staffMembers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(staffMembers.id, before.id), eq(staffMembers.version, input.version)))
      .returning();
    if (!row) throw conflict({ version: before.version });
    await recordEvent(tx, actor, 'staff_member.account_linked', target(row), {
      login: input.login ? input.login.toLowerCase() : null,
    });
    return { id: row.id, version: row.version };
  });
}

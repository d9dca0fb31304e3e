import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { mentorshipMeetings, staffMembers, teacherMentorships } from '../../src/db/schema/people.js';
import type { Request, Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS } from './scope.js';

// Helper «staff» (issue 14 §1): the demo's staff records and mentoring pairs the matrix calls endpoints
// on, and who sees and may act on each — written out by hand from access/people-rules.ts: the readers of
// a school's teachers are its subtree's readers without the expert and the teacher; a teacher reads his
// own record and the pairs he is in; the school's team keeps.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type StaffSamples = {
  /** a code of each school's registry, by school id (a new record with it is a 409) */
  codes: Record<string, string>;
  /** a colleague of the `teacher` account in the demo school, and the teacher's own record */
  colleagueId: string;
  teacherStaffId: string;
  /** a record of school2, if its registry exists in the demo */
  school2StaffId: string | null;
  /** the pair where the teacher is the mentee (a colleague mentors him), and one he is not in */
  teacherPair: { id: string; menteeId: string; mentorStaffId: string; year: number };
  otherPairId: string;
  meetingId: string;
  orderId: string;
};

export async function staffSamples(db: Db, schoolId: string, school2Id: string): Promise<StaffSamples> {
  const [teacher] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(users.login, 'teacher'), eq(staffMembers.schoolId, schoolId)));
  const [colleague] = await db
    .select({ id: staffMembers.id, code: staffMembers.code })
    .from(staffMembers)
    .where(
      and(eq(staffMembers.schoolId, schoolId), isNull(staffMembers.userId), isNotNull(staffMembers.code)),
    )
    .limit(1);
  const [other] = await db
    .select({ id: staffMembers.id, code: staffMembers.code })
    .from(staffMembers)
    .where(and(eq(staffMembers.schoolId, school2Id), isNotNull(staffMembers.code)))
    .limit(1);
  const [pair] = await db
    .select()
    .from(teacherMentorships)
    .where(
      and(eq(teacherMentorships.menteeId, teacher?.id ?? ''), eq(teacherMentorships.mentorKind, 'colleague')),
    );
  const [otherPair] = await db
    .select({ id: teacherMentorships.id })
    .from(teacherMentorships)
    .where(and(eq(teacherMentorships.schoolId, schoolId), ne(teacherMentorships.menteeId, teacher?.id ?? '')))
    .limit(1);
  const [meeting] = await db
    .select({ id: mentorshipMeetings.id })
    .from(mentorshipMeetings)
    .where(eq(mentorshipMeetings.mentorshipId, otherPair?.id ?? ''))
    .limit(1);
  if (!teacher || !colleague?.code || !pair?.mentorStaffId || !otherPair || !meeting || !pair.orderId)
    throw new Error('the demo school has no staff, pairs or meetings');
  return {
    codes: { [schoolId]: colleague.code, ...(other?.code ? { [school2Id]: other.code } : {}) },
    colleagueId: colleague.id,
    teacherStaffId: teacher.id,
    school2StaffId: other?.id ?? null,
    teacherPair: { id: pair.id, menteeId: pair.menteeId, mentorStaffId: pair.mentorStaffId, year: pair.year },
    otherPairId: otherPair.id,
    meetingId: meeting.id,
    orderId: pair.orderId,
  };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const schoolOf = (t: Target) => t.unit?.unitId ?? '';
const csv = () => {
  const fd = new FormData();
  fd.append(
    'file',
    new File([Buffer.from('ФИО;Должность\nПроверка Доступа Матрицы;Учитель\n')], 'педагоги.csv'),
  );
  return fd;
};
const pdf = () => {
  const fd = new FormData();
  fd.append(
    'file',
    new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'приказ.pdf'),
  );
  return fd;
};

export const STAFF_REQUESTS: Record<string, (t: Target) => Request> = {
  'GET /api/staff': (t) => ({ query: `schoolId=${schoolOf(t)}` }),
  'GET /api/staff/export': (t) => ({ query: `schoolId=${schoolOf(t)}` }),
  'GET /api/staff/mentorships': (t) => ({ query: `schoolId=${schoolOf(t)}` }),
  'GET /api/staff/mentorship-candidates': (t) => ({ query: `schoolId=${schoolOf(t)}` }),
  'POST /api/staff/import': (t) => ({ query: `schoolId=${schoolOf(t)}&dryRun=true`, body: csv() }),
  // An existing code of the school: its team gets 409 and nothing is added.
  'POST /api/staff': (t) => ({
    body: {
      schoolId: schoolOf(t),
      lastName: 'Проверка',
      firstName: 'Доступа',
      position: 'Учитель',
      subjects: [],
      grades: [],
      isYoung: false,
      newlyHired: false,
      code: t.all.staff.codes[schoolOf(t)] ?? 'нет',
    },
  }),
  'PATCH /api/staff/{id}': () => ({ body: { version: STALE, isYoung: true } }),
  'DELETE /api/staff/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/staff/{id}/account': () => ({ body: { version: STALE, login: null } }),
  // The teacher's pair again: the school's team gets 409 (the pair exists).
  'POST /api/staff/mentorships': (t) => ({
    body: {
      menteeId: t.all.staff.teacherPair.menteeId,
      year: t.all.staff.teacherPair.year,
      mentorKind: 'colleague',
      mentorStaffId: t.all.staff.teacherPair.mentorStaffId,
      startedOn: '2026-09-15',
    },
  }),
  'PATCH /api/staff/mentorships/{id}': () => ({ body: { version: STALE, result: 'Проверка доступа' } }),
  'DELETE /api/staff/mentorships/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/staff/mentorships/{id}/meetings': () => ({
    body: { date: '2026-10-01', topic: 'Проверка доступа' },
  }),
  'POST /api/staff/mentorship-orders/{id}/file': () => ({ body: pdf() }),
};

/** Readers of a school's teachers: its subtree's readers without the expert and the teacher. */
const STAFF_READERS: Record<'school' | 'school2', Login[]> = {
  school: UNIT_READERS.school.filter((l) => l !== 'expert' && l !== 'teacher'),
  school2: UNIT_READERS.school2.filter((l) => l !== 'expert' && l !== 'teacher'),
};

export function staffCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const st = s.staff;
  const onSchool = (key: 'school' | 'school2', may: (k: 'school' | 'school2') => readonly Login[]): Case => ({
    label: key,
    params: {},
    target: { unit: s.units[key], all: s, user },
    sees: UNIT_READERS[key],
    may: may(key),
  });
  const record = (
    label: string,
    id: string,
    key: 'school' | 'school2',
    own: boolean,
    keep: boolean,
  ): Case => {
    const sees = [...STAFF_READERS[key], ...(own ? (['teacher'] as const) : [])];
    return {
      label,
      params: { id },
      target: { unit: s.units[key], all: s, user },
      sees,
      may: keep ? [key] : sees,
    };
  };
  const pair = (label: string, id: string, own: boolean, keep: boolean): Case => {
    const sees = [...STAFF_READERS.school, ...(own ? (['teacher'] as const) : [])];
    return {
      label,
      params: { id },
      target: { unit: s.units.school, all: s, user },
      sees,
      may: keep ? ['school'] : sees,
    };
  };
  switch (rule) {
    case 'staff.read':
      // The list answers whoever sees the school, with the records he may read (the expert: none).
      return [onSchool('school', () => UNIT_READERS.school), onSchool('school2', () => UNIT_READERS.school2)];
    case 'staff.keep':
      return [onSchool('school', (k) => [k]), onSchool('school2', (k) => [k])];
    case 'staff-member.read':
    case 'staff-member.keep': {
      const keep = rule === 'staff-member.keep';
      return [
        record('colleague', st.colleagueId, 'school', false, keep),
        record('teacherOwn', st.teacherStaffId, 'school', true, keep),
        ...(st.school2StaffId ? [record('school2Member', st.school2StaffId, 'school2', false, keep)] : []),
      ];
    }
    case 'mentorship.create':
      return [{ ...pair('teacherPair', st.teacherPair.id, true, true), params: {} }];
    case 'mentorship.read':
    case 'mentorship.keep': {
      const keep = rule === 'mentorship.keep';
      return [
        pair('teacherPair', st.teacherPair.id, true, keep),
        {
          ...pair('otherPair', st.otherPairId, false, keep),
          // The meeting and the order's file are reached by their own ids (the order names the pairs of the school).
          params: { id: st.otherPairId },
        },
      ];
    }
    case 'mentorship-meeting.keep':
      return [pair('meeting', st.meetingId, false, true)];
    case 'mentorship-order.keep':
      // The order is the school's act: whoever sees the school finds it (403), others do not (404).
      return [{ ...pair('order', st.orderId, true, true), sees: UNIT_READERS.school }];
    default:
      return null;
  }
}

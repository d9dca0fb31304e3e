import { and, eq, inArray, isNull } from 'drizzle-orm';
import { mentorPairs, organisationOrders } from '../../db/schema/organisation.js';
import {
  diagnosticResults,
  mentorshipMeetings,
  staffMembers,
  teacherMentorships,
} from '../../db/schema/people.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_LEVELS } from '../diagnostics/levels.js';
import { fullName } from '../staff/access.js';
import { STAFF_MSG } from '../staff/strings.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, orderDate } from './demo-run.js';

// The demo's mentoring «учитель–учитель» (issue 14 §3): in S1 and a few other ШНОР, teachers with
// critical or high deficits (the demo diagnostic's results) get mentors — a colleague at a basic or
// lowered level, a teacher of the school's mentor school of the year, and in S1 a regional methodist of
// the ЦНППМ — by one «Приказ о закреплении педагогов-наставников» of each school, with a few meetings.
// The `teacher` account is a mentee in S1. History events are written as the operations would.

const NEEDS = new Set(DEFAULT_LEVELS.filter((l) => l.needsRoute).map((l) => l.key));
const TOPICS = [
  'Знакомство, анализ результатов диагностики, план на год',
  'Посещение урока наставника, разбор приёмов',
  'Разбор урока наставляемого, рекомендации',
  'Подготовка к открытому уроку',
];

export async function loadDemoMentoring(run: DemoRun): Promise<void> {
  const { db } = run;
  const rng = createRng(seedOf('opora-demo-mentoring'));
  const others = run.picks.shnor.filter((s) => s.id !== run.picks.s1.id).slice(0, 3);
  const schools = [run.picks.s1, ...others];
  const startedOn = orderDate(run, 9, 15);
  for (const [n, school] of schools.entries()) {
    const staff = await db
      .select({ m: staffMembers, level: diagnosticResults.level })
      .from(staffMembers)
      .leftJoin(diagnosticResults, eq(diagnosticResults.staffMemberId, staffMembers.id))
      .where(and(eq(staffMembers.schoolId, school.id), isNull(staffMembers.leftOn)))
      .orderBy(staffMembers.code);
    const weak = staff.filter((s) => s.level && NEEDS.has(s.level));
    const strong = staff.filter((s) => !s.level || !NEEDS.has(s.level));
    // The `teacher` account first, then at most two more of the weakest.
    const mentees = [
      ...weak.filter((s) => s.m.userId === run.users.main.teacher.userId),
      ...weak.filter((s) => s.m.userId !== run.users.main.teacher.userId),
    ].slice(0, n === 0 ? 3 : 2);
    if (mentees.length === 0 || strong.length === 0) continue;
    const [mentorPair] = await db
      .select({ id: mentorPairs.mentorSchoolId })
      .from(mentorPairs)
      .where(and(eq(mentorPairs.schoolId, school.id), eq(mentorPairs.year, run.year)));
    const mentorSchoolStaff = mentorPair
      ? await db
          .select({ id: staffMembers.id, m: staffMembers })
          .from(staffMembers)
          .where(inArray(staffMembers.schoolId, [mentorPair.id]))
          .orderBy(staffMembers.code)
      : [];
    const [order] = await db
      .insert(organisationOrders)
      .values({
        orgUnitId: school.id,
        number: `${String(40 + n)}-о`,
        date: startedOn,
        title: STAFF_MSG.mentorOrder,
        createdBy: run.users.main.school.userId,
      })
      .returning({ id: organisationOrders.id });
    for (const [i, t] of mentees.entries()) {
      const fromMentorSchool = i === 1 && mentorSchoolStaff.length > 0;
      const methodist = n === 0 && i === 2;
      const colleague = strong[(i + rng.int(0, 3)) % strong.length];
      const mentor = methodist
        ? null
        : fromMentorSchool
          ? (mentorSchoolStaff[rng.int(0, mentorSchoolStaff.length - 1)]?.m ?? null)
          : (colleague?.m ?? null);
      const mentorStaffId = mentor?.id ?? null;
      const mentorName = methodist ? 'Методистова Нина Павловна (демо)' : null;
      const [pair] = await db
        .insert(teacherMentorships)
        .values({
          menteeId: t.m.id,
          schoolId: school.id,
          year: run.year,
          mentorKind: methodist ? 'methodist' : fromMentorSchool ? 'mentor_school' : 'colleague',
          mentorStaffId,
          mentorName,
          mentorUnitId: methodist ? run.orgs.cnppmId : null,
          program: 'Индивидуальная программа наставничества по результатам диагностики дефицитов (демо)',
          orderId: order?.id ?? null,
          startedOn,
        })
        .returning();
      if (!pair) continue;
      await recordEvent(
        db,
        DEMO_LOADER,
        'teacher_mentorship.created',
        { entityType: 'teacher_mentorship', entityId: pair.id, orgUnitId: school.id },
        {
          menteeId: pair.menteeId,
          mentorKind: pair.mentorKind,
          mentorName: mentorName ?? (mentor ? fullName(mentor) : ''),
          year: pair.year,
          orderId: pair.orderId,
        },
      );
      const meetings = TOPICS.slice(0, rng.int(1, 3)).map((topic, k) => ({
        mentorshipId: pair.id,
        date: orderDate(run, 9 + k, 25),
        topic,
      }));
      await db.insert(mentorshipMeetings).values(meetings);
    }
  }
}

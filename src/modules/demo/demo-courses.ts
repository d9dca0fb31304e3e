import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { monitoringResponses } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  courseEnrolments,
  individualRoutes,
  routeActivities,
  routeGoals,
  staffMembers,
} from '../../db/schema/people.js';
import type { Actor } from '../access/actor.js';
import { createCourse } from '../courses/courses.js';
import { attachCertificate, enrolTeachers, setEnrolmentResult } from '../courses/enrolments.js';
import type { CreateCourseInput } from '../courses/input.js';
import { COURSE_TOPICS, NEEDS_TEMPLATE } from '../courses/strings.js';
import { createMonitoring } from '../monitoring/create-monitoring.js';
import { submitResponse } from '../monitoring/fill-response.js';
import type { Answers } from '../monitoring/form.js';
import { openMonitoring } from '../monitoring/open-monitoring.js';
import { reviewResponse } from '../monitoring/review-response.js';
import { addDays } from './demo-execution.js';
import { minimalPdf } from './demo-files.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's courses (issue 14 §3), made through the operations a user would call: the catalogue of the
// region's ЦНППМ and ИРО and of the first municipality (synthetic, «(демо)» in the providers' names);
// teachers enrolled by their schools' teams — each course activity of a route (ИОМ) in a course of its
// block, a share of them completed with a certificate, which marks the activity done; a few teachers of
// the first ШНОР without a route too (the `teacher` account completed one course); and the region's
// educational needs campaign, open, with answers accepted from several ШНОР and submitted by others.
// The `school` account's needs form is left unfilled.

type DemoCourse = Omit<CreateCourseInput, 'ownerUnitId' | 'startsOn' | 'endsOn'> & {
  from: number;
  to: number;
  municipal?: boolean;
};

const CNPPM = 'ЦНППМ Института развития образования (демо)';
const IRO = 'Институт развития образования (демо)';

const COURSES: DemoCourse[] = [
  {
    name: 'Формирующее оценивание на уроке в основной школе',
    kind: 'pk',
    provider: CNPPM,
    hours: 36,
    format: 'blended',
    topic: 'methodical',
    from: -120,
    to: -90,
  },
  {
    name: 'Решение задач повышенной сложности: предметные компетенции учителя математики',
    kind: 'pk',
    provider: CNPPM,
    hours: 72,
    format: 'remote',
    topic: 'subject',
    subject: 'Математика',
    from: -100,
    to: -60,
  },
  {
    name: 'Сопровождение обучающихся с трудностями в обучении',
    kind: 'pk',
    provider: IRO,
    hours: 36,
    format: 'in_person',
    topic: 'psychological',
    from: -20,
    to: 20,
  },
  {
    name: 'ФГОС и ФОП: нормативно-правовые основы работы учителя',
    kind: 'pk',
    provider: IRO,
    hours: 16,
    format: 'remote',
    topic: 'legal',
    from: 30,
    to: 45,
  },
  {
    name: 'Управление школой с низкими образовательными результатами',
    kind: 'pp',
    provider: IRO,
    hours: 260,
    format: 'blended',
    topic: 'management',
    from: 45,
    to: 200,
  },
  {
    name: 'Современный урок: стажировка на базе школы-наставника',
    kind: 'internship',
    provider: `${CNPPM}, школа-наставник`,
    hours: 24,
    format: 'in_person',
    topic: 'methodical',
    from: 10,
    to: 30,
  },
  {
    name: 'Читательская грамотность на уроках в начальной школе',
    kind: 'pk',
    provider: 'Методический кабинет управления образования района (демо)',
    hours: 24,
    format: 'in_person',
    topic: 'methodical',
    subject: 'Начальные классы',
    from: -60,
    to: -40,
    municipal: true,
  },
];

type Made = { id: string; topic: string | null; endsOn: string; municipal: boolean };

const certificate = (course: string, n: number, date: string) => ({
  name: `Удостоверение о повышении квалификации № ${n} (демо).pdf`,
  data: minimalPdf([
    'DEMO: synthetic certificate of professional development',
    `No ${n}, issued ${date}`,
    `Course: ${course.length} chars of a Russian title (demo data)`,
  ]),
});

export async function loadDemoCourses(run: DemoRun): Promise<void> {
  const { db, users, picks } = run;
  const center = users.main.center;
  const municipality = users.main.municipality;
  const rng = createRng(seedOf('opora-demo-courses'));
  const made: Made[] = [];
  for (const c of COURSES) {
    const { from, to, municipal, ...fields } = c;
    const course = await createCourse(db, {
      actor: municipal ? municipality : center,
      input: {
        ...fields,
        ownerUnitId: municipal ? picks.m1.id : run.orgs.regionId,
        startsOn: addDays(run.today, from),
        endsOn: addDays(run.today, to),
      },
    });
    made.push({
      id: course.id,
      topic: c.topic ?? null,
      endsOn: addDays(run.today, to),
      municipal: Boolean(municipal),
    });
  }
  const names = new Map(COURSES.map((c, i) => [made[i]?.id ?? '', c.name]));
  const teamOf = (schoolId: string): Actor => users.schoolTeams.get(schoolId) ?? center;
  let certificates = 0;

  /** Completes an enrolment at the course's end (if it is over) with a certificate, by the school's team. */
  const complete = async (actor: Actor, courseId: string, staffMemberId: string) => {
    const course = made.find((m) => m.id === courseId);
    if (!course || course.endsOn >= run.today) return;
    const [e] = await db
      .select()
      .from(courseEnrolments)
      .where(and(eq(courseEnrolments.courseId, courseId), eq(courseEnrolments.staffMemberId, staffMemberId)));
    if (!e) return;
    const done = await setEnrolmentResult(db, {
      actor,
      enrolmentId: e.id,
      input: { version: e.version, status: 'completed', completedOn: course.endsOn },
    });
    certificates += 1;
    await attachCertificate(db, run.exec.storage, {
      actor,
      enrolmentId: e.id,
      version: done.version,
      upload: certificate(names.get(courseId) ?? '', 1000 + certificates, course.endsOn),
      maxBytes: 1 << 20,
    });
  };

  // Course activities of the running routes (ИОМ), each in a regional course of its block when there is one.
  const activities = await db
    .select({
      id: routeActivities.id,
      staffMemberId: individualRoutes.staffMemberId,
      schoolId: individualRoutes.schoolId,
      block: routeGoals.blockKey,
    })
    .from(routeActivities)
    .innerJoin(individualRoutes, eq(individualRoutes.id, routeActivities.routeId))
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .innerJoin(orgUnits, eq(orgUnits.id, individualRoutes.schoolId))
    .leftJoin(routeGoals, eq(routeGoals.id, routeActivities.goalId))
    .where(
      and(
        eq(routeActivities.kind, 'course'),
        inArray(routeActivities.status, ['planned', 'returned']),
        // Only a running route's activity is served by an enrolment (a draft or a closed one is refused).
        inArray(individualRoutes.status, ['approved', 'in_progress']),
        // The `teacher` account's route and courses are the scripted story below and in the routes'
        // demo: a random enrolment here would change what the brief promises him.
        isNull(staffMembers.userId),
      ),
    )
    // By stable keys, not by random ids: the same `today` gives the same enrolments on every load.
    .orderBy(
      asc(orgUnits.name),
      asc(staffMembers.lastName),
      asc(staffMembers.firstName),
      asc(staffMembers.code),
      asc(routeActivities.sort),
      asc(routeActivities.title),
      asc(routeActivities.dueDate),
    );
  const regional = made.filter((m) => !m.municipal);
  const taken = new Set<string>();
  for (const [k, a] of activities.entries()) {
    // About two thirds of the activities get an enrolment; the rest stay in the demand.
    if (k % 3 === 2) continue;
    const fitting = regional.filter((m) => m.topic === a.block);
    const course = fitting.length ? rng.pick(fitting) : undefined;
    if (!course || taken.has(`${course.id}|${a.staffMemberId}`)) continue;
    taken.add(`${course.id}|${a.staffMemberId}`);
    const team = teamOf(a.schoolId);
    await enrolTeachers(db, {
      actor: team,
      courseId: course.id,
      input: { staffMemberIds: [a.staffMemberId], activityId: a.id },
    });
    if (rng.chance(0.6)) await complete(team, course.id, a.staffMemberId);
  }

  // Teachers of the first ШНОР enrolled without a route: the `teacher` account completed the first course.
  const s1 = (
    await db
      .select({ id: staffMembers.id, userId: staffMembers.userId })
      .from(staffMembers)
      .where(and(eq(staffMembers.schoolId, picks.s1.id), isNull(staffMembers.leftOn)))
      .orderBy(asc(staffMembers.code))
  )
    .sort((a, b) => Number(Boolean(b.userId)) - Number(Boolean(a.userId)))
    .slice(0, 4);
  const first = made[0];
  const s1Team = teamOf(picks.s1.id);
  if (first) {
    const ids = s1.map((s) => s.id).filter((id) => !taken.has(`${first.id}|${id}`));
    if (ids.length)
      await enrolTeachers(db, { actor: s1Team, courseId: first.id, input: { staffMemberIds: ids } });
    const own = s1.find((s) => s.userId);
    if (own && ids.includes(own.id)) await complete(s1Team, first.id, own.id);
  }

  await loadNeedsCampaign(run, rng);
}

/** A school's needs: two or three topics, for teachers and sometimes for the management team. */
function needsOf(rng: Rng): Answers {
  const topics = rng.shuffle(COURSE_TOPICS.map((t) => t.key)).slice(0, rng.int(2, 3));
  const subjects = ['Математика', 'Русский язык', 'Физика', 'Начальные классы', 'История'];
  return {
    needs: topics.map((topic) => ({
      topic,
      category: topic === 'management' ? 'management' : 'teachers',
      subject: topic === 'subject' ? rng.pick(subjects) : null,
      people: rng.int(1, 6),
      format: rng.pick(['remote', 'blended', 'in_person']),
    })),
    ...(rng.chance(0.5)
      ? { consultations: 'Подготовка к ВПР и ГИА, работа со слабоуспевающими обучающимися' }
      : {}),
    helpKinds: rng.shuffle(['mentoring', 'methodist', 'network', 'materials']).slice(0, rng.int(1, 2)),
  } as Answers;
}

async function loadNeedsCampaign(run: DemoRun, rng: Rng) {
  const { db, users, picks } = run;
  const region = users.main.region;
  const id = await createMonitoring(db, {
    actor: region,
    ownerUnitId: run.orgs.regionId,
    kind: 'form',
    title: 'Сбор образовательных потребностей педагогов и управленческих команд ШНОР',
    year: run.year,
    periodStart: addDays(run.today, -30),
    periodEnd: addDays(run.today, 20),
    template: NEEDS_TEMPLATE,
    participants: { mode: 'shnor' },
  });
  await openMonitoring(db, { actor: region, monitoringId: id, version: 1 });
  const versionOf = async (unitId: string) =>
    (
      await db
        .select({ v: monitoringResponses.version })
        .from(monitoringResponses)
        .where(and(eq(monitoringResponses.monitoringId, id), eq(monitoringResponses.orgUnitId, unitId)))
    )[0]?.v ?? 0;
  const teams = [...users.schoolTeams].filter(([schoolId]) => schoolId !== picks.s1.id);
  for (const [k, [schoolId, team]] of teams.entries()) {
    if ((await versionOf(schoolId)) === 0 || k % 4 === 3) continue;
    await submitResponse(db, {
      actor: team,
      monitoringId: id,
      unitId: schoolId,
      version: await versionOf(schoolId),
      answers: needsOf(rng),
    });
    if (k % 4 !== 2)
      await reviewResponse(db, {
        actor: region,
        monitoringId: id,
        unitId: schoolId,
        version: await versionOf(schoolId),
        decision: 'accept',
      });
  }
}

import type { Db } from '../../src/db/client.js';
import {
  courseEnrolments,
  courses,
  deficitDiagnostics,
  diagnosticResults,
  individualRoutes,
  staffMembers,
  teacherMentorships,
} from '../../src/db/schema/people.js';
import type { DeficitLevel, RouteStatus } from '../../src/db/schema/values.js';
import { DEFAULT_LEVELS } from '../../src/modules/diagnostics/levels.js';

// Rows of teachers' support for coverage tests (issue 14 §1), inserted directly: the operations that
// keep them belong to other modules; coverage reads the tables.

let n = 0;

export async function teacher(db: Db, schoolId: string, opts: { leftOn?: string } = {}): Promise<string> {
  n++;
  const [t] = await db
    .insert(staffMembers)
    .values({
      schoolId,
      code: `T${n}`,
      lastName: `Учитель${n}`,
      firstName: 'Тест',
      position: 'учитель',
      leftOn: opts.leftOn ?? null,
    })
    .returning({ id: staffMembers.id });
  if (!t) throw new Error('no teacher');
  return t.id;
}

export async function diagnostic(
  db: Db,
  ownerUnitId: string,
  year: number,
  levels: DeficitLevel[] = DEFAULT_LEVELS,
): Promise<string> {
  const [d] = await db
    .insert(deficitDiagnostics)
    .values({
      ownerUnitId,
      name: `Диагностика ${year}`,
      conductedOn: `${year}-11-20`,
      year,
      organiser: 'ЦНППМ (тест)',
      blocks: [
        { key: 'subject', name: 'Предметный', maxScore: 10 },
        { key: 'methodical', name: 'Методический', maxScore: 10 },
      ],
      levels,
    })
    .returning({ id: deficitDiagnostics.id });
  if (!d) throw new Error('no diagnostic');
  return d.id;
}

export async function result(
  db: Db,
  diagnosticId: string,
  staffMemberId: string,
  schoolId: string,
  level: string,
  blockLevels: Record<string, string> = { subject: level, methodical: level },
) {
  await db.insert(diagnosticResults).values({
    diagnosticId,
    staffMemberId,
    schoolId,
    scores: { subject: 5, methodical: 5 },
    totalPercent: 50,
    level,
    blockLevels,
    matchedBy: 'code',
  });
}

export async function route(
  db: Db,
  staffMemberId: string,
  schoolId: string,
  year: number,
  status: RouteStatus,
): Promise<string> {
  const [r] = await db
    .insert(individualRoutes)
    .values({ staffMemberId, schoolId, year, status })
    .returning({ id: individualRoutes.id });
  if (!r) throw new Error('no route');
  return r.id;
}

export const mentorship = (db: Db, menteeId: string, schoolId: string, year: number) =>
  db.insert(teacherMentorships).values({
    menteeId,
    schoolId,
    year,
    mentorKind: 'methodist',
    mentorName: 'Методист (тест)',
    startedOn: `${year}-10-01`,
  });

export async function completedCourse(
  db: Db,
  ownerUnitId: string,
  staffMemberId: string,
  schoolId: string,
  completedOn: string | null,
  status: 'completed' | 'enrolled' = 'completed',
) {
  const [c] = await db
    .insert(courses)
    .values({ ownerUnitId, name: 'Курс (тест)', kind: 'pk', provider: 'ИРО', hours: 36, format: 'remote' })
    .returning({ id: courses.id });
  await db
    .insert(courseEnrolments)
    .values({ courseId: c?.id ?? '', staffMemberId, schoolId, status, completedOn });
}

import { eq } from 'drizzle-orm';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import {
  identificationListSchools,
  identificationLists,
  identificationRuns,
  methodologies,
} from '../../db/schema/identification.js';
import { individualRoutes, routeActivities, routeGoals, staffMembers } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';

// The setting of the course tests: teachers of the fixture's schools with routes of the year, each with a
// course activity (one route closed), and S2 a ШНОР of the list in force.

export const YEAR = 2026;
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
};

export const course = {
  name: 'Формирующее оценивание на уроке',
  kind: 'pk' as const,
  provider: 'ЦНППМ',
  hours: 36,
  startsOn: '2026-10-01',
  endsOn: '2026-11-30',
  format: 'blended' as const,
  topic: 'methodical' as const,
  subject: null,
};

/** A fresh database: teachers a…e (staff ids by key) and their course activities (activity ids by key). */
export async function setUpCourses(kind: 'pglite' | 'postgres') {
  const database = await freshDatabase(kind);
  const f = await buildRegion(database.db);
  const staff: Record<string, string> = {};
  const activity: Record<string, string> = {};
  const db = database.db;
  const teacherUserId = f.as('teacher').userId;
  const add = async (key: string, schoolId: string, subjects: string[], userId: string | null = null) => {
    const [s] = await db
      .insert(staffMembers)
      .values({
        schoolId,
        lastName: `Учитель-${key}`,
        firstName: 'Тест',
        position: 'Учитель',
        subjects,
        userId,
      })
      .returning();
    staff[key] = s?.id ?? '';
  };
  await add('a', f.S1.id, ['Математика'], teacherUserId);
  await add('b', f.S1.id, ['Физика']);
  await add('c', f.S2.id, ['Химия']);
  await add('d', f.S3.id, ['История']);
  await add('e', f.S3.id, ['Биология']);
  // Routes of the year: a, b, c, d each with one course activity; e's route is closed (mastered).
  const route = async (key: string, schoolId: string, block: string, status = 'in_progress' as const) => {
    const [r] = await db
      .insert(individualRoutes)
      .values({ staffMemberId: staff[key] ?? '', schoolId, year: YEAR, status })
      .returning();
    const [g] = await db
      .insert(routeGoals)
      .values({ routeId: r?.id ?? '', blockKey: block, text: 'Цель' })
      .returning();
    const [a] = await db
      .insert(routeActivities)
      .values({ routeId: r?.id ?? '', goalId: g?.id ?? null, kind: 'course', title: `Курс для ${key}` })
      .returning();
    activity[key] = a?.id ?? '';
  };
  await route('a', f.S1.id, 'methodical');
  await route('b', f.S1.id, 'subject');
  await route('c', f.S2.id, 'methodical');
  await route('d', f.S3.id, 'methodical');
  const [closed] = await db
    .insert(individualRoutes)
    .values({ staffMemberId: staff.e ?? '', schoolId: f.S3.id, year: YEAR, status: 'mastered' })
    .returning();
  await db
    .insert(routeActivities)
    .values({ routeId: closed?.id ?? '', kind: 'course', title: 'Закрытый маршрут' });
  // S2 is a ШНОР of the list in force.
  const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, f.R.id));
  const [run] = await db
    .insert(identificationRuns)
    .values({
      regionId: f.R.id,
      methodologyId: m?.id ?? '',
      year: 2025,
      status: 'done',
      finishedAt: new Date(),
    })
    .returning();
  const [list] = await db
    .insert(identificationLists)
    .values({ regionId: f.R.id, year: 2025, kind: 'shnor', runId: run?.id ?? '', status: 'approved' })
    .returning();
  await db.insert(identificationListSchools).values({ listId: list?.id ?? '', schoolId: f.S2.id });
  return { database, f, staff, activity };
}

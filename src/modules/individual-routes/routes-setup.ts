import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import { DEFAULT_LEVELS, scoreResult } from '../diagnostics/levels.js';

// The setting of the individual-route tests (routes-lifecycle, routes-confirmation .db.test.ts): four
// teachers (three of S1, one of S2) and the results of one deficit diagnostic of the region.

export const YEAR = 2026;
export const TODAY = '2026-10-15';
const BLOCKS = [
  { key: 'subject', name: 'Предметный', maxScore: 20 },
  { key: 'methodical', name: 'Методический', maxScore: 10 },
  { key: 'legal', name: 'Нормативно-правовой', maxScore: 10 },
];

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
};

export type RoutesSetting = Awaited<ReturnType<typeof setUpRoutes>>;

/** A fresh database: the fixture's region, its teachers (staff ids by key) and their diagnostic results. */
export async function setUpRoutes(kind: 'pglite' | 'postgres') {
  const database = await freshDatabase(kind);
  const f = await buildRegion(database.db);
  const staff = {} as Record<'teacher' | 'colleague' | 'strong' | 'other', string>;
  const db = database.db;
  const person = (schoolId: string, lastName: string, userId: string | null = null) => ({
    schoolId,
    lastName,
    firstName: 'Иван',
    middleName: 'Иванович',
    position: 'Учитель математики',
    userId,
  });
  const rows = await db
    .insert(staffMembers)
    .values([
      person(f.S1.id, 'Учителев', f.as('teacher').userId),
      person(f.S1.id, 'Коллегин'),
      person(f.S1.id, 'Сильнов'),
      person(f.S2.id, 'Другов'),
    ])
    .returning({ id: staffMembers.id });
  [staff.teacher, staff.colleague, staff.strong, staff.other] = rows.map((r) => r.id) as [
    string,
    string,
    string,
    string,
  ];
  const [d] = await db
    .insert(deficitDiagnostics)
    .values({
      ownerUnitId: f.R.id,
      name: 'Диагностика дефицитов',
      conductedOn: '2026-09-20',
      year: YEAR,
      organiser: 'ЦНППМ',
      blocks: BLOCKS,
      levels: DEFAULT_LEVELS,
    })
    .returning();
  if (!d) throw new Error('no diagnostic');
  const result = (staffMemberId: string, schoolId: string, scores: Record<string, number>) => ({
    diagnosticId: d.id,
    staffMemberId,
    schoolId,
    scores,
    ...scoreResult(BLOCKS, DEFAULT_LEVELS, scores),
    matchedBy: 'code' as const,
  });
  await db.insert(diagnosticResults).values([
    // critical subject (25 %), high methodical (50 %), basic legal (80 %)
    result(staff.teacher, f.S1.id, { subject: 5, methodical: 5, legal: 8 }),
    result(staff.colleague, f.S1.id, { subject: 9, methodical: 4, legal: 9 }),
    result(staff.strong, f.S1.id, { subject: 19, methodical: 9, legal: 9 }),
    result(staff.other, f.S2.id, { subject: 2, methodical: 2, legal: 2 }),
  ]);
  return { database, f, staff };
}

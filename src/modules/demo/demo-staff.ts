import { eq, or } from 'drizzle-orm';
import { users } from '../../db/schema/auth.js';
import { mentorPairs } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { staffMembers } from '../../db/schema/people.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { randomPerson } from './demo-names.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's staff registries (issue 14 §3): synthetic teachers of every ШНОР and of their mentor
// schools, written by the loader in one statement per school (the registry's import would parse a file
// for the same rows). Names are random combinations of the demo's name lists; every code starts with
// «ДЕМО-», so an exported registry says it is demo data. The `teacher` account is a mathematics teacher
// of S1 and sees his own record.

type Post = { position: string; subjects: string[]; grades: number[] };

const POSTS: Post[] = [
  { position: 'Учитель начальных классов', subjects: ['Начальные классы'], grades: [1, 2, 3, 4] },
  {
    position: 'Учитель русского языка и литературы',
    subjects: ['Русский язык', 'Литература'],
    grades: [5, 6, 7, 8, 9],
  },
  { position: 'Учитель математики', subjects: ['Математика'], grades: [5, 6, 7, 8, 9, 10, 11] },
  {
    position: 'Учитель истории и обществознания',
    subjects: ['История', 'Обществознание'],
    grades: [5, 6, 7, 8, 9],
  },
  { position: 'Учитель биологии', subjects: ['Биология'], grades: [5, 6, 7, 8, 9] },
  { position: 'Учитель физики', subjects: ['Физика'], grades: [7, 8, 9, 10, 11] },
  { position: 'Учитель английского языка', subjects: ['Английский язык'], grades: [2, 3, 4, 5, 6, 7, 8, 9] },
  { position: 'Учитель географии', subjects: ['География'], grades: [5, 6, 7, 8, 9] },
  { position: 'Учитель химии', subjects: ['Химия'], grades: [8, 9, 10, 11] },
  { position: 'Учитель информатики', subjects: ['Информатика'], grades: [7, 8, 9] },
  {
    position: 'Учитель физической культуры',
    subjects: ['Физическая культура'],
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  },
  { position: 'Педагог-психолог', subjects: [], grades: [] },
];

/** Core posts first (every school has them), then the rest at random. */
function postsFor(rng: Rng, count: number): Post[] {
  const core = POSTS.slice(0, 4);
  const primary = POSTS[0] as Post;
  const out: Post[] = [primary, ...core];
  while (out.length < count) out.push(rng.chance(0.3) ? primary : rng.pick(POSTS));
  return out.slice(0, count);
}

/** Staff of the ШНОР and their mentor schools of the year; returns the staff count per school. */
export async function loadDemoStaff(run: DemoRun): Promise<Map<string, number>> {
  const { db } = run;
  const pairs = await db
    .select({ school: mentorPairs.schoolId, mentor: mentorPairs.mentorSchoolId })
    .from(mentorPairs)
    .where(eq(mentorPairs.year, run.year));
  const ids = new Set([...run.picks.shnor.map((s) => s.id), ...pairs.flatMap((p) => [p.school, p.mentor])]);
  const schools = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(or(...[...ids].map((id) => eq(orgUnits.id, id))));
  const teacher = run.users.main.teacher;
  // A teacher never shares a full name with a demo account of another unit: the access tests search
  // answers for names of people outside the reader's units.
  const taken = new Set((await db.select({ name: users.fullName }).from(users)).map((u) => u.name));
  const uniquePerson = (rng: Rng) => {
    for (;;) {
      const p = randomPerson(rng);
      const name = `${p.surname} ${p.name} ${p.patronymic}`;
      if (!taken.has(name)) {
        taken.add(name);
        return p;
      }
    }
  };
  const counts = new Map<string, number>();
  for (const school of schools.sort((a, b) => a.id.localeCompare(b.id))) {
    const rng = createRng(seedOf(`opora-demo-staff-${school.code ?? school.id}`));
    const size = rng.int(14, 30);
    const rows = postsFor(rng, size).map((post, n) => {
      const person = uniquePerson(rng);
      const experience = rng.chance(0.15) ? rng.int(0, 2) : rng.int(3, 38);
      return {
        schoolId: school.id,
        code: `ДЕМО-${school.code ?? 'ОО'}-${String(n + 1).padStart(3, '0')}`,
        lastName: person.surname,
        firstName: person.name,
        middleName: person.patronymic,
        position: post.position,
        subjects: post.subjects,
        grades: post.grades,
        experienceYears: experience,
        isYoung: experience < 3,
        newlyHired: experience < 3 ? rng.chance(0.6) : rng.chance(0.05),
      };
    });
    // The `teacher` account is the mathematics teacher of S1 (the account's own name).
    const values: ((typeof rows)[number] & { userId?: string })[] = rows;
    if (school.id === run.picks.s1.id) {
      const [last = '', first = '', middle = ''] = teacher.fullName.split(' ');
      const math = rows.findIndex((r) => r.position === 'Учитель математики');
      const row = rows[math];
      if (row)
        values[math] = {
          ...row,
          lastName: last,
          firstName: first,
          middleName: middle,
          userId: teacher.userId,
        };
    }
    const inserted = await db.insert(staffMembers).values(values).returning({ id: staffMembers.id });
    counts.set(school.id, inserted.length);
    await recordEvent(
      db,
      DEMO_LOADER,
      'staff.imported',
      { entityType: 'org_unit', entityId: school.id, orgUnitId: school.id },
      { fileName: 'демо-данные', created: inserted.length, updated: 0 },
    );
  }
  return counts;
}

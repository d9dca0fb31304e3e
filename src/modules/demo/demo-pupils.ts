import { eq } from 'drizzle-orm';
import { staffMembers } from '../../db/schema/people.js';
import { pupilMeasures, pupilRecords, pupilResults } from '../../db/schema/pupils.js';
import type { PupilCategory, PupilMeasureKind, PupilStatus } from '../../db/schema/values.js';
import { DEMO_LOADER } from '../access/actor.js';
import { recordEvents } from '../audit/record-event.js';
import { encryptPersonal } from '../pupils/pupil-crypto.js';
import { CAUSE_KEYS, defaultCheckpoints, STATUS_RANK } from '../pupils/reference.js';
import { randomPerson } from './demo-names.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// Slot of helper «pupils» (issue 14 §3): synthetic registries of pupils at risk for the ШНОР of the
// first two municipalities (S1 and school2's school among them) and a few more. Names are random
// combinations of the demo's name lists, with initials and «(демо)» — clearly fictional; encrypted like
// real ones. Two checkpoints of the current year with results (so dynamics show real numbers), measures,
// the `teacher` account among the teachers of some of S1's pupils, one pupil excluded as improved.

const SUBJECTS = ['Математика', 'Русский язык', 'Английский язык', 'Физика', 'Химия', 'Биология', 'История'];
const LETTERS = ['А', 'Б', 'В'];

/** The demo's pupil name: «Фамилия И. О. (демо)». */
export const demoPupilName = (rng: Rng) => {
  const p = randomPerson(rng, rng.chance(0.5));
  return `${p.surname} ${p.name.charAt(0)}. ${p.patronymic.charAt(0)}. (демо)`;
};

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The two checkpoints of the year the results are written for: the last two already passed. */
function twoCheckpoints(run: DemoRun) {
  const all = defaultCheckpoints(run.year);
  const passed = all.filter((c) => c.date <= run.today);
  const two = passed.length >= 2 ? passed.slice(-2) : all.slice(0, 2);
  return two as [(typeof all)[number], (typeof all)[number]];
}

function later(rng: Rng, before: PupilStatus): PupilStatus {
  const ranks: PupilStatus[] = ['succeeding', 'at_risk', 'weak', 'failing'];
  const r = STATUS_RANK[before];
  const roll = rng.int(1, 100);
  if (roll <= 40) return ranks[Math.max(0, r - (rng.chance(0.3) ? 2 : 1))] as PupilStatus;
  if (roll <= 85) return before;
  return ranks[Math.min(3, r + 1)] as PupilStatus;
}

export async function loadDemoPupils(run: DemoRun): Promise<void> {
  const { db, picks } = run;
  const near = [
    ...(picks.shnorByMunicipality.get(picks.m1.id) ?? []),
    ...(picks.shnorByMunicipality.get(picks.m2.id) ?? []),
  ];
  const others = picks.shnor.filter((s) => !near.includes(s)).slice(0, 3);
  const schools = [...new Set([picks.s1, ...near, ...others])];
  const [first, second] = twoCheckpoints(run);
  const teacherUser = run.users.main.teacher.userId;
  for (const school of schools) {
    const rng = createRng(seedOf(`opora-demo-pupils-${school.id}`));
    const staff = await db
      .select({ id: staffMembers.id, subjects: staffMembers.subjects, userId: staffMembers.userId })
      .from(staffMembers)
      .where(eq(staffMembers.schoolId, school.id));
    if (staff.length === 0) continue;
    const teacher = staff.find((s) => s.userId === teacherUser);
    const size = school.id === picks.s1.id ? 18 : rng.int(6, 16);
    const records = [];
    for (let n = 0; n < size; n++) {
      const grade = rng.int(2, 11);
      const subjects = rng.shuffle(SUBJECTS).slice(0, rng.int(1, 3));
      const category: PupilCategory = rng.pick(['failing', 'weak', 'weak', 'at_risk', 'at_risk']);
      const teachers = staff.filter((s) => s.subjects.some((x) => subjects.includes(x))).slice(0, 2);
      // The `teacher` account teaches mathematics to some of S1's pupils.
      const mine = teacher && (n < 5 || (subjects.includes('Математика') && n % 2 === 0));
      if (mine && teacher) {
        if (!subjects.includes('Математика')) subjects.unshift('Математика');
        if (!teachers.includes(teacher)) teachers.unshift(teacher);
      }
      const birthYear = run.year - grade - 7;
      records.push({
        schoolId: school.id,
        year: run.year,
        nameEnc: encryptPersonal(demoPupilName(rng)),
        birthDateEnc: encryptPersonal(
          `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        ),
        classLabel: `${grade}${rng.pick(LETTERS)}`,
        grade,
        category,
        subjects,
        causes: rng.shuffle(CAUSE_KEYS).slice(0, rng.int(1, 3)),
        ovz: rng.chance(0.1),
        limitedRussian: rng.chance(0.05),
        teacherIds: teachers.map((t) => t.id),
        includedOn: `${run.year}-09-${String(rng.int(10, 30)).padStart(2, '0')}`,
      });
    }
    const inserted = await db.insert(pupilRecords).values(records).returning();
    await recordEvents(
      db,
      DEMO_LOADER,
      'pupil.created',
      inserted.map((r) => ({
        target: { entityType: 'pupil_record' as const, entityId: r.id, orgUnitId: school.id },
        payload: { schoolId: school.id, year: r.year, classLabel: r.classLabel, category: r.category },
      })),
    );
    const measures: (typeof pupilMeasures.$inferInsert)[] = [];
    const results: (typeof pupilResults.$inferInsert)[] = [];
    let excludedOne = false;
    for (const r of inserted) {
      const kinds = rng.shuffle<PupilMeasureKind>([
        'trajectory',
        'pupil_pair',
        'teacher_pair',
        'extra_lessons',
        'parent_consultation',
        'psych_help',
      ]);
      for (const kind of kinds.slice(0, rng.int(1, 3)))
        measures.push({
          recordId: r.id,
          kind,
          topic:
            kind === 'parent_consultation'
              ? 'Результаты первой четверти и режим подготовки домашних заданий'
              : kind === 'extra_lessons'
                ? `Дополнительные занятия: ${r.subjects[0] ?? 'математика'}`
                : kind === 'psych_help'
                  ? 'Занятия с педагогом-психологом'
                  : 'Индивидуальная работа по ликвидации пробелов',
          startsOn: `${run.year}-10-${String(rng.int(1, 20)).padStart(2, '0')}`,
          endsOn: kind === 'parent_consultation' ? null : `${run.year + 1}-05-25`,
          responsibleStaffId: r.teacherIds[0] ?? null,
          partnerEnc: kind === 'pupil_pair' ? encryptPersonal(demoPupilName(rng)) : null,
        });
      const marks = (status: PupilStatus) =>
        Object.fromEntries(
          r.subjects.map((s) => [
            s,
            status === 'failing' ? 2 : status === 'succeeding' ? rng.int(3, 4) : rng.int(2, 3),
          ]),
        );
      const before = r.category as PupilStatus;
      results.push({ recordId: r.id, checkpointKey: first.key, status: before, marks: marks(before) });
      // One pupil of each school left the registry as improved between the checkpoints.
      if (!excludedOne && before !== 'failing') {
        excludedOne = true;
        const excludedOn = addDays(first.date, 10);
        await db
          .update(pupilRecords)
          .set({
            excludedOn,
            exclusionReason: 'improved',
            exclusionNote: 'Устойчиво успевает по итогам контрольных работ',
            purgeAfter: addDays(excludedOn, 365),
          })
          .where(eq(pupilRecords.id, r.id));
        continue;
      }
      const after = later(rng, before);
      results.push({
        recordId: r.id,
        checkpointKey: second.key,
        status: after,
        marks: marks(after),
        diagnostics: rng.chance(0.5) ? `Диагностическая работа: ${rng.int(6, 18)} из 20` : null,
      });
    }
    if (measures.length) await db.insert(pupilMeasures).values(measures);
    if (results.length) await db.insert(pupilResults).values(results);
  }
}

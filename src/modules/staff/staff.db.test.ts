import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { users } from '../../db/schema/auth.js';
import { mentorPairs } from '../../db/schema/organisation.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { pupilMeasures, pupilRecords } from '../../db/schema/pupils.js';
import { AppError } from '../../lib/errors.js';
import { DEFAULT_LEVELS } from '../diagnostics/levels.js';
import { importStaff } from './import-staff.js';
import { createStaffMember, linkStaffAccount, removeStaffMember, updateStaffMember } from './keep-staff.js';
import { getStaffCard, listStaff, listStaffSchools } from './list-staff.js';
import {
  addMeeting,
  createMentorship,
  getMentorship,
  listMentorships,
  mentorshipCandidates,
  updateMentorship,
} from './mentorships.js';
import { myStaff } from './my-staff.js';

const YEAR = 2026;
const TODAY = '2026-10-15';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const csv = (text: string) => new TextEncoder().encode(text);
const base = { subjects: ['Математика'], grades: [5, 6, 7], isYoung: false, newlyHired: false };

describe.each(DB_KINDS)('staff registry and mentoring on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  }, 120_000);
  afterAll(async () => database.close());

  const list = (login: string, schoolId: string, extra: Record<string, string> = {}) =>
    listStaff(database.db, {
      actor: f.as(login),
      query: { schoolId, state: 'current', ...extra } as never,
    });

  it('the school team keeps its registry; others read or get 403/404', async () => {
    const db = database.db;
    const a = await createStaffMember(db, {
      actor: f.as('school1'),
      input: {
        schoolId: f.S1.id,
        lastName: 'Орлова',
        firstName: 'Анна',
        middleName: 'Юрьевна',
        position: 'Учитель математики',
        code: 'T-1',
        ...base,
      },
    });
    expect(a.version).toBe(1);
    expect(
      await code(
        createStaffMember(db, {
          actor: f.as('school1'),
          input: {
            schoolId: f.S1.id,
            lastName: 'Другой',
            firstName: 'Код',
            position: 'Учитель',
            code: 'T-1',
            ...base,
          },
        }),
      ),
    ).toBe('CONFLICT');
    // Another school's team: S1 is not in its sight (404); the municipality sees it but does not keep it (403).
    const input = {
      schoolId: f.S1.id,
      lastName: 'Чужой',
      firstName: 'Педагог',
      position: 'Учитель',
      ...base,
    };
    expect(await code(createStaffMember(db, { actor: f.as('school2'), input }))).toBe('NOT_FOUND');
    expect(await code(createStaffMember(db, { actor: f.as('mun1'), input }))).toBe('FORBIDDEN');
    expect((await list('mun1', f.S1.id)).members.map((m) => m.fullName)).toEqual(['Орлова Анна Юрьевна']);
    expect(await code(list('school2', f.S1.id))).toBe('NOT_FOUND');
    expect(await code(getStaffCard(db, { actor: f.as('school3'), id: a.id }))).toBe('NOT_FOUND');
    expect(await code(getStaffCard(db, { actor: f.as('curator'), id: a.id }))).toBe('OK');
    // An expert reads nothing of teachers.
    expect((await list('expert', f.S1.id)).members).toEqual([]);
    expect(await code(getStaffCard(db, { actor: f.as('expert'), id: a.id }))).toBe('NOT_FOUND');
    const counts = await listStaffSchools(db, { actor: f.as('region'), unitId: f.M1.id });
    expect(counts.find((c) => c.schoolId === f.S1.id)?.current).toBe(1);
    expect(counts.map((c) => c.schoolId).sort()).toEqual([f.S1.id, f.S2.id].sort());
  });

  it('edits with a version check, «выбыл», history, and refuses to delete a teacher with results', async () => {
    const db = database.db;
    const [m] = await db.select().from(staffMembers).where(eq(staffMembers.code, 'T-1'));
    if (!m) throw new Error('no member');
    const v2 = await updateStaffMember(db, {
      actor: f.as('school1'),
      id: m.id,
      input: {
        version: 1,
        position: 'Учитель математики и информатики',
        subjects: ['Математика', 'Информатика'],
      },
    });
    expect(v2.version).toBe(2);
    expect(
      await code(
        updateStaffMember(db, { actor: f.as('school1'), id: m.id, input: { version: 1, isYoung: true } }),
      ),
    ).toBe('CONFLICT');
    expect(
      await code(
        updateStaffMember(db, { actor: f.as('curator'), id: m.id, input: { version: 2, isYoung: true } }),
      ),
    ).toBe('FORBIDDEN');
    const card = await getStaffCard(db, { actor: f.as('school1'), id: m.id });
    expect(card.history.map((h) => h.text)).toEqual([
      'Внесён в реестр: Орлова Анна Юрьевна, Учитель математики',
      'Изменено — должность: Учитель математики → Учитель математики и информатики; предметы: Математика → Математика, Информатика',
    ]);
    // A teacher with a diagnostic result is never deleted: «выбыл» instead.
    const [d] = await db
      .insert(deficitDiagnostics)
      .values({
        ownerUnitId: f.R.id,
        name: 'Диагностика',
        conductedOn: '2026-10-01',
        year: YEAR,
        organiser: 'ЦНППМ',
        blocks: [],
        levels: DEFAULT_LEVELS,
      })
      .returning();
    await db.insert(diagnosticResults).values({
      diagnosticId: d?.id ?? '',
      staffMemberId: m.id,
      schoolId: f.S1.id,
      scores: {},
      totalPercent: 35,
      level: 'critical',
      blockLevels: {},
      matchedBy: 'manual',
    });
    expect(await code(removeStaffMember(db, { actor: f.as('school1'), id: m.id, version: 2 }))).toBe(
      'CONFLICT',
    );
    const v3 = await updateStaffMember(db, {
      actor: f.as('school1'),
      id: m.id,
      input: { version: 2, leftOn: '2026-12-01' },
    });
    expect((await list('school1', f.S1.id)).members).toEqual([]);
    expect((await list('school1', f.S1.id, { state: 'left' })).members[0]?.latestLevel?.name).toBe(
      'критический',
    );
    await updateStaffMember(db, {
      actor: f.as('school1'),
      id: m.id,
      input: { version: v3.version, leftOn: null },
    });
    // A record entered by mistake, without any work, is removed.
    const x = await createStaffMember(db, {
      actor: f.as('school1'),
      input: { schoolId: f.S1.id, lastName: 'Ошибка', firstName: 'Ввода', position: 'Учитель', ...base },
    });
    expect(await code(removeStaffMember(db, { actor: f.as('school1'), id: x.id, version: 1 }))).toBe('OK');
  });

  it('imports by recognised headers: preview, then all-or-nothing; matches by code, else by ФИО', async () => {
    const db = database.db;
    const file = [
      'Табельный номер;ФИО;Должность;Предмет(ы);Классы;Стаж;Молодой педагог;Вновь принятый',
      'T-1;Орлова Анна Юрьевна;Учитель математики;Математика;5–9;14;нет;нет',
      ';Белов Пётр Ильич;Учитель истории;История, Обществознание;5-7, 9;2;да;да',
      'T-9;Смирнова Ольга;Учитель начальных классов;Начальные классы;1,2,3;лет много;нет;да',
    ].join('\n');
    const run = (text: string, dryRun: boolean) =>
      importStaff(db, {
        actor: f.as('school1'),
        schoolId: f.S1.id,
        fileName: 'педагоги.csv',
        data: csv(text),
        dryRun,
      });
    const bad = await run(file, false);
    expect(bad.written).toBe(false);
    expect(bad.errors).toBe(1);
    expect(bad.rows[2]?.error).toContain('Стаж не распознан');
    expect(bad.message).toContain('Найдено: 1 ошибка');
    expect((await list('school1', f.S1.id)).members.map((m) => m.lastName)).toEqual(['Орлова']);
    const good = file.replace('лет много', '25');
    const preview = await run(good, true);
    expect(preview.rows.map((r) => [r.action, r.matchedBy])).toEqual([
      ['update', 'code'],
      ['create', null],
      ['create', null],
    ]);
    expect((await list('school1', f.S1.id)).members).toHaveLength(1);
    const done = await run(good, false);
    expect(done.written).toBe(true);
    const members = (await list('school1', f.S1.id)).members;
    expect(members.map((m) => m.fullName)).toEqual([
      'Белов Пётр Ильич',
      'Орлова Анна Юрьевна',
      'Смирнова Ольга',
    ]);
    const belov = members.find((m) => m.lastName === 'Белов');
    expect([belov?.grades, belov?.isYoung, belov?.subjects]).toEqual([
      [5, 6, 7, 9],
      true,
      ['История', 'Обществознание'],
    ]);
    expect(members.find((m) => m.lastName === 'Орлова')?.experienceYears).toBe(14);
    // Again, by ФИО only (no code column): the same three are updated, none added.
    const again = await importStaff(db, {
      actor: f.as('school1'),
      schoolId: f.S1.id,
      fileName: 'p.csv',
      data: csv(
        'Фамилия,Имя,Отчество,Занимаемая должность\nБелов,Пётр,Ильич,Учитель истории\nОрлова,Анна,Юрьевна,Учитель математики\n',
      ),
      dryRun: false,
    });
    expect([again.created, again.updated]).toEqual([0, 2]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'staff.imported'), eq(auditEvents.entityId, f.S1.id)));
    expect(events).toHaveLength(2);
    expect(
      await code(
        importStaff(db, {
          actor: f.as('school2'),
          schoolId: f.S1.id,
          fileName: 'p.csv',
          data: csv(good),
          dryRun: true,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        importStaff(db, {
          actor: f.as('school1'),
          schoolId: f.S1.id,
          fileName: 'p.csv',
          data: csv('Кто;Что\nа;б'),
          dryRun: true,
        }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('a teacher sees only his own record once his account is linked', async () => {
    const db = database.db;
    const members = (await list('school1', f.S1.id)).members;
    const belov = members.find((m) => m.lastName === 'Белов');
    if (!belov) throw new Error('no Белов');
    expect((await list('teacher', f.S1.id)).members).toEqual([]);
    expect(
      await code(
        linkStaffAccount(db, {
          actor: f.as('school1'),
          id: belov.id,
          input: { version: belov.version, login: 'school2' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    await linkStaffAccount(db, {
      actor: f.as('school1'),
      id: belov.id,
      input: { version: belov.version, login: 'teacher' },
    });
    const own = await list('teacher', f.S1.id);
    expect(own.members.map((m) => m.fullName)).toEqual(['Белов Пётр Ильич']);
    expect([own.readsAll, own.canKeep]).toEqual([false, false]);
    const other = members.find((m) => m.lastName === 'Орлова');
    expect(await code(getStaffCard(db, { actor: f.as('teacher'), id: other?.id ?? '' }))).toBe('NOT_FOUND');
    expect((await myStaff(db, { actor: f.as('teacher') })).records.map((r) => r.fullName)).toEqual([
      'Белов Пётр Ильич',
    ]);
  });

  it('mentoring: colleague, mentor school and methodist; one order for several pairs; meetings and history', async () => {
    const db = database.db;
    const members = (await list('school1', f.S1.id)).members;
    const id = (last: string) => members.find((m) => m.lastName === last)?.id ?? '';
    const s2teacher = await createStaffMember(db, {
      actor: f.as('school2'),
      input: {
        schoolId: f.S2.id,
        lastName: 'Наставникова',
        firstName: 'Вера',
        position: 'Учитель математики',
        ...base,
      },
    });
    const cand = await mentorshipCandidates(db, { actor: f.as('school1'), schoolId: f.S1.id, year: YEAR });
    // Орлова has a critical level: first among the mentees.
    expect(cand.mentees[0]?.fullName).toBe('Орлова Анна Юрьевна');
    expect(cand.mentorSchoolTeachers).toEqual([]);
    expect(cand.methodistUnits.map((u) => u.name)).toEqual(['Тестовая область', 'Тестовый ИРО']);
    const order = { number: '45-о', date: '2026-09-10' };
    const p1 = await createMentorship(db, {
      actor: f.as('school1'),
      today: TODAY,
      input: {
        menteeId: id('Орлова'),
        year: YEAR,
        mentorKind: 'colleague',
        mentorStaffId: id('Смирнова'),
        startedOn: '2026-09-10',
        order,
      },
    });
    // S2 is not S1's mentor school this year; after the pair of schools it is.
    const viaMentorSchool = {
      menteeId: id('Белов'),
      year: YEAR,
      mentorKind: 'mentor_school' as const,
      mentorStaffId: s2teacher.id,
      startedOn: '2026-09-10',
      order,
    };
    expect(
      await code(createMentorship(db, { actor: f.as('school1'), today: TODAY, input: viaMentorSchool })),
    ).toBe('INVALID_INPUT');
    await db.insert(mentorPairs).values({ schoolId: f.S1.id, mentorSchoolId: f.S2.id, year: YEAR });
    const p2 = await createMentorship(db, { actor: f.as('school1'), today: TODAY, input: viaMentorSchool });
    const p3 = await createMentorship(db, {
      actor: f.as('school1'),
      today: TODAY,
      input: {
        menteeId: id('Орлова'),
        year: YEAR,
        mentorKind: 'methodist',
        mentorName: 'Методистова Нина Павловна',
        mentorUnitId: f.IRO.id,
        startedOn: '2026-10-01',
      },
    });
    expect(
      await code(createMentorship(db, { actor: f.as('school1'), today: TODAY, input: viaMentorSchool })),
    ).toBe('CONFLICT');
    expect(
      await code(
        createMentorship(db, {
          actor: f.as('mun1'),
          today: TODAY,
          input: { ...viaMentorSchool, mentorStaffId: id('Смирнова'), mentorKind: 'colleague' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const pairs = (await listMentorships(db, { actor: f.as('school1'), schoolId: f.S1.id, year: YEAR }))
      .pairs;
    expect(pairs.map((p) => [p.menteeName, p.mentorName, p.mentorUnitName])).toEqual([
      ['Белов Пётр Ильич', 'Наставникова Вера', 'Школа 2'],
      ['Орлова Анна Юрьевна', 'Методистова Нина Павловна', 'Тестовый ИРО'],
      ['Орлова Анна Юрьевна', 'Смирнова Ольга', 'Школа 1'],
    ]);
    // One order of the school for both pairs that name it.
    expect(pairs[0]?.order?.id).toBe(pairs[2]?.order?.id);
    expect(pairs[0]?.menteeLevel).toBeNull();
    expect(pairs[2]?.menteeLevel?.key).toBe('critical');
    await addMeeting(db, {
      actor: f.as('school1'),
      id: p1.id,
      input: { date: '2026-10-05', topic: 'План наставничества' },
    });
    await updateMentorship(db, {
      actor: f.as('school1'),
      id: p1.id,
      input: { version: 1, program: 'Программа на год' },
    });
    expect(
      await code(
        updateMentorship(db, { actor: f.as('school1'), id: p1.id, input: { version: 1, result: 'x' } }),
      ),
    ).toBe('CONFLICT');
    const card = await getMentorship(db, { actor: f.as('school1'), id: p1.id });
    expect(card.meetings.map((m) => m.topic)).toEqual(['План наставничества']);
    expect(card.history.map((h) => h.text)).toEqual([
      'Закреплён наставник: Смирнова Ольга (коллега по школе)',
      'Встреча 2026-10-05: План наставничества',
      'Изменено — программа: — → Программа на год',
    ]);
    // The teacher (Белов) sees his own pair only; the school 2 team does not see S1's pairs, but its
    // teacher who mentors would (by account) — here it has none.
    const mine = await myStaff(db, { actor: f.as('teacher') });
    expect(mine.mentorships.map((m) => m.pair.id)).toEqual([p2.id]);
    expect(
      (await listMentorships(db, { actor: f.as('teacher'), schoolId: f.S1.id, year: YEAR })).pairs.map(
        (p) => p.id,
      ),
    ).toEqual([p2.id]);
    expect(await code(getMentorship(db, { actor: f.as('teacher'), id: p3.id }))).toBe('NOT_FOUND');
    expect(await code(getMentorship(db, { actor: f.as('school2'), id: p1.id }))).toBe('NOT_FOUND');
    expect(await code(getMentorship(db, { actor: f.as('mun1'), id: p1.id }))).toBe('OK');
    const [u] = await db.select().from(users).where(eq(users.login, 'teacher'));
    expect(u).toBeTruthy();
  });

  it("refuses (409) to delete a teacher responsible for a pupil measure or named among a pupil's teachers", async () => {
    const db = database.db;
    const add = (lastName: string) =>
      createStaffMember(db, {
        actor: f.as('school1'),
        input: { schoolId: f.S1.id, lastName, firstName: 'Пример', position: 'Учитель', ...base },
      });
    const responsible = await add('Ответственный');
    const teacher = await add('Предметник');
    const [record] = await db
      .insert(pupilRecords)
      .values({
        schoolId: f.S1.id,
        year: YEAR,
        nameEnc: 'x',
        classLabel: '7Б',
        grade: 7,
        category: 'weak',
        teacherIds: [teacher.id],
        includedOn: TODAY,
      })
      .returning();
    await db.insert(pupilMeasures).values({
      recordId: record?.id ?? '',
      kind: 'extra_lessons',
      topic: 'Дополнительные занятия',
      startsOn: TODAY,
      responsibleStaffId: responsible.id,
    });
    for (const m of [responsible, teacher]) {
      expect(await code(removeStaffMember(db, { actor: f.as('school1'), id: m.id, version: 1 }))).toBe(
        'CONFLICT',
      );
      const [still] = await db.select().from(staffMembers).where(eq(staffMembers.id, m.id));
      expect(still?.id).toBe(m.id);
    }
  });

  it("sends the mentee's level only to readers of the pair's school, never to the mentor or mentee teacher", async () => {
    const db = database.db;
    const members = (await list('school1', f.S1.id)).members;
    const id = (last: string) => members.find((m) => m.lastName === last)?.id ?? '';
    // Белов (the «teacher» account) mentors Орлова (critical level) and is himself a mentee with a level.
    const pair = await createMentorship(db, {
      actor: f.as('school1'),
      today: TODAY,
      input: {
        menteeId: id('Орлова'),
        year: YEAR,
        mentorKind: 'colleague',
        mentorStaffId: id('Белов'),
        startedOn: '2026-10-10',
      },
    });
    const [d] = await db.select().from(deficitDiagnostics).where(eq(deficitDiagnostics.name, 'Диагностика'));
    await db.insert(diagnosticResults).values({
      diagnosticId: d?.id ?? '',
      staffMemberId: id('Белов'),
      schoolId: f.S1.id,
      scores: {},
      totalPercent: 45,
      level: 'high',
      blockLevels: {},
      matchedBy: 'manual',
    });
    const levelsOf = async (login: string) =>
      Object.fromEntries(
        (await listMentorships(db, { actor: f.as(login), schoolId: f.S1.id, year: YEAR })).pairs.map((p) => [
          `${p.menteeName} ← ${p.mentorName}`,
          p.menteeLevel?.key ?? null,
        ]),
      );
    // The school's team and the municipality read the levels.
    expect((await levelsOf('school1'))['Орлова Анна Юрьевна ← Белов Пётр Ильич']).toBe('critical');
    expect((await levelsOf('school1'))['Белов Пётр Ильич ← Наставникова Вера']).toBe('high');
    expect((await getMentorship(db, { actor: f.as('mun1'), id: pair.id })).pair.menteeLevel?.key).toBe(
      'critical',
    );
    // The mentor sees his pair but not his mentee's level; the mentee's own pair carries no level either.
    expect(await levelsOf('teacher')).toEqual({
      'Белов Пётр Ильич ← Наставникова Вера': null,
      'Орлова Анна Юрьевна ← Белов Пётр Ильич': null,
    });
    expect((await getMentorship(db, { actor: f.as('teacher'), id: pair.id })).pair.menteeLevel).toBeNull();
    const mine = await myStaff(db, { actor: f.as('teacher') });
    expect(mine.mentorships.map((m) => m.pair.menteeLevel)).toEqual([null, null]);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { diagnosticImports, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import { applyImport, cancelImport } from './apply-import.js';
import { createDiagnostic, getDiagnostic, updateDiagnostic } from './diagnostics.js';
import { importResults } from './import-results.js';
import { getScale, saveScale } from './scale.js';
import { getSummary } from './summary.js';
import { getMyResults, getTeacherResults } from './teacher-results.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
};
const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const BLOCKS = [
  { key: 'subject', name: 'Предметный', maxScore: 20 },
  { key: 'methodical', name: 'Методический', maxScore: 10 },
];
const HEADER = 'Код;ФИО;ОО;Предметный;Методический;Итого';

describe.each(DB_KINDS)('diagnostics of professional deficits on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const staff: Record<string, string> = {};
  let diagnosticId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const add = async (key: string, schoolId: string, name: string, code: string, userId?: string) => {
      const [last = '', first = '', middle = ''] = name.split(' ');
      const [row] = await database.db
        .insert(staffMembers)
        .values({
          schoolId,
          code,
          lastName: last,
          firstName: first,
          middleName: middle,
          position: 'Учитель',
          userId,
        })
        .returning({ id: staffMembers.id });
      staff[key] = row?.id ?? '';
    };
    await add('ivanov', f.S1.id, 'Иванов Иван Иванович', 'T1', f.as('teacher').userId);
    await add('petrova', f.S1.id, 'Петрова Анна Сергеевна', 'T2');
    await add('sidorov1', f.S1.id, 'Сидоров Пётр Ильич', 'T3');
    await add('sidorov2', f.S1.id, 'Сидоров Пётр Ильич', 'T4');
    await add('kuznetsova', f.S2.id, 'Кузнецова Ольга Петровна', 'T5');
  }, 60_000);
  afterAll(async () => database?.close());

  it('keeps the region scale: default, validated in Russian, by the centre only, with versions', async () => {
    const db = database.db;
    const s = await getScale(db, { actor: f.as('school1') });
    expect(s).toMatchObject({ regionId: f.R.id, version: null, canEdit: false });
    expect(s.levels.map((l) => l.minPercent)).toEqual([0, 40, 60, 75]);
    const bad = [
      { key: 'a', name: 'низкий', minPercent: 10, needsRoute: true },
      { key: 'a', name: 'низкий', minPercent: 5, needsRoute: false },
    ];
    const msg = await code(
      saveScale(db, { actor: f.as('center'), input: { regionId: f.R.id, levels: bad } }),
    );
    expect(msg).toMatch(/^INVALID_INPUT/);
    expect(msg).toMatch(/начинаться с 0 %|возрастать|разными/);
    const good = [
      { key: 'critical', name: 'критический', minPercent: 0, needsRoute: true },
      { key: 'high', name: 'высокий', minPercent: 40, needsRoute: true },
      { key: 'lowered', name: 'пониженный', minPercent: 60, needsRoute: false },
      { key: 'basic', name: 'базовый', minPercent: 75, needsRoute: false },
    ];
    expect(
      await code(saveScale(db, { actor: f.as('school1'), input: { regionId: f.R.id, levels: good } })),
    ).toMatch(/^FORBIDDEN/);
    const saved = await saveScale(db, { actor: f.as('center'), input: { regionId: f.R.id, levels: good } });
    expect(saved.version).toBe(1);
    expect(
      await code(
        saveScale(db, { actor: f.as('region'), input: { regionId: f.R.id, levels: good, version: 7 } }),
      ),
    ).toMatch(/^CONFLICT/);
  });

  it('creates a diagnostic by its owner only, freezing the scale', async () => {
    const input = {
      ownerUnitId: f.R.id,
      name: 'Диагностика дефицитов',
      conductedOn: '2026-11-20',
      year: 2026,
      organiser: 'ЦНППМ',
      blocks: BLOCKS,
    };
    expect(await code(createDiagnostic(database.db, { actor: f.as('school1'), input }))).toMatch(
      /^NOT_FOUND/,
    );
    expect(
      await code(
        createDiagnostic(database.db, { actor: f.as('curator'), input: { ...input, ownerUnitId: f.S1.id } }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(await code(createDiagnostic(database.db, { actor: f.as('expert'), input }))).toMatch(/^NOT_FOUND/);
    const d = await createDiagnostic(database.db, { actor: f.as('center'), input });
    expect(d).toMatchObject({ results: 0, canEdit: true, canImport: true });
    expect(d.levels).toHaveLength(4);
    diagnosticId = d.id;
  });

  it('refuses a file with bad rows, row by row, and saves nothing', async () => {
    const out = await importResults(database.db, {
      actor: f.as('school1'),
      diagnosticId,
      fileName: 'результаты.csv',
      data: csv([
        HEADER,
        'T1;Иванов Иван Иванович;Школа 1;25;5;30',
        'T2;Петрова Анна Сергеевна;Школа 1;много;5;',
        ';Сидоров Пётр Ильич;Школа 1;10;5;16',
        'T2;Петрова Анна Сергеевна;Школа 1;10;5;15',
        'T2;Петрова А. С.;Школа 1;10;5;15',
      ]),
    });
    expect(out.ok).toBe(false);
    expect(out.import).toBeUndefined();
    expect(out.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(out.errors[0]?.message).toContain('больше максимума 20');
    expect(out.errors[1]?.message).toContain('не число');
    expect(out.errors[2]?.message).toContain('«Итого» 16 не равно сумме');
    expect(out.errors[3]?.message).toBe('этот педагог уже есть в строке 3');
    const missing = await importResults(database.db, {
      actor: f.as('school1'),
      diagnosticId,
      fileName: 'результаты.csv',
      data: csv(['ФИО;ОО;Предметный', 'Иванов Иван Иванович;Школа 1;10']),
    });
    expect(missing.errors[0]?.message).toBe('Нет столбцов блоков: «Методический»');
    expect(await database.db.select().from(diagnosticImports)).toHaveLength(0);
    expect(await database.db.select().from(diagnosticResults)).toHaveLength(0);
  });

  it('holds doubtful rows for review, then applies all rows in one transaction', async () => {
    const out = await importResults(database.db, {
      actor: f.as('school1'),
      diagnosticId,
      fileName: 'школа1.csv',
      data: csv([
        HEADER,
        'T1;;;6;3;9',
        ';петрова  анна сергеевна;Школа 1;18;9;27',
        ';Сидоров Петр Ильич;Школа 1;10;5;15',
        ';Кузнецова Ольга Петровна;Школа 1;12;7;',
      ]),
    });
    expect(out.ok).toBe(true);
    const imp = out.import;
    if (!imp) throw new Error('no import');
    expect(imp.status).toBe('review');
    expect(imp.rows.map((r) => [r.matchedBy, r.doubt])).toEqual([
      ['code', null],
      ['name', null],
      [null, 'several'],
      // the school's own import sees only its teachers: Кузнецова of Школа 2 is not found
      [null, 'notFound'],
    ]);
    expect(imp.rows[2]?.candidates.map((c) => c.staffId).sort()).toEqual(
      [staff.sidorov1, staff.sidorov2].sort(),
    );
    expect(await database.db.select().from(diagnosticResults)).toHaveLength(0);

    const apply = (decisions: { row: number; staffId: string | null }[], actor = f.as('school1')) =>
      applyImport(database.db, { actor, id: imp.id, input: { version: imp.version, decisions } });
    expect(await code(apply([{ row: 4, staffId: staff.sidorov1 ?? '' }]))).toMatch(/^INVALID_INPUT Строка 5/);
    expect(
      await code(
        apply([
          { row: 4, staffId: staff.kuznetsova ?? '' },
          { row: 5, staffId: null },
        ]),
      ),
    ).toMatch(/не из списка кандидатов/);
    expect(
      await code(
        apply(
          [
            { row: 4, staffId: staff.sidorov1 ?? '' },
            { row: 5, staffId: null },
          ],
          f.as('school2'),
        ),
      ),
    ).toMatch(/^NOT_FOUND/);
    const done = await apply([
      { row: 4, staffId: staff.sidorov2 ?? '' },
      { row: 5, staffId: null },
    ]);
    expect(done.import.status).toBe('applied');
    expect(done.message).toBe('Сохранены результаты: 3 педагога');
    const results = await database.db.select().from(diagnosticResults);
    const of = (id: string | undefined) => results.find((r) => r.staffMemberId === id);
    expect(of(staff.ivanov)).toMatchObject({ totalPercent: 30, level: 'critical', matchedBy: 'code' });
    expect(of(staff.ivanov)?.blockLevels).toEqual({ subject: 'critical', methodical: 'critical' });
    expect(of(staff.petrova)).toMatchObject({ totalPercent: 90, level: 'basic', matchedBy: 'name' });
    expect(of(staff.sidorov2)).toMatchObject({ totalPercent: 50, level: 'high', matchedBy: 'review' });
    expect(await code(apply([]))).toMatch(/^INVALID_INPUT Загрузка уже применена/);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, diagnosticId), eq(auditEvents.type, 'diagnostic.results_imported')),
      );
    expect(events.map((e) => e.payload)).toEqual([
      { fileName: 'школа1.csv', written: 3, replaced: 0, reviewed: 1, skipped: 1 },
    ]);
  });

  it('lets the owner import for any school, finds near and other-school matches, replaces earlier results', async () => {
    const out = await importResults(database.db, {
      actor: f.as('center'),
      diagnosticId,
      fileName: 'регион.xlsx.csv',
      data: csv([
        'Табельный номер;Фамилия;Имя;Отчество;Школа;Предметный (из 20);Методический (из 10)',
        ';Петрва;Анна;Сергеевна;Школа 1;16;8',
        ';Кузнецова;Ольга;Петровна;Школа 1;4;2',
      ]),
    });
    const imp = out.import;
    if (!imp) throw new Error(out.message);
    expect(imp.rows.map((r) => r.doubt)).toEqual(['near', 'otherSchool']);
    expect(imp.rows[1]?.candidates).toEqual([
      { staffId: staff.kuznetsova, fullName: 'Кузнецова Ольга Петровна', schoolName: 'Школа 2', code: 'T5' },
    ]);
    const cancelled = await cancelImport(database.db, {
      actor: f.as('center'),
      id: imp.id,
      version: imp.version,
    });
    expect(cancelled.status).toBe('cancelled');
    const again = await importResults(database.db, {
      actor: f.as('center'),
      diagnosticId,
      fileName: 'регион.csv',
      data: csv([
        'ФИО;ОО;Предметный;Методический',
        'Петрва Анна Сергеевна;Школа 1;16;8',
        'Кузнецова Ольга Петровна;Школа 1;4;2',
      ]),
    });
    const imp2 = again.import;
    if (!imp2) throw new Error(again.message);
    const done = await applyImport(database.db, {
      actor: f.as('center'),
      id: imp2.id,
      input: {
        version: imp2.version,
        decisions: [
          { row: 2, staffId: staff.petrova ?? '' },
          { row: 3, staffId: staff.kuznetsova ?? '' },
        ],
      },
    });
    expect(done.message).toBe('Сохранены результаты: 2 педагога; заменены прежние результаты: 1 педагог');
    const [petrova] = await database.db
      .select()
      .from(diagnosticResults)
      .where(eq(diagnosticResults.staffMemberId, staff.petrova ?? ''));
    expect(petrova).toMatchObject({ totalPercent: 80, matchedBy: 'review' });
    expect(
      await code(
        updateDiagnostic(database.db, {
          actor: f.as('center'),
          id: diagnosticId,
          input: { version: 1, blocks: [{ key: 'subject', name: 'Предметный', maxScore: 30 }] },
        }),
      ),
    ).toMatch(/результаты/);
  });

  it('shows the distribution to readers by unit, and a teacher only his own results', async () => {
    const region = await getSummary(database.db, { actor: f.as('center'), diagnosticId });
    expect(region.unit.id).toBe(f.R.id);
    expect(region.all).toMatchObject({ total: 4, levels: { critical: 2, high: 1, basic: 1 } });
    expect(region.all.blocks.subject).toEqual({ critical: 2, high: 1, basic: 1 });
    expect(region.children.map((c) => [c.name, c.total])).toEqual([['Первый район', 4]]);
    const school = await getSummary(database.db, { actor: f.as('school2'), diagnosticId });
    expect(school.unit.id).toBe(f.S2.id);
    expect(school.teachers.map((t) => t.fullName)).toEqual(['Кузнецова Ольга Петровна']);
    expect(await code(getSummary(database.db, { actor: f.as('teacher'), diagnosticId }))).toMatch(
      /^NOT_FOUND/,
    );
    expect(await code(getSummary(database.db, { actor: f.as('expert'), diagnosticId }))).toMatch(
      /^NOT_FOUND/,
    );

    const own = await getTeacherResults(database.db, { actor: f.as('teacher'), staffId: staff.ivanov ?? '' });
    expect(own.results).toHaveLength(1);
    expect(
      await code(getTeacherResults(database.db, { actor: f.as('teacher'), staffId: staff.petrova ?? '' })),
    ).toMatch(/^NOT_FOUND Педагог/);
    expect(
      await code(getTeacherResults(database.db, { actor: f.as('school2'), staffId: staff.petrova ?? '' })),
    ).toMatch(/^NOT_FOUND/);
    const owner = await getDiagnostic(database.db, { actor: f.as('center'), id: diagnosticId });
    expect(owner.history?.map((h) => h.text)).toEqual([
      'Диагностика создана: Диагностика дефицитов',
      'Загружены результаты «школа1.csv»: записано 3, заменено прежних 0, выбрано при проверке 1, пропущено 1',
      'Загружены результаты «регион.csv»: записано 2, заменено прежних 1, выбрано при проверке 2, пропущено 0',
    ]);
    const other = await getDiagnostic(database.db, { actor: f.as('school2'), id: diagnosticId });
    expect(other.history?.map((h) => h.text)).toEqual(['Диагностика создана: Диагностика дефицитов']);
    const mine = await getMyResults(database.db, { actor: f.as('teacher') });
    expect(mine.map((m) => m.staffId)).toEqual([staff.ivanov]);
  });

  it('a re-diagnosis shows the change per block from the diagnostic it repeats', async () => {
    const repeat = await createDiagnostic(database.db, {
      actor: f.as('center'),
      input: {
        ownerUnitId: f.R.id,
        name: 'Повторная диагностика',
        conductedOn: '2027-04-20',
        year: 2026,
        organiser: 'ЦНППМ',
        blocks: BLOCKS,
        previousId: diagnosticId,
      },
    });
    expect(repeat.previousName).toBe('Диагностика дефицитов');
    const out = await importResults(database.db, {
      actor: f.as('school1'),
      diagnosticId: repeat.id,
      fileName: 'повтор.csv',
      data: csv([HEADER, 'T1;;;14;5;19']),
    });
    expect(out.import?.status).toBe('applied');
    const r = await getTeacherResults(database.db, { actor: f.as('school1'), staffId: staff.ivanov ?? '' });
    const last = r.results.at(-1);
    expect(last?.previous?.diagnosticId).toBe(diagnosticId);
    expect(last?.blocks.map((b) => [b.key, b.before?.percent, b.percent, b.before?.level, b.level])).toEqual([
      ['subject', 30, 70, 'critical', 'lowered'],
      ['methodical', 30, 50, 'critical', 'high'],
    ]);
  });
});

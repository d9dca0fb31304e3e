import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedList } from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { eventParticipants } from '../../db/schema/organisation.js';
import { AppError } from '../../lib/errors.js';
import { closeParsePools } from '../files/parse-pool.js';
import { createEvent } from './create-event.js';
import { addParticipant, markAttendance, removeParticipant } from './event-participants.js';
import { getEvent } from './get-event.js';
import { importParticipants } from './import-participants.js';
import { listEvents } from './list-events.js';
import { setEventStatus } from './set-event-status.js';

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

describe.each(DB_KINDS)('events on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let webinarId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    f = await buildRegion(db);
    // The approved ШНОР list of 2025 (in force for 2026/27 too): S1 and S3.
    await approvedList(db, f.R.id, 2025, 'shnor', [f.S1.id, f.S3.id]);
  });
  afterAll(async () => {
    await database?.close();
    await closeParsePools();
  });

  it('the regional centre announces a webinar for the region’s ШНОР: the list in force gives the invitations', async () => {
    const db = database.db;
    const draft = await createEvent(db, {
      actor: f.as('center'),
      organiserUnitId: f.IRO.id,
      kind: 'webinar',
      title: 'Вебинар для управленческих команд ШНОР',
      startsOn: '2026-10-15',
      audienceGroup: 'shnor',
      audienceNote: 'управленческие команды',
      coverageTarget: 60,
    });
    webinarId = draft.id;
    expect(draft.status).toBe('draft');
    expect(draft.level).toBe('region');
    expect(draft.invited).toBe(0);
    // A draft is the organiser side's: a school does not see it.
    expect(await code(getEvent(db, { actor: f.as('school1'), eventId: webinarId }))).toBe('NOT_FOUND');
    expect(await code(getEvent(db, { actor: f.as('region'), eventId: webinarId }))).toBe('OK');
    // Only the keepers of ИРО's work (the centre, the regional operator) announce it.
    expect(
      await code(
        setEventStatus(db, { actor: f.as('expert'), eventId: webinarId, status: 'announced', version: 1 }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        setEventStatus(db, { actor: f.as('center'), eventId: webinarId, status: 'announced', version: 9 }),
      ),
    ).toBe('CONFLICT');
    const announced = await setEventStatus(db, {
      actor: f.as('center'),
      eventId: webinarId,
      status: 'announced',
      version: 1,
    });
    expect(announced.invitations.map((u) => u.unitId).sort()).toEqual([f.S1.id, f.S3.id].sort());
    // Held events can not go back; a draft transition from announced is refused.
    expect(
      await code(
        setEventStatus(db, { actor: f.as('center'), eventId: webinarId, status: 'announced', version: 2 }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('an announced regional event is read by every school of the region; invited units of others are not named', async () => {
    const db = database.db;
    const s2 = await getEvent(db, { actor: f.as('school2'), eventId: webinarId });
    expect(s2.invitations).toEqual([]);
    // The history is the organiser's: created, then announced.
    expect(s2.history).toEqual([]);
    const own = await getEvent(db, { actor: f.as('center'), eventId: webinarId });
    expect(own.history.map((h) => h.text)).toEqual([
      'Мероприятие создано: Вебинар для управленческих команд ШНОР',
      expect.stringMatching(/^Черновик → Объявлено; приглашено организаций: \d+$/),
    ]);
    expect(s2.otherInvited).toBe(2);
    const teacher = await getEvent(db, { actor: f.as('teacher'), eventId: webinarId });
    expect(teacher.mine).toBe('invited');
    const mine = await listEvents(db, { actor: f.as('school1'), mine: 'true' });
    expect(mine.map((e) => e.id)).toContain(webinarId);
    const notMine = await listEvents(db, { actor: f.as('school2'), mine: 'true' });
    expect(notMine.map((e) => e.id)).not.toContain(webinarId);
  });

  it('a school registers its own people only; another school never sees their names', async () => {
    const db = database.db;
    const after = await addParticipant(db, {
      actor: f.as('school1'),
      eventId: webinarId,
      orgUnitId: f.S1.id,
      fullName: 'Иванова Анна Петровна',
      position: 'Заместитель директора по УВР',
    });
    expect(after.participants).toHaveLength(1);
    expect(after.participants[0]).toMatchObject({ category: 'manager', source: 'self', attended: false });
    await addParticipant(db, {
      actor: f.as('school3'),
      eventId: webinarId,
      orgUnitId: f.S3.id,
      fullName: 'Петров Пётр Петрович',
      position: 'Учитель математики',
    });
    // S2 is not invited; S2's team can not register for S1.
    expect(
      await code(
        addParticipant(db, {
          actor: f.as('school2'),
          eventId: webinarId,
          orgUnitId: f.S2.id,
          fullName: 'Сидоров С. С.',
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        addParticipant(db, {
          actor: f.as('school2'),
          eventId: webinarId,
          orgUnitId: f.S1.id,
          fullName: 'Сидоров С. С.',
        }),
      ),
    ).toBe('FORBIDDEN');
    const s1 = await getEvent(db, { actor: f.as('school1'), eventId: webinarId });
    expect(s1.participants.map((p) => p.fullName)).toEqual(['Иванова Анна Петровна']);
    const s3 = await getEvent(db, { actor: f.as('school3'), eventId: webinarId });
    expect(s3.participants.map((p) => p.fullName)).toEqual(['Петров Пётр Петрович']);
    const s2 = await getEvent(db, { actor: f.as('school2'), eventId: webinarId });
    expect(JSON.stringify(s2)).not.toContain('Иванова');
    expect(JSON.stringify(s2)).not.toContain('Петров');
    const center = await getEvent(db, { actor: f.as('center'), eventId: webinarId });
    expect(center.participants).toHaveLength(2);
    // school3 can not remove S1's participant: for him it does not exist.
    const p1 = center.participants.find((p) => p.orgUnitId === f.S1.id);
    const [row] = await db
      .select()
      .from(eventParticipants)
      .where(eq(eventParticipants.id, p1?.id ?? ''));
    expect(
      await code(
        removeParticipant(db, {
          actor: f.as('school3'),
          eventId: webinarId,
          participantId: p1?.id ?? '',
          version: row?.version ?? 1,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('a teacher registered by his school under his own name finds the event as his; a colleague does not make it his', async () => {
    const db = database.db;
    const mineOf = async () =>
      (await listEvents(db, { actor: f.as('teacher'), mine: 'true' })).find((e) => e.id === webinarId)?.mine;
    // The school is invited and has registered a deputy: for the teacher the event is only «invited».
    expect(await mineOf()).toBe('invited');
    const after = await addParticipant(db, {
      actor: f.as('school1'),
      eventId: webinarId,
      orgUnitId: f.S1.id,
      fullName: ` ${f.as('teacher').fullName.toUpperCase()} `,
      position: 'Учитель',
    });
    const [linked] = await db
      .select({ userId: eventParticipants.userId })
      .from(eventParticipants)
      .where(eq(eventParticipants.userId, f.as('teacher').userId));
    expect(linked?.userId).toBe(f.as('teacher').userId);
    expect(await mineOf()).toBe('registered');
    const own = after.participants.find((p) => p.fullName.includes(f.as('teacher').fullName.toUpperCase()));
    if (!own) throw new Error('no teacher among participants');
    await removeParticipant(db, {
      actor: f.as('school1'),
      eventId: webinarId,
      participantId: own.id,
      version: own.version,
    });
    expect(await mineOf()).toBe('invited');
  });

  it('attendance by the organiser gives the participation share against the target', async () => {
    const db = database.db;
    const center = await getEvent(db, { actor: f.as('center'), eventId: webinarId });
    const s1 = center.participants.find((p) => p.orgUnitId === f.S1.id);
    expect(
      await code(
        markAttendance(db, {
          actor: f.as('school1'),
          eventId: webinarId,
          participantIds: [s1?.id ?? ''],
          attended: true,
        }),
      ),
    ).toBe('FORBIDDEN');
    const marked = await markAttendance(db, {
      actor: f.as('center'),
      eventId: webinarId,
      participantIds: [s1?.id ?? ''],
      attended: true,
    });
    expect(marked.participation).toMatchObject({
      invited: 2,
      tookPart: 1,
      share: 50,
      target: 60,
      belowTarget: true,
    });
    expect(marked.participation.byMunicipality.map((m) => m.name).sort()).toEqual([
      'Второй район',
      'Первый район',
    ]);
  });

  it('imports the participant list all or nothing, then replaces an earlier import', async () => {
    const db = database.db;
    const actor = f.as('center');
    const bad = csv(
      'ФИО;Должность;Наименование ОО;Муниципалитет\nСемёнова Ольга Ивановна;Учитель;Школа 1;Первый район\nКузнецов Иван;Директор;Школа 99;\n',
    );
    const dry = await importParticipants(db, {
      actor,
      eventId: webinarId,
      fileName: 'участники.csv',
      data: bad,
      dryRun: true,
    });
    expect(dry.columns.map((c) => c.field).sort()).toEqual([
      'fullName',
      'municipality',
      'position',
      'unitName',
    ]);
    expect(dry.errors).toBe(1);
    expect(dry.rows[1]?.error).toContain('не найдена');
    const refused = await importParticipants(db, {
      actor,
      eventId: webinarId,
      fileName: 'участники.csv',
      data: bad,
      dryRun: false,
    });
    expect(refused.written).toBe(0);
    const rows = () => db.select().from(eventParticipants).where(eq(eventParticipants.eventId, webinarId));
    expect(await rows()).toHaveLength(2);
    const good = csv(
      'ФИО;Должность;Наименование ОО\nСемёнова Ольга Ивановна;Учитель;Школа 1\nКузнецов Иван Ильич;Директор;Школа 3\n',
    );
    const done = await importParticipants(db, {
      actor,
      eventId: webinarId,
      fileName: 'участники.csv',
      data: good,
      dryRun: false,
    });
    expect(done.written).toBe(2);
    expect((await rows()).filter((r) => r.source === 'import' && r.attended)).toHaveLength(2);
    const again = await importParticipants(db, {
      actor,
      eventId: webinarId,
      fileName: 'участники.csv',
      data: good,
      dryRun: false,
    });
    expect(again.replaces).toBe(2);
    expect((await rows()).filter((r) => r.source === 'import')).toHaveLength(2);
    const detail = await getEvent(db, { actor, eventId: webinarId });
    expect(detail.participation).toMatchObject({
      invited: 2,
      tookPart: 2,
      share: 100,
      belowTarget: false,
      teachers: 1,
    });
    // A school can not import.
    expect(
      await code(
        importParticipants(db, {
          actor: f.as('school1'),
          eventId: webinarId,
          fileName: 'у.csv',
          data: good,
          dryRun: true,
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { databaseStorage, type FileStorage } from '../files/storage.js';
import { createBody, getBody, updateBody } from './bodies.js';
import { createMeeting } from './create-meeting.js';
import { cancelDecision, completeDecision, listDecisionTasks } from './decisions.js';
import { getMeeting } from './get-meeting.js';
import { bodiesWithMissedMeetings } from './missed-meetings.js';
import { attachProtocolFile, readProtocolFile } from './protocol-file.js';
import { updateMeeting } from './update-meeting.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const TODAY = '2026-12-06';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('bodies, meetings and decisions on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let storage: FileStorage;
  let bodyId: string;
  let first: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    storage = databaseStorage(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('a body is kept by the keeper of its unit and edited with a version check', async () => {
    const db = database.db;
    const input = {
      orgUnitId: f.M1.id,
      kind: 'working_group' as const,
      name: 'Рабочая группа',
      periodicity: 'monthly' as const,
      activeFrom: '2026-09-01',
      order: { number: '12', date: '2026-08-28' },
      members: [
        { fullName: 'Председатель Иванов', orgUnitId: f.M1.id, isChair: true },
        { fullName: 'Директор школы 1', orgUnitId: f.S1.id },
      ],
    };
    expect(await code(createBody(db, { actor: f.as('school1'), input, today: TODAY }))).toBe('NOT_FOUND');
    expect(await code(createBody(db, { actor: f.as('mun2'), input, today: TODAY }))).toBe('NOT_FOUND');
    expect(
      await code(
        createBody(db, { actor: f.as('curator'), input: { ...input, orgUnitId: f.S1.id }, today: TODAY }),
      ),
    ).toBe('FORBIDDEN');
    const twoChairs = { ...input, members: input.members.map((m) => ({ ...m, isChair: true })) };
    expect(await code(createBody(db, { actor: f.as('mun1'), input: twoChairs, today: TODAY }))).toBe(
      'INVALID_INPUT',
    );
    // A member from another municipality is not near the body's unit.
    const foreign = { ...input, members: [{ fullName: 'Чужой', orgUnitId: f.S3.id }] };
    expect(await code(createBody(db, { actor: f.as('mun1'), input: foreign, today: TODAY }))).toBe(
      'INVALID_INPUT',
    );
    bodyId = await createBody(db, { actor: f.as('mun1'), input, today: TODAY });
    const body = await getBody(db, { actor: f.as('region'), bodyId, today: TODAY });
    expect(body.order?.number).toBe('12');
    expect(body.members[0]?.isChair).toBe(true);
    expect(body.canKeep).toBe(false);
    expect(
      await code(updateBody(db, { actor: f.as('mun1'), bodyId, input: { version: 7, name: 'Новая' } })),
    ).toBe('CONFLICT');
    expect(
      await code(updateBody(db, { actor: f.as('region'), bodyId, input: { version: 1, name: 'Новая' } })),
    ).toBe('FORBIDDEN');
    await updateBody(db, {
      actor: f.as('mun1'),
      bodyId,
      input: { version: 1, name: 'Муниципальная рабочая группа' },
    });
    expect((await getBody(db, { actor: f.as('mun1'), bodyId, today: TODAY })).name).toBe(
      'Муниципальная рабочая группа',
    );
  });

  it('a school reads only the decisions addressed to it, never another school’s, nor the protocol', async () => {
    const db = database.db;
    first = await createMeeting(db, {
      actor: f.as('mun1'),
      input: { kind: 'body_meeting', bodyId, date: '2026-09-15', title: 'Первое заседание' },
    });
    const m0 = await getMeeting(db, { actor: f.as('mun1'), meetingId: first, today: TODAY });
    expect(m0.participants.map((p) => p.fullName).sort()).toEqual([
      'Директор школы 1',
      'Председатель Иванов',
    ]);
    await updateMeeting(db, {
      actor: f.as('mun1'),
      meetingId: first,
      input: {
        version: 1,
        protocolNumber: '1',
        protocol: 'Слушали. Решили.',
        decisions: [
          { text: 'Решение для школы 1', responsibleUnitId: f.S1.id, dueDate: '2026-11-30' },
          { text: 'Решение для школы 2', responsibleUnitId: f.S2.id, dueDate: '2027-01-30' },
        ],
      },
    });
    // The body did not exist before 1 September: its meeting cannot be moved there.
    expect(
      await code(
        updateMeeting(db, {
          actor: f.as('mun1'),
          meetingId: first,
          input: { version: 2, date: '2026-08-31' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    await attachProtocolFile(db, storage, {
      actor: f.as('mun1'),
      meetingId: first,
      upload: { name: 'протокол.pdf', data: PDF },
      maxBytes: 1_000_000,
    });
    const asSchool1 = await getMeeting(db, { actor: f.as('school1'), meetingId: first, today: TODAY });
    expect(asSchool1.access).toBe('decisions');
    expect(asSchool1.protocol).toBeNull();
    expect(asSchool1.participants).toEqual([]);
    // The history is the full readers': created, changed, the signed protocol attached.
    expect(asSchool1.history).toEqual([]);
    const keeper = await getMeeting(db, { actor: f.as('mun1'), meetingId: first, today: TODAY });
    expect(keeper.history.map((h) => h.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Заседание создано/),
        'Приложен подписанный протокол: протокол.pdf',
      ]),
    );
    expect(asSchool1.decisions.map((d) => d.text)).toEqual(['Решение для школы 1']);
    expect(await code(readProtocolFile(db, storage, { actor: f.as('school1'), meetingId: first }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(getMeeting(db, { actor: f.as('school3'), meetingId: first, today: TODAY }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(readProtocolFile(db, storage, { actor: f.as('school3'), meetingId: first }))).toBe(
      'NOT_FOUND',
    );
    const full = await readProtocolFile(db, storage, { actor: f.as('region'), meetingId: first });
    expect(full.data.equals(PDF)).toBe(true);
    expect(
      await code(
        updateMeeting(db, { actor: f.as('school1'), meetingId: first, input: { version: 3, title: 'x' } }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('a decision is a task of its unit: overdue, done by the unit with an outcome, cancelled by the keeper', async () => {
    const db = database.db;
    const mine = await listDecisionTasks(db, { actor: f.as('school1'), view: 'mine', today: TODAY });
    const d1 = mine.find((d) => d.text === 'Решение для школы 1');
    expect(d1?.overdue).toBe(true);
    expect(d1?.canComplete).toBe(true);
    expect(d1?.label).toContain('Решение заседания «Первое заседание» от 15.09.2026');
    if (!d1) return;
    for (const login of ['school1', 'mun1', 'region', 'curator'])
      expect(
        (await listDecisionTasks(db, { actor: f.as(login), view: 'overdue', today: TODAY })).map((d) => d.id),
        login,
      ).toContain(d1.id);
    for (const login of ['school2', 'school3', 'mun2'])
      expect(
        (await listDecisionTasks(db, { actor: f.as(login), view: 'overdue', today: TODAY })).map((d) => d.id),
        login,
      ).not.toContain(d1.id);
    expect(await listDecisionTasks(db, { actor: f.as('mun1'), view: 'mine', today: TODAY })).toEqual([]);
    expect(
      await code(
        completeDecision(db, {
          actor: f.as('mun1'),
          decisionId: d1.id,
          input: { version: d1.version, outcome: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        completeDecision(db, {
          actor: f.as('school2'),
          decisionId: d1.id,
          input: { version: d1.version, outcome: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        completeDecision(db, {
          actor: f.as('school1'),
          decisionId: d1.id,
          input: { version: d1.version, outcome: '  ' },
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        completeDecision(db, {
          actor: f.as('school1'),
          decisionId: d1.id,
          input: { version: 99, outcome: 'Сделано' },
        }),
      ),
    ).toBe('CONFLICT');
    await completeDecision(db, {
      actor: f.as('school1'),
      decisionId: d1.id,
      input: { version: d1.version, outcome: 'Сделано' },
    });
    expect(
      await code(
        completeDecision(db, {
          actor: f.as('school1'),
          decisionId: d1.id,
          input: { version: d1.version, outcome: 'Ещё' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      (await listDecisionTasks(db, { actor: f.as('school1'), view: 'overdue', today: TODAY })).map(
        (d) => d.id,
      ),
    ).not.toContain(d1.id);
    const d2 = (await listDecisionTasks(db, { actor: f.as('school2'), view: 'mine', today: TODAY }))[0];
    if (!d2) throw new Error('no decision of school 2');
    expect(d2.overdue).toBe(false);
    expect(
      await code(
        cancelDecision(db, {
          actor: f.as('school2'),
          decisionId: d2.id,
          input: { version: d2.version, reason: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
    // The next meeting reviews the previous ones' open decisions: school 2's is the one left.
    const second = await createMeeting(db, {
      actor: f.as('mun1'),
      input: { kind: 'body_meeting', bodyId, date: '2026-11-16', title: 'Второе заседание' },
    });
    const next = await getMeeting(db, { actor: f.as('mun1'), meetingId: second, today: TODAY });
    expect(next.previousOpen.map((d) => d.text)).toEqual(['Решение для школы 2']);
    await cancelDecision(db, {
      actor: f.as('mun1'),
      decisionId: d2.id,
      input: { version: d2.version, reason: 'Не нужно' },
    });
    expect(
      (await getMeeting(db, { actor: f.as('mun1'), meetingId: second, today: TODAY })).previousOpen,
    ).toEqual([]);
    const closed = await getMeeting(db, { actor: f.as('mun1'), meetingId: first, today: TODAY });
    expect(closed.decisions.map((d) => [d.status, d.outcome])).toEqual([
      ['done', 'Сделано'],
      ['cancelled', 'Не нужно'],
    ]);
  });

  it('missed periods come from the real meetings of the body', async () => {
    const db = database.db;
    // Meetings on 15 September and 16 November: October is missed, December is the current period.
    const missed = await bodiesWithMissedMeetings(db, { actor: f.as('region'), today: TODAY });
    expect(missed).toEqual([
      {
        bodyId,
        name: 'Муниципальная рабочая группа',
        orgUnitId: f.M1.id,
        unitName: 'Первый район',
        periodicity: 'monthly',
        missed: [{ from: '2026-10-01', to: '2026-10-31' }],
      },
    ]);
    expect(await bodiesWithMissedMeetings(db, { actor: f.as('mun2'), today: TODAY })).toEqual([]);
    expect(
      await bodiesWithMissedMeetings(db, { actor: f.as('region'), unitId: f.M2.id, today: TODAY }),
    ).toEqual([]);
    const body = await getBody(db, { actor: f.as('mun1'), bodyId, today: TODAY });
    expect(body.schedule.map((p) => p.missed)).toEqual([false, true, false, false]);
    expect(body.missed).toBe(1);
    expect(body.meetingList.map((m) => [m.title, m.decisions, m.openDecisions])).toEqual([
      ['Второе заседание', 0, 0],
      ['Первое заседание', 2, 0],
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { databaseStorage, type FileStorage } from '../files/storage.js';
import { createMeeting } from './create-meeting.js';
import { getMeeting } from './get-meeting.js';
import { listSchoolMeetings } from './list-school-meetings.js';
import { attachProtocolFile, readProtocolFile } from './protocol-file.js';
import { updateMeeting } from './update-meeting.js';

// Interviews and curators' visits (issue 12 §2): held for the school's municipality, read in full by
// the school they are about — never by another school, its protocol file included.

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

describe.each(DB_KINDS)('interviews and visits on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let storage: FileStorage;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    storage = databaseStorage(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('an interview or a visit is read by its school, never by another school', async () => {
    const db = database.db;
    const visit = await createMeeting(db, {
      actor: f.as('curator'),
      input: { kind: 'curator_visit', schoolId: f.S1.id, date: '2026-11-20', title: 'Выезд куратора' },
    });
    expect(
      await code(
        createMeeting(db, {
          actor: f.as('curator'),
          input: { kind: 'curator_visit', schoolId: f.S2.id, date: '2026-11-20', title: 'Чужая школа' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        createMeeting(db, {
          actor: f.as('school1'),
          input: { kind: 'interview', schoolId: f.S1.id, date: '2026-11-20', title: 'Сама себя' },
        }),
      ),
    ).toBe('FORBIDDEN');
    // The curator names his school and the levels above it, never another school of the municipality:
    // neither as a participant nor as the owner of a decision.
    expect(
      await code(
        createMeeting(db, {
          actor: f.as('curator'),
          input: {
            kind: 'curator_visit',
            schoolId: f.S1.id,
            date: '2026-11-20',
            title: 'С чужим участником',
            participants: [
              { fullName: 'Чужой Учитель', orgUnitId: f.S2.id, isMember: false, attended: true },
            ],
          },
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        updateMeeting(db, {
          actor: f.as('curator'),
          meetingId: visit,
          input: {
            version: 1,
            decisions: [{ text: 'Чужой школе', responsibleUnitId: f.S2.id, dueDate: '2026-12-20' }],
          },
        }),
      ),
    ).toBe('INVALID_INPUT');
    // The level above his school he may name: the municipality gets the decision.
    expect(
      await code(
        updateMeeting(db, {
          actor: f.as('curator'),
          meetingId: visit,
          input: {
            version: 1,
            decisions: [{ text: 'Муниципалитету', responsibleUnitId: f.M1.id, dueDate: '2026-12-20' }],
          },
        }),
      ),
    ).toBe('OK');
    const m = await getMeeting(db, { actor: f.as('curator'), meetingId: visit, today: TODAY });
    expect(m.orgUnitId).toBe(f.M1.id);
    expect(m.canKeep).toBe(true);
    await updateMeeting(db, {
      actor: f.as('curator'),
      meetingId: visit,
      input: { version: 2, protocol: 'Посетили уроки' },
    });
    await attachProtocolFile(db, storage, {
      actor: f.as('curator'),
      meetingId: visit,
      upload: { name: 'p.pdf', data: PDF },
      maxBytes: 1_000_000,
    });
    const asSchool = await getMeeting(db, { actor: f.as('school1'), meetingId: visit, today: TODAY });
    expect(asSchool.access).toBe('full');
    expect(asSchool.protocol).toBe('Посетили уроки');
    expect(
      (await readProtocolFile(db, storage, { actor: f.as('school1'), meetingId: visit })).file.name,
    ).toBe('p.pdf');
    const listed = async (login: string) =>
      (await listSchoolMeetings(db, { actor: f.as(login) })).map((x) => x.id);
    for (const login of ['school1', 'teacher', 'curator', 'mun1', 'region'])
      expect(await listed(login), login).toEqual([visit]);
    for (const login of ['school2', 'school3', 'mun2']) expect(await listed(login), login).toEqual([]);
    for (const other of ['school2', 'school3'])
      for (const call of [
        () => getMeeting(db, { actor: f.as(other), meetingId: visit, today: TODAY }),
        () => readProtocolFile(db, storage, { actor: f.as(other), meetingId: visit }),
      ])
        expect(await code(call()), other).toBe('NOT_FOUND');
  });
});

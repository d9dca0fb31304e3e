import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { closeParsePools } from '../files/parse-pool.js';
import { createEvent } from './create-event.js';
import { deleteEvent } from './delete-event.js';
import { getEvent } from './get-event.js';
import { setEventStatus } from './set-event-status.js';
import { updateEvent } from './update-event.js';

// Events below the region (issue 12 §3): a municipality's seminar for its schools is its own region's
// business only, and a draft is deleted while an announced event is only cancelled.

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};
const _csv = (text: string) => new TextEncoder().encode(text);

describe.each(DB_KINDS)('events of a municipality and a school on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let seminarId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await closeParsePools();
  });

  it('a municipal seminar for all its schools is not seen by another municipality’s school', async () => {
    const db = database.db;
    const draft = await createEvent(db, {
      actor: f.as('mun1'),
      organiserUnitId: f.M1.id,
      kind: 'seminar',
      title: 'Семинар для всех школ района',
      startsOn: '2026-11-10',
      audienceGroup: 'all',
    });
    seminarId = draft.id;
    expect(
      await code(
        createEvent(db, {
          actor: f.as('mun1'),
          organiserUnitId: f.M1.id,
          kind: 'seminar',
          title: 'x',
          startsOn: '2026-11-10',
          unitIds: [f.S3.id],
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        createEvent(db, {
          actor: f.as('mun2'),
          organiserUnitId: f.M1.id,
          kind: 'seminar',
          title: 'x',
          startsOn: '2026-11-10',
        }),
      ),
    ).toBe('NOT_FOUND');
    const a = await setEventStatus(db, {
      actor: f.as('mun1'),
      eventId: seminarId,
      status: 'announced',
      version: 1,
    });
    expect(a.invitations.map((u) => u.unitId).sort()).toEqual([f.S1.id, f.S2.id].sort());
    expect(await code(getEvent(db, { actor: f.as('school3'), eventId: seminarId }))).toBe('NOT_FOUND');
    expect(await code(getEvent(db, { actor: f.as('school2'), eventId: seminarId }))).toBe('OK');
    // The announced list only grows.
    expect(
      await code(
        updateEvent(db, { actor: f.as('mun1'), eventId: seminarId, version: 2, unitIds: [f.S1.id] }),
      ),
    ).toBe('INVALID_INPUT');
    const edited = await updateEvent(db, {
      actor: f.as('mun1'),
      eventId: seminarId,
      version: 2,
      title: 'Семинар (изменён)',
    });
    expect(edited.title).toBe('Семинар (изменён)');
    expect(
      await code(updateEvent(db, { actor: f.as('mun1'), eventId: seminarId, version: 2, title: 'снова' })),
    ).toBe('CONFLICT');
  });

  it('deletes a draft only; an announced event is cancelled instead', async () => {
    const db = database.db;
    const actor = f.as('school1');
    const draft = await createEvent(db, {
      actor,
      organiserUnitId: f.S1.id,
      kind: 'method_day',
      title: 'Методический день школы',
      startsOn: '2026-12-01',
    });
    expect(draft.level).toBe('school');
    expect(await code(deleteEvent(db, { actor: f.as('school2'), eventId: draft.id, version: 1 }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(deleteEvent(db, { actor: f.as('teacher'), eventId: draft.id, version: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(deleteEvent(db, { actor, eventId: draft.id, version: 1 }))).toBe('OK');
    expect(await code(getEvent(db, { actor, eventId: draft.id }))).toBe('NOT_FOUND');
    expect(await code(deleteEvent(db, { actor: f.as('mun1'), eventId: seminarId, version: 3 }))).toBe(
      'INVALID_INPUT',
    );
  });
});

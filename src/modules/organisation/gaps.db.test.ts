import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCurator,
  approvedList,
  assign,
  bodyWithMeetings,
  eventOf,
  participant,
} from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { eventInvitations } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import { getGaps } from './gaps.js';

// «Пробелы» on hand-made rows: R: M1 (S1, S2, S4, S5), M2 (S3); ШНОР of 2026: S1, S3.
describe.each(DB_KINDS)('gaps on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let low = '';
  let body = '';
  const S4 = randomUUID();
  const S5 = randomUUID();
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const db = database.db;
    for (const [id, name] of [
      [S4, 'Школа 4'],
      [S5, 'Школа 5'],
    ] as const)
      await db
        .insert(orgUnits)
        .values({ id, parentId: f.M1.id, kind: 'school', name, path: `${f.M1.path}${id}/` });
    await approvedList(db, f.R.id, 2026, 'shnor', [f.S1.id, f.S3.id]);
    const busy = await addCurator(db, f, 'curator');
    for (const s of [f.S1.id, f.S2.id, S4, S5]) await assign(db, busy, s, 2026);
    const calm = await addCurator(db, f, 'school3');
    await assign(db, calm, f.S3.id, 2026);
    body = await bodyWithMeetings(db, f.M1.id, ['2026-09-10']);
    low = await eventOf(db, f.M1.id, 'seminar', '2026-10-10', 'held', 50);
    const fine = await eventOf(db, f.M1.id, 'webinar', '2026-10-12', 'held', 20);
    for (const e of [low, fine])
      await db
        .insert(eventInvitations)
        .values([f.S1.id, f.S2.id, S4, S5].map((orgUnitId) => ({ eventId: e, orgUnitId })));
    for (const e of [low, fine]) {
      await participant(db, e, f.S1.id, 'Иванова А. А.', 'teacher', true);
      await participant(db, e, f.S2.id, 'Петров П. П.', 'teacher', false);
    }
  });
  afterAll(async () => database.close());

  const gaps = (login: string, unitId: string) =>
    getGaps(database.db, { actor: f.as(login), unitId, year: 2026, today: '2026-12-06' });

  it('lists what each ШНОР of the unit lacks, overloaded curators, missed meetings, events below target', async () => {
    const g = await gaps('mun1', f.M1.id);
    expect(g.shnor).toEqual([
      {
        schoolId: f.S1.id,
        schoolName: 'Школа 1',
        municipalityName: 'Первый район',
        missing: ['mentor', 'agreement', 'roadmap', 'program'],
      },
    ]);
    expect(g.overloadedCurators.map((c) => c.schools)).toEqual([4]);
    expect(g.bodies).toEqual([
      {
        bodyId: body,
        bodyName: 'Рабочая группа (тест)',
        unitName: 'Первый район',
        missed: [
          { from: '2026-10-01', to: '2026-10-31' },
          { from: '2026-11-01', to: '2026-11-30' },
        ],
      },
    ]);
    expect(g.events.map((e) => [e.eventId, e.invited, e.tookPart, e.share])).toEqual([[low, 4, 1, 25]]);
  });

  it('shows another municipality only its own', async () => {
    const g = await gaps('mun2', f.M2.id);
    expect(g.shnor.map((s) => [s.schoolId, s.missing.includes('curator')])).toEqual([[f.S3.id, false]]);
    expect(g.overloadedCurators).toEqual([]);
    expect(g.bodies).toEqual([]);
    expect(g.events).toEqual([]);
    const err = await gaps('mun2', f.M1.id).catch((e: unknown) => e);
    expect(err instanceof AppError && err.code).toBe('NOT_FOUND');
  });

  it('gives the region all of it', async () => {
    const g = await gaps('region', f.R.id);
    expect(g.shnor.map((s) => s.schoolName)).toEqual(['Школа 1', 'Школа 3']);
    expect(g.events).toHaveLength(1);
  });
});

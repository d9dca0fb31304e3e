import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { createMethodologyVersion, listMethodologies, makeMethodologyCurrent } from './methodologies.js';
import { OPORA_DEFAULT } from './methodology.js';

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '', fields: [] as string[] };
  } catch (e) {
    if (e instanceof AppError)
      return { code: e.code, message: e.message, fields: (e.details?.fields ?? []).map((x) => x.field) };
    throw e;
  }
};

describe.each(DB_KINDS)('methodologies on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  it('creates opora-default v1 as current on the first call, once', async () => {
    const [first, again] = await Promise.all([
      listMethodologies(database.db, { actor: f.as('expert') }),
      listMethodologies(database.db, { actor: f.as('center') }),
    ]);
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(1);
    expect(first[0]).toMatchObject({ code: 'opora-default', version: 1, status: 'current', createdBy: null });
    expect(first[0]?.document).toEqual(OPORA_DEFAULT);
    expect(await listMethodologies(database.db, { actor: f.as('admin') })).toHaveLength(1);
  });

  it('is not shown to municipalities and schools', async () => {
    for (const login of ['mun1', 'school1', 'curator', 'teacher']) {
      expect((await failure(listMethodologies(database.db, { actor: f.as(login) }))).code).toBe('FORBIDDEN');
    }
  });

  it('creates versions as drafts (max + 1), checks documents, makes one current', async () => {
    const [v1] = await listMethodologies(database.db, { actor: f.as('region') });
    if (!v1) throw new Error('no default');
    const v2 = await createMethodologyVersion(database.db, {
      actor: f.as('region'),
      basedOnId: v1.id,
      name: 'Порог 25 %',
      document: { ...OPORA_DEFAULT, lowShareThreshold: 0.25 },
    });
    expect(v2).toMatchObject({ code: 'opora-default', version: 2, status: 'draft', name: 'Порог 25 %' });
    expect(v2.createdBy?.fullName).toBe('Пользователь region');
    expect(v2.document).toMatchObject({
      id: 'opora-default',
      version: 2,
      name: 'Порог 25 %',
      lowShareThreshold: 0.25,
    });
    const v3 = await createMethodologyVersion(database.db, {
      actor: f.as('region'),
      basedOnId: v1.id,
      name: 'Кластерное правило',
      document: {
        ...OPORA_DEFAULT,
        clusterRelative: { enabled: true, bottomShare: 0.1, consecutiveYears: 2 },
      },
    });
    expect(v3.version).toBe(3);

    const bad = await failure(
      createMethodologyVersion(database.db, {
        actor: f.as('region'),
        basedOnId: v1.id,
        name: 'Неверная',
        document: { ...OPORA_DEFAULT, lowShareThreshold: 2 },
      }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/^lowShareThreshold: .*[а-я]/);
    // Without a name too: both mistakes are reported at once.
    const both = await failure(
      createMethodologyVersion(database.db, {
        actor: f.as('region'),
        basedOnId: v1.id,
        name: '  ',
        document: { ...OPORA_DEFAULT, lowShareThreshold: 2 },
      }),
    );
    expect(both.fields).toEqual(['name', 'lowShareThreshold']);
    const noRule = await failure(
      createMethodologyVersion(database.db, {
        actor: f.as('region'),
        basedOnId: v1.id,
        name: 'Без правил',
        document: {
          ...OPORA_DEFAULT,
          lowResults: { ...OPORA_DEFAULT.lowResults, enabled: false },
        },
      }),
    );
    expect(noRule.message).toContain('Должно быть включено хотя бы одно правило ШНОР');

    expect(
      (
        await failure(
          createMethodologyVersion(database.db, {
            actor: f.as('expert'),
            basedOnId: v1.id,
            name: 'Эксперт',
            document: OPORA_DEFAULT,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          createMethodologyVersion(database.db, {
            actor: f.as('region'),
            basedOnId: randomUUID(),
            name: 'Нет основы',
            document: OPORA_DEFAULT,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');

    expect(
      (await failure(makeMethodologyCurrent(database.db, { actor: f.as('expert'), id: v2.id }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(makeMethodologyCurrent(database.db, { actor: f.as('mun1'), id: v2.id }))).code,
    ).toBe('NOT_FOUND');
    const current = await makeMethodologyCurrent(database.db, { actor: f.as('region'), id: v2.id });
    expect(current.status).toBe('current');
    const all = await listMethodologies(database.db, { actor: f.as('region') });
    expect(all.map((m) => [m.version, m.status])).toEqual([
      [3, 'draft'],
      [2, 'current'],
      [1, 'archived'],
    ]);
  });
});

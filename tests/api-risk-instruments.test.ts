import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { DEFAULT_INSTRUMENT } from '../src/modules/risk-profiles/default-instrument.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// Questionnaires over HTTP: the editor's round trip (new version, save with version, Russian errors with
// paths, 409), the export that `opora risk-profile` reads back, and the import of that file.

describe.each(DB_KINDS)('questionnaires over HTTP (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['region', 'mun1', 'school1']) cookies[login] = await t.login(login, 'password-123');
  }, 120_000);
  afterAll(() => database.close());

  it('new version, save, errors with paths, conflict, export and import', async () => {
    const created = await t.call('POST', '/api/risk-instruments', {
      cookie: cookies.region,
      body: { basedOnId: null },
    });
    expect(created.status).toBe(200);
    const v = (await created.json()) as { id: string; version: number; document: typeof DEFAULT_INSTRUMENT };
    const doc = structuredClone(v.document);
    const k = doc.items.findIndex((i) => i.type === 'scale');
    const option = doc.items[k]?.options?.[0];
    if (!option) throw new Error('no option');
    option.risk = 0.1;

    const bad = structuredClone(doc);
    (bad.items[k]?.options?.[0] as { risk: number }).risk = -1;
    const refused = await t.call('PUT', `/api/risk-instruments/${v.id}`, {
      cookie: cookies.region,
      body: { version: v.version, document: bad },
    });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { message: string; fields: { field: string }[] } })
      .error;
    expect(error.fields.map((f) => f.field)).toEqual([`items[${k}].options[0].risk`]);
    expect(error.message).toMatch(/Риск — от 0 до 1/);

    const saved = await t.call('PUT', `/api/risk-instruments/${v.id}`, {
      cookie: cookies.region,
      body: { version: v.version, document: doc },
    });
    expect(saved.status).toBe(200);
    const stale = await t.call('PUT', `/api/risk-instruments/${v.id}`, {
      cookie: cookies.region,
      body: { version: v.version, document: doc },
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await t.call('PUT', `/api/risk-instruments/${v.id}`, {
          cookie: cookies.mun1,
          body: { version: 2, document: doc },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('GET', `/api/risk-instruments/${v.id}`, { cookie: cookies.school1 })).status).toBe(
      404,
    );

    const exported = await t.call('GET', `/api/risk-instruments/${v.id}/export`, { cookie: cookies.mun1 });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="opora-risk-instrument-v1.json"',
    );
    const file = (await exported.json()) as typeof DEFAULT_INSTRUMENT;
    expect(file).toMatchObject({ id: 'opora-risk-instrument', version: 1 });
    expect(file.items[k]?.options?.[0]?.risk).toBe(0.1);
    expect(file.items.map((i) => i.id)).toEqual(DEFAULT_INSTRUMENT.items.map((i) => i.id));
    expect(file.factors.map((f) => f.code)).toEqual(DEFAULT_INSTRUMENT.factors.map((f) => f.code));

    const imported = await t.call('POST', '/api/risk-instruments/import', {
      cookie: cookies.region,
      body: { document: file },
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({
      code: 'opora-risk-instrument',
      versionNo: 2,
      status: 'draft',
    });
  });

  it('risk factors of a year: defaults, then the region’s own list', async () => {
    const before = await t.call('GET', '/api/risk-factors?year=2026', { cookie: cookies.mun1 });
    const list = (await before.json()) as {
      version: number;
      own: boolean;
      factors: { code: string; name: string; description: string }[];
    };
    expect(list).toMatchObject({ own: false, version: 0 });
    const saved = await t.call('PUT', '/api/risk-factors', {
      cookie: cookies.region,
      body: { year: 2026, version: 0, factors: list.factors.slice(0, 11) },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ own: true, version: 1 });
    expect((await t.call('GET', '/api/risk-factors?year=1999', { cookie: cookies.mun1 })).status).toBe(400);
  });
});

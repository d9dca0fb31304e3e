import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { items, roadmaps } from '../src/db/schema/roadmaps.js';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';

// Every demo role against every roadmap endpoint, for roadmaps of each level. Expectations are written
// out from the access rules of DOMAIN.md §3, not computed by the code under test.
const LOGINS = [
  'admin',
  'region',
  'center',
  'municipality',
  'curator',
  'school',
  'school2',
  'expert',
  'teacher',
] as const;
type Login = (typeof LOGINS)[number];
type Target = 'region' | 'ownMunicipality' | 'otherMunicipality' | 'school' | 'school2';

/** Who reads each target (approved roadmaps): its subtree's readers plus the units below it. */
const READERS: Record<Target, Login[]> = {
  region: [...LOGINS],
  ownMunicipality: ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'expert', 'teacher'],
  otherMunicipality: ['admin', 'region', 'center', 'school2', 'expert'],
  school: ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'expert', 'teacher'],
  school2: ['admin', 'region', 'center', 'school2', 'expert'],
};
/** Who keeps (edits, marks execution of) each target. */
const KEEPERS: Record<Target, Login[]> = {
  region: ['region'],
  ownMunicipality: ['municipality'],
  otherMunicipality: [],
  school: ['school'],
  school2: ['school2'],
};

const STALE = 999_999;

describe.each(DB_KINDS)('access matrix on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies = {} as Record<Login, string>;
  const targets = {} as Record<Target, { roadmapId: string; itemId: string; sectionId: string }>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await loadDemo(database.db, { storage: databaseStorage(database.db) });
    t = testApp(database);
    for (const l of LOGINS) cookies[l] = await t.login(l);
    const unitOf = async (login: string) => {
      const [r] = await database.db
        .select({ unitId: roleAssignments.orgUnitId, parentId: orgUnits.parentId })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
        .where(eq(users.login, login));
      if (!r) throw new Error(`no unit for ${login}`);
      return r;
    };
    const firstApproved = async (unitId: string) => {
      const [r] = await database.db
        .select({ roadmapId: roadmaps.id, itemId: items.id, sectionId: items.sectionId })
        .from(roadmaps)
        .innerJoin(items, eq(items.roadmapId, roadmaps.id))
        .where(eq(roadmaps.orgUnitId, unitId))
        .orderBy(roadmaps.status, items.position)
        .limit(1);
      if (!r) throw new Error(`no roadmap for ${unitId}`);
      return r;
    };
    const school = await unitOf('school');
    const school2 = await unitOf('school2');
    const region = await unitOf('region');
    targets.region = await firstApproved(region.unitId);
    targets.ownMunicipality = await firstApproved((await unitOf('municipality')).unitId);
    targets.school = await firstApproved(school.unitId);
    targets.school2 = await firstApproved(school2.unitId);
    if (!school2.parentId) throw new Error('school2 has no municipality');
    targets.otherMunicipality = await firstApproved(school2.parentId);
  }, 300_000);
  afterAll(() => database.close());

  const reads = [
    ['GET roadmap', (x: (typeof targets)[Target]) => ['GET', `/api/roadmaps/${x.roadmapId}`]],
    ['GET history', (x: (typeof targets)[Target]) => ['GET', `/api/roadmaps/${x.roadmapId}/history`]],
    [
      'GET export',
      (x: (typeof targets)[Target]) => ['GET', `/api/roadmaps/${x.roadmapId}/export?format=xlsx`],
    ],
    ['GET item history', (x: (typeof targets)[Target]) => ['GET', `/api/items/${x.itemId}/history`]],
    ['GET evidence', (x: (typeof targets)[Target]) => ['GET', `/api/items/${x.itemId}/evidence`]],
  ] as const;
  // Writes carry a stale version: a keeper gets 409 (allowed, but nothing changes), anyone else 403/404.
  const writes = [
    [
      'PATCH roadmap',
      (x: (typeof targets)[Target]) => [
        'PATCH',
        `/api/roadmaps/${x.roadmapId}`,
        { title: 'Взлом', version: STALE },
      ],
    ],
    [
      'PATCH item',
      (x: (typeof targets)[Target]) => [
        'PATCH',
        `/api/items/${x.itemId}`,
        { measure: 'Взлом', version: STALE },
      ],
    ],
    [
      'POST status',
      (x: (typeof targets)[Target]) => [
        'POST',
        `/api/items/${x.itemId}/status`,
        { status: 'done', version: STALE },
      ],
    ],
    [
      'PATCH section',
      (x: (typeof targets)[Target]) => [
        'PATCH',
        `/api/sections/${x.sectionId}`,
        { title: 'Взлом', version: STALE },
      ],
    ],
    ['DELETE item', (x: (typeof targets)[Target]) => ['DELETE', `/api/items/${x.itemId}?version=${STALE}`]],
  ] as const;

  for (const target of Object.keys(READERS) as Target[]) {
    it(`reads of the ${target} roadmap`, async () => {
      const table: string[] = [];
      for (const [name, build] of reads) {
        const [method, url] = build(targets[target]) as [string, string];
        for (const login of LOGINS) {
          const res = await t.call(method, url, { cookie: cookies[login] });
          const ok = READERS[target].includes(login);
          if ((res.status === 200) !== ok || (!ok && res.status !== 404))
            table.push(`${name} as ${login}: ${res.status}`);
        }
      }
      expect(table).toEqual([]);
    });
    it(`writes to the ${target} roadmap`, async () => {
      const table: string[] = [];
      for (const [name, build] of writes) {
        const [method, url, body] = build(targets[target]) as [string, string, unknown];
        for (const login of LOGINS) {
          const res = await t.call(method, url, { cookie: cookies[login], body });
          const expected = KEEPERS[target].includes(login)
            ? [409]
            : READERS[target].includes(login)
              ? [403]
              : [404];
          if (!expected.includes(res.status))
            table.push(`${name} as ${login}: ${res.status}, expected ${expected}`);
        }
      }
      expect(table).toEqual([]);
    });
  }

  it('refuses everything without a session and cross-site writes with a session', async () => {
    const x = targets.school;
    expect((await t.call('GET', `/api/roadmaps/${x.roadmapId}`)).status).toBe(401);
    expect((await t.call('GET', '/api/roadmaps')).status).toBe(401);
    const res = await t.call('PATCH', `/api/items/${x.itemId}`, {
      cookie: cookies.school,
      body: { measure: 'x', version: STALE },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });

  it('lists only roadmaps within scope', async () => {
    const ids = async (login: Login) =>
      (
        (await (await t.call('GET', '/api/roadmaps', { cookie: cookies[login] })).json()) as { id: string }[]
      ).map((r) => r.id);
    expect(await ids('school2')).not.toContain(targets.school.roadmapId);
    expect(await ids('school')).not.toContain(targets.school2.roadmapId);
    expect(await ids('municipality')).not.toContain(targets.otherMunicipality.roadmapId);
    expect(await ids('municipality')).toContain(targets.school.roadmapId);
    expect(await ids('region')).toEqual(
      expect.arrayContaining([targets.school.roadmapId, targets.otherMunicipality.roadmapId]),
    );
  });
});

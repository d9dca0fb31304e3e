import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { drainJobs } from '../src/jobs/runner.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { manifestSchema } from '../src/modules/region-export/archive.js';
import { REGION_EXPORT_JOB, regionExportJob } from '../src/modules/region-export/export-jobs.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { TEST_SYSTEM } from './helpers/system.js';

// «Выгрузить данные региона» through the API (issue 17 §6): the administrator queues the job, the job
// runs, the archive downloads and is a region export with a valid manifest; the event is written; any
// other role is refused, a unit that is not a region is 404.

describe.each(DB_KINDS)('region export API (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let admin: string;
  let region: string;
  let otherAdmin: string;
  let otherRegionId: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    // The administrator of another region of the same installation.
    const other = await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другая область' },
    });
    otherRegionId = other.id;
    const u = await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'admin2', fullName: 'Администратор другой области', password: 'password-123' },
    });
    await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: u.id,
      input: { role: 'admin', orgUnitId: other.id },
    });
    t = testApp(database);
    admin = await t.login('admin', 'password-123');
    region = await t.login('region', 'password-123');
    otherAdmin = await t.login('admin2', 'password-123');
  });
  afterAll(() => database.close());

  it('queues, runs, reports progress and gives the archive to the administrator', async () => {
    const res = await t.call('POST', '/api/region-exports', { cookie: admin, body: { regionId: f.R.id } });
    expect(res.status).toBe(200);
    const job = (await res.json()) as { id: string; status: string };
    expect(job.status).toBe('queued');
    await drainJobs(database.db, { [REGION_EXPORT_JOB]: regionExportJob(databaseStorage(database.db)) });
    const done = (await (await t.call('GET', `/api/region-exports/${job.id}`, { cookie: admin })).json()) as {
      status: string;
      result: { bytes: number; rows: number } | null;
    };
    expect(done.status).toBe('done');
    expect(done.result?.rows).toBeGreaterThan(10);
    const list = (await (await t.call('GET', '/api/region-exports', { cookie: admin })).json()) as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).toContain(job.id);
    const file = await t.call('GET', `/api/region-exports/${job.id}/file`, { cookie: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zip');
    const body = new Uint8Array(await file.arrayBuffer());
    expect(body.length).toBe(done.result?.bytes);
    const entries = unzipSync(body);
    const manifest = manifestSchema.parse(
      JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8')),
    );
    expect(manifest.region.id).toBe(f.R.id);
    expect(manifest.tables.org_units?.rows).toBe(7);
    const events = await database.db.query.auditEvents.findMany({
      where: (e, { eq }) => eq(e.type, 'region.exported'),
    });
    expect(events.map((e) => e.entityId)).toEqual([f.R.id]);

    // Another region's administrator neither exports this region nor sees its export.
    expect(
      (await t.call('POST', '/api/region-exports', { cookie: otherAdmin, body: { regionId: f.R.id } }))
        .status,
    ).toBe(404);
    const theirs = (await (await t.call('GET', '/api/region-exports', { cookie: otherAdmin })).json()) as {
      id: string;
    }[];
    expect(theirs.map((x) => x.id)).not.toContain(job.id);
    expect((await t.call('GET', `/api/region-exports/${job.id}`, { cookie: otherAdmin })).status).toBe(404);
    expect((await t.call('GET', `/api/region-exports/${job.id}/file`, { cookie: otherAdmin })).status).toBe(
      404,
    );
    // His own region he exports.
    const own = await t.call('POST', '/api/region-exports', {
      cookie: otherAdmin,
      body: { regionId: otherRegionId },
    });
    expect(own.status).toBe(200);
  });

  it('refuses every other role and a unit that is not a region', async () => {
    for (const path of ['/api/region-exports'])
      expect((await t.call('GET', path, { cookie: region })).status).toBe(403);
    expect(
      (await t.call('POST', '/api/region-exports', { cookie: region, body: { regionId: f.R.id } })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', '/api/region-exports', { cookie: admin, body: { regionId: f.S1.id } })).status,
    ).toBe(404);
    expect(
      (await t.call('POST', '/api/region-exports', { cookie: admin, body: { regionId: 'x' } })).status,
    ).toBe(400);
  });
});

import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { drainJobs } from '../src/jobs/runner.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { manifestSchema } from '../src/modules/region-export/archive.js';
import { REGION_EXPORT_JOB, regionExportJob } from '../src/modules/region-export/export-jobs.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// «Выгрузить данные региона» through the API (issue 17 §6): the administrator queues the job, the job
// runs, the archive downloads and is a region export with a valid manifest; the event is written; any
// other role is refused, a unit that is not a region is 404.

describe.each(DB_KINDS)('region export API (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let admin: string;
  let region: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    admin = await t.login('admin', 'password-123');
    region = await t.login('region', 'password-123');
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

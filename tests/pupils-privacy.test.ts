import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { openPglite } from '../src/db/client.js';
import { pupilMeasures, pupilRecords } from '../src/db/schema/pupils.js';
import { decryptPersonal } from '../src/modules/pupils/pupil-crypto.js';
import { REQUESTS, type Target } from './access/requests.js';
import { findSamples, type Samples } from './access/samples.js';
import { testApp } from './helpers/api.js';
import { mapLimit } from './helpers/concurrent.js';
import { SWEEP_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// Personal data of pupils stay in the school (issue 14 §2): every GET endpoint of the OpenAPI document,
// called as the municipality, the region, the curator and the expert after loading the demo, answers
// without any demo pupil's name, pair partner or date of birth. Path parameters come from the access
// matrix's samples (tests/access/): for each endpoint the first sample id the administrator reads it
// with, and the demo's units and pupils themselves. The school's own registry is the positive control.

const docDb = await openPglite(null);
const document = (await (await testApp(docDb).call('GET', '/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, unknown>>;
};
await docDb.close();
const GETS = Object.entries(document.paths)
  .filter(([, methods]) => 'get' in methods)
  .map(([path]) => path)
  .filter((p) => p.startsWith('/api/') && !p.startsWith('/api/auth/') && p !== '/api/openapi.json');

const OUTSIDERS = ['municipality', 'region', 'curator', 'expert'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidsOf(x: unknown, out = new Set<string>()): Set<string> {
  if (typeof x === 'string' && UUID.test(x)) out.add(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) uuidsOf(v, out);
  return out;
}

const fill = (path: string, id: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'year' ? '2026' : name === 'key' ? 'oct' : id));

describe.each(SWEEP_KINDS)('no pupil identity outside the school on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let samples: Samples;
  const cookies: Record<string, string> = {};
  let secrets: string[] = [];

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of [...OUTSIDERS, 'admin', 'school']) cookies[l] = await t.login(l);
    samples = await findSamples(database.db, null);
    const records = await database.db.select().from(pupilRecords);
    const partners = await database.db.select({ p: pupilMeasures.partnerEnc }).from(pupilMeasures);
    const dates = records.flatMap((r) => (r.birthDateEnc ? [decryptPersonal(r.birthDateEnc)] : []));
    secrets = [
      ...records.map((r) => decryptPersonal(r.nameEnc)),
      ...partners.flatMap((x) => (x.p ? [decryptPersonal(x.p)] : [])),
      ...dates,
      ...dates.map((d) => d.split('-').reverse().join('.')),
    ];
  }, 600_000);
  afterAll(async () => database?.close());

  const leaks = (body: string) => secrets.filter((s) => body.includes(s));

  it('the demo has pupils, and the school’s own registry shows their names (the search works)', async () => {
    expect(secrets.length).toBeGreaterThan(100);
    const res = await t.call('GET', `/api/schools/${samples.units.school.unitId}/pupils`, {
      cookie: cookies.school,
    });
    expect(res.status).toBe(200);
    expect(leaks(await res.text()).length).toBeGreaterThan(5);
  });

  it('every GET endpoint answers the municipality, region, curator and expert without a name or date of birth', async () => {
    const target: Target = {
      all: samples,
      unit: samples.units.school,
      user: { id: samples.units.school.unitId, assignmentId: samples.units.school.unitId },
    };
    const candidates = [...uuidsOf(samples)];
    const always = [
      ...Object.values(samples.units).map((u) => u.unitId),
      samples.pupils.teacherPupilId,
      samples.pupils.school2PupilId,
    ];
    const problems: string[] = [];
    let calls = 0;
    let answered = 0;
    const get = async (path: string, id: string, login: string) => {
      const r = REQUESTS[`GET ${path}`]?.(target);
      calls++;
      const res = await t.call('GET', fill(path, id) + (r?.query ? `?${r.query}` : ''), {
        cookie: cookies[login],
      });
      return {
        status: res.status,
        body: res.headers.get('content-type')?.match(/json|text/) ? await res.text() : '',
      };
    };
    for (const path of GETS) {
      const ids: string[] = [];
      if (path.includes('{')) {
        // The first sample id the administrator gets an answer for, then the units and pupils.
        for (const c of candidates) {
          if ((await get(path, c, 'admin')).status === 200) {
            ids.push(c);
            break;
          }
        }
        ids.push(...always);
      } else ids.push('');
      // The outsiders' calls are independent reads: concurrently, within one app.
      const calls = OUTSIDERS.flatMap((login) => [...new Set(ids)].map((id) => ({ login, id })));
      await mapLimit(calls, 4, async ({ login, id }) => {
        const { status, body } = await get(path, id, login);
        if (status >= 500) problems.push(`${path} as ${login}: ${status}`);
        if (status === 200) answered++;
        const found = leaks(body);
        if (found.length) problems.push(`${path} (${id}) as ${login}: ${found.slice(0, 2).join(', ')}`);
      });
    }
    console.log(
      `pupils' privacy on ${kind}: ${GETS.length} GET endpoints, ${calls} calls, ${answered} answered 200`,
    );
    expect(problems).toEqual([]);
    expect(answered).toBeGreaterThan(GETS.length);
  }, 900_000);

  it('the municipality reads counts of its schools with small cells hidden, and no name', async () => {
    const res = await t.call(
      'GET',
      `/api/org-units/${samples.units.ownMunicipality.unitId}/pupil-aggregates`,
      {
        cookie: cookies.municipality,
      },
    );
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('менее 5');
    expect(leaks(body)).toEqual([]);
    const data = JSON.parse(body) as { byCategory: { rows: { total: unknown; cells: unknown[] }[] } };
    for (const r of data.byCategory.rows)
      for (const c of [r.total, ...r.cells]) if (typeof c === 'number') expect(c === 0 || c >= 5).toBe(true);
  });
});

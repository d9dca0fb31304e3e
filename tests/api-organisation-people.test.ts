import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { schoolYearOf } from '../src/modules/organisation/school-year.js';
import { testApp } from './helpers/api.js';
import { demoDatabase } from './helpers/demo-db.js';
import { convertToPdf, libreOffice } from './helpers/libreoffice.js';

// The people of the organisation through the API on the demo region (helper «people»): what the demo
// holds (gaps on purpose, one curator over the caseload), what each role sees, appointing by order.

type Curator = {
  id: string;
  fullName: string;
  login: string;
  caseload: number;
  overloaded: boolean;
  schools: { schoolId: string; schoolName: string }[];
};
type Schools = {
  listText: string;
  schools: {
    schoolId: string;
    schoolName: string;
    shnor: boolean;
    curators: string[];
    mentors: string[];
    hasAgreement: boolean;
    municipalityName: string;
  }[];
};
type Pair = {
  id: string;
  schoolId: string;
  mentorSchoolId: string;
  agreements: unknown[];
  warnings: string[];
  version: number;
};

const YEAR = schoolYearOf(new Date().toISOString().slice(0, 10));
const today = new Date().toISOString().slice(0, 10);

describe('organisation people API on the demo', () => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookie: Record<string, string> = {};
  const get = async <T>(login: string, url: string) => {
    const res = await t.call('GET', url, { cookie: cookie[login] });
    expect(res.status, `${login} ${url}`).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    database = await demoDatabase('pglite');
    t = testApp(database);
    for (const l of ['region', 'municipality', 'curator', 'school', 'school2', 'teacher'])
      cookie[l] = await t.login(l);
  }, 300_000);
  afterAll(async () => database?.close());

  it('the demo has every ШНОР but one with a curator, one curator over the caseload, one ШНОР without a mentor', async () => {
    const curators = await get<Curator[]>('region', `/api/organisation/curators?year=${YEAR}`);
    expect(curators.filter((c) => c.overloaded).map((c) => c.caseload)).toEqual([4]);
    const main = curators.find((c) => c.login === 'curator');
    expect(main?.schools.length).toBe(2);
    const schools = await get<Schools>('region', `/api/organisation/schools?year=${YEAR}`);
    const shnor = schools.schools.filter((s) => s.shnor);
    expect(shnor.length).toBeGreaterThan(20);
    expect(shnor.filter((s) => s.curators.length === 0).length).toBe(1);
    expect(shnor.filter((s) => s.mentors.length === 0).length).toBe(1);
    expect(shnor.filter((s) => s.mentors.length > 0 && !s.hasAgreement).length).toBe(1);
    expect(schools.listText).toMatch(/^ШНОР по списку/);
    const pairs = await get<Pair[]>('region', `/api/organisation/mentor-pairs?year=${YEAR}`);
    // The demo's mentors are on neither list in force: no pair of the demo is warned about.
    expect(pairs.length).toBeGreaterThan(30);
    expect(pairs.filter((p) => p.warnings.length > 0).map((p) => p.warnings)).toEqual([]);
    const coordinators = await get<{ municipalityId: string; order: { number: string } | null }[]>(
      'region',
      `/api/organisation/coordinators?year=${YEAR}`,
    );
    // Every demo municipality's coordinator, each by the one order of the ministry.
    expect(coordinators.length).toBeGreaterThanOrEqual(14);
    expect(new Set(coordinators.map((c) => c.municipalityId)).size).toBe(coordinators.length);
    expect(new Set(coordinators.map((c) => c.order?.number))).toEqual(new Set(['1012-р']));
  });

  it('each role sees its own: the municipality its schools, the curator himself, a school its own card', async () => {
    const mun = await get<Schools>('municipality', `/api/organisation/schools?year=${YEAR}`);
    expect(new Set(mun.schools.map((s) => s.municipalityName)).size).toBe(1);
    const mine = await get<Curator[]>('curator', `/api/organisation/curators?year=${YEAR}`);
    expect(mine.map((c) => c.login)).toEqual(['curator']);
    expect(await get<unknown[]>('curator', `/api/organisation/coordinators?year=${YEAR}`)).toEqual([]);
    const schoolCurators = await get<Curator[]>('school', `/api/organisation/curators?year=${YEAR}`);
    expect(schoolCurators.map((c) => c.login)).toEqual(['curator']);
    const schoolId = mine[0]?.schools[0]?.schoolId ?? '';
    const [s1] = await database.db.select().from(orgUnits).where(eq(orgUnits.id, schoolId));
    const card = await get<{ curators: { fullName: string }[]; mentors: { schoolName: string }[] }>(
      'school',
      `/api/schools/${mine.map((c) => c.schools.find((s) => s.schoolName)?.schoolId)[0]}/organisation`,
    );
    expect(card.curators.length).toBeGreaterThanOrEqual(0);
    expect(s1?.kind).toBe('school');
    const pairs = await get<Pair[]>('school2', `/api/organisation/mentor-pairs?year=${YEAR}`);
    expect(pairs.length).toBe(1);
    // school2 does not see the first municipality's schools at all.
    const res = await t.call('GET', `/api/schools/${schoolId}/organisation`, { cookie: cookie.school2 });
    expect(res.status).toBe(404);
  });

  it('the municipality assigns a curator by order and pairs a mentor with an agreement; the school then sees them', async () => {
    const schools = await get<Schools>('municipality', `/api/organisation/schools?year=${YEAR}`);
    const gap = schools.schools.find((s) => s.shnor && s.curators.length === 0);
    if (!gap) throw new Error('no gap in the first municipality');
    const curators = await get<Curator[]>('municipality', `/api/organisation/curators?year=${YEAR}`);
    const main = curators.find((c) => c.login === 'curator');
    const assign = await t.call('POST', '/api/organisation/curator-assignments', {
      cookie: cookie.municipality,
      body: {
        curatorId: main?.id,
        schoolIds: [gap.schoolId],
        year: YEAR,
        order: { number: '77-о', date: today },
      },
    });
    expect(assign.status).toBe(200);
    expect(((await assign.json()) as { caseload: number }).caseload).toBe(3);
    const again = await t.call('POST', '/api/organisation/curator-assignments', {
      cookie: cookie.municipality,
      body: {
        curatorId: main?.id,
        schoolIds: [gap.schoolId],
        year: YEAR,
        order: { number: '77-о', date: today },
      },
    });
    expect(again.status).toBe(409);
    // The curator now has the role on the school: he reads it at once (the actor cache was dropped).
    const card = await get<{ curators: { fullName: string }[] }>(
      'curator',
      `/api/schools/${gap.schoolId}/organisation`,
    );
    expect(card.curators.map((c) => c.fullName)).toContain(main?.fullName);
    const mentor = schools.schools.find((s) => s.mentors.length > 0);
    const pairs = await get<Pair[]>('municipality', `/api/organisation/mentor-pairs?year=${YEAR}`);
    const mentorId = pairs.find((p) => p.schoolId === mentor?.schoolId)?.mentorSchoolId;
    const pair = await t.call('POST', '/api/organisation/mentor-pairs', {
      cookie: cookie.municipality,
      body: {
        schoolId: gap.schoolId,
        mentorSchoolId: mentorId,
        year: YEAR,
        order: { number: '78-о', date: today },
      },
    });
    expect(pair.status).toBe(200);
    const { id } = (await pair.json()) as { id: string };
    const agreement = await t.call('POST', `/api/organisation/mentor-pairs/${id}/agreements`, {
      cookie: cookie.municipality,
      body: { kinds: ['joint_events'], signedOn: today },
    });
    expect(agreement.status).toBe(200);
    const self = await t.call('POST', '/api/organisation/mentor-pairs', {
      cookie: cookie.municipality,
      body: {
        schoolId: gap.schoolId,
        mentorSchoolId: gap.schoolId,
        year: YEAR,
        order: { number: '78-о', date: today },
      },
    });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('Школа не может быть наставником самой себе');
    const bad = await t.call('POST', `/api/organisation/mentor-pairs/${id}/agreements`, {
      cookie: cookie.municipality,
      body: { kinds: [], signedOn: '2026-13-01' },
    });
    expect(bad.status).toBe(400);
  });

  it('the order file is attached by the issuer and read by who sees the issuer', async () => {
    const [region] = await database.db.select().from(orgUnits).where(eq(orgUnits.kind, 'region'));
    const orders = await get<{ id: string; number: string; fileName: string | null }[]>(
      'region',
      `/api/org-units/${region?.id}/organisation-orders`,
    );
    const order = orders.find((o) => o.number === '1012-р');
    if (!order) throw new Error('no coordinators order');
    const fd = () => {
      const f = new FormData();
      f.append(
        'file',
        new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'приказ 1012-р.pdf'),
      );
      return f;
    };
    expect(
      (
        await t.call('POST', `/api/organisation-orders/${order.id}/file`, {
          cookie: cookie.municipality,
          body: fd(),
        })
      ).status,
    ).toBe(404);
    const up = await t.call('POST', `/api/organisation-orders/${order.id}/file`, {
      cookie: cookie.region,
      body: fd(),
    });
    expect(up.status).toBe(200);
    const down = await t.call('GET', `/api/organisation-orders/${order.id}/file`, { cookie: cookie.region });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    const fake = new FormData();
    fake.append('file', new File([Buffer.from('MZ\x90\x00 not a document')], 'приказ.pdf'));
    expect(
      (
        await t.call('POST', `/api/organisation-orders/${order.id}/file`, {
          cookie: cookie.region,
          body: fake,
        })
      ).status,
    ).toBe(415);
    // The agreement's scan: attached by the pair's keeper, read by the school of the pair, not by another.
    const pairs = await get<(Pair & { agreements: { id: string; version: number }[] })[]>(
      'school',
      `/api/organisation/mentor-pairs?year=${YEAR}`,
    );
    const agreement = pairs.find((p) => p.agreements.length > 0)?.agreements[0];
    const on = (login: string, method: string, body?: FormData, version = agreement?.version) =>
      t.call(
        method,
        `/api/organisation/agreements/${agreement?.id}/file${method === 'POST' ? `?version=${version}` : ''}`,
        { cookie: cookie[login], body },
      );
    expect((await on('school', 'POST', fd())).status).toBe(403);
    expect((await on('municipality', 'POST', fd())).status).toBe(200);
    // A second scan on the version read before the first: 409, the first stays.
    expect((await on('municipality', 'POST', fd())).status).toBe(409);
    expect((await on('school', 'GET')).status).toBe(200);
    expect((await on('school2', 'GET')).status).toBe(404);
  });

  it.skipIf(!libreOffice)(
    'the appendices of the orders open in LibreOffice',
    async () => {
      const files = [];
      for (const kind of ['curators', 'pairs']) {
        const res = await t.call('GET', `/api/organisation/appendix?kind=${kind}&year=${YEAR}`, {
          cookie: cookie.region,
        });
        expect(res.status).toBe(200);
        files.push({ name: `${kind}.docx`, data: Buffer.from(await res.arrayBuffer()) });
      }
      expect(
        (await t.call('GET', `/api/organisation/appendix?kind=pairs&year=${YEAR}`, { cookie: cookie.school }))
          .status,
      ).toBe(403);
      const pdfs = convertToPdf(files);
      expect(pdfs.every((p) => p && p.length > 1000)).toBe(true);
    },
    180_000,
  );

  it('review fixes: a school never curates itself, an admin or a stranger is no curator, a removed coordinator loses the role, a curator with schools stays in the registry', async () => {
    const call = (login: string, method: string, url: string, body?: unknown) =>
      t.call(method, url, { cookie: cookie[login], body });
    const [nagornoe] = await database.db
      .select({ id: orgUnits.id, parentId: orgUnits.parentId })
      .from(orgUnits)
      .where(eq(orgUnits.name, 'МБОУ «СОШ № 5 с. Нагорное» (демо)'));
    if (!nagornoe?.parentId) throw new Error('no Нагорное');
    const order = { number: 'Р-1', date: today };
    // The school's own team may curate other schools, never its own: it would confirm its own work.
    const created = await call('municipality', 'POST', '/api/organisation/curators', {
      login: 'school',
      position: 'Директор',
    });
    expect(created.status).toBe(200);
    const cur = (await created.json()) as { id: string; version: number };
    const own = await call('municipality', 'POST', '/api/organisation/curator-assignments', {
      curatorId: cur.id,
      schoolIds: [nagornoe.id],
      year: YEAR,
      order,
    });
    expect(own.status).toBe(400);
    expect(await own.text()).toContain('не может её курировать');
    const admin = await call('municipality', 'POST', '/api/organisation/curators', {
      login: 'admin',
      position: 'Директор',
    });
    expect(admin.status).toBe(400);
    // The demo curator has two schools this year: he cannot leave the registry before they are removed.
    const list = await get<(Curator & { version: number })[]>(
      'region',
      `/api/organisation/curators?year=${YEAR}`,
    );
    const main = list.find((c) => c.login === 'curator');
    const off = await call('region', 'PATCH', `/api/organisation/curators/${main?.id}`, {
      active: false,
      version: main?.version,
    });
    expect(off.status).toBe(400);
    // A coordinator appointed by mistake and removed keeps no role on the municipality.
    const appointed = await call('region', 'POST', '/api/organisation/coordinators', {
      municipalityId: nagornoe.parentId,
      year: YEAR,
      login: 'school2',
      order,
    });
    expect(appointed.status, await appointed.clone().text()).toBe(200);
    const a = (
      await get<{ id: string; version: number; login: string }[]>(
        'region',
        `/api/organisation/coordinators?year=${YEAR}`,
      )
    ).find((c) => c.login === 'school2') ?? { id: '', version: 0 };
    const roles = async () =>
      ((await get<{ assignments: { role: string }[] }>('school2', '/api/me')).assignments ?? []).map(
        (x) => x.role,
      );
    expect(await roles()).toContain('municipal_coordinator');
    const removed = await call(
      'region',
      'DELETE',
      `/api/organisation/coordinators/${a.id}?version=${a.version}`,
    );
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(await roles()).not.toContain('municipal_coordinator');
    // Another municipality's appendix does not exist for a coordinator.
    const other = (
      await database.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.kind, 'municipality'))
    ).find((m) => m.id !== nagornoe.parentId);
    const foreign = await call(
      'municipality',
      'GET',
      `/api/organisation/appendix?kind=curators&year=${YEAR}&municipalityId=${other?.id}`,
    );
    expect(foreign.status).toBe(404);
  });
});

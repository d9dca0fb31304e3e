import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { refreshBoundIndicators } from '../src/modules/organisation/refresh-bound.js';
import { testApp } from './helpers/api.js';
import { addCurator, assign, eventOf, pair, participant } from './helpers/coverage-fixture.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// GET /api/coverage on the demo, every number compared with counts made here directly from the tables
// (simple selects, counted in JavaScript: an independent way to the same figures), and its access.

type Row = Record<string, unknown>;
type Events = {
  schools: number;
  schoolsAttended: number;
  teachers: number;
  teachersAttended: number;
  participants: number;
};
type UnitCov = {
  unit: { id: string; name: string; kind: string };
  shnor: Record<string, number> & { shares: Record<string, number | null> };
  events: { all: Events; shnor: Events; risk_zone: Events };
  meetingsHeld: number;
};
type Coverage = { year: number; period: { from: string; to: string }; unit: UnitCov; children: UnitCov[] };

describe.each(DB_KINDS)('coverage API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let regionId = '';
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: Row[] }).rows;

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school']) ck[l] = await t.login(l);
    const [r] = await rows(
      sql`select id from org_units where kind = 'region' and name like '%(демо)%' limit 1`,
    );
    regionId = String(
      r?.id ?? (await rows(sql`select id from org_units where kind = 'region' limit 1`))[0]?.id,
    );
  }, 600_000);
  afterAll(async () => database.close());

  it('answers for the region and each municipality with the numbers the tables give', async () => {
    const first = (await (
      await t.call('GET', `/api/coverage?unitId=${regionId}`, { cookie: ck.region })
    ).json()) as Coverage;
    const y = first.year;
    // Some organisation rows of the year (the other helpers' demo data arrive at merge).
    const shnorNow = await rows(sql`select ls.school_id as id from identification_list_schools ls
      join identification_lists l on l.id = ls.list_id where l.region_id = ${regionId} and l.kind = 'shnor'
      and l.status = 'approved' and l.year = (select max(year) from identification_lists where region_id = ${regionId}
      and kind = 'shnor' and status = 'approved' and year <= ${y})`);
    const ids = shnorNow.map((r) => String(r.id));
    expect(ids.length).toBeGreaterThan(3);
    const [u] = await rows(sql`select u.id, u.login from users u where u.login = 'curator'`);
    const f = { R: { id: regionId }, as: () => ({ userId: String(u?.id) }) } as never;
    // The demo registers its curator; a fresh region would not have him yet.
    const [known] = await rows(sql`select id from curators where user_id = ${String(u?.id)}`);
    const cur = known ? String(known.id) : await addCurator(database.db, f, 'curator');
    await assign(database.db, cur, ids[0] ?? '', y);
    await assign(database.db, cur, ids[1] ?? '', y - 1);
    await pair(database.db, ids[2] ?? '', ids[3] ?? '', y, true);
    const ev = await eventOf(database.db, regionId, 'webinar', `${y}-10-15`);
    await participant(database.db, ev, ids[0] ?? '', 'Учитель (демо)', 'teacher', true);
    await participant(database.db, ev, ids[2] ?? '', 'Директор (демо)', 'manager', false);

    const res = await t.call('GET', `/api/coverage?unitId=${regionId}&year=${y}`, { cookie: ck.region });
    expect(res.status).toBe(200);
    const c = (await res.json()) as Coverage;
    expect(c.children.length).toBeGreaterThan(1);

    const schools = await rows(sql`select id, path, teachers from org_units where kind = 'school'`);
    const units = await rows(sql`select id, path from org_units`);
    const pathOf = new Map(units.map((r) => [String(r.id), String(r.path)]));
    const setOf = async (q: ReturnType<typeof sql>) => new Set((await rows(q)).map((r) => String(r.id)));
    const curated = await setOf(sql`select school_id as id from curator_assignments where year = ${y}`);
    const mentored = await setOf(sql`select school_id as id from mentor_pairs where year = ${y}`);
    const agreed = await setOf(
      sql`select p.school_id as id from mentor_pairs p join partnership_agreements a on a.pair_id = p.id where p.year = ${y}`,
    );
    const mapped = await setOf(
      sql`select org_unit_id as id from roadmaps where status = 'approved' and period_year = ${y}`,
    );
    const programmed = await setOf(sql`select school_id as id from school_documents where year = ${y}
      and kind in ('midterm_program', 'antirisk_program') and status in ('approved', 'published')`);
    const verified = await setOf(sql`select v.school_id as id from risk_verifications v
      join risk_campaigns c on c.id = v.campaign_id where c.year = ${y} and v.status = 'verified'`);
    const attended =
      await setOf(sql`select p.org_unit_id as id from event_participants p join events e on e.id = p.event_id
      where p.attended and e.status = 'held' and e.starts_on between ${c.period.from} and ${c.period.to}`);
    for (const unit of [c.unit, ...c.children]) {
      const prefix = pathOf.get(unit.unit.id) ?? '?';
      const inUnit = (id: string) => (pathOf.get(id) ?? '').startsWith(prefix);
      const sh = ids.filter(inUnit);
      const n = (s: Set<string>) => sh.filter((id) => s.has(id)).length;
      expect(unit.shnor, unit.unit.name).toMatchObject({
        total: sh.length,
        withCurator: n(curated),
        withMentor: n(mentored),
        withAgreement: n(agreed),
        withRoadmap: n(mapped),
        withProgram: n(programmed),
        withVerifiedProfile: n(verified),
      });
      const all = schools.filter((s) => String(s.path).startsWith(prefix));
      expect(unit.events.all.schools).toBe(all.length);
      expect(unit.events.all.schoolsAttended).toBe(all.filter((s) => attended.has(String(s.id))).length);
      expect(unit.events.all.teachers).toBe(all.reduce((sum, s) => sum + Number(s.teachers ?? 0), 0));
      expect(unit.events.shnor.schoolsAttended).toBe(n(attended));
    }
    // Persons, not visits: a person is his account, else his name within his school.
    const [people] = await rows(sql`select count(distinct (p.org_unit_id,
        coalesce(p.user_id::text, lower(btrim(p.full_name))))) as n
      from event_participants p join events e on e.id = p.event_id join org_units s on s.id = p.org_unit_id
      where p.attended and e.status = 'held' and s.kind = 'school'
        and e.starts_on between ${c.period.from} and ${c.period.to}`);
    expect(c.unit.events.all.participants).toBe(Number(people?.n));
    expect(c.unit.shnor.withCurator).toBeGreaterThanOrEqual(1);
  });

  it('documents the endpoints with an example', async () => {
    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { 'x-access'?: string } }>;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    expect(doc.paths['/api/coverage']?.get?.['x-access']).toBe('unit.read');
    expect(doc.paths['/api/coverage/gaps']?.get).toBeDefined();
    expect(doc.components.schemas.Coverage?.example).toMatchObject({ year: 2026 });
  });

  it('lets a municipality see only its own units, and a school none above it', async () => {
    const m = (await (await t.call('GET', '/api/me', { cookie: ck.municipality })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    const munId = m.assignments[0]?.orgUnitId ?? '';
    const own = (await (
      await t.call('GET', `/api/coverage?unitId=${munId}`, { cookie: ck.municipality })
    ).json()) as Coverage;
    const prefix = String((await rows(sql`select path from org_units where id = ${munId}`))[0]?.path);
    const paths = await rows(sql`select id, path from org_units`);
    const pathOf = new Map(paths.map((r) => [String(r.id), String(r.path)]));
    expect(own.children.length).toBeGreaterThan(0);
    for (const ch of own.children) expect(pathOf.get(ch.unit.id)?.startsWith(prefix)).toBe(true);
    expect(
      (await t.call('GET', `/api/coverage?unitId=${regionId}`, { cookie: ck.municipality })).status,
    ).toBe(404);
    const other = paths.find(
      (r) => String(r.path).split('/').length === 4 && !String(r.path).startsWith(prefix),
    );
    expect(
      (await t.call('GET', `/api/coverage?unitId=${other?.id}`, { cookie: ck.municipality })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/coverage/gaps?unitId=${munId}`, { cookie: ck.school })).status).toBe(
      404,
    );
    expect(
      (await t.call('GET', `/api/coverage?unitId=${munId}&year=abc`, { cookie: ck.municipality })).status,
    ).toBe(400);
  });

  it('binds demo indicators and keeps them computed', async () => {
    const bound = await rows(
      sql`select id, actual_value, actual_computed_at from roadmap_items where coverage_binding is not null`,
    );
    expect(bound.length).toBeGreaterThan(0);
    expect(bound.every((b) => b.actual_computed_at !== null)).toBe(true);
  });

  it('lists the gaps of the region with the ШНОР missing things', async () => {
    const res = await t.call('GET', `/api/coverage/gaps?unitId=${regionId}`, { cookie: ck.region });
    expect(res.status).toBe(200);
    const g = (await res.json()) as { shnor: { missing: string[] }[] };
    expect(g.shnor.some((s) => s.missing.includes('curator'))).toBe(true);
  });

  it('a webinar held and its participant list imported move the bound regional indicator by themselves', async () => {
    ck.center = await t.login('center');
    const fact = async () => {
      const [item] = await rows(sql`select i.id, i.roadmap_id, i.actual_value from roadmap_items i
        join roadmaps r on r.id = i.roadmap_id join org_units u on u.id = r.org_unit_id
        where u.kind = 'region' and i.measure like 'Постоянно действующий семинар%'
          and i.coverage_binding is not null`);
      return { id: String(item?.id), roadmapId: String(item?.roadmap_id), value: Number(item?.actual_value) };
    };
    // The first test wrote rows straight into the tables: bring the bound values up to date first.
    await refreshBoundIndicators(database.db, { regionId });
    const before = await fact();
    expect(before.value).toBeLessThan(100);
    const me = (await (await t.call('GET', '/api/me', { cookie: ck.center })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    type Ev = { id: string; version: number; invitations: { name: string; municipality: string | null }[] };
    const call = async <T>(method: string, path: string, body?: unknown) => {
      const res = await t.call(method, path, { cookie: ck.center, body });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(200);
      return JSON.parse(text) as T;
    };
    const draft = await call<Ev>('POST', '/api/events', {
      organiserUnitId: me.assignments[0]?.orgUnitId,
      kind: 'webinar',
      title: 'Вебинар для управленческих команд ШНОР (тест)',
      startsOn: yesterday,
      audienceGroup: 'shnor',
    });
    const announced = await call<Ev>('POST', `/api/events/${draft.id}/status`, {
      status: 'announced',
      version: draft.version,
    });
    // Every invited ШНОР sends its director: the list as an organiser gets it, by school name.
    const csv = ['ФИО;Должность;ОО;Муниципалитет']
      .concat(
        announced.invitations.map(
          (u, i) => `Директор ${i} (тест);Директор;${u.name};${u.municipality ?? ''}`,
        ),
      )
      .join('\n');
    const fd = new FormData();
    fd.append('file', new File([new Uint8Array(Buffer.from(csv))], 'участники.csv'));
    await call('POST', `/api/events/${draft.id}/import?dryRun=false`, fd);
    // Attendance of an announced webinar is not yet participation: it counts when the webinar is held.
    expect((await fact()).value).toBe(before.value);
    const current = await call<Ev>('GET', `/api/events/${draft.id}`);
    await call('POST', `/api/events/${draft.id}/status`, { status: 'held', version: current.version });
    const after = await fact();
    expect(after.value).toBe(100);
    // The roadmap card (a cached prepared read) shows the new fact, marked as computed.
    const card = await t.call('GET', `/api/roadmaps/${after.roadmapId}`, { cookie: ck.region });
    const find = (o: unknown): Record<string, unknown> | undefined => {
      if (!o || typeof o !== 'object') return undefined;
      if ((o as { id?: unknown }).id === after.id) return o as Record<string, unknown>;
      for (const v of Object.values(o)) {
        const hit = find(v);
        if (hit) return hit;
      }
      return undefined;
    };
    const shown = find(await card.json());
    expect(shown?.actualValue).toBe(100);
    expect(shown?.actualComputedAt).toBeTruthy();
  });

  it('the coordinators of two municipalities attend the region’s webinar: the bound «участвуют 100 % координаторов» counts them', async () => {
    ck.center ??= await t.login('center');
    const [ev] = await rows(sql`select id, version from events
      where title like 'Вебинар для муниципальных координаторов%'`);
    const municipalities = await rows(sql`select id from org_units where kind = 'municipality'
      and path like ${`/${regionId}/%`} order by name`);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await t.call(method, path, { cookie: ck.center, body });
      expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(200);
      return (await res.json()) as { version: number };
    };
    for (const m of municipalities.slice(0, 2))
      await call('POST', `/api/events/${ev?.id}/participants`, {
        orgUnitId: m.id,
        fullName: `Координатор ${String(m.id).slice(0, 4)} (тест)`,
        position: 'Муниципальный координатор',
        attended: true,
      });
    const current = await call('GET', `/api/events/${ev?.id}`);
    await call('POST', `/api/events/${ev?.id}/status`, { status: 'held', version: current.version });
    const [item] = await rows(sql`select i.actual_value from roadmap_items i
      join roadmaps r on r.id = i.roadmap_id join org_units u on u.id = r.org_unit_id
      where u.kind = 'region' and i.measure like 'Вебинар для муниципальных координаторов%'`);
    expect(Number(item?.actual_value)).toBe(Math.round((1000 * 2) / municipalities.length) / 10);
  });
});

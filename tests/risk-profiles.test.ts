import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskInstruments,
  riskProfiles,
  riskResponses,
} from '../src/db/schema/risk-profiles.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { drainJobs } from '../src/jobs/runner.js';
import { systemActor } from '../src/modules/access/actor.js';
import { loadActor } from '../src/modules/auth/load-actor.js';
import { computeCampaignProfiles } from '../src/modules/risk-profiles/compute-profiles.js';
import type { HeatMapView } from '../src/modules/risk-profiles/heat-map.js';
import { instrumentSchema } from '../src/modules/risk-profiles/instrument.js';
import type { SchoolProfileView } from '../src/modules/risk-profiles/profile-views.js';
import { loadSchoolRiskSummary } from '../src/modules/risk-profiles/school-risk-summary.js';
import { ProfileScorer, type SchoolProfile } from '../src/modules/risk-profiles/score-profile.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';
import { convertToPdf, libreOffice } from './helpers/libreoffice.js';

// Risk profiles on the demo: computation by the one rule, the school's profile and who sees it, the
// curator's verification, the heat map with its filters, the change of a follow-up, the XLSX.

describe.each(DB_KINDS)('risk profiles on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookie: Record<string, string> = {};
  let nagornoe: string;
  let current: typeof riskCampaigns.$inferSelect;

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'curator', 'school', 'school2', 'teacher', 'center'])
      cookie[l] = await t.login(l);
    const [s] = await database.db
      .select({ id: roleAssignments.orgUnitId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(users.login, 'school'));
    nagornoe = s?.id ?? '';
    const [c] = await database.db
      .select()
      .from(riskCampaigns)
      .where(and(eq(riskCampaigns.stage, 'baseline')))
      .orderBy(riskCampaigns.year);
    const all = await database.db.select().from(riskCampaigns).orderBy(riskCampaigns.year);
    // The current year's closed baseline (the demo also has an open campaign of one municipality).
    current =
      all.filter((x) => x.stage === 'baseline' && x.status === 'closed').at(-1) ?? (c as typeof current);
  }, 300_000);
  afterAll(async () => database?.close());

  const get = async <T>(login: string, url: string) => {
    const r = await t.call('GET', url, { cookie: cookie[login] });
    return { status: r.status, body: (r.status === 200 ? await r.json() : await r.text()) as T };
  };

  it('stores the profiles the rule gives for the answers in the database', async () => {
    const db = database.db;
    const [ins] = await db.select().from(riskInstruments).where(eq(riskInstruments.id, current.instrumentId));
    const scorer = new ProfileScorer(instrumentSchema.parse(ins?.document));
    for (const r of await db.select().from(riskResponses).where(eq(riskResponses.campaignId, current.id))) {
      scorer.touch(r.schoolId);
      for (const [item, a] of Object.entries(r.answers)) scorer.add(r.schoolId, r.respondentId, item, a);
    }
    const expected = new Map(scorer.profiles().map((p) => [p.schoolId, p]));
    const stored = await db.select().from(riskProfiles).where(eq(riskProfiles.campaignId, current.id));
    expect(stored.length).toBe(expected.size);
    expect(stored.length).toBeGreaterThan(10);
    for (const s of stored) expect(s.result).toEqual(expected.get(s.schoolId));
    // some school leaves a group out (too few parents), and its profile says so
    expect(stored.some((s) => (s.result as SchoolProfile).excludedGroups.includes('parent'))).toBe(true);
  });

  it('recomputes through the job for the one who runs the campaign only', async () => {
    const url = `/api/risk-profiles/campaigns/${current.id}/compute`;
    expect((await t.call('POST', url, { cookie: cookie.curator })).status).toBe(403);
    expect((await t.call('POST', url, { cookie: cookie.school2 })).status).toBe(403);
    const r = await t.call('POST', url, { cookie: cookie.region });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { job: { status: string } }).job.status).toBe('queued');
    expect(await drainJobs(database.db, jobHandlers())).toBe(1);
    const list = await get<{ id: string; computed: number; schools: number; job: { status: string } }[]>(
      'region',
      '/api/risk-profiles/campaigns',
    );
    const mine = list.body.find((c) => c.id === current.id);
    expect(mine?.job.status).toBe('done');
    expect(mine?.computed).toBe(mine?.schools);
    // an open campaign is not computed
    await database.db.update(riskCampaigns).set({ status: 'open' }).where(eq(riskCampaigns.id, current.id));
    expect((await t.call('POST', url, { cookie: cookie.region })).status).toBe(409);
    await database.db.update(riskCampaigns).set({ status: 'closed' }).where(eq(riskCampaigns.id, current.id));
  });

  it("shows the school's profile to its readers only, with the year before and excluded groups", async () => {
    const url = `/api/risk-profiles/schools/${nagornoe}`;
    for (const l of ['school', 'teacher', 'curator', 'municipality', 'region']) {
      const r = await get<SchoolProfileView>(l, url);
      expect(r.status, l).toBe(200);
    }
    expect((await get('school2', url)).status).toBe(404);
    const p = (await get<SchoolProfileView>('school', url)).body;
    expect(p.state).toBe('computed');
    expect(p.campaign?.id).toBe(current.id);
    expect(p.factors).toHaveLength(12);
    expect(p.previous?.year).toBe(current.year - 1);
    expect(p.factors.some((f) => f.previous !== null)).toBe(true);
    const withItems = p.factors.find((f) => f.items.length > 0);
    expect(withItems?.items[0]?.text.length).toBeGreaterThan(5);
    expect(p.groups.map((g) => g.group)).toEqual(['director', 'teacher', 'pupil', 'parent']);
    for (const g of p.groups.filter((x) => !x.counted)) expect(g.text).toMatch(/из минимума|нет ответов/);
    expect(p.verification?.canVerify).toBe(false);
    expect(p.verification?.canPropose).toBe(true);
  });

  it('lets the curator record the visit and verify, with a comment on every changed level', async () => {
    const base = `/api/risk-profiles/campaigns/${current.id}/schools/${nagornoe}`;
    const visit = {
      visitDate: '2026-11-20',
      participants: 'Директор, завуч',
      observed: { documents: 'Программа развития', lessons: '', interviews: '' },
      version: 0,
    };
    expect((await t.call('PUT', `${base}/visit`, { cookie: cookie.school, body: visit })).status).toBe(403);
    expect((await t.call('PUT', `${base}/visit`, { cookie: cookie.school2, body: visit })).status).toBe(404);
    // the school proposes priorities before the visit
    const proposed = await t.call('PUT', `${base}/priorities`, {
      cookie: cookie.school,
      body: { factors: ['1', '2'], version: 0 },
    });
    expect(proposed.status).toBe(200);
    expect((await t.call('PUT', `${base}/visit`, { cookie: cookie.curator, body: visit })).status).toBe(409);
    const v = await t.call('PUT', `${base}/visit`, {
      cookie: cookie.curator,
      body: { ...visit, version: 1 },
    });
    expect(v.status).toBe(200);
    const visited = (await v.json()) as SchoolProfileView;
    expect(visited.verification?.status).toBe('visited');
    const levels = Object.fromEntries(visited.factors.map((f) => [f.code, { level: f.level }]));
    const first = visited.factors[0];
    const changedTo = first?.level === 'high' ? 'medium' : 'high';
    const body = {
      levels: { ...levels, '1': { level: changedTo } },
      priorityFactors: ['1', '9'],
      version: 2,
    };
    const noComment = await t.call('PUT', `${base}/verification`, { cookie: cookie.curator, body });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain('комментарий');
    const ok = await t.call('PUT', `${base}/verification`, {
      cookie: cookie.curator,
      body: { ...body, levels: { ...body.levels, '1': { level: changedTo, comment: 'Увидели на визите' } } },
    });
    expect(ok.status).toBe(200);
    const verified = (await ok.json()) as SchoolProfileView;
    expect(verified.verification?.status).toBe('verified');
    expect(verified.factors[0]?.verified).toEqual({ level: changedTo, comment: 'Увидели на визите' });
    expect(verified.verification?.priorityFactors).toEqual(['1', '9']);
    // the history says who proposed, visited and verified, with the changed level and its comment
    expect(verified.verification?.history.map((h) => h.text)).toEqual([
      'Предложены приоритетные риски: 1, 2',
      'Отмечен визит 2026-11-20',
      expect.stringContaining('«Увидели на визите»'),
    ]);
    // frozen afterwards
    const late = await t.call('PUT', `${base}/priorities`, {
      cookie: cookie.school,
      body: { factors: ['3', '4'], version: 3 },
    });
    expect(late.status).toBe(409);
    // what later documents read
    const [u] = await database.db.select().from(users).where(eq(users.login, 'school'));
    const actor = await loadActor(database.db, u?.id ?? '');
    if (!actor) throw new Error('no actor');
    const summary = await loadSchoolRiskSummary(database.db, {
      actor,
      schoolId: nagornoe,
      year: current.year,
    });
    expect(summary?.status).toBe('verified');
    expect(summary?.factors[0]).toMatchObject({
      verifiedLevel: changedTo,
      level: changedTo,
      comment: 'Увидели на визите',
    });
    expect(summary?.priorityFactors.map((f) => f.code)).toEqual(['1', '9']);
    const [u2] = await database.db.select().from(users).where(eq(users.login, 'school2'));
    const other = await loadActor(database.db, u2?.id ?? '');
    if (!other) throw new Error('no actor');
    await expect(
      loadSchoolRiskSummary(database.db, { actor: other, schoolId: nagornoe, year: current.year }),
    ).rejects.toThrow();
  });

  it('draws the heat map of the schools the caller sees, with filters and frequent high risks', async () => {
    const url = `/api/risk-profiles/campaigns/${current.id}/heat-map`;
    const region = (await get<HeatMapView>('region', url)).body;
    const muni = (await get<HeatMapView>('municipality', url)).body;
    const school = (await get<HeatMapView>('school', url)).body;
    expect(region.rows.length).toBeGreaterThan(muni.rows.length);
    expect(new Set(muni.rows.map((r) => r.municipality.id)).size).toBe(1);
    expect(school.rows.map((r) => r.school.id)).toEqual([nagornoe]);
    const shnor = (await get<HeatMapView>('region', `${url}?list=shnor`)).body;
    expect(shnor.rows.length).toBeGreaterThan(0);
    expect(shnor.rows.length).toBeLessThan(region.rows.length);
    expect(shnor.rows.every((r) => r.lists.includes('shnor'))).toBe(true);
    const high = (await get<HeatMapView>('region', `${url}?level=high`)).body;
    expect(high.rows.every((r) => r.cells.some((c) => c.level === 'high'))).toBe(true);
    const top = region.frequent[0];
    const counted = region.rows.filter(
      (r) => r.cells.find((c) => c.code === top?.code)?.level === 'high',
    ).length;
    expect(top?.computedHigh).toBe(counted);
    expect(region.frequent.reduce((n, f) => n + f.verifiedHigh, 0)).toBeGreaterThan(0);
    expect(
      (await get('school2', `${url}?municipalityId=${muni.rows[0]?.municipality.id}`)).body,
    ).not.toContain('Нагорное');
  });

  it('shows the change of a follow-up against its baseline', async () => {
    const [follow] = await database.db
      .select()
      .from(riskCampaigns)
      .where(eq(riskCampaigns.stage, 'followup'));
    const res = await get<HeatMapView>(
      'region',
      `/api/risk-profiles/campaigns/${follow?.id}/heat-map?mode=change`,
    );
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const map = res.body;
    expect(map.baseline?.id).toBe(follow?.baselineCampaignId);
    const cells = map.rows
      .flatMap((r) => r.cells)
      .filter((c) => c.before && c.score !== null && c.before.score !== null);
    expect(cells.length).toBeGreaterThan(50);
    // the demo's follow-up answers are less risky than its baseline's: the mean score went down
    const delta = cells.reduce((s, c) => s + ((c.score ?? 0) - (c.before?.score ?? 0)), 0) / cells.length;
    expect(delta).toBeLessThan(0);
    const p = (
      await get<SchoolProfileView>(
        'school',
        `/api/risk-profiles/schools/${nagornoe}?campaignId=${follow?.id}`,
      )
    ).body;
    expect(p.baseline?.id).toBe(follow?.baselineCampaignId);
    expect(p.factors.some((f) => f.before !== null)).toBe(true);
  });

  it('exports the heat map as XLSX that opens in LibreOffice', async () => {
    const r = await t.call(
      'GET',
      `/api/risk-profiles/campaigns/${current.id}/heat-map/export?mode=verified`,
      {
        cookie: cookie.municipality,
      },
    );
    expect(r.status).toBe(200);
    const data = Buffer.from(await r.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Тепловая карта');
    const muni = (
      await get<HeatMapView>('municipality', `/api/risk-profiles/campaigns/${current.id}/heat-map`)
    ).body;
    expect(ws?.rowCount).toBe(muni.rows.length + 1);
    if (libreOffice) expect(convertToPdf([{ name: 'heat.xlsx', data }])[0]?.length).toBeGreaterThan(1000);
  });

  it('gives a school without answers a profile that says so, and ignores answers of another group', async () => {
    const db = database.db;
    const schools = await db
      .select({ schoolId: riskCampaignSchools.schoolId })
      .from(riskCampaignSchools)
      .where(eq(riskCampaignSchools.campaignId, current.id))
      .limit(2);
    const [a, b] = schools.map((x) => x.schoolId);
    if (!a || !b) throw new Error('no schools');
    const [c] = await db
      .insert(riskCampaigns)
      .values({
        ...current,
        id: undefined,
        title: 'Проверка',
        status: 'closed',
        createdAt: undefined,
        updatedAt: undefined,
      })
      .returning();
    if (!c) throw new Error('no campaign');
    await db.insert(riskCampaignSchools).values([a, b].map((schoolId) => ({ campaignId: c.id, schoolId })));
    const [ins] = await db.select().from(riskInstruments).where(eq(riskInstruments.id, current.instrumentId));
    const instrument = instrumentSchema.parse(ins?.document);
    const director = instrument.items.find((i) => i.group === 'director' && i.options?.length);
    const pupil = instrument.items.find((i) => i.group === 'pupil' && i.options?.length);
    if (!director || !pupil) throw new Error('no items');
    const answer = (item: typeof director) => item.options?.at(-1)?.value ?? '';
    await db.insert(riskResponses).values([
      // the director answers his item and, wrongly, a pupils' item: the latter is never counted
      {
        campaignId: c.id,
        schoolId: a,
        group: 'director',
        respondentId: randomUUID(),
        answers: { [director.id]: answer(director), [pupil.id]: answer(pupil) },
      },
      // an empty questionnaire is no answer
      { campaignId: c.id, schoolId: a, group: 'pupil', respondentId: randomUUID(), answers: {} },
    ]);
    const summary = await computeCampaignProfiles(db, { actor: systemActor('тест'), campaignId: c.id });
    expect(summary).toMatchObject({ schools: 2, responses: 2, ignoredAnswers: 1 });
    const stored = new Map(
      (await db.select().from(riskProfiles).where(eq(riskProfiles.campaignId, c.id))).map((r) => [
        r.schoolId,
        r.result as SchoolProfile,
      ]),
    );
    expect(stored.get(a)?.groups).toEqual({ director: 1, teacher: 0, pupil: 0, parent: 0 });
    const pupilFactor = stored.get(a)?.factors.find((f) => f.code === pupil.factor);
    expect(pupilFactor?.items.some((i) => i.itemId === pupil.id)).toBe(false);
    expect(stored.get(b)?.groups).toEqual({ director: 0, teacher: 0, pupil: 0, parent: 0 });
    expect(stored.get(b)?.excludedGroups).toEqual(['director', 'teacher', 'pupil', 'parent']);
    expect(stored.get(b)?.factors.every((f) => f.level === 'nodata' && f.score === null)).toBe(true);
  });

  it('refuses to compute for a curator and for an unknown campaign', async () => {
    const [u] = await database.db.select().from(users).where(eq(users.login, 'curator'));
    const actor = await loadActor(database.db, u?.id ?? '');
    if (!actor) throw new Error('no actor');
    await expect(
      computeCampaignProfiles(database.db, { actor, campaignId: current.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      computeCampaignProfiles(database.db, { actor, campaignId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { jobs } from '../src/db/schema/jobs.js';
import { riskCampaignLinks } from '../src/db/schema/risk-campaigns.js';
import { riskCampaigns, riskInstruments, riskResponses } from '../src/db/schema/risk-profiles.js';
import { ANON_PER_IP_HOUR } from '../src/modules/risk-campaigns/submit-answer.js';
import { hashToken, newToken } from '../src/modules/risk-campaigns/tokens.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// Campaigns and answering through the HTTP API on the demo: the school's links, anonymous answering
// with its device limit and rate limit, teachers' one-time links, the director, progress, reminders,
// closing, and a new campaign from draft to open.

type Json = Record<string, unknown>;
type SchoolPage = {
  campaign: { id: string; version: number; status: string };
  school: { id: string; name: string };
  counts: { group: string; responses: number; expected: number; minimum: number }[];
  remindedAt: string | null;
  directorAnswered: boolean;
  links: null | {
    anonymous: { group: string; token: string }[];
    teachers: { label: string | null; used: boolean }[];
  };
};
type Form = {
  state: string;
  schoolName: string;
  group: string;
  items: { id: string; type: string; options: { value: string }[] }[];
};

describe.each(DB_KINDS)('questionnaire campaigns on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let campaignId = '';
  let schoolId = '';
  let page: SchoolPage;
  const _json = async (res: Response) => (await res.json()) as Json;
  const count = (p: SchoolPage, g: string) => p.counts.find((c) => c.group === g)?.responses ?? -1;
  const getPage = async (login = 'school') =>
    (await (
      await t.call('GET', `/api/risk-campaigns/${campaignId}/schools/${schoolId}`, { cookie: ck[login] })
    ).json()) as SchoolPage;
  const answerOf = (form: Form) => {
    const a: Record<string, string | string[] | number> = {};
    for (const i of form.items)
      a[i.id] =
        i.type === 'number'
          ? 3
          : i.type === 'multi'
            ? [i.options[0]?.value ?? '']
            : (i.options[0]?.value ?? '');
    return a;
  };
  const submit = (token: string, body: Json, opts: { cookie?: string; peer?: string } = {}) =>
    t.call('POST', `/api/answer/${token}`, { body, peer: opts.peer ?? '10.0.0.1', cookie: opts.cookie });

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'school2', 'teacher', 'curator'])
      ck[l] = await t.login(l);
    const list = (await (await t.call('GET', '/api/risk-campaigns', { cookie: ck.school })).json()) as {
      id: string;
      status: string;
    }[];
    campaignId = list.find((c) => c.status === 'open')?.id ?? '';
    const me = (await (await t.call('GET', '/api/me', { cookie: ck.school })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    schoolId = me.assignments[0]?.orgUnitId ?? '';
    page = await getPage();
  }, 300_000);
  afterAll(async () => database.close());

  it('shows the school its counts and its links, never the answers', () => {
    expect(page.campaign.status).toBe('open');
    expect(count(page, 'pupil')).toBe(4);
    expect(page.links?.anonymous.map((l) => l.group).sort()).toEqual(['parent', 'pupil']);
    expect(page.links?.teachers).toHaveLength(5);
    expect(page.links?.teachers.filter((l) => l.used)).toHaveLength(2);
    expect(JSON.stringify(page)).not.toContain('answers');
  });

  it('prints the anonymous links with QR codes and an instruction in Russian, for the school team only', async () => {
    const url = `/api/risk-campaigns/${campaignId}/schools/${schoolId}/sheet`;
    const res = await t.call('GET', url, { cookie: ck.school });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html.match(/<svg/g)).toHaveLength(2);
    for (const l of page.links?.anonymous ?? []) expect(html).toContain(`/a/${l.token}`);
    expect(html).toContain('Анкета для обучающихся');
    expect(html).toContain('С одного устройства можно ответить один раз');
    expect((await t.call('GET', url, { cookie: ck.municipality })).status).toBe(403);
  });

  it('hides the links from everyone but the school team, and the campaign from school2 and the teacher', async () => {
    for (const l of ['municipality', 'curator', 'region']) expect((await getPage(l)).links).toBeNull();
    for (const l of ['school2', 'teacher'])
      expect((await t.call('GET', `/api/risk-campaigns/${campaignId}`, { cookie: ck[l] })).status).toBe(404);
  });

  it('answers anonymously once per device; validates answers against the instrument', async () => {
    const token = page.links?.anonymous.find((l) => l.group === 'pupil')?.token ?? '';
    const res = await t.call('GET', `/api/answer/${token}`);
    expect(res.status).toBe(200);
    const device = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(device).toMatch(/^opora_device=/);
    const form = (await res.json()) as Form;
    expect(form).toMatchObject({ state: 'open', group: 'pupil' });
    expect(form.items.length).toBeGreaterThan(0);
    expect(Object.keys(form)).not.toContain('counts');
    const bad = await submit(token, { answers: { 'нет-такого': '1' } }, { cookie: device });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('В анкете нет вопроса');
    const first = form.items[0];
    const badOption = await submit(
      token,
      { answers: { [first?.id ?? '']: 'нет-варианта' } },
      { cookie: device },
    );
    expect(badOption.status).toBe(400);
    const directorItem = await submit(token, { answers: { 'director-f1': '1' } }, { cookie: device });
    expect(directorItem.status).toBe(400);
    expect((await submit(token, { answers: answerOf(form) }, { cookie: device })).status).toBe(200);
    const again = await submit(token, { answers: answerOf(form) }, { cookie: device });
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain('С этого устройства уже ответили');
    // The page's own id is used when the browser keeps no cookie; the same id is refused the second time.
    const deviceId = crypto.randomUUID();
    expect((await submit(token, { answers: answerOf(form), deviceId })).status).toBe(200);
    expect((await submit(token, { answers: answerOf(form), deviceId })).status).toBe(409);
    expect(count(await getPage(), 'pupil')).toBe(6);
  });

  it('limits submissions per address and hour', async () => {
    const token = page.links?.anonymous.find((l) => l.group === 'parent')?.token ?? '';
    const form = (await (await t.call('GET', `/api/answer/${token}`)).json()) as Form;
    const before = count(await getPage(), 'parent');
    const statuses: number[] = [];
    for (let i = 0; i <= ANON_PER_IP_HOUR; i++)
      statuses.push(
        (
          await submit(
            token,
            { answers: answerOf(form), deviceId: crypto.randomUUID() },
            { peer: '10.9.9.9' },
          )
        ).status,
      );
    expect(statuses.filter((s) => s === 200)).toHaveLength(ANON_PER_IP_HOUR);
    expect(statuses.at(-1)).toBe(429);
    expect(count(await getPage(), 'parent')).toBe(before + ANON_PER_IP_HOUR);
    // Another address is not held back.
    expect(
      (await submit(token, { answers: answerOf(form), deviceId: crypto.randomUUID() }, { peer: '10.9.9.8' }))
        .status,
    ).toBe(200);
  }, 120_000);

  it('gives teachers one-time links, shown once', async () => {
    const res = await t.call('POST', `/api/risk-campaigns/${campaignId}/schools/${schoolId}/teacher-links`, {
      cookie: ck.school,
      body: { count: 2, labels: ['Учитель математики'] },
    });
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as { links: { token: string; label: string | null }[] };
    expect(links.map((l) => l.label)).toEqual(['Учитель математики', null]);
    const token = links[0]?.token ?? '';
    const form = (await (await t.call('GET', `/api/answer/${token}`)).json()) as Form & { answered: boolean };
    expect(form).toMatchObject({ group: 'teacher', answered: false });
    expect((await submit(token, { answers: answerOf(form) })).status).toBe(200);
    const again = await submit(token, { answers: answerOf(form), deviceId: crypto.randomUUID() });
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain('одноразовая');
    const p = await getPage();
    expect(p.links?.teachers.filter((l) => l.used)).toHaveLength(3);
    expect(JSON.stringify(p)).not.toContain(token);
    const refused = await t.call(
      'POST',
      `/api/risk-campaigns/${campaignId}/schools/${schoolId}/teacher-links`,
      {
        cookie: ck.municipality,
        body: { count: 1 },
      },
    );
    expect(refused.status).toBe(403);
  });

  it('lets the director answer once, signed in', async () => {
    const url = `/api/risk-campaigns/${campaignId}/schools/${schoolId}/director`;
    const form = (await (await t.call('GET', url, { cookie: ck.school })).json()) as Form & {
      answered: boolean;
    };
    expect(form.answered).toBe(false);
    expect((await t.call('POST', url, { cookie: ck.school, body: { answers: answerOf(form) } })).status).toBe(
      200,
    );
    expect((await t.call('POST', url, { cookie: ck.school, body: { answers: answerOf(form) } })).status).toBe(
      409,
    );
    expect((await getPage()).directorAnswered).toBe(true);
  });

  it('shows the municipality progress with filters, and records a reminder the school sees', async () => {
    const res = await t.call('GET', `/api/risk-campaigns/${campaignId}?belowMinimum=true`, {
      cookie: ck.municipality,
    });
    expect(res.status).toBe(200);
    const progress = (await res.json()) as {
      schools: { schoolId: string; belowMinimum: string[] }[];
      totals: unknown[];
    };
    expect(progress.schools.every((s) => s.belowMinimum.length > 0)).toBe(true);
    // The demo school has 3 teachers' answers (minimum 5).
    expect(progress.schools.find((s) => s.schoolId === schoolId)?.belowMinimum).toContain('teacher');
    const enough = (await (
      await t.call('GET', `/api/risk-campaigns/${campaignId}?belowMinimum=false`, { cookie: ck.municipality })
    ).json()) as { schools: { schoolId: string; belowMinimum: string[] }[] };
    expect(enough.schools.every((s) => s.belowMinimum.length === 0)).toBe(true);
    const remind = `/api/risk-campaigns/${campaignId}/schools/${schoolId}/remind`;
    expect((await t.call('POST', remind, { cookie: ck.region })).status).toBe(403);
    expect((await t.call('POST', remind, { cookie: ck.municipality })).status).toBe(200);
    expect((await getPage()).remindedAt).not.toBeNull();
  });

  it('refuses answers once the campaign is closed', async () => {
    const token = page.links?.anonymous.find((l) => l.group === 'pupil')?.token ?? '';
    const form = (await (await t.call('GET', `/api/answer/${token}`)).json()) as Form;
    const current = await getPage('municipality');
    const close = (v: number) =>
      t.call('POST', `/api/risk-campaigns/${campaignId}/close`, {
        cookie: ck.municipality,
        body: { version: v },
      });
    expect((await close(current.campaign.version + 5)).status).toBe(409);
    expect((await close(current.campaign.version)).status).toBe(200);
    // Closing queues the computation of the campaign's profiles.
    const queued = await database.db
      .select({ kind: jobs.kind })
      .from(jobs)
      .where(sql`${jobs.params}->>'campaignId' = ${campaignId}`);
    expect(queued.map((j) => j.kind)).toEqual(['risk_profiles.compute']);
    const res = await submit(token, { answers: answerOf(form), deviceId: crypto.randomUUID() });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('завершено');
    expect(((await (await t.call('GET', `/api/answer/${token}`)).json()) as Form).state).toBe('closed');
  });

  it('creates a draft, edits it with versions, opens it (freezing a draft instrument)', async () => {
    const me = (await (await t.call('GET', '/api/me', { cookie: ck.municipality })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    const ownerUnitId = me.assignments[0]?.orgUnitId ?? '';
    const year = new Date().getFullYear();
    const setup = (await (
      await t.call('GET', `/api/risk-campaign-setup?ownerUnitId=${ownerUnitId}&year=${year}`, {
        cookie: ck.municipality,
      })
    ).json()) as { instruments: { id: string }[]; schools: { id: string; pupils: number | null }[] };
    expect(setup.schools.length).toBeGreaterThan(2);
    // A draft copy of the region's instrument: opening the campaign must freeze it.
    const [frozen] = await database.db.select().from(riskInstruments).limit(1);
    if (!frozen) throw new Error('no instrument');
    const [draft] = await database.db
      .insert(riskInstruments)
      .values({ ...frozen, id: undefined, versionNo: 99, status: 'draft' })
      .returning({ id: riskInstruments.id });
    const body = {
      ownerUnitId,
      instrumentId: draft?.id,
      year,
      title: 'Повторное анкетирование',
      stage: 'baseline',
      groups: ['teacher', 'pupil'],
      opensOn: `${year}-01-01`,
      closesOn: `${year + 1}-12-31`,
      schools: setup.schools
        .slice(0, 2)
        .map((s) => ({ schoolId: s.id, expected: { teacher: 10, pupil: 30, parent: 7 } })),
    };
    expect((await t.call('POST', '/api/risk-campaigns', { cookie: ck.region, body })).status).toBe(403);
    expect((await t.call('POST', '/api/risk-campaigns', { cookie: ck.school2, body })).status).toBe(404);
    const outside = await t.call('POST', '/api/risk-campaigns', {
      cookie: ck.municipality,
      body: { ...body, schools: [{ schoolId: ownerUnitId, expected: {} }] },
    });
    expect(outside.status).toBe(400);
    const created = await t.call('POST', '/api/risk-campaigns', { cookie: ck.municipality, body });
    expect(created.status).toBe(200);
    const c = (await created.json()) as { id: string; version: number; status: string };
    expect(c.status).toBe('draft');
    const patch = (version: number) =>
      t.call('PATCH', `/api/risk-campaigns/${c.id}`, {
        cookie: ck.municipality,
        body: { title: 'Анкетирование учителей', version },
      });
    expect((await patch(c.version + 1)).status).toBe(409);
    const titled = (await (await patch(c.version)).json()) as { version: number; title: string };
    expect(titled.title).toBe('Анкетирование учителей');
    // A teacher link of the second school, opened once (so the process keeps it); then the draft drops
    // that school: the link must not take an answer for a school outside the campaign.
    const removedSchool = setup.schools[1]?.id ?? '';
    const staleToken = newToken();
    await database.db.insert(riskCampaignLinks).values({
      campaignId: c.id,
      schoolId: removedSchool,
      group: 'teacher',
      kind: 'personal',
      tokenHash: hashToken(staleToken),
      respondentId: crypto.randomUUID(),
    });
    const staleForm = (await (await t.call('GET', `/api/answer/${staleToken}`)).json()) as Form;
    const edited = (await (
      await t.call('PATCH', `/api/risk-campaigns/${c.id}`, {
        cookie: ck.municipality,
        body: { schools: body.schools.slice(0, 1), version: titled.version },
      })
    ).json()) as { version: number; title: string };
    const opened = await t.call('POST', `/api/risk-campaigns/${c.id}/open`, {
      cookie: ck.municipality,
      body: { version: edited.version },
    });
    expect(opened.status).toBe(200);
    const [ins] = await database.db
      .select({ status: riskInstruments.status })
      .from(riskInstruments)
      .where(eq(riskInstruments.id, draft?.id ?? ''));
    expect(ins?.status).toBe('frozen');
    const [row] = await database.db
      .select({ status: riskCampaigns.status })
      .from(riskCampaigns)
      .where(and(eq(riskCampaigns.id, c.id)));
    expect(row?.status).toBe('open');
    expect((await submit(staleToken, { answers: answerOf(staleForm) })).status).not.toBe(200);
    const stray = await database.db
      .select({ id: riskResponses.id })
      .from(riskResponses)
      .where(and(eq(riskResponses.campaignId, c.id), eq(riskResponses.schoolId, removedSchool)));
    expect(stray).toEqual([]);
    // Its schools got anonymous links for pupils only (parents do not take part).
    const sp = (await (
      await t.call('GET', `/api/risk-campaigns/${c.id}/schools/${setup.schools[0]?.id}`, {
        cookie: ck.municipality,
      })
    ).json()) as SchoolPage;
    expect(sp.counts.map((x) => [x.group, x.expected])).toEqual([
      ['teacher', 10],
      ['pupil', 30],
    ]);
  });

  it('closes an open campaign past its closing date when it is read, with a history event', async () => {
    const [open] = await database.db
      .select({ id: riskCampaigns.id })
      .from(riskCampaigns)
      .where(eq(riskCampaigns.status, 'open'))
      .limit(1);
    if (!open) throw new Error('no open campaign');
    await database.db
      .update(riskCampaigns)
      .set({ closesOn: '2020-01-31', opensOn: '2020-01-01' })
      .where(eq(riskCampaigns.id, open.id));
    const res = await t.call('GET', `/api/risk-campaigns/${open.id}`, { cookie: ck.municipality });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { campaign: { status: string } }).campaign.status).toBe('closed');
    const events = await database.db
      .select({ payload: auditEvents.payload, actor: auditEvents.actorName })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, open.id), eq(auditEvents.type, 'risk_campaign.closed')));
    expect(events.map((e) => e.payload)).toEqual([{ automatic: true }]);
  });
});

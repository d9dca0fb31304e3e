import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { closeParsePools } from '../src/modules/files/parse-pool.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';
import { manyRowsWorkbook } from './helpers/hostile-files.js';

// Events through the HTTP API on the demo (issue 12 §3): the centre's webinar from draft to announced,
// a school's registration, the participant list import (dry run, refused bad file, hostile files),
// materials, what another school sees; every answer checked against the route's schema by testApp.

type Detail = {
  id: string;
  version: number;
  status: string;
  invited: number;
  invitations: { unitId: string; name: string; municipality: string | null }[];
  participants: { fullName: string; orgUnitId: string | null }[];
  materials: { id: string; name: string; hasFile: boolean }[];
  participation: { invited: number; tookPart: number; share: number | null; belowTarget: boolean };
};
type Report = {
  dryRun: boolean;
  errors: number;
  written: number;
  replaces: number;
  rows: { error: string | null }[];
};

const form = (name: string, data: Buffer | string) => {
  const fd = new FormData();
  fd.append('file', new File([new Uint8Array(typeof data === 'string' ? Buffer.from(data) : data)], name));
  return fd;
};

describe.each(DB_KINDS)('events over HTTP on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let event: Detail;
  let schoolId = '';
  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['center', 'school', 'school2', 'municipality', 'teacher']) ck[l] = await t.login(l);
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    await closeParsePools();
  });
  const get = async (login: string, id = event.id) =>
    (await (await t.call('GET', `/api/events/${id}`, { cookie: ck[login] })).json()) as Detail;

  it('the centre creates a webinar for the ШНОР and announces it: invitations from the list in force', async () => {
    const me = (await (await t.call('GET', '/api/me', { cookie: ck.center })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    const created = await t.call('POST', '/api/events', {
      cookie: ck.center,
      body: {
        organiserUnitId: me.assignments[0]?.orgUnitId,
        kind: 'webinar',
        title: 'Вебинар API',
        startsOn: '2026-12-20',
        audienceGroup: 'shnor',
        coverageTarget: 50,
      },
    });
    expect(created.status).toBe(200);
    const draft = (await created.json()) as Detail;
    expect(draft.status).toBe('draft');
    const stale = await t.call('POST', `/api/events/${draft.id}/status`, {
      cookie: ck.center,
      body: { status: 'announced', version: draft.version + 1 },
    });
    expect(stale.status).toBe(409);
    const res = await t.call('POST', `/api/events/${draft.id}/status`, {
      cookie: ck.center,
      body: { status: 'announced', version: draft.version },
    });
    expect(res.status).toBe(200);
    event = (await res.json()) as Detail;
    expect(event.invited).toBeGreaterThan(10);
    const [created_] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, event.id), eq(auditEvents.type, 'event.status_changed')));
    expect(created_?.payload).toMatchObject({ from: 'draft', to: 'announced' });
  });

  it('the school registers its participant; another school and a teacher of the first see what is theirs', async () => {
    const mine = (await (await t.call('GET', '/api/events?mine=true', { cookie: ck.school })).json()) as {
      id: string;
      mine: string;
    }[];
    expect(mine.find((e) => e.id === event.id)?.mine).toBe('invited');
    const school = (await (await t.call('GET', '/api/me', { cookie: ck.school })).json()) as {
      assignments: { orgUnitId: string }[];
    };
    schoolId = school.assignments[0]?.orgUnitId ?? '';
    const res = await t.call('POST', `/api/events/${event.id}/participants`, {
      cookie: ck.school,
      body: { orgUnitId: schoolId, fullName: 'Кравец Нина Олеговна (демо)', position: 'Директор' },
    });
    expect(res.status).toBe(200);
    // A school can not mark attendance or import.
    expect(
      (
        await t.call('POST', `/api/events/${event.id}/attendance`, {
          cookie: ck.school,
          body: { participantIds: [], attended: true },
        })
      ).status,
    ).toBe(403);
    const other = await get('school2');
    expect(JSON.stringify(other)).not.toContain('Кравец');
    const teacher = await get('teacher');
    expect(teacher.participants.map((p) => p.fullName)).toEqual(['Кравец Нина Олеговна (демо)']);
  });

  it('imports the list: a dry run and a refused file write nothing, the clean file marks everyone attended', async () => {
    const full = await get('center');
    const [a, b] = full.invitations;
    const line = (u: typeof a) => `${u?.name};${u?.municipality ?? ''}`;
    const bad = `ФИО;ОО;Муниципалитет\nБелова Ирина (демо);${line(a)}\nГромов Илья (демо);Нет такой школы;\n`;
    const url = `/api/events/${event.id}/import`;
    const dry = (await (
      await t.call('POST', `${url}?dryRun=true`, { cookie: ck.center, body: form('у.csv', bad) })
    ).json()) as Report;
    expect(dry).toMatchObject({ dryRun: true, errors: 1, written: 0 });
    const refused = (await (
      await t.call('POST', `${url}?dryRun=false`, { cookie: ck.center, body: form('у.csv', bad) })
    ).json()) as Report;
    expect(refused.written).toBe(0);
    expect((await get('center')).participation.tookPart).toBe(0);
    const good = `ФИО;ОО;Муниципалитет\nБелова Ирина (демо);${line(a)}\nГромов Илья (демо);${line(b)}\n`;
    const done = (await (
      await t.call('POST', `${url}?dryRun=false`, { cookie: ck.center, body: form('у.csv', good) })
    ).json()) as Report;
    expect(done.written).toBe(2);
    const after = await get('center');
    expect(after.participation.tookPart).toBe(2);
    expect(after.participation.belowTarget).toBe(true);
  });

  it('hostile and wrong files get a clear Russian answer, not a 500', async () => {
    const url = `/api/events/${event.id}/import?dryRun=true`;
    const many = await t.call('POST', url, {
      cookie: ck.center,
      body: form('у.xlsx', manyRowsWorkbook(1, 8000)),
    });
    expect([400, 413]).toContain(many.status);
    expect(await many.text()).toMatch(/строк/);
    const binary = await t.call('POST', url, {
      cookie: ck.center,
      body: form('у.csv', Buffer.from([0, 1, 2, 3, 0, 0])),
    });
    expect(binary.status).toBe(400);
    const txt = await t.call('POST', url, { cookie: ck.center, body: form('у.txt', 'ФИО;ОО\n') });
    expect(txt.status).toBe(415);
    const fake = await t.call('POST', url, { cookie: ck.center, body: form('у.xlsx', 'не книга') });
    expect(fake.status).toBe(400);
  });

  it('materials: a file is read by whoever reads the event, a municipal seminar’s by nobody outside', async () => {
    const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
    const res = await t.call('POST', `/api/events/${event.id}/materials`, {
      cookie: ck.center,
      body: form('программа.pdf', pdf),
    });
    expect(res.status).toBe(200);
    const m = ((await res.json()) as Detail).materials.find((x) => x.hasFile);
    const file = await t.call('GET', `/api/events/${event.id}/materials/${m?.id}`, { cookie: ck.school });
    expect(file.status).toBe(200);
    const list = (await (await t.call('GET', '/api/events', { cookie: ck.municipality })).json()) as {
      id: string;
      title: string;
    }[];
    const seminar = list.find((e) => e.title.startsWith('Семинар «Методическое'));
    expect(seminar).toBeDefined();
    expect((await t.call('GET', `/api/events/${seminar?.id}`, { cookie: ck.school2 })).status).toBe(404);
    const s2list = (await (await t.call('GET', '/api/events', { cookie: ck.school2 })).json()) as {
      id: string;
    }[];
    expect(s2list.map((e) => e.id)).not.toContain(seminar?.id);
  });
});

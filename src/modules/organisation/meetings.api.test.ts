import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../tests/helpers/api.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import type { Database } from '../../db/client.js';
import type { BodyDetail, BodySummary, DecisionTask, MeetingDetail, MissedBody } from './meeting-views.js';

// Bodies, meetings and decisions through HTTP (every answer checked against its route's schema by
// testApp), and the protocol's DOCX: its parts are in the document and it opens in LibreOffice.

describe.each(DB_KINDS)('meetings API on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let t: ReturnType<typeof testApp>;
  const cookie = {} as Record<string, string>;
  let meetingId: string;
  let docx: Buffer;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['school1', 'school2', 'mun1', 'region'])
      cookie[login] = await t.login(login, 'password-123');
  });
  afterAll(() => database.close());

  // The answer's JSON typed as the route's view (testApp has already checked it against the schema).
  const call = async <T = unknown>(method: string, login: string, url: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: cookie[login], body });
    const type = res.headers.get('content-type') ?? '';
    const json = (type.includes('json') ? await res.json() : null) as T;
    return { status: res.status, json, res };
  };

  it('holds a meeting of a body with a decision the school marks done', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const bad = await call('POST', 'mun1', '/api/working-bodies', {
      orgUnitId: f.M1.id,
      kind: 'working_group',
      name: ' ',
      activeFrom: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    const body = await call<BodyDetail>('POST', 'mun1', '/api/working-bodies', {
      orgUnitId: f.M1.id,
      kind: 'working_group',
      name: 'Рабочая группа района',
      periodicity: 'monthly',
      activeFrom: '2026-01-01',
      order: { number: '5-о', date: '2025-12-20' },
      members: [
        { fullName: 'Председатель Петров', position: 'Начальник отдела', orgUnitId: f.M1.id, isChair: true },
        { fullName: 'Директор Сидорова', position: 'Директор', orgUnitId: f.S1.id },
      ],
    });
    expect(body.status).toBe(200);
    expect(body.json.members).toHaveLength(2);
    const created = await call<MeetingDetail>('POST', 'mun1', '/api/meetings', {
      kind: 'body_meeting',
      bodyId: body.json.id,
      date: '2026-03-10',
      title: 'О ходе реализации программ',
      agenda: '1. О программах.',
    });
    expect(created.status).toBe(200);
    meetingId = created.json.id;
    expect(created.json.participants.map((p: { isMember: boolean }) => p.isMember)).toEqual([true, true]);
    const saved = await call('PATCH', 'mun1', `/api/meetings/${meetingId}`, {
      version: 1,
      protocolNumber: '3',
      protocol: 'Слушали: Петров.\nРешили: принять к сведению.',
      participants: [
        ...created.json.participants.map((p: Record<string, unknown>) => ({
          fullName: p.fullName,
          position: p.position,
          orgUnitId: p.orgUnitId,
          isMember: true,
          attended: p.fullName !== 'Директор Сидорова',
        })),
        { fullName: 'Гость Орлова', position: 'Методист', isMember: false, attended: true },
      ],
      decisions: [{ text: 'Обновить план работы школы', responsibleUnitId: f.S1.id, dueDate: '2026-04-01' }],
    });
    expect(saved.status).toBe(200);
    const stale = await call('PATCH', 'mun1', `/api/meetings/${meetingId}`, { version: 1, title: 'Другое' });
    expect(stale.status).toBe(409);
    const foreign = await call('PATCH', 'mun1', `/api/meetings/${meetingId}`, {
      version: 2,
      decisions: [{ text: 'Чужой школе', responsibleUnitId: f.S3.id }],
    });
    expect(foreign.status).toBe(400);

    const tasks = await call<DecisionTask[]>('GET', 'school1', '/api/meeting-decisions?view=mine');
    expect(tasks.json).toHaveLength(1);
    const task = tasks.json[0];
    if (!task) throw new Error('no decision task');
    expect([task.overdue, task.meeting.id]).toEqual(['2026-04-01' < today, meetingId]);
    expect((await call('GET', 'school2', '/api/meeting-decisions?view=mine')).json).toEqual([]);
    expect((await call('GET', 'school2', `/api/meetings/${meetingId}`)).status).toBe(404);
    expect((await call('GET', 'school1', `/api/meetings/${meetingId}/protocol.docx`)).status).toBe(403);
    const noOutcome = await call('POST', 'school1', `/api/meeting-decisions/${task.id}/done`, {
      version: task.version,
      outcome: '',
    });
    expect(noOutcome.status).toBe(400);
    const done = await call('POST', 'school1', `/api/meeting-decisions/${task.id}/done`, {
      version: task.version,
      outcome: 'План обновлён',
    });
    expect(done.status).toBe(200);
    expect((await call('GET', 'school1', '/api/meeting-decisions?view=mine')).json).toEqual([]);
    const next = await call<MeetingDetail>('POST', 'mun1', '/api/meetings', {
      kind: 'body_meeting',
      bodyId: body.json.id,
      date: '2026-04-14',
      title: 'Следующее заседание',
    });
    expect(next.json.previousOpen).toEqual([]);
    const list = await call<BodySummary[]>('GET', 'region', `/api/working-bodies?unitId=${f.M1.id}`);
    expect(list.json.map((b) => b.meetings)).toEqual([2]);
    const missed = await call<MissedBody[]>('GET', 'region', '/api/working-bodies-missed');
    expect(missed.json[0]?.missed[0]).toEqual({ from: '2026-01-01', to: '2026-01-31' });

    const file = await call('GET', 'region', `/api/meetings/${meetingId}/protocol.docx`);
    expect(file.status).toBe(200);
    docx = Buffer.from(await file.res.arrayBuffer());
  });

  it('puts number, date, body, chair, present and invited, agenda, text and decisions into the DOCX', async () => {
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    for (const text of [
      'Протокол заседания № 3',
      'Рабочая группа района',
      '10.03.2026',
      'Председатель Петров',
      'Гость Орлова — Методист',
      'Отсутствовали',
      'Директор Сидорова',
      '1. О программах.',
      'Решили: принять к сведению.',
      'Ответственный',
      'Обновить план работы школы',
      'Школа 1',
      '01.04.2026',
    ])
      expect(xml, text).toContain(text);
  });

  it.skipIf(!libreOffice)(
    'opens in LibreOffice',
    () => {
      const [pdf] = convertToPdf([{ name: 'protocol.docx', data: docx }]);
      expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
    },
    180_000,
  );
});

import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { drainJobs } from '../src/jobs/runner.js';
import type { ReviewDecision } from '../src/modules/reports/review-decisions.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { reportData } from './helpers/report-fixture.js';

// The analytic reports through HTTP (every answer checked against its route's schema by testApp): the
// job's progress as the page polls it, a draft's edit with a stale version, issue, the files, a review
// with a decision that the registry and «Мои задачи» show — and nothing of it for another municipality.

type Detail = {
  id: string;
  status: string;
  version: number;
  job: { status: string; progress: number } | null;
  canEdit: boolean;
  canRecordDecision: boolean;
  decisions: number;
  content: {
    blocks: { type: string; items?: { id: string; unitId: string | null; text: string }[] }[];
  } | null;
};

describe.each(DB_KINDS)('reports API on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let t: ReturnType<typeof testApp>;
  const cookie = {} as Record<string, string>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    await reportData(database.db, f);
    t = testApp(database);
    for (const login of ['region', 'mun1', 'mun2', 'school1'])
      cookie[login] = await t.login(login, 'password-123');
  });
  afterAll(() => database.close());

  const call = async <T = unknown>(method: string, login: string, url: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: cookie[login], body });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, json: (type.includes('json') ? await res.json() : null) as T, res };
  };

  it('generates, edits, issues a report and records a decision the municipality then works on', async () => {
    const templates = await call<{ template: string }[]>('GET', 'school1', '/api/report-templates');
    expect(templates.json.map((x) => x.template)).toEqual([
      'identification',
      'shnor_dynamics',
      'roadmap_execution',
      'positive_change',
      'support_effect',
    ]);
    expect(
      (
        await call('POST', 'school1', '/api/reports', {
          unitId: f.R.id,
          template: 'identification',
          year: 2025,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('POST', 'region', '/api/reports', {
          unitId: f.R.id,
          template: 'no_such_template',
          year: 2025,
        })
      ).status,
    ).toBe(400);
    const started = await call<{ reportId: string }>('POST', 'region', '/api/reports', {
      unitId: f.R.id,
      template: 'identification',
      year: 2025,
    });
    expect(started.status).toBe(200);
    const url = `/api/reports/${started.json.reportId}`;
    const queued = await call<Detail>('GET', 'region', url);
    expect([queued.json.status, queued.json.job?.status, queued.json.canEdit]).toEqual([
      'generating',
      'queued',
      false,
    ]);
    await drainJobs(database.db, jobHandlers());
    const draft = await call<Detail>('GET', 'region', url);
    expect([draft.json.status, draft.json.job?.status, draft.json.job?.progress, draft.json.canEdit]).toEqual(
      ['draft', 'done', 1, true],
    );
    expect((await call('GET', 'mun2', url)).status).toBe(404);
    expect((await call<Detail[]>('GET', 'mun1', '/api/reports')).json).toEqual([]);

    const recs = draft.json.content?.blocks.find((b) => b.type === 'recommendations')?.items ?? [];
    const edit = {
      version: draft.json.version,
      recommendations: recs.map((r, i) => ({
        id: r.id,
        unitId: r.unitId,
        text: i === 0 ? 'Новая редакция' : r.text,
      })),
    };
    expect((await call('PATCH', 'mun1', url, edit)).status).toBe(404);
    const edited = await call<Detail>('PATCH', 'region', url, edit);
    expect(edited.status).toBe(200);
    expect((await call('PATCH', 'region', url, edit)).status).toBe(409);
    expect(
      (
        await call('PATCH', 'region', url, {
          ...edit,
          version: edited.json.version,
          recommendations: [{ unitId: f.S3.id, text: ' ' }],
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', 'region', `${url}/issue`, { version: draft.json.version })).status).toBe(409);
    const issued = await call<Detail>('POST', 'region', `${url}/issue`, { version: edited.json.version });
    expect([issued.json.status, issued.json.canEdit, issued.json.canRecordDecision]).toEqual([
      'issued',
      false,
      true,
    ]);
    const docx = await call('GET', 'region', `${url}/file?format=docx`);
    expect(docx.res.headers.get('content-type')).toContain('wordprocessingml');
    const parts = unzipSync(new Uint8Array(await docx.res.arrayBuffer()));
    expect(new TextDecoder().decode(parts['word/document.xml'])).toContain('Новая редакция');
    const pdf = await call('GET', 'region', `${url}/file?format=pdf`);
    expect(
      Buffer.from(await pdf.res.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');

    const review = await call('POST', 'region', '/api/meetings', {
      kind: 'review',
      reportId: started.json.reportId,
      date: '2026-02-10',
      title: 'Рассмотрение итогов выявления',
      protocolNumber: '3',
      decisions: [{ text: 'Проверить школы района', responsibleUnitId: f.M1.id, dueDate: '2099-01-01' }],
    });
    expect(review.status).toBe(200);
    expect((await call<Detail>('GET', 'region', url)).json.decisions).toBe(1);
    const mine = await call<{ text: string }[]>('GET', 'mun1', '/api/meeting-decisions?view=mine');
    expect(mine.json.map((d) => d.text)).toEqual(['Проверить школы района']);
    const registry = await call<ReviewDecision[]>(
      'GET',
      'mun1',
      `/api/review-decisions?unitId=${f.M1.id}&status=open`,
    );
    expect(registry.json.map((d) => [d.text, d.report?.id, d.meeting.protocolNumber, d.overdue])).toEqual([
      ['Проверить школы района', started.json.reportId, '3', false],
    ]);
    expect((await call<ReviewDecision[]>('GET', 'mun2', '/api/review-decisions')).json).toEqual([]);
    expect(
      (await call<ReviewDecision[]>('GET', 'region', '/api/review-decisions?overdue=true')).json,
    ).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createItem } from '../src/modules/roadmaps/create-item.js';
import { createRoadmap } from '../src/modules/roadmaps/create-roadmap.js';
import { getRoadmap } from '../src/modules/roadmaps/get-roadmap.js';
import { updateRoadmap } from '../src/modules/roadmaps/update-roadmap.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// The proof of execution over HTTP (docs/decisions/0017-evidence-rules.md): the refusal in Russian,
// the kind of an uploaded file, the inline preview that only our own pages may frame, and a
// confirmation that names the files seen.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('evidence API on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};
  let item: { id: string; version: number };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const f = await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['school1', 'school2', 'curator'])
      cookies[login] = await t.login(login, 'password-123');
    const r = await createRoadmap(database.db, {
      actor: f.as('school1'),
      input: {
        orgUnitId: f.S1.id,
        title: 'План школы',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
      },
    });
    const sectionId = (await getRoadmap(database.db, { actor: f.as('school1'), roadmapId: r.id })).sections[0]
      ?.id as string;
    const created = await createItem(database.db, {
      actor: f.as('school1'),
      roadmapId: r.id,
      input: {
        sectionId,
        measure: 'Заседание ШМО',
        deadlineText: 'декабрь 2025',
        evidenceKind: 'protocol',
        targetComparator: 'gte',
        targetValue: 5,
        targetUnit: 'педагогов',
      },
    });
    item = { id: created.id, version: created.version };
    await updateRoadmap(database.db, {
      actor: f.as('school1'),
      roadmapId: r.id,
      input: {
        status: 'approved',
        orderNumber: '5',
        orderDate: '2025-09-01',
        version: r.version,
        acknowledgePastDeadlines: true,
      },
    });
  }, 120_000);
  afterAll(() => database.close());

  const upload = (kindOf: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(PDF)], 'протокол.pdf'));
    return t.call('POST', `/api/items/${item.id}/evidence?kind=${kindOf}`, {
      cookie: cookies.school1,
      body: form,
    });
  };
  const markDone = (actualValue?: number) =>
    t.call('POST', `/api/items/${item.id}/status`, {
      cookie: cookies.school1,
      body: { status: 'done', comment: null, version: item.version, ...(actualValue && { actualValue }) },
    });

  it('refuses «выполнено» without the proof, then accepts it with the protocol and the fact', async () => {
    const refused = await markDone();
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'Приложите документ: протокол. Укажите фактическое значение: целевое — не менее 5 педагогов',
    );
    expect((await upload('протокол')).status).toBe(400);
    expect((await upload('protocol')).status).toBe(200);
    const done = await markDone(7);
    expect(done.status).toBe(200);
    item.version = ((await done.json()) as { version: number }).version;
  });

  it('serves a file inline for the preview only on request, framed only by our pages', async () => {
    const list = await t.call('GET', `/api/items/${item.id}/evidence`, { cookie: cookies.curator });
    const [file] = (await list.json()) as { id: string; kind: string }[];
    expect(file?.kind).toBe('protocol');
    const download = await t.call('GET', `/api/files/${file?.id}`, { cookie: cookies.curator });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-frame-options')).toBe('DENY');
    const shown = await t.call('GET', `/api/files/${file?.id}?inline=true`, { cookie: cookies.curator });
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shown.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(shown.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const stranger = await t.call('GET', `/api/files/${file?.id}?inline=true`, { cookie: cookies.school2 });
    expect(stranger.status).toBe(404);
  });

  it('confirms only with every file seen, and the history names them', async () => {
    const files = (await (
      await t.call('GET', `/api/items/${item.id}/evidence`, { cookie: cookies.curator })
    ).json()) as { id: string }[];
    const confirm = (seenFileIds: string[]) =>
      t.call('POST', `/api/items/${item.id}/confirmation`, {
        cookie: cookies.curator,
        body: { decision: 'confirmed', comment: null, version: item.version, seenFileIds },
      });
    const blind = await confirm([]);
    expect(blind.status).toBe(400);
    expect(((await blind.json()) as { error: { message: string } }).error.message).toMatch(
      /^Перед подтверждением откройте приложенные файлы: протокол\.pdf/,
    );
    expect((await confirm(files.map((f) => f.id))).status).toBe(200);
    const history = (await (
      await t.call('GET', `/api/items/${item.id}/history`, { cookie: cookies.school1 })
    ).json()) as { type: string; payload: { seen?: { name: string }[] } }[];
    expect(history[0]?.type).toBe('item.confirmed');
    expect(history[0]?.payload.seen?.map((f) => f.name)).toEqual(['протокол.pdf']);
  });
});

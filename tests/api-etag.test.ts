import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createItem } from '../src/modules/roadmaps/create-item.js';
import { createRoadmap } from '../src/modules/roadmaps/create-roadmap.js';
import { getRoadmap } from '../src/modules/roadmaps/get-roadmap.js';
import { updateRoadmap } from '../src/modules/roadmaps/update-roadmap.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// The roadmap card answers conditional GETs (docs/decisions/0011-cheap-reads.md). A 304 must never
// stand in for a body another actor would see differently, nor reveal a card to an actor without access.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('ETag of the roadmap card on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};
  let url: string;
  let item: { id: string; version: number };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const f = await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['mun1', 'mun2', 'region', 'school1', 'teacher'])
      cookies[login] = await t.login(login, 'password-123');
    const r = await createRoadmap(database.db, {
      actor: f.as('mun1'),
      input: {
        orgUnitId: f.M1.id,
        title: 'Муниципальный план',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
        approvalBody: null,
        orderNumber: null,
        orderDate: null,
      },
    });
    const sectionId = (await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: r.id })).sections[0]
      ?.id;
    const created = await createItem(database.db, {
      actor: f.as('mun1'),
      roadmapId: r.id,
      input: { sectionId, measure: 'Семинар для школ', deadlineText: 'декабрь 2025' } as never,
    });
    item = { id: created.id, version: created.version };
    await updateRoadmap(database.db, {
      actor: f.as('mun1'),
      roadmapId: r.id,
      input: {
        status: 'approved',
        acknowledgePastDeadlines: true,
        orderNumber: '5',
        orderDate: '2025-09-01',
        version: r.version,
      },
    });
    url = `/api/roadmaps/${r.id}`;
  }, 120_000);
  afterAll(() => database.close());

  const get = (login: string, tag?: string) =>
    t.call('GET', url, { cookie: cookies[login], headers: tag ? { 'if-none-match': tag } : {} });
  const tagOf = async (login: string) => {
    const res = await get(login);
    expect(res.status).toBe(200);
    const tag = res.headers.get('etag');
    if (!tag) throw new Error('no ETag');
    return tag;
  };

  it('answers 304 with no body to a matching tag only, and may be kept privately', async () => {
    const first = await get('mun1');
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag') ?? '';
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await get('mun1', tag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect((await get('mun1', `"other", ${tag}`)).status).toBe(304);
    expect((await get('mun1', 'W/"something-else"')).status).toBe(200);
  });

  it('differs between actors whose cards differ (permissions) and never lets one revalidate another', async () => {
    const keeper = await tagOf('mun1'); // manages the roadmap
    const confirmer = await tagOf('region'); // confirms its execution
    const reader = await tagOf('school1'); // only reads it
    expect(new Set([keeper, confirmer, reader]).size).toBe(3);
    const regionWithKeepersTag = await get('region', keeper);
    expect(regionWithKeepersTag.status).toBe(200);
    expect(((await regionWithKeepersTag.json()) as { permissions: unknown }).permissions).toEqual({
      canManage: false,
      canConfirm: true,
    });
    // The same card with the same permissions is the same body: the teacher may reuse the school's copy.
    expect(await tagOf('teacher')).toBe(reader);
  });

  it('answers 404, not 304, to an actor who may not see the roadmap, whatever tag he sends', async () => {
    const tag = await tagOf('mun1');
    for (const sent of [tag, '*']) expect((await get('mun2', sent)).status).toBe(404);
  });

  it('changes after an edit of an item, an evidence upload and a status change', async () => {
    const seen = [await tagOf('mun1')];
    const changed = async () => {
      const tag = await tagOf('mun1');
      expect(seen).not.toContain(tag);
      expect((await get('mun1', seen.at(-1))).status).toBe(200);
      seen.push(tag);
    };
    const edit = await t.call('PATCH', `/api/items/${item.id}`, {
      cookie: cookies.mun1,
      body: { measure: 'Семинар для школ района', version: item.version },
    });
    expect(edit.status).toBe(200);
    await changed();
    const form = new FormData();
    form.append('file', new File([new Uint8Array(PDF)], 'протокол.pdf'));
    const upload = await t.call('POST', `/api/items/${item.id}/evidence`, {
      cookie: cookies.mun1,
      body: form,
    });
    expect(upload.status).toBe(200);
    await changed();
    const status = await t.call('POST', `/api/items/${item.id}/status`, {
      cookie: cookies.mun1,
      body: { status: 'in_progress', comment: null, version: item.version + 1 },
    });
    expect(status.status).toBe(200);
    await changed();
    // Unchanged data keeps the tag.
    expect((await get('mun1', seen.at(-1))).status).toBe(304);
  });
});

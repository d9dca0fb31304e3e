import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { items, roadmaps } from '../src/db/schema/roadmaps.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('HTTP API on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let school: string;
  let item: { id: string; roadmapId: string; version: number };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    school = await t.login('school');
    const [row] = await database.db
      .select({ id: items.id, roadmapId: items.roadmapId, version: items.version })
      .from(items)
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .innerJoin(roleAssignments, eq(roleAssignments.orgUnitId, roadmaps.orgUnitId))
      .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.login, 'school')))
      .where(eq(roadmaps.status, 'approved'))
      .limit(1);
    if (!row) throw new Error('no school item');
    item = row;
  }, 300_000);
  afterAll(() => database.close());

  it('answers health and serves the OpenAPI document', async () => {
    expect(await (await t.call('GET', '/api/health')).json()).toEqual({
      status: 'ok',
      database: kind,
      demo: 'off',
    });
    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/roadmaps', '/api/roadmaps/{id}/export', '/api/items/{id}']),
    );
  });

  it('refuses bad credentials and then limits attempts', async () => {
    const bad = () => t.call('POST', '/api/auth/login', { body: { login: 'expert', password: 'wrong' } });
    for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(401);
    const limited = await bad();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Слишком много/);
    const cookie = (
      await t.call('POST', '/api/auth/login', { body: { login: 'teacher', password: 'demo' } })
    ).headers.get('set-cookie');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('keeps the first of two concurrent edits and answers the stale one with 409', async () => {
    const first = await t.call('PATCH', `/api/items/${item.id}`, {
      cookie: school,
      body: { measure: 'Правка первого', version: item.version },
    });
    expect(first.status).toBe(200);
    const second = await t.call('PATCH', `/api/items/${item.id}`, {
      cookie: school,
      body: { measure: 'Правка второго', version: item.version },
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { message: string } }).error.message).toMatch(
      /другой пользователь/,
    );
    const r = (await (await t.call('GET', `/api/roadmaps/${item.roadmapId}`, { cookie: school })).json()) as {
      sections: { items: { id: string; measure: string }[] }[];
    };
    expect(r.sections.flatMap((s) => s.items).find((i) => i.id === item.id)?.measure).toBe('Правка первого');
  });

  it('checks uploads by size and content, and serves files only within scope', async () => {
    const form = (name: string, data: Buffer) => {
      const f = new FormData();
      f.append('file', new File([new Uint8Array(data)], name));
      return f;
    };
    const url = `/api/items/${item.id}/evidence`;
    expect(
      (await t.call('POST', url, { cookie: school, body: form('протокол.pdf', Buffer.from('MZ not a pdf')) }))
        .status,
    ).toBe(415);
    expect((await t.call('POST', url, { cookie: school, body: form('script.exe', PDF) })).status).toBe(415);
    expect(
      (
        await t.call('POST', url, {
          cookie: school,
          body: form('big.pdf', Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)])),
        })
      ).status,
    ).toBe(413);
    // A right-to-left override (U+202E) in the name reaches neither the stored name nor the download.
    const ok = await t.call('POST', url, { cookie: school, body: form('протокол\u202Etxt.pdf', PDF) });
    expect(ok.status).toBe(200);
    const { id } = (await ok.json()) as { id: string };
    const mine = await t.call('GET', `/api/files/${id}`, { cookie: school });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.headers.get('content-disposition')).toBe(
      `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('протоколtxt.pdf')}`,
    );
    expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await t.call('GET', `/api/files/${id}`, { cookie: await t.login('region') })).status).toBe(200);
    expect((await t.call('GET', `/api/files/${id}`, { cookie: await t.login('school2') })).status).toBe(404);
    const history = (await (
      await t.call('GET', `/api/items/${item.id}/history`, { cookie: school })
    ).json()) as { type: string }[];
    expect(history[0]?.type).toBe('item.evidence_added');
  });

  it('exports a roadmap as DOCX and XLSX', async () => {
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
    ] as const) {
      const res = await t.call('GET', `/api/roadmaps/${item.roadmapId}/export?format=${format}`, {
        cookie: school,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`.${format}`);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe(magic);
    }
    expect(
      (await t.call('GET', `/api/roadmaps/${item.roadmapId}/export?format=pdf`, { cookie: school })).status,
    ).toBe(400);
  });

  it('changes the password and ends the other sessions', async () => {
    const here = await t.login('center');
    const elsewhere = await t.login('center');
    const body = { currentPassword: 'demo', newPassword: 'новый-пароль-1' };
    expect((await t.call('POST', '/api/me/password', { cookie: here, body })).status).toBe(200);
    expect((await t.call('GET', '/api/me', { cookie: here })).status).toBe(200);
    expect((await t.call('GET', '/api/me', { cookie: elsewhere })).status).toBe(401);
    await t.login('center', 'новый-пароль-1');
  });

  it('validates input with Russian messages', async () => {
    const res = await t.call('POST', `/api/items/${item.id}/status`, {
      cookie: school,
      body: { status: 'сделано', version: 1 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /Неизвестный статус/,
    );
  });
});

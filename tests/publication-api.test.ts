import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { staffMembers } from '../src/db/schema/people.js';
import { publications } from '../src/db/schema/publication.js';
import { pupilRecords } from '../src/db/schema/pupils.js';
import type {
  ObjectPublicationsView,
  PublicationView,
  PublishableView,
} from '../src/modules/publication/views.js';
import { decryptPersonal } from '../src/modules/pupils/pupil-crypto.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// Publication over HTTP on the demo (issue 15 §1): the demo publishes its approved things through the
// operations; no snapshot holds a name of the pupils' registry or of the staff; the municipality
// publishes a new version of its roadmap and withdraws it with a reason, and the record stays.

describe.each(DB_KINDS)('publication API on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string> = {};
  const get = async <T>(login: string, url: string) => {
    const res = await t.call('GET', url, { cookie: cookies[login] });
    expect(res.status, url).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'school2', 'curator']) cookies[l] = await t.login(l);
  }, 300_000);
  afterAll(() => database.close());

  it('shows what the demo published, a withdrawn one with its reason, and nothing without login', async () => {
    expect((await t.call('GET', '/api/publications')).status).toBe(401);
    const current = await get<PublicationView[]>('region', '/api/publications');
    expect(new Set(current.map((p) => p.kind))).toEqual(
      new Set(['roadmap', 'school_document', 'analytic_report', 'identification_list']),
    );
    expect(current.every((p) => p.current && p.publicPath === `/public/p/${p.objectId}`)).toBe(true);
    const all = await get<PublicationView[]>('region', '/api/publications?includeWithdrawn=true');
    const withdrawn = all.filter((p) => p.withdrawnAt);
    expect(withdrawn.length).toBe(1);
    expect(withdrawn[0]?.withdrawnReason).toContain('Опубликована по ошибке');
    // A school sees its own unit's publications only.
    const school2 = await get<PublicationView[]>('school2', '/api/publications?includeWithdrawn=true');
    expect(new Set(school2.map((p) => p.unitName)).size).toBe(1);
    // One approved roadmap at least stays unpublished: the public site has something to hide.
    const offered = await get<PublishableView[]>('region', '/api/publications/publishable');
    expect(offered.some((o) => o.state === 'never' || o.state === 'withdrawn')).toBe(true);
  });

  it('puts no name of a pupil or of the staff into any snapshot', async () => {
    const rows = await database.db.select().from(publications);
    const text = JSON.stringify(rows.map((r) => r.snapshot));
    const pupils = (await database.db.select().from(pupilRecords)).map((r) => decryptPersonal(r.nameEnc));
    const staff = (await database.db.select().from(staffMembers)).map((s) => `${s.lastName} ${s.firstName}`);
    expect(pupils.length).toBeGreaterThan(0);
    expect(staff.length).toBeGreaterThan(0);
    expect(pupils.filter((n) => text.includes(n))).toEqual([]);
    expect(staff.filter((n) => text.includes(n))).toEqual([]);
    // The list is published with counts only.
    const list = rows.find((r) => r.kind === 'identification_list');
    expect((list?.snapshot as { schools: unknown } | undefined)?.schools).toBeNull();
  });

  it('lets the municipality publish a new version of its roadmap and withdraw it with a reason', async () => {
    const offered = await get<PublishableView[]>(
      'municipality',
      '/api/publications/publishable?kind=roadmap',
    );
    const own = offered.find((o) => o.state === 'current');
    if (!own) throw new Error('the demo published no roadmap of the municipality');
    const url = `/api/publications/roadmaps/${own.objectId}`;
    // The same content and options again: refused in Russian, nothing written.
    const same = await t.call('POST', url, { cookie: cookies.municipality, body: { showExecution: true } });
    expect(same.status).toBe(400);
    expect(((await same.json()) as { error: { message: string } }).error.message).toContain(
      'Уже опубликовано',
    );
    expect(
      (await t.call('POST', url, { cookie: cookies.curator, body: { showExecution: false } })).status,
    ).toBe(403);
    const res = await t.call('POST', url, { cookie: cookies.municipality, body: { showExecution: false } });
    expect(res.status).toBe(200);
    const after = (await res.json()) as ObjectPublicationsView;
    expect(after.versions.map((v) => [v.version, v.current, v.options.showExecution])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
    const current = after.versions[0];
    const withdraw = (body: unknown) =>
      t.call('POST', `/api/publications/${current?.id}/withdraw`, { cookie: cookies.municipality, body });
    expect((await withdraw({ reason: ' ' })).status).toBe(400);
    const done = await withdraw({ reason: 'В приказ вносятся изменения', version: 2 });
    expect(done.status).toBe(200);
    const state = (await done.json()) as ObjectPublicationsView;
    expect(state.state).toBe('withdrawn');
    expect(state.versions[0]?.withdrawnReason).toBe('В приказ вносятся изменения');
    expect(state.versions.length).toBe(2);
  });
});

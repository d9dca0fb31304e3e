import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { userIdentities, users } from '../../db/schema/auth.js';
import { notificationSettings } from '../../db/schema/notifications.js';
import { organisationOrders } from '../../db/schema/organisation.js';
import { systemActor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment, createUser, updateUser } from '../auth/users.js';
import { saveFile } from '../files/save-file.js';
import { databaseStorage, localStorage } from '../files/storage.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { type Manifest, openArchive, sha256 } from './archive.js';
import { exportRegion } from './export-region.js';
import { importRegion } from './import-region.js';

// The archive is data from outside (review of issue 17 §6): whoever writes one can also write a manifest
// with matching checksums. So the import must not trust a storage key (path traversal), an omitted secret
// column, or a row outside the archive's region; and a ZIP bomb is refused before it is inflated.

const CLI = systemActor('Тест безопасности импорта региона');

type Entries = Record<string, Uint8Array>;
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('utf8');
const lines = (b: Uint8Array | undefined) =>
  text(b)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const jsonl = (rows: Record<string, unknown>[]) =>
  Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));

/** A forged archive: entries changed, and the manifest's checksums rewritten to match, as an attacker would. */
function forge(entries: Entries, change: (e: Entries, m: Manifest) => void): Uint8Array {
  const e: Entries = { ...entries };
  const m = JSON.parse(text(e['manifest.json'])) as Manifest;
  change(e, m);
  for (const name of Object.keys(e)) {
    if (name === 'manifest.json') continue;
    const body = e[name] ?? new Uint8Array();
    m.entries[name] = { sha256: sha256(body), bytes: body.length };
    const table = /^tables\/(.+)\.jsonl$/.exec(name)?.[1];
    const t = table ? m.tables[table] : undefined;
    if (t) t.rows = lines(body).length;
  }
  e['manifest.json'] = Buffer.from(JSON.stringify(m));
  return zipSync(e);
}

describe('region import refuses what an archive must not do (pglite)', () => {
  let source: Database;
  let entries: Entries;
  let dir: string;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let other: { id: string; path: string };
  let outsiderId: string;
  const OUTSIDER_SUBJECT = 'outsider-oidc-subject-7c1d';

  beforeAll(async () => {
    source = await freshDatabase('pglite');
    f = await buildRegion(source.db);
    other = await createOrgUnit(source.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другая область' },
    });
    const storage = databaseStorage(source.db);
    const file = await saveFile(source.db, storage, {
      upload: { name: 'приказ.txt', data: Buffer.from('Приказ о рабочей группе') },
      userId: f.as('admin').userId,
      maxBytes: 1_000_000,
    });
    // An author from another region: his row is the region's, his sign-in links and settings are not.
    const outsider = await createUser(source.db, {
      actor: TEST_SYSTEM,
      input: { login: 'outsider', fullName: 'Автор из другой области', password: 'password-123' },
    });
    await addAssignment(source.db, {
      actor: TEST_SYSTEM,
      userId: outsider.id,
      input: { role: 'regional_operator', orgUnitId: other.id },
    });
    outsiderId = outsider.id;
    await source.db
      .insert(userIdentities)
      .values({ userId: outsider.id, provider: 'oidc', subject: OUTSIDER_SUBJECT });
    await source.db.insert(notificationSettings).values({ userId: outsider.id });
    await source.db
      .insert(userIdentities)
      .values({ userId: f.as('admin').userId, provider: 'oidc', subject: 'admin-sub' });
    await source.db.insert(organisationOrders).values({
      orgUnitId: f.R.id,
      number: '1',
      date: '2026-09-01',
      title: 'О рабочей группе',
      fileId: file.id,
      createdBy: outsider.id,
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-rx-safety-'));
    const out = path.join(dir, 'region.zip');
    await exportRegion(source.db, { actor: CLI, regionId: f.R.id, storage, out });
    entries = unzipSync(fs.readFileSync(out));
  });
  afterAll(async () => {
    await source?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Imports into a fresh database with a local-disk storage; returns the database's org_units count after. */
  async function tryImport(archive: Uint8Array, check: (p: Promise<unknown>) => Promise<void>) {
    const target = await freshDatabase('pglite');
    const store = fs.mkdtempSync(path.join(dir, 'store-'));
    try {
      await check(importRegion(target.db, { actor: CLI, archive, storageFor: () => localStorage(store) }));
      return { target, store, units: await count(target.db, 'org_units') };
    } finally {
      await target.close();
    }
  }
  const count = async (db: Db, table: string) =>
    (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

  it('imports the untouched archive (the baseline of the cases below)', async () => {
    const r = await tryImport(zipSync(entries), async (p) => {
      await expect(p).resolves.toBeTruthy();
    });
    expect(r.units).toBe(7);
  });

  it('moves sign-in links and settings only of people with a role in the region', () => {
    const users = lines(entries['tables/users.jsonl']).map((u) => u.id);
    expect(users).toContain(outsiderId);
    const identities = lines(entries['tables/user_identities.jsonl']);
    expect(identities.map((i) => i.subject)).toEqual(['admin-sub']);
    expect(lines(entries['tables/notification_settings.jsonl']).map((n) => n.user_id)).not.toContain(
      outsiderId,
    );
  });

  it('writes a person of another region as a stub: id and name, no login, e-mail or sign-in', () => {
    const users = lines(entries['tables/users.jsonl']);
    const stub = users.find((u) => u.id === outsiderId);
    expect(stub).toEqual({ id: outsiderId, full_name: 'Автор из другой области', is_stub: true });
    // The region's own people come whole (without the password hash).
    const admin = users.find((u) => u.id === f.as('admin').userId);
    expect(admin).toMatchObject({ login: expect.any(String), is_stub: false });
    expect(admin).not.toHaveProperty('password_hash');
    for (const [name, body] of Object.entries(entries))
      expect(/"login":\s*"outsider"/.test(text(body)), name).toBe(false);
  });

  it('imports a stub as an account that never signs in, and uses the person where the id is already here', async () => {
    const fresh = await freshDatabase('pglite');
    try {
      await importRegion(fresh.db, {
        actor: CLI,
        archive: zipSync(entries),
        storageFor: (tx) => databaseStorage(tx),
      });
      const [row] = await fresh.db.select().from(users).where(eq(users.id, outsiderId));
      expect(row).toMatchObject({
        login: `stub:${outsiderId}`,
        fullName: 'Автор из другой области',
        isStub: true,
        isActive: false,
        passwordHash: null,
        email: null,
      });
      expect(await loadActor(fresh.db, outsiderId)).toBeNull();
      const adminId = f.as('admin').userId;
      const [admin] = await fresh.db.select().from(users).where(eq(users.id, adminId));
      expect(admin?.isStub).toBe(false);
      const actor = await loadActor(fresh.db, adminId);
      if (!actor || !row) throw new Error('no admin');
      await expect(
        updateUser(fresh.db, { actor, userId: outsiderId, input: { isActive: true, version: row.version } }),
      ).rejects.toThrow(/не входят/);
      await expect(
        updateUser(fresh.db, {
          actor,
          userId: outsiderId,
          input: { password: 'new-password-1', version: row.version },
        }),
      ).rejects.toThrow(/не входят/);
      await expect(
        addAssignment(fresh.db, {
          actor,
          userId: outsiderId,
          input: { role: 'regional_operator', orgUnitId: f.R.id },
        }),
      ).rejects.toThrow(/ролей ей не назначают/);
    } finally {
      await fresh.close();
    }
    // Where the person already is (the author's own installation), his row is used and left as it is.
    const home = await freshDatabase('pglite');
    try {
      await home.db.insert(users).values({
        id: outsiderId,
        login: 'outsider',
        fullName: 'Автор (как записан здесь)',
        email: 'outsider@example.test',
      });
      const report = await importRegion(home.db, {
        actor: CLI,
        archive: zipSync(entries),
        storageFor: (tx) => databaseStorage(tx),
      });
      expect(report.counts.users).toBe(lines(entries['tables/users.jsonl']).length);
      const [row] = await home.db.select().from(users).where(eq(users.id, outsiderId));
      expect(row).toMatchObject({
        login: 'outsider',
        fullName: 'Автор (как записан здесь)',
        email: 'outsider@example.test',
        isStub: false,
        isActive: true,
      });
      expect(await count(home.db, 'role_assignments')).toBeGreaterThan(0);
      const [held] = await queryRows<{ n: number }>(
        home.db,
        sql`select count(*)::int as n from role_assignments where user_id = ${outsiderId}`,
      );
      expect(held?.n).toBe(0);
    } finally {
      await home.close();
    }
  });

  it('refuses a stub that is given a role or a sign-in link in the region', async () => {
    for (const table of ['role_assignments', 'user_identities'] as const) {
      const archive = forge(entries, (e) => {
        const rows = lines(e[`tables/${table}.jsonl`]);
        const first = rows[0];
        if (!first) throw new Error(`no ${table}`);
        rows.push({
          ...first,
          id:
            table === 'role_assignments'
              ? '4c1f2e3d-5a6b-4c7d-8e9f-0a1b2c3d4e5f'
              : '5d2f3e4d-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
          user_id: outsiderId,
          ...(table === 'role_assignments' ? { role: 'admin' } : { subject: 'forged-subject' }),
        });
        e[`tables/${table}.jsonl`] = jsonl(rows);
      });
      const r = await tryImport(archive, async (p) => {
        await expect(p).rejects.toThrow(/заглушк/);
      });
      expect(r.units, table).toBe(0);
    }
  });

  it('refuses a stub without a name, and reads nothing else from a stub line', async () => {
    const nameless = forge(entries, (e) => {
      const rows = lines(e['tables/users.jsonl']).map((u) => (u.is_stub ? { id: u.id, is_stub: true } : u));
      e['tables/users.jsonl'] = jsonl(rows);
    });
    await tryImport(nameless, async (p) => {
      await expect(p).rejects.toThrow(/нет id или ФИО/);
    });
    const loaded = forge(entries, (e) => {
      const rows = lines(e['tables/users.jsonl']).map((u) =>
        u.is_stub ? { ...u, login: 'planted', is_active: true, email: 'planted@example.test' } : u,
      );
      e['tables/users.jsonl'] = jsonl(rows);
    });
    const target = await freshDatabase('pglite');
    try {
      await importRegion(target.db, { actor: CLI, archive: loaded, storageFor: (tx) => databaseStorage(tx) });
      const [row] = await target.db.select().from(users).where(eq(users.id, outsiderId));
      expect(row).toMatchObject({ login: `stub:${outsiderId}`, isActive: false, email: null, isStub: true });
    } finally {
      await target.close();
    }
  });

  it('refuses a storage key that is not the hash of its body (path traversal)', async () => {
    const evil = path.join(dir, 'escaped.txt');
    const archive = forge(entries, (e) => {
      const rows = lines(e['tables/files.jsonl']);
      for (const r of rows) r.storage_key = `../../../${path.relative('/', evil)}`;
      e['tables/files.jsonl'] = jsonl(rows);
    });
    const r = await tryImport(archive, async (p) => {
      await expect(p).rejects.toThrow(/Недопустимый ключ хранения файла/);
    });
    expect(r.units).toBe(0);
    expect(fs.existsSync(evil)).toBe(false);
  });

  it('local storage refuses a key that leaves its directory', async () => {
    const store = localStorage(path.join(dir, 'plain'));
    await expect(store.put('../../x', Buffer.from('x'))).rejects.toThrow(/Недопустимый ключ/);
    await expect(store.put('a'.repeat(64), Buffer.from('x'))).resolves.toBeUndefined();
  });

  it('writes the columns the export omits as absent, whatever the archive says', async () => {
    const archive = forge(entries, (e) => {
      const users = lines(e['tables/users.jsonl']);
      for (const u of users) u.password_hash = '$argon2id$v=19$m=19456,t=2,p=1$planted$hash';
      e['tables/users.jsonl'] = jsonl(users);
    });
    const target = await freshDatabase('pglite');
    try {
      await importRegion(target.db, { actor: CLI, archive, storageFor: (tx) => databaseStorage(tx) });
      const [n] = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from users where password_hash is not null`,
      );
      expect(n?.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a role at a unit of another region that exists here', async () => {
    const target = await freshDatabase('pglite');
    try {
      // The target has a region of its own; the archive gives the region's admin a role there.
      const mine = await createOrgUnit(target.db, {
        actor: TEST_SYSTEM,
        audit: false,
        input: { parentId: null, kind: 'region', name: 'Область этой установки' },
      });
      const archive = forge(entries, (e) => {
        const roles = lines(e['tables/role_assignments.jsonl']);
        const admin = roles.find((r) => r.role === 'admin');
        if (!admin) throw new Error('no admin role');
        roles.push({ ...admin, id: '0e3f1a52-7d4b-4c8e-9b1a-2f6d5c4b3a21', org_unit_id: mine.id });
        e['tables/role_assignments.jsonl'] = jsonl(roles);
      });
      await expect(
        importRegion(target.db, { actor: CLI, archive, storageFor: (tx) => databaseStorage(tx) }),
      ).rejects.toThrow(/записи вне региона/);
      expect(await count(target.db, 'role_assignments')).toBe(0);
      expect(await count(target.db, 'org_units')).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses a unit outside the region path of the manifest', async () => {
    const archive = forge(entries, (e) => {
      const units = lines(e['tables/org_units.jsonl']);
      units.push({
        ...units[0],
        id: other.id,
        parent_id: null,
        kind: 'region',
        name: 'Чужая область',
        path: other.path,
      });
      e['tables/org_units.jsonl'] = jsonl(units);
    });
    const r = await tryImport(archive, async (p) => {
      await expect(p).rejects.toThrow(/записи вне региона/);
    });
    expect(r.units).toBe(0);
  });

  it('refuses a manifest whose region path is not its own', async () => {
    const archive = forge(entries, (_e, m) => {
      m.region.path = '/';
    });
    await tryImport(archive, async (p) => {
      await expect(p).rejects.toThrow(/Путь региона в описании архива/);
    });
  });

  it('writes the archive for its owner only, never over a file already there', async () => {
    const out = path.join(dir, 'again.zip');
    const storage = databaseStorage(source.db);
    await exportRegion(source.db, { actor: CLI, regionId: f.R.id, storage, out });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    fs.writeFileSync(out, 'someone else’s file');
    await expect(exportRegion(source.db, { actor: CLI, regionId: f.R.id, storage, out })).rejects.toThrow(
      /уже существует/,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('someone else’s file');
  });

  it('an administrator of another region does not export this one', async () => {
    const admin2 = {
      ...f.as('admin'),
      assignments: f.as('admin').assignments.map((a) => ({ ...a, unitPath: other.path })),
    };
    await expect(
      exportRegion(source.db, {
        actor: admin2,
        regionId: f.R.id,
        storage: databaseStorage(source.db),
        out: path.join(dir, 'theirs.zip'),
      }),
    ).rejects.toThrow(/не найден/);
    expect(fs.existsSync(path.join(dir, 'theirs.zip'))).toBe(false);
  });

  it('refuses a ZIP bomb from the declared sizes, before inflating it', () => {
    const bomb = zipSync({
      'manifest.json': new Uint8Array(10),
      'tables/x.jsonl': new Uint8Array(5_000_000),
    });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => openArchive(bomb, { entryBytes: 1_000_000, totalBytes: 2_000_000 })).toThrow(
      /слишком велик в распакованном виде/,
    );
    expect(() => openArchive(zipSync(entries), { entryBytes: 100, totalBytes: 1_000_000_000 })).toThrow(
      /слишком велик/,
    );
  });
});

import { eq, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { queryRows } from '../../db/rows.js';
import { users } from '../../db/schema/auth.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment, updateUser } from '../auth/users.js';
import { databaseStorage } from '../files/storage.js';
import { importRegion } from './import-region.js';
import {
  CLI,
  count,
  forge,
  jsonl,
  lines,
  type SafetySetting,
  setUpSafety,
  text,
} from './import-safety-setup.js';

// A person of another region in a region's archive (an author of its records) is a stub: the archive
// carries his id and name only, the import makes an account that never signs in, and a forged archive
// may not give the stub a role, a sign-in link or anything but the name.

describe('region import refuses what an archive must not do (pglite)', () => {
  let s: SafetySetting;
  let entries: SafetySetting['entries'];
  let f: SafetySetting['f'];
  let outsiderId: SafetySetting['outsiderId'];
  let tryImport: SafetySetting['tryImport'];

  beforeAll(async () => {
    s = await setUpSafety();
    ({ entries, f, outsiderId, tryImport } = s);
  });
  afterAll(async () => {
    await s?.close();
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
});

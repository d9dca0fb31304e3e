import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import { queryRows } from '../../db/rows.js';
import { databaseStorage, localStorage } from '../files/storage.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { openArchive } from './archive.js';
import { exportRegion } from './export-region.js';
import { importRegion } from './import-region.js';
import { CLI, count, forge, jsonl, lines, type SafetySetting, setUpSafety } from './import-safety-setup.js';

// The archive is data from outside (review of issue 17 §6): whoever writes one can also write a manifest
// with matching checksums. So the import must not trust a storage key (path traversal), an omitted secret
// column, or a row outside the archive's region; and a ZIP bomb is refused before it is inflated. The
// export is written for its owner only, by an administrator of the region. People of another region:
// import-safety-stubs.test.ts.

describe('region import refuses what an archive must not do (pglite)', () => {
  let s: SafetySetting;
  let source: SafetySetting['source'];
  let entries: SafetySetting['entries'];
  let dir: SafetySetting['dir'];
  let f: SafetySetting['f'];
  let other: SafetySetting['other'];
  let tryImport: SafetySetting['tryImport'];

  beforeAll(async () => {
    s = await setUpSafety();
    ({ source, entries, dir, f, other, tryImport } = s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports the untouched archive (the baseline of the cases below)', async () => {
    const r = await tryImport(zipSync(entries), async (p) => {
      await expect(p).resolves.toBeTruthy();
    });
    expect(r.units).toBe(7);
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

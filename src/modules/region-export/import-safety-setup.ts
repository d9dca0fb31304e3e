import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { userIdentities } from '../../db/schema/auth.js';
import { notificationSettings } from '../../db/schema/notifications.js';
import { organisationOrders } from '../../db/schema/organisation.js';
import { systemActor } from '../access/actor.js';
import { addAssignment, createUser } from '../auth/users.js';
import { saveFile } from '../files/save-file.js';
import { databaseStorage, localStorage } from '../files/storage.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { type Manifest, sha256 } from './archive.js';
import { exportRegion } from './export-region.js';
import { importRegion } from './import-region.js';

// The setting of the region import safety tests (import-safety, import-safety-stubs .test.ts): the
// archive of a region, and how the tests forge it.

export const CLI = systemActor('Тест безопасности импорта региона');

export type Entries = Record<string, Uint8Array>;
export const text = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('utf8');
export const lines = (b: Uint8Array | undefined) =>
  text(b)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
export const jsonl = (rows: Record<string, unknown>[]) =>
  Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));

/** A forged archive: entries changed, and the manifest's checksums rewritten to match, as an attacker would. */
export function forge(entries: Entries, change: (e: Entries, m: Manifest) => void): Uint8Array {
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

export const count = async (db: Db, table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

export type SafetySetting = Awaited<ReturnType<typeof setUpSafety>>;

/**
 * A region exported from a fresh database (with an order's file, and an author from another region with
 * sign-in links and settings); its archive's entries; a temporary directory; `close` removes both.
 */
export async function setUpSafety() {
  const OUTSIDER_SUBJECT = 'outsider-oidc-subject-7c1d';
  const source = await freshDatabase('pglite');
  const f = await buildRegion(source.db);
  const other = await createOrgUnit(source.db, {
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-rx-safety-'));
  const out = path.join(dir, 'region.zip');
  await exportRegion(source.db, { actor: CLI, regionId: f.R.id, storage, out });
  const entries = unzipSync(fs.readFileSync(out));
  const close = async () => {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
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
  return { source, entries: entries as Entries, dir, f, other, outsiderId: outsider.id, tryImport, close };
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { mfaRecoveryCodes, roleAssignments, sessions, userMfa, users } from '../src/db/schema/auth.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { riskCampaignLinks } from '../src/db/schema/risk-campaigns.js';
import { roadmaps } from '../src/db/schema/roadmaps.js';
import { systemActor } from '../src/modules/access/actor.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import type { Manifest } from '../src/modules/region-export/archive.js';
import { exportRegion, findRegion } from '../src/modules/region-export/export-region.js';
import { importRegion } from '../src/modules/region-export/import-region.js';
import { selectRegion } from '../src/modules/region-export/select.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// Issue 17 §6: the demo region exported, imported into a fresh empty database and compared table by table;
// a second small region made in the source first must leave no trace in the archive; no secret of any
// kind in any file of it; a tampered archive, a second import and another migration level are refused.

const CLI = systemActor('Тест выгрузки региона');
const MARK = 'ВТОРОЙ-РЕГИОН-МЕТКА';
const SESSION_ID = 'session-secret-0f9e8d7c6b5a4f3e2d1c';
const MFA_SECRET = 'mfa-secret-v1.AAAA.BBBB.CCCC';
const RECOVERY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$recovery$hash';

/** A second region with a school, a user holding a role there, a roadmap: none of it may be exported. */
async function secondRegion(db: Db) {
  const regionId = randomUUID();
  const schoolId = randomUUID();
  await db.insert(orgUnits).values([
    { id: regionId, kind: 'region', name: `Область ${MARK}`, path: `/${regionId}/` },
    {
      id: schoolId,
      parentId: regionId,
      kind: 'school',
      name: `Школа ${MARK}`,
      path: `/${regionId}/${schoolId}/`,
    },
  ]);
  const [u] = await db
    .insert(users)
    .values({ login: 'second-region-user', fullName: `Иванов ${MARK}`, passwordHash: await hash('x') })
    .returning();
  if (!u) throw new Error('no user');
  await db.insert(roleAssignments).values({ userId: u.id, role: 'school_team', orgUnitId: schoolId });
  await db.insert(roadmaps).values({
    orgUnitId: schoolId,
    title: `Карта ${MARK}`,
    kind: 'other',
    periodKind: 'school_year',
    periodYear: 2026,
    createdBy: u.id,
  });
  return { regionId, schoolId, userId: u.id };
}

/** Secrets of the demo region's own people, planted so that their absence means something. */
async function plantSecrets(db: Db, userId: string) {
  await db.insert(sessions).values({ id: SESSION_ID, userId, expiresAt: new Date(Date.now() + 3600_000) });
  await db.insert(userMfa).values({ userId, secretEnc: MFA_SECRET });
  await db.insert(mfaRecoveryCodes).values({ userId, codeHash: RECOVERY_HASH });
}

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The region's rows by the export's own rules, as sorted JSON texts per table (key order normalised). */
async function regionRows(db: Db, regionPath: string): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    const sel = await selectRegion(tx, regionPath);
    // Assessment procedures are each installation's own numbers: compared by their natural key.
    const procedures = new Map(
      (
        await queryRows<{ id: number; k: string }>(
          tx,
          sql`select id, assessment || '|' || subject || '|' || grade as k from assessment_procedures`,
        )
      ).map((p) => [p.id, p.k]),
    );
    const out: Record<string, string[]> = {};
    for (const t of sel.tables) {
      const rows = (await sel.lines(t.table)).map((l) => {
        const r = JSON.parse(l) as Record<string, unknown>;
        if ('procedure_id' in r) r.procedure_id = procedures.get(Number(r.procedure_id));
        if (t.table === 'assessment_procedures') delete r.id;
        return r;
      });
      // The import's own history event is new in the target; it is not a row of the archive.
      out[t.table] = rows
        .filter((r) => !(t.table === 'audit_events' && r.type === 'region.imported'))
        .map((r) =>
          JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))),
        )
        .sort();
    }
    return out;
  });
}

describe.each(DB_KINDS)('region export and import on %s', (kind) => {
  let source: Database;
  let target: Database;
  let dir: string;
  let file: string;
  let manifest: Manifest;
  let entries: Record<string, Uint8Array>;
  let regionPath: string;
  let second: Awaited<ReturnType<typeof secondRegion>>;
  let printedTokens: string[];

  beforeAll(async () => {
    source = await demoDatabase(kind);
    target = await freshDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-region-'));
    file = path.join(dir, 'region.zip');
    second = await secondRegion(source.db);
    const [admin] = await source.db.select().from(users).where(eq(users.login, 'admin'));
    if (!admin) throw new Error('no demo admin');
    await plantSecrets(source.db, admin.id);
    printedTokens = (await source.db.select({ t: riskCampaignLinks.printedToken }).from(riskCampaignLinks))
      .map((r) => r.t ?? '')
      .filter((t) => t.length > 0);
    const region = await findRegion(source.db, 'Демонстрационная область (демо)');
    regionPath = region.path;
    const result = await exportRegion(source.db, {
      actor: CLI,
      regionId: region.id,
      storage: databaseStorage(source.db),
      out: file,
    });
    manifest = result.manifest;
    entries = unzipSync(fs.readFileSync(file));
    const rows = Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0);
    console.log(
      `region export (${kind}): ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.files} files, ` +
        `${(result.bytes / 1048576).toFixed(2)} MB, ${result.seconds.toFixed(2)} s`,
    );
  }, 900_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a manifest, a README, one JSON-lines file per table and the files', () => {
    expect(manifest.region.name).toBe('Демонстрационная область (демо)');
    expect(entries['README.md']).toBeDefined();
    for (const [table, t] of Object.entries(manifest.tables)) {
      const body = entries[`tables/${table}.jsonl`];
      expect(body, table).toBeDefined();
      expect(parseLines(Buffer.from(body ?? []).toString('utf8')).length, table).toBe(t.rows);
    }
    expect(manifest.tables.roadmaps?.rows).toBeGreaterThan(0);
    expect(manifest.tables.audit_events?.rows).toBeGreaterThan(0);
    expect(manifest.files).toBeGreaterThan(0);
    expect(Object.keys(entries).filter((n) => n.startsWith('files/')).length).toBe(manifest.files);
  });

  it('holds no row of the other region', () => {
    const units = parseLines(Buffer.from(entries['tables/org_units.jsonl'] ?? []).toString('utf8'));
    expect(units.every((u) => String(u.path).startsWith(regionPath))).toBe(true);
    const foreign = [MARK, second.regionId, second.schoolId, second.userId, 'second-region-user'];
    for (const [name, body] of Object.entries(entries)) {
      const text = Buffer.from(body).toString('utf8');
      expect(
        foreign.filter((f) => text.includes(f)),
        name,
      ).toEqual([]);
    }
    // The demo's own other regions neither.
    expect(units.filter((u) => u.kind === 'region').length).toBe(1);
  });

  it('holds no secret in any file', () => {
    const secrets = ['$argon2', SESSION_ID, MFA_SECRET, RECOVERY_HASH, ...printedTokens];
    expect(printedTokens.length).toBeGreaterThan(0);
    for (const [name, body] of Object.entries(entries)) {
      const text = Buffer.from(body).toString('latin1') + Buffer.from(body).toString('utf8');
      expect(
        secrets.filter((s) => text.includes(s)),
        name,
      ).toEqual([]);
    }
    const exportedUsers = parseLines(Buffer.from(entries['tables/users.jsonl'] ?? []).toString('utf8'));
    expect(exportedUsers.length).toBeGreaterThan(0);
    expect(exportedUsers.every((u) => !('password_hash' in u))).toBe(true);
    for (const t of ['sessions', 'user_mfa', 'mfa_recovery_codes', 'sign_in_states'])
      expect(entries[`tables/${t}.jsonl`], t).toBeUndefined();
  });

  it('imports into an empty database: the region table by table, files and all', async () => {
    const report = await importRegion(target.db, {
      actor: CLI,
      archive: fs.readFileSync(file),
      storageFor: (tx) => databaseStorage(tx),
    });
    expect(report.counts).toEqual(
      Object.fromEntries(Object.entries(manifest.tables).map(([t, x]) => [t, x.rows])),
    );
    expect(report.pupilIdentityReadable).toBe(true);
    const before = await regionRows(source.db, regionPath);
    const after = await regionRows(target.db, regionPath);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    // Users come without passwords.
    const [withPassword] = await queryRows<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from users where password_hash is not null`,
    );
    expect(withPassword?.n).toBe(0);
    // Every file's body is there, the same bytes.
    const files = await queryRows<{ id: string; storage_key: string }>(
      target.db,
      sql`select id, storage_key from files`,
    );
    expect(files.length).toBe(manifest.files);
    const srcStore = databaseStorage(source.db);
    const dstStore = databaseStorage(target.db);
    for (const f of files.slice(0, 50))
      expect(
        Buffer.compare(
          (await dstStore.get(f.storage_key)) ?? Buffer.alloc(0),
          (await srcStore.get(f.storage_key)) ?? Buffer.alloc(1),
        ),
      ).toBe(0);
  }, 300_000);

  it('refuses a second import of the same region and changes nothing', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from audit_events`))[0]?.n;
    const n = await count();
    await expect(
      importRegion(target.db, {
        actor: CLI,
        archive: fs.readFileSync(file),
        storageFor: (tx) => databaseStorage(tx),
      }),
    ).rejects.toThrow(/уже есть в этой установке/);
    expect(await count()).toBe(n);
  });

  it('refuses a tampered archive before touching the database', async () => {
    const fresh = await freshDatabase(kind);
    try {
      const changed = { ...entries };
      const text = Buffer.from(changed['tables/roadmaps.jsonl'] ?? []).toString('utf8');
      changed['tables/roadmaps.jsonl'] = Buffer.from(
        text.replace(/"title": "/, '"title": "Подделка '),
        'utf8',
      );
      await expect(
        importRegion(fresh.db, {
          actor: CLI,
          archive: zipSync(changed),
          storageFor: (tx) => databaseStorage(tx),
        }),
      ).rejects.toThrow(/Архив изменён или повреждён/);
      const m = JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8')) as Manifest;
      const otherLevel = {
        ...entries,
        'manifest.json': Buffer.from(JSON.stringify({ ...m, migrations: { count: 5, last: '0004_x' } })),
      };
      await expect(
        importRegion(fresh.db, {
          actor: CLI,
          archive: zipSync(otherLevel),
          storageFor: (tx) => databaseStorage(tx),
        }),
      ).rejects.toThrow(/Уровень миграций архива — 5/);
      const [units] = await queryRows<{ n: number }>(fresh.db, sql`select count(*)::int as n from org_units`);
      expect(units?.n).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

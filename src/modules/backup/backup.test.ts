import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { writeMarks } from '../../../tests/helpers/db-fingerprint.js';
import { demoDatabase } from '../../../tests/helpers/demo-db.js';
import type { Database } from '../../db/client.js';
import { journal } from '../archive/level.js';
import { createBackup } from './create-backup.js';
import type { Manifest } from './manifest.js';
import { restoreBackup } from './restore-backup.js';
import { localKeys } from './storage.js';
import { BackupError } from './strings.js';
import { contentOf, fileBodies, rewriteArchive } from './test-support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-backup-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const db = { kind: 'database' } as const;

// One archive per engine, made from that engine's demo database; the tests below restore them.
const made = new Map<string, { file: string; manifest: Manifest; content: Map<string, string> }>();
const demos: Database[] = [];
beforeAll(async () => {
  for (const kind of DB_KINDS) {
    const demo = await demoDatabase(kind);
    demos.push(demo);
    const file = path.join(dir, `${kind}.tar.gz`);
    const manifest = await createBackup(demo, { out: file, storage: db });
    made.set(kind, { file, manifest, content: await contentOf(demo) });
  }
}, 1_200_000); // the first file of a run to ask loads the demo (minutes on a busy machine)
afterAll(async () => {
  for (const d of demos) await d.close();
});

function archive(kind: string) {
  const a = made.get(kind);
  if (!a) throw new Error(`no archive of ${kind}`);
  return a;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return (e as Error).message;
}

// Every source engine into every target engine: the dump is engine-neutral COPY text (ADR 0043).
const pairs = DB_KINDS.flatMap((from) => DB_KINDS.map((to) => [from, to] as const));

describe.each(pairs)('backup of the %s demo restored into %s', (from, to) => {
  it('gives back every row of every table and every file byte for byte', async () => {
    const { file, manifest, content } = archive(from);
    expect(manifest.tables.find((t) => t.name === 'audit_events')?.rows).toBeGreaterThan(0);
    expect(manifest.files.length).toBeGreaterThan(0);
    const target = await freshDatabase(to);
    try {
      const lines: string[] = [];
      await restoreBackup(target, { file, storage: db, onProgress: (l) => lines.push(l) });
      expect(lines.some((l) => l.includes('audit_events'))).toBe(true);
      const restored = await contentOf(target);
      const differing = [...content.keys()].filter((t) => content.get(t) !== restored.get(t));
      expect(differing).toEqual([]);
      expect([...restored.keys()].sort()).toEqual([...content.keys()].sort());
      // A new audit event gets an id past the restored ones (bigserial set past the max).
      const r = (await target.db.execute(
        sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::bigint > (select max(id) from audit_events) as ok`,
      )) as unknown as { rows: { ok: boolean }[] };
      expect(r.rows[0]?.ok).toBe(true);
    } finally {
      await target.close();
    }
  }, 300_000);
});

describe.each(DB_KINDS)('restore on %s refuses', (kind) => {
  it('a database that is not empty, and leaves it as it was', async () => {
    const demo = await demoDatabase(kind);
    try {
      const before = await writeMarks(demo.db);
      const message = await refusal(restoreBackup(demo, { file: archive(kind).file, storage: db }));
      expect(message).toMatch(/^База данных не пуста: восстановление возможно только в пустую базу/);
      expect(message).toContain('audit_events');
      expect(await writeMarks(demo.db)).toEqual(before);
    } finally {
      await demo.close();
    }
  }, 120_000);

  it('an archive with one byte of a table changed, an edited row count, a changed file, another migration level', async () => {
    const { file } = archive(kind);
    const target = await freshDatabase(kind);
    try {
      const before = await writeMarks(target.db);
      const oneByte = path.join(dir, `${kind}-byte.tar.gz`);
      await rewriteArchive(file, oneByte, (name, body) => {
        if (name !== 'db/org_units.copy') return body;
        const copy = Buffer.from(body);
        const at = copy.indexOf('Муниципал'); // a letter of a name: same size, same row count
        copy[at + 2] = (copy[at + 2] ?? 0) ^ 1;
        return copy;
      });
      expect(await refusal(restoreBackup(target, { file: oneByte, storage: db }))).toMatch(
        /Архив изменён или повреждён: db\/org_units\.copy — контрольная сумма SHA-256 не совпадает/,
      );

      const counts = path.join(dir, `${kind}-counts.tar.gz`);
      await rewriteArchive(file, counts, (name, body) => {
        if (name !== 'manifest.json') return body;
        const m = JSON.parse(body.toString()) as Manifest;
        const users = m.tables.find((t) => t.name === 'users');
        if (users) users.rows += 1;
        return Buffer.from(JSON.stringify(m));
      });
      expect(await refusal(restoreBackup(target, { file: counts, storage: db }))).toMatch(
        /db\/users\.copy — строк \d+, в manifest\.json — \d+/,
      );

      const fileBody = path.join(dir, `${kind}-file.tar.gz`);
      await rewriteArchive(file, fileBody, (name, body) =>
        name.startsWith('files/') ? Buffer.concat([body.subarray(0, -1), Buffer.from([0])]) : body,
      );
      expect(await refusal(restoreBackup(target, { file: fileBody, storage: db }))).toMatch(
        /files\/[0-9a-f]{64} —/,
      );

      const newer = path.join(dir, `${kind}-newer.tar.gz`);
      await rewriteArchive(file, newer, (name, body) => {
        if (name !== 'manifest.json') return body;
        const m = JSON.parse(body.toString()) as Manifest;
        m.migration = { ...m.migration, index: 99, tag: '0099_future', createdAt: m.migration.createdAt + 1 };
        return Buffer.from(JSON.stringify(m));
      });
      expect(await refusal(restoreBackup(target, { file: newer, storage: db }))).toMatch(
        /^Архив сделан более новой версией Опоры: уровень миграций 0099_future/,
      );

      const older = path.join(dir, `${kind}-older.tar.gz`);
      await rewriteArchive(file, older, (name, body) => {
        if (name !== 'manifest.json') return body;
        const m = JSON.parse(body.toString()) as Manifest;
        const previous = journal().entries.at(-2);
        if (!previous) throw new Error('one migration only');
        m.migration = { ...m.migration, index: previous.idx, tag: previous.tag, createdAt: previous.when };
        return Buffer.from(JSON.stringify(m));
      });
      expect(await refusal(restoreBackup(target, { file: older, storage: db }))).toMatch(
        /^Архив сделан более старой версией Опоры \(0\.1\.0\).*Восстановите копию версией Опоры 0\.1\.0/,
      );

      const notAnArchive = path.join(dir, 'not-an-archive.tar.gz');
      fs.writeFileSync(notAnArchive, 'hello');
      expect(await refusal(restoreBackup(target, { file: notAnArchive, storage: db }))).toMatch(
        /не является резервной копией Опоры или повреждён/,
      );
      expect(await writeMarks(target.db)).toEqual(before); // nothing was touched
    } finally {
      await target.close();
    }
  }, 120_000);
});

describe.each(DB_KINDS)('files on %s between storages', (kind) => {
  it('an archive of file_blobs restores into a directory and back, byte for byte', async () => {
    const { file, manifest } = archive(kind);
    const files = path.join(dir, `${kind}-files`);
    const target = await freshDatabase(kind);
    try {
      await restoreBackup(target, { file, storage: { kind: 'local', dir: files } });
      expect(await localKeys(files)).toEqual(manifest.files.map((f) => f.key).sort());
      const again = path.join(dir, `${kind}-from-local.tar.gz`);
      const second = await createBackup(target, { out: again, storage: { kind: 'local', dir: files } });
      expect(second.files).toEqual(manifest.files);
      const third = await freshDatabase(kind);
      try {
        await restoreBackup(third, { file: again, storage: db });
        expect(await fileBodies(third)).toEqual(await fileBodies(demos[DB_KINDS.indexOf(kind)] as Database));
      } finally {
        await third.close();
      }
    } finally {
      await target.close();
    }
  }, 300_000);
});

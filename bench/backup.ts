import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { createBackup } from '../src/modules/backup/create-backup.js';
import { restoreBackup } from '../src/modules/backup/restore-backup.js';
import type { StorageSpec } from '../src/modules/backup/storage.js';
import { contentOf } from '../src/modules/backup/test-support.js';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { setPupilKey } from '../src/modules/pupils/pupil-crypto.js';

/*
 * npm run bench:backup — backup and restore of the demo database on both engines, beside the other
 * ways of dumping (PGlite's dumpDataDir, pg_dump) and a baseline query of the same run (ADR 0043).
 *
 *   BENCH_DATA_DIR=./data   an embedded DATA_DIR holding the demo (copied first, never changed);
 *                           without it the demo is loaded into an in-memory PGlite (minutes)
 *   DATABASE_URL=…          a PostgreSQL server: the PGlite archive is restored into a new database
 *                           there (cross-engine), backed up again, and pg_dump -Fc is timed beside it
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-bench-backup-'));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} МБ`;
const rows: [string, string, string][] = [];
const row = (what: string, time: string, size = '') => {
  rows.push([what, time, size]);
  console.log(`${what.padEnd(58)} ${time.padStart(9)} ${size.padStart(10)}`);
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, string]> {
  const t = performance.now();
  const out = await fn();
  return [out, `${((performance.now() - t) / 1000).toFixed(2)} с`];
}

/** A plain query over the biggest tables: how fast this machine is right now. */
async function baseline(database: Database, label: string) {
  const [, t] = await timed(() => contentOf(database));
  row(`основа: хеш всех строк всех таблиц (${label})`, t);
}

async function source(): Promise<{ database: Database; storage: StorageSpec }> {
  setPupilKey(Buffer.alloc(32, 7));
  const from = process.env.BENCH_DATA_DIR;
  if (from) {
    const copy = path.join(dir, 'source');
    fs.cpSync(from, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'opora.lock'), { force: true });
    return { database: await openPglite(copy), storage: { kind: 'local', dir: path.join(copy, 'files') } };
  }
  const database = await openPglite(null);
  console.log('Загрузка демо-данных в PGlite в памяти…');
  await loadDemo(database.db, { storage: databaseStorage });
  return { database, storage: { kind: 'database' } };
}

async function main() {
  const { database: lite, storage } = await source();
  await baseline(lite, 'PGlite');
  const a = path.join(dir, 'pglite.tar.gz');
  const [m, tb] = await timed(() => createBackup(lite, { out: a, storage }));
  const rowsTotal = m.tables.reduce((n, t) => n + t.rows, 0);
  row(
    `backup PGlite (${m.tables.length} таблиц, ${rowsTotal} строк, ${m.files.length} файлов)`,
    tb,
    mb(fs.statSync(a).size),
  );
  const a1 = path.join(dir, 'pglite-1.tar.gz');
  const [, tb1] = await timed(() => createBackup(lite, { out: a1, storage, gzipLevel: 1 }));
  row('backup PGlite, gzip 1', tb1, mb(fs.statSync(a1).size));
  if (lite.raw?.kind === 'pglite') {
    const client = lite.raw.client;
    const [dump, td] = await timed(async () =>
      Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()),
    );
    row('PGlite dumpDataDir (tar, без файлов)', td, mb(dump.length));
    const [gz, tz] = await timed(async () => gzipSync(dump, { level: 1 }));
    row('  + gzip 1', tz, mb(gz.length));
  }

  const fresh = await openPglite(null);
  const [, tr] = await timed(() => restoreBackup(fresh, { file: a, storage: { kind: 'database' } }));
  row('restore PGlite → PGlite (в памяти, файлы в file_blobs)', tr);
  await fresh.close();

  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = (q: string) => execFileSync('psql', ['-X', '-q', '-d', url, '-c', q]);
    const name = `opora_bench_backup_${process.pid}`;
    admin(`create database ${name}`);
    const pgUrl = new URL(url);
    pgUrl.pathname = `/${name}`;
    const pg = await openPostgres(pgUrl.toString(), 4);
    try {
      const [, tx] = await timed(() => restoreBackup(pg, { file: a, storage: { kind: 'database' } }));
      row('restore PGlite-архива → PostgreSQL', tx);
      await baseline(pg, 'PostgreSQL');
      const b = path.join(dir, 'postgres.tar.gz');
      const [, tp] = await timed(() => createBackup(pg, { out: b, storage: { kind: 'database' } }));
      row('backup PostgreSQL (файлы из file_blobs)', tp, mb(fs.statSync(b).size));
      const c = path.join(dir, 'pg_dump.custom');
      const [, tpd] = await timed(async () =>
        execFileSync('pg_dump', ['-Fc', '-Z1', '-f', c, pgUrl.toString()]),
      );
      row('pg_dump -Fc -Z1 (с file_blobs)', tpd, mb(fs.statSync(c).size));
      const back = await openPglite(null);
      const [, tl] = await timed(() => restoreBackup(back, { file: b, storage: { kind: 'database' } }));
      row('restore PostgreSQL-архива → PGlite', tl);
      await back.close();
    } finally {
      await pg.close();
      admin(`drop database ${name} with (force)`);
    }
  }
  await lite.close();
  console.log(
    `\n${new Date().toISOString()}, ${os.cpus().length} ядра, нагрузка ${os.loadavg()[0]?.toFixed(1)}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

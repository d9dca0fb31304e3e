import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { inject } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { openPglite, openPostgres } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { loadDemo } from '../../src/modules/demo/load-demo.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import { adminQuery, freshDatabase, PG_URL, pgUrl, postgresDatabase, waitDisconnected } from './db.js';

/*
 * demoDatabase(kind) — a fresh database of its own that already holds the demo, the same as
 *
 *     const database = await freshDatabase(kind);
 *     await loadDemo(database.db, { storage: databaseStorage });
 *
 * gives (same rows, same files: databaseStorage keeps them in `file_blobs`), in ~1–3 s instead of the
 * 15–30 s of a load. Use it in every test that needs the demo as it is and does not test the loading
 * itself (load logs, timing, atomicity, another `today`: those call loadDemo). The copy is the file's
 * own: mutate it freely; `close()` drops it.
 *
 * How: the first file of a Vitest run that asks for a kind loads the demo once and keeps it as a
 * snapshot — PGlite: dumpDataDir() to a tar in the run's directory, opened with `loadDataDir`;
 * PostgreSQL: a template database `opora_demo_tpl_<run>`, copied with CREATE DATABASE … TEMPLATE.
 * Other workers wait for it (a lock file in the run's directory). The run's directory and the template
 * are made and removed by tests/helpers/demo-global.ts (vitest.config.ts `globalSetup`); the demo's
 * pupil data are encrypted with the one test key set in every worker by tests/helpers/setup-key.ts.
 * Outside such a run (no directory provided) it simply loads the demo.
 */
export async function demoDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  const dir = runDirectory();
  if (!dir) {
    const database = await freshDatabase(kind);
    await loadDemo(database.db, { storage: databaseStorage });
    return database;
  }
  return kind === 'postgres' && PG_URL ? postgresDemo(dir) : pgliteDemo(dir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshots: string;
  }
}

function runDirectory(): string | null {
  try {
    const dir = inject('demoSnapshots');
    return dir && fs.existsSync(dir) ? dir : null;
  } catch {
    return null; // not inside a Vitest worker
  }
}

/** The run's template database; its name is derived from the run's directory (one per run). */
export function templateName(dir: string): string {
  return `opora_demo_tpl_${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`;
}

async function pgliteDemo(dir: string): Promise<Database> {
  const tar = path.join(dir, 'pglite.tar');
  let own: Database | undefined;
  await once(dir, 'pglite', async () => {
    const database = await openPglite(null);
    try {
      const started = Date.now();
      await loadDemo(database.db, { storage: databaseStorage });
      if (database.raw?.kind !== 'pglite') throw new Error('expected PGlite');
      const dump = await database.raw.client.dumpDataDir('none');
      const tmp = `${tar}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, tar); // a reader never sees half a file
      console.log(`demo snapshot (pglite): ${seconds(started)} s, ${mb(fs.statSync(tar).size)} MB`);
      own = database; // the builder keeps the original: it is the demo
    } catch (e) {
      await database.close();
      throw e;
    }
  });
  if (own) return own;
  const client = await PGlite.create({ loadDataDir: await readDump(tar) });
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: 'pglite',
    raw: { kind: 'pglite', client },
    close: () => client.close(),
  };
}

// Read once per worker process (a file may open several demo databases).
const dumps = new Map<string, Promise<Blob>>();
function readDump(file: string): Promise<Blob> {
  let dump = dumps.get(file);
  if (!dump) {
    dump = fs.promises.readFile(file).then((b) => new Blob([b]));
    dumps.set(file, dump);
  }
  return dump;
}

async function postgresDemo(dir: string): Promise<Database> {
  const template = templateName(dir);
  await once(dir, 'postgres', async () => {
    const started = Date.now();
    // A build that failed midway left half a template behind.
    await adminQuery(`drop database if exists ${template} with (force)`);
    await adminQuery(`create database ${template}`);
    await adminQuery(`comment on database ${template} is 'opora test demo ${new Date().toISOString()}'`);
    const database = await openPostgres(pgUrl(template), 4);
    try {
      await loadDemo(database.db, { storage: databaseStorage });
    } finally {
      await database.close();
    }
    // CREATE DATABASE … TEMPLATE refuses a template with a session on it.
    await waitDisconnected(template);
    console.log(`demo snapshot (postgres): ${seconds(started)} s`);
  });
  return postgresDatabase(template);
}

/**
 * Runs `build` in one worker of the run; the others wait until it is done. A builder that failed
 * leaves no mark, so the next one to ask tries again (and fails with the real error).
 */
async function once(dir: string, name: string, build: () => Promise<void>): Promise<void> {
  const done = path.join(dir, `${name}.done`);
  const lock = path.join(dir, `${name}.lock`);
  for (;;) {
    if (fs.existsSync(done)) return;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (pid && !isAlive(pid))
        fs.rmSync(lock, { force: true }); // its builder died
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      await build();
      fs.writeFileSync(done, '');
      return;
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

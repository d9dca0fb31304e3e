import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client.js';

// Tests run on the embedded database always, and on PostgreSQL too when DATABASE_URL is set (CI).
export const PG_URL = process.env.DATABASE_URL;
export const DB_KINDS: ('pglite' | 'postgres')[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];
/**
 * The one engine for whole-API sweeps (the access matrix, the fuzz, the pupils' privacy walk): the server
 * when there is one (an older PostgreSQL than PGlite's, so the stricter of the two), else the embedded one.
 * The embedded engine is deployed too: it is covered by the domain and API tests, which run on both; the
 * sweeps on both took ≈ 200 s more of a CI run's worker time (ADR 0032).
 */
export const SWEEP_KINDS: ('pglite' | 'postgres')[] = PG_URL ? ['postgres'] : ['pglite'];

/** A fresh, migrated, empty database of the given kind; `close` drops it. */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite' || !PG_URL) return openPglite(null);
  return postgresDatabase('');
}

/**
 * A new database on the PostgreSQL server of DATABASE_URL, dropped on `close`: empty and migrated, or
 * a copy of `template` as it is (tests/helpers/demo-db.ts).
 */
export async function postgresDatabase(template: string): Promise<Database> {
  if (!PG_URL) throw new Error('DATABASE_URL is not set');
  const name = `opora_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  const database = await openPostgres(pgUrl(name), 4, { migrate: !template });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}

export function pgUrl(name: string): string {
  const url = new URL(PG_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

/** Drops a database once its pool's connections are gone. */
export async function dropDatabase(name: string): Promise<void> {
  // The pool's connections close a moment after pool.end(): killing one still closing (FORCE)
  // reaches its client as an unhandled error that fails the test run.
  await waitDisconnected(name);
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** Waits (up to a second) until no session is connected to the database. */
export async function waitDisconnected(name: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (r.rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await c.end();
  }
}

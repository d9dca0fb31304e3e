import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { openReplica, type Replica } from './db/replica.js';
import { users } from './db/schema/auth.js';
import { databaseStorage, type FileStorage, localStorage } from './modules/files/storage.js';
import { setPupilKey } from './modules/pupils/pupil-crypto.js';

export async function openDatabase(config: Config, opts: { migrate?: boolean } = {}): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, config.databasePoolSize, opts)
    : openPglite(config.dataDir);
}

/** The replica for reports, polled in the background, when DATABASE_REPLICA_URL is set. */
export function startReplica(config: Config, database: Database): Replica | undefined {
  if (!config.databaseReplicaUrl || database.raw?.kind !== 'postgres') return undefined;
  return openReplica(config.databaseReplicaUrl, database.raw.pool).start();
}

/** The configured secret, or one generated once and kept in the data directory (embedded setup). */
export function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The key of pupils' personal data: the configured one, or one generated once and kept in the data
 * directory (the embedded setup, and a PostgreSQL demo). Set for the process before anything reads pupils.
 */
export function configurePupilKey(config: Config): void {
  if (config.pupilDataKey) {
    setPupilKey(config.pupilDataKey);
    return;
  }
  const file = path.join(config.dataDir, 'pupil-data-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process wrote it first: read that one.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  setPupilKey(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
}

export function makeStorage(config: Config, database: Database): FileStorage {
  return config.fileStorage === 'database'
    ? databaseStorage(database.db)
    : localStorage(path.join(config.dataDir, 'files'));
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [r] = await database.db.select({ n: count() }).from(users);
  return (r?.n ?? 0) === 0;
}

import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { log } from '../lib/log.js';
import type { Db } from './client.js';
import * as schema from './schema/index.js';

// A streaming replica for reports (docs/decisions/0013-read-replica.md). Each process polls the
// primary's WAL position and the replica's replayed position in the background; a request decides
// between them from that state alone, never with a query of its own.

export type ReplicaOptions = {
  /** A replica further behind than this is not used. */
  maxLagSeconds?: number;
  pollMs?: number;
  /** Seen in the replica's pg_stat_activity. */
  applicationName?: string;
  poolSize?: number;
  log?: (message: string) => void;
};

export type ReplicaState = 'starting' | 'up' | 'lagging' | 'down';

/** A write-ahead log position ('16/B374D848') as a number; null for anything else. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  if (!m?.[1] || !m[2]) return null;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/**
 * Why a read failed on the replica, when the same read may succeed on the primary: the replica is
 * unreachable, or it cancelled the query to replay WAL (a recovery conflict, SQLSTATE 40001 on a
 * standby). Null for every other error, which the primary would raise as well.
 */
export function replicaFailure(e: unknown): 'unreachable' | 'conflict' | null {
  for (let err = e; err instanceof Error; err = err.cause) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code === '40001') return 'conflict';
      if (/^[0-9A-Z]{5}$/.test(code))
        return code.startsWith('08') || code.startsWith('57P') ? 'unreachable' : null;
      if (code.startsWith('E')) return 'unreachable'; // ECONNREFUSED, ECONNRESET, ETIMEDOUT…
    }
    if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(err.message))
      return 'unreachable';
  }
  return null;
}

type Sample = { at: number; lsn: bigint };

export class Replica {
  readonly db: Db;
  /** Counters for tests and benchmarks: where report reads went. */
  readonly stats = { replicaReads: 0, primaryReads: 0, fallbacks: 0, lsnQueries: 0 };
  private state: ReplicaState = 'starting';
  private replayed: bigint | null = null;
  private lagMs = 0;
  private lastOkAt = 0;
  private samples: Sample[] = [];
  private lastPruned: Sample | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private readonly maxLagMs: number;
  private readonly pollMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly primary: pg.Pool,
    opts: ReplicaOptions = {},
  ) {
    this.db = drizzlePg(pool, { schema }) as unknown as Db;
    this.maxLagMs = (opts.maxLagSeconds ?? 10) * 1000;
    this.pollMs = opts.pollMs ?? 200;
    this.log = opts.log ?? ((m) => log.warn(m));
    // An idle connection to a replica that went away emits 'error': unhandled, it ends the process.
    pool.on('error', () => this.markDown('соединение разорвано'));
  }

  start(): this {
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
      void this.poll();
    }
    return this;
  }

  /**
   * May a read that must see `minLsn` (from the client's cookie; null without one) go to the replica?
   * Only when the replica is up, not too far behind, and has replayed that position.
   */
  usableFor(minLsn: bigint | null): boolean {
    if (this.state !== 'up' || Date.now() - this.lastOkAt > this.maxLagMs) return false;
    return minLsn === null || (this.replayed !== null && this.replayed >= minLsn);
  }

  status() {
    return { state: this.state, replayedLsn: this.replayed, lagMs: this.lagMs };
  }

  /** The primary's WAL position after a commit, for the read-your-own-writes cookie. */
  async primaryLsn(): Promise<string> {
    this.stats.lsnQueries++;
    const r = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const lsn = r.rows[0]?.lsn;
    if (!lsn) throw new Error('pg_current_wal_lsn() returned nothing');
    return lsn;
  }

  markDown(reason: string) {
    this.setState('down', reason);
  }

  async close() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pool.end();
  }

  /** One background round: the primary's position first, then how far the replica has replayed. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const now = Date.now();
      const p = await this.primary.query<{ lsn: string }>({
        text: 'select pg_current_wal_lsn()::text as lsn',
        query_timeout: this.maxLagMs,
      } as pg.QueryConfig);
      const primaryLsn = parseLsn(p.rows[0]?.lsn);
      if (primaryLsn !== null) this.samples.push({ at: now, lsn: primaryLsn });
      const r = await this.pool.query<{ standby: boolean; lsn: string | null }>({
        text: 'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn',
        query_timeout: this.maxLagMs,
      } as pg.QueryConfig);
      const row = r.rows[0];
      if (!row?.standby) {
        this.setState('down', 'сервер не является репликой (не в режиме восстановления)');
        return;
      }
      this.replayed = parseLsn(row.lsn);
      this.lastOkAt = Date.now();
      this.updateLag(this.lastOkAt);
    } catch (e) {
      this.setState('down', e instanceof Error ? e.message : String(e));
    } finally {
      this.polling = false;
    }
  }

  /**
   * The lag is the age of the oldest primary position not yet replayed: unlike
   * pg_last_xact_replay_timestamp() it stays zero on an idle primary and grows when the replica
   * stops receiving WAL.
   */
  private updateLag(now: number) {
    const keepFrom = now - this.maxLagMs - 2 * this.pollMs;
    while (this.samples[0] && this.samples[0].at < keepFrom) this.lastPruned = this.samples.shift() ?? null;
    const replayed = this.replayed ?? -1n;
    const oldest = this.samples.find((s) => s.lsn > replayed);
    if (!oldest) {
      this.lagMs = 0;
      this.setState('up');
      return;
    }
    let since = oldest.at;
    if (oldest === this.samples[0]) {
      // Behind since before the first sample we keep: the lag is at least that old.
      if (!this.lastPruned && this.state === 'starting') return; // not known yet: not used yet
      if (this.lastPruned && this.lastPruned.lsn > replayed) since = this.lastPruned.at;
    }
    this.lagMs = now - since;
    if (this.lagMs > this.maxLagMs) this.setState('lagging', `отставание больше ${this.maxLagMs / 1000} с`);
    else this.setState('up');
  }

  /** Logged once per change of state, in the operator's language. */
  private setState(next: ReplicaState, reason = '') {
    if (next === this.state) return;
    this.state = next;
    if (next === 'up') this.log('Реплика базы данных доступна: отчёты читаются с неё.');
    else this.log(`Реплика базы данных не используется (${reason}): отчёты читаются с основного сервера.`);
  }
}

export function openReplica(url: string, primary: pg.Pool, opts: ReplicaOptions = {}): Replica {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    application_name: opts.applicationName ?? 'opora-replica',
    // A replica that does not answer must not hold a report for long: the primary is there.
    connectionTimeoutMillis: 2000,
  });
  return new Replica(pool, primary, opts);
}

import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../db/client.js';
import { log } from '../../lib/log.js';
import { type ActorCache, ALL_ACTORS } from './actor-cache.js';

/** PostgreSQL channel on which every process hears sign-outs and changes of accounts and roles. */
export const ACTOR_CHANNEL = 'opora_actors';

export type ActorSync = {
  /** Settles once the first attempt to listen has succeeded or failed (caching waits for success). */
  ready: Promise<void>;
  /** True while the channel is heard (and so the cache is in use). */
  listening: () => boolean;
  close: () => Promise<void>;
};

/**
 * Keeps `cache` true across processes and instances on one PostgreSQL: a change made here is announced
 * with NOTIFY (through the pool, after it committed), and a dedicated connection LISTENs for the
 * changes of all processes. While that connection is down the cache is suspended — a change could go
 * unheard — and it reconnects with a growing pause; on reconnect the cache starts empty.
 */
export function syncActorCache(
  db: Db,
  connectionString: string,
  cache: ActorCache,
  warn: (line: string) => void = (line) => log.warn(line),
): ActorSync {
  cache.suspend();
  cache.publishWith(async (change) => {
    await db.execute(sql`select pg_notify(${ACTOR_CHANNEL}, ${change})`);
  });
  let client: pg.Client | null = null;
  let closed = false;
  let delayMs = 500;
  let timer: NodeJS.Timeout | undefined;
  let settle: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    settle = resolve;
  });

  const connect = async () => {
    const c = new pg.Client({ connectionString });
    let lost = false;
    const retry = (why: string) => {
      if (lost || closed) return;
      lost = true;
      client = null;
      cache.suspend();
      settle();
      warn(
        `Канал сброса кэша сеансов (${ACTOR_CHANNEL}) недоступен: ${why}. ` +
          `Кэш сеансов отключён, переподключение через ${(delayMs / 1000).toFixed(1)} с.`,
      );
      c.end().catch(() => {});
      timer = setTimeout(connect, delayMs);
      delayMs = Math.min(delayMs * 2, 30_000);
    };
    c.on('error', (e) => retry(e.message));
    c.on('end', () => retry('соединение закрыто'));
    c.on('notification', (m) => {
      if (m.channel === ACTOR_CHANNEL) cache.apply(m.payload || ALL_ACTORS);
    });
    try {
      await c.connect();
      await c.query(`listen ${ACTOR_CHANNEL}`);
    } catch (e) {
      retry(e instanceof Error ? e.message : String(e));
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delayMs = 500;
    // Whatever changed while nobody listened is unknown: start from an empty cache.
    cache.resume();
    settle();
  };
  void connect();

  return {
    ready,
    listening: () => client !== null,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      cache.suspend();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

import type { Actor } from '../access/actor.js';

/** What `invalidate` broadcasts: one session id (a token's hash), or `*` for every session. */
export type ActorChange = string;
export const ALL_ACTORS: ActorChange = '*';

/**
 * The actors of recent sessions, kept for a moment: a page asks several endpoints at once, and each would
 * otherwise read the session, the user and his roles again. An entry lives `ttlMs`. A sign-out forgets
 * its session and a change of accounts or roles forgets everything, here at once and, through the
 * publisher (LISTEN/NOTIFY on PostgreSQL, see actor-sync.ts), in every other process and instance.
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor | null; until: number }>();
  /** Moves on every forget/clear: a load that began before a change must not be stored after it. */
  private gen = 0;
  /** While the change feed is down nothing is kept: a change could go unheard. */
  private suspended = false;
  private publish: ((change: ActorChange) => Promise<void>) | undefined;

  constructor(
    private readonly ttlMs = 2000,
    private readonly max = 10_000,
  ) {}

  /** The cached actor of a session id (null: no such session), or undefined when not cached. */
  get(sessionId: string, now = Date.now()): Actor | null | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e.actor;
  }

  /** Taken before a database load; `set` ignores the loaded actor if a change came in meanwhile. */
  get generation(): number {
    return this.gen;
  }

  set(sessionId: string, actor: Actor | null, now = Date.now(), loadedAt = this.gen): void {
    if (this.suspended || loadedAt !== this.gen) return;
    // Map keeps insertion order: the oldest entry goes first when the cache is full.
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { actor, until: now + this.ttlMs });
  }

  /** Applies a change heard from elsewhere (or made here): one session, or all of them. */
  apply(change: ActorChange): void {
    this.gen++;
    if (change === ALL_ACTORS) this.entries.clear();
    else this.entries.delete(change);
  }

  /** A change made in this process: applied here and announced to the others. */
  async invalidate(change: ActorChange): Promise<void> {
    this.apply(change);
    await this.publish?.(change);
  }

  forget(sessionId: string): void {
    this.apply(sessionId);
  }

  clear(): void {
    this.apply(ALL_ACTORS);
  }

  /** Wires the broadcast of changes made here (see actor-sync.ts). */
  publishWith(publish: (change: ActorChange) => Promise<void>): void {
    this.publish = publish;
  }

  /** Stops caching (and forgets everything) until `resume`: the feed of changes is not heard. */
  suspend(): void {
    this.suspended = true;
    this.clear();
  }

  resume(): void {
    this.suspended = false;
    this.clear();
  }
}

import type { Actor } from '../access/actor.js';

/**
 * The actors of recent sessions, kept for a moment: a page asks several endpoints at once, and each would
 * otherwise read the session, the user and his roles again. An entry lives `ttlMs`; this instance forgets
 * a session at once when it ends and everything when accounts or roles change here, so another instance
 * behind the balancer sees such a change within `ttlMs` (docs/deployment.md).
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor | null; until: number }>();

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

  set(sessionId: string, actor: Actor | null, now = Date.now()): void {
    // Map keeps insertion order: the oldest entry goes first when the cache is full.
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { actor, until: now + this.ttlMs });
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  clear(): void {
    this.entries.clear();
  }
}

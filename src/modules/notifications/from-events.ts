import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../db/client.js';
import { DEMO_LOADER } from '../access/actor.js';
import type { EventPayload, EventType } from '../audit/events.js';
import type { AuditAuthor, EventTarget } from '../audit/record-event.js';
import { type Notice, notify } from './notify.js';
import { EVENT_RULES } from './rules/registry.js';
import type { EventRule } from './rules/types.js';

const quiet = new AsyncLocalStorage<true>();

/**
 * Runs `fn` with no notices from its events: the demo's load writes its history as real users, and reading
 * recipients for each of its ~3 200 events took 37 s of a 286 s load on the shared machine (ADR 0030).
 */
export function withoutNotices<T>(fn: () => Promise<T>): Promise<T> {
  return quiet.run(true, fn);
}

/**
 * Notifications that follow from history events (issue 15 §3): called by recordEvents in the same
 * transaction, for every event written, so a notice lands with its change or not at all and no
 * producer can forget to notify. The rules (rules/registry.ts) name the recipients; the actor never
 * hears of his own action. The demo loader's thousands of events notify nobody: the demo is history
 * already, and reading recipients for each would slow its one transaction.
 */
export async function notifyFromEvents<T extends EventType>(
  tx: Db,
  actor: AuditAuthor,
  type: T,
  events: readonly { target: EventTarget; payload: EventPayload<T> }[],
): Promise<void> {
  const rule = EVENT_RULES[type] as EventRule<T> | undefined;
  if (!rule || actor === DEMO_LOADER || quiet.getStore()) return;
  const actorId = actor !== null && 'userId' in actor ? actor.userId : null;
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    for (const { userIds, ...notice } of await rule(tx, event)) {
      for (const userId of userIds) {
        const key = `${userId} ${notice.dedupeKey}`;
        if (userId === actorId || seen.has(key)) continue;
        seen.add(key);
        notices.push({ ...notice, userId });
      }
    }
  }
  await notify(tx, notices);
}

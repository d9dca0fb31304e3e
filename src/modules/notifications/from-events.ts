import type { Db } from '../../db/client.js';
import type { EventPayload, EventType } from '../audit/events.js';
import type { AuditAuthor, EventTarget } from '../audit/record-event.js';

/**
 * Notifications that follow from history events (issue 15 §3): called by recordEvents in the same
 * transaction, for every event written, so a notice lands with its change or not at all and no
 * producer can forget to notify. Foundation slot: the helper «notifications» maps the event types
 * (returned, waiting for confirmation, a document's path, expertise assigned, campaign opened, list
 * approved, …) to recipients and notices through notify().
 */
export async function notifyFromEvents<T extends EventType>(
  _tx: Db,
  _actor: AuditAuthor,
  _type: T,
  _events: readonly { target: EventTarget; payload: EventPayload<T> }[],
): Promise<void> {}

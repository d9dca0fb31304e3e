import type { Db } from '../../../db/client.js';
import type { EventPayload, EventType } from '../../audit/events.js';
import type { EventTarget } from '../../audit/record-event.js';
import type { Notice } from '../notify.js';

/** A notice for some users: the rule names the recipients, the dispatcher drops the actor. */
export type Addressed = Omit<Notice, 'userId'> & { userIds: readonly string[] };

/** Maps one history event to the notices it gives, reading what it needs inside the same transaction. */
export type EventRule<T extends EventType> = (
  tx: Db,
  event: { target: EventTarget; payload: EventPayload<T> },
) => Promise<Addressed[]>;

export type EventRules = { [T in EventType]?: EventRule<T> };

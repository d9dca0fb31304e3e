import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { Actor } from '../access/actor.js';
import type { EventPayload, EventType } from './events.js';

export type EventTarget = {
  entityType:
    | 'roadmap'
    | 'section'
    | 'item'
    | 'task'
    | 'org_unit'
    | 'user'
    | 'session'
    | 'assessment_data'
    | 'methodology'
    | 'identification_run'
    | 'identification_list';
  entityId: string;
  roadmapId?: string | null;
  itemId?: string | null;
  orgUnitId?: string | null;
};

/** Writes one history event; call it inside the mutation's transaction so both land or neither. */
export async function recordEvent<T extends EventType>(
  db: Db,
  actor: Pick<Actor, 'userId' | 'fullName'> | null,
  type: T,
  target: EventTarget,
  payload: EventPayload<T>,
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: actor?.userId ?? null,
    actorName: actor?.fullName ?? null,
    type,
    entityType: target.entityType,
    entityId: target.entityId,
    roadmapId: target.roadmapId ?? null,
    itemId: target.itemId ?? null,
    orgUnitId: target.orgUnitId ?? null,
    payload,
  });
}

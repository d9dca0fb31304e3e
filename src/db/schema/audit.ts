import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every mutation in the system, with its typed payload (see modules/audit/events.ts). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    roadmapId: uuid('roadmap_id'),
    itemId: uuid('item_id'),
    orgUnitId: uuid('org_unit_id'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('audit_roadmap_idx').on(t.roadmapId),
    index('audit_item_idx').on(t.itemId),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    // The audit log's search (issue 17 §7): by period, by user and by event type, newest first.
    index('audit_at_idx').on(t.at),
    index('audit_actor_at_idx').on(t.actorId, t.at),
    index('audit_type_at_idx').on(t.type, t.at),
  ],
);

import { and, desc, eq, isNull, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { loadItemAccess } from './item-access.js';
import { loadRoadmapAccess } from './roadmap-access.js';
import type { historyEntryView } from './views.js';

export type HistoryEntry = z.infer<typeof historyEntryView>;

const toEntry = (e: typeof auditEvents.$inferSelect): HistoryEntry => ({
  id: e.id,
  at: e.at.toISOString(),
  actor: e.actorName,
  type: e.type,
  payload: e.payload,
});

/**
 * Access: whoever may see the item. Events of the item itself, and those of the units executing it
 * (cascaded tasks) only for units the reader sees: a school reading the region's measure must not
 * learn how other schools carry it out, nor who works there.
 */
export async function itemHistory(db: Db, opts: { actor: Actor; itemId: string }): Promise<HistoryEntry[]> {
  const { item } = await loadItemAccess(db, opts.actor, opts.itemId);
  const rows = await db
    .select({ e: auditEvents })
    .from(auditEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, auditEvents.orgUnitId))
    .where(
      and(
        eq(auditEvents.itemId, item.id),
        or(ne(auditEvents.entityType, 'task'), pathReadable(opts.actor, orgUnits.path)),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(500);
  return rows.map((r) => toEntry(r.e));
}

/** Roadmap-level events (title, approval, sections), without those of its items. Access: who may see it. */
export async function roadmapHistory(
  db: Db,
  opts: { actor: Actor; roadmapId: string },
): Promise<HistoryEntry[]> {
  const { roadmap } = await loadRoadmapAccess(db, opts.actor, opts.roadmapId);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.roadmapId, roadmap.id), isNull(auditEvents.itemId)))
    .orderBy(desc(auditEvents.id))
    .limit(500);
  return rows.map(toEntry);
}

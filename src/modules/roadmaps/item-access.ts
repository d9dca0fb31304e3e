import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { IMPORTED_RECORD_READ_ONLY, loadRoadmapAccess, type RoadmapAccess } from './roadmap-access.js';

export type ItemAccess = RoadmapAccess & { item: typeof items.$inferSelect };

/** Loads an item of a roadmap the actor may see; otherwise "not found", never a hint that it exists. */
export async function loadItemAccess(db: Db, actor: Actor, itemId: string): Promise<ItemAccess> {
  const [item] = await db.select().from(items).where(eq(items.id, itemId));
  if (!item) throw notFound('Мероприятие');
  const access = await loadRoadmapAccess(db, actor, item.roadmapId).catch(() => {
    throw notFound('Мероприятие');
  });
  return { ...access, item };
}

export async function loadManagedItem(db: Db, actor: Actor, itemId: string): Promise<ItemAccess> {
  const access = await loadItemAccess(db, actor, itemId);
  if (!access.canManage)
    throw forbidden('Изменять это мероприятие может только ответственный за дорожную карту');
  if (access.roadmap.executionImported) throw invalid(IMPORTED_RECORD_READ_ONLY);
  return access;
}

export const itemTarget = (i: { id: string; roadmapId: string }) => ({
  entityType: 'item' as const,
  entityId: i.id,
  roadmapId: i.roadmapId,
  itemId: i.id,
});

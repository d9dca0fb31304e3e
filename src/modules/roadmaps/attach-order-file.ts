import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { loadManagedRoadmap } from './roadmap-access.js';

/** Access: whoever keeps the roadmap. Attaches (or replaces) the scanned order that approved it. */
export async function attachOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; roadmapId: string; upload: Upload; maxBytes: number },
) {
  const { roadmap, owner } = await loadManagedRoadmap(db, opts.actor, opts.roadmapId);
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(roadmaps)
      .set({ orderFileId: file.id, version: sql`${roadmaps.version} + 1`, updatedAt: new Date() })
      .where(eq(roadmaps.id, roadmap.id))
      .returning();
    await recordEvent(
      tx,
      opts.actor,
      'roadmap.updated',
      { entityType: 'roadmap', entityId: roadmap.id, roadmapId: roadmap.id, orgUnitId: owner.id },
      { changes: [{ field: 'orderFile', old: roadmap.orderFileId, new: file.name }] },
    );
    return updated;
  });
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadManagedRoadmap } from './roadmap-access.js';

/** Access: whoever keeps the roadmap; only a draft or an imported archived record may be deleted (an approved one is archived). */
export async function deleteRoadmap(db: Db, opts: { actor: Actor; roadmapId: string; version: number }) {
  const { roadmap, owner } = await loadManagedRoadmap(db, opts.actor, opts.roadmapId, { forDeletion: true });
  // An imported archived record was never in force: deleting it undoes a wrong import.
  if (roadmap.status !== 'draft' && !roadmap.executionImported)
    throw invalid('Утверждённую дорожную карту нельзя удалить — переведите её в архив');
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(roadmaps)
      .where(and(eq(roadmaps.id, roadmap.id), eq(roadmaps.version, opts.version)))
      .returning({ id: roadmaps.id });
    if (gone.length === 0) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'roadmap.deleted',
      { entityType: 'roadmap', entityId: roadmap.id, orgUnitId: owner.id },
      { title: roadmap.title },
    );
  });
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items, sections } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { emptyProgress, itemViews, progressOf, toSummary, unitRef } from './read-model.js';
import { loadRoadmapAccess } from './roadmap-access.js';
import type { RoadmapDetail } from './types.js';

/** Access: whoever may see the roadmap (see roadmapVisible). */
export async function getRoadmap(db: Db, opts: { actor: Actor; roadmapId: string }): Promise<RoadmapDetail> {
  const { roadmap, owner, canManage, canConfirm } = await loadRoadmapAccess(db, opts.actor, opts.roadmapId);
  const [secs, views, progress] = await Promise.all([
    db.select().from(sections).where(eq(sections.roadmapId, roadmap.id)).orderBy(asc(sections.position)),
    itemViews(db, eq(items.roadmapId, roadmap.id)),
    progressOf(db, [roadmap.id]),
  ]);
  const summary = toSummary(roadmap, unitRef(owner), progress.get(roadmap.id) ?? emptyProgress());
  return {
    ...summary,
    sections: secs.map((s) => ({
      id: s.id,
      position: s.position,
      number: s.number,
      title: s.title,
      version: s.version,
      items: views.filter((v) => v.sectionId === s.id).sort((a, b) => a.position - b.position),
    })),
    permissions: { canManage, canConfirm },
  };
}

import { and, eq, exists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { itemEvidence, items, roadmaps } from '../../db/schema/roadmaps.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { roadmapVisible } from '../roadmaps/roadmap-access.js';
import type { FileStorage } from './storage.js';

/** Access: a file is readable through the roadmap it belongs to (evidence or the approving order). */
export async function getFile(db: Db, storage: FileStorage, opts: { actor: Actor; fileId: string }) {
  const visibleRoadmap = (extra: ReturnType<typeof sql>) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(roadmaps)
        .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
        .where(and(roadmapVisible(opts.actor), extra)),
    );
  const [file] = await db
    .select()
    .from(files)
    .where(
      and(
        eq(files.id, opts.fileId),
        or(
          visibleRoadmap(sql`${roadmaps.orderFileId} = ${files.id}`),
          visibleRoadmap(
            sql`exists (select 1 from ${itemEvidence} join ${items} on ${items.id} = ${itemEvidence.itemId} where ${itemEvidence.fileId} = ${files.id} and ${items.roadmapId} = ${roadmaps.id})`,
          ),
        ),
      ),
    );
  if (!file) throw notFound('Файл');
  const data = await storage.get(file.storageKey);
  if (!data) throw notFound('Файл');
  return { file, data };
}

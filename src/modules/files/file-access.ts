import { and, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { itemEvidence, items, roadmaps } from '../../db/schema/roadmaps.js';
import { invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { orderFileReadable } from '../identification/order-file.js';
import { roadmapVisible } from '../roadmaps/roadmap-access.js';

/**
 * SQL: the file is reachable by the actor through an object it is attached to — the approving order
 * of a roadmap he sees, evidence of an item of such a roadmap, or the order that approved identification
 * lists he sees. A file attached to nothing is
 * reachable by nobody: knowing its id is not enough.
 */
export function fileReadable(db: Db, actor: Actor): SQL {
  const visibleRoadmapWhere = (extra: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(roadmaps)
        .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
        .where(and(roadmapVisible(actor), extra)),
    );
  return or(
    visibleRoadmapWhere(sql`${roadmaps.orderFileId} = ${files.id}`),
    visibleRoadmapWhere(
      sql`exists (select 1 from ${itemEvidence} join ${items} on ${items.id} = ${itemEvidence.itemId} where ${itemEvidence.fileId} = ${files.id} and ${items.roadmapId} = ${roadmaps.id})`,
    ),
    orderFileReadable(db, actor),
  ) as SQL;
}

/**
 * A file given by id to be attached somewhere must already be readable by the actor; otherwise
 * attaching it would hand him a foreign file. A missing and an unreadable file get the same answer.
 */
export async function assertFileAttachable(
  db: Db,
  actor: Actor,
  fileId: string,
  field: string,
): Promise<void> {
  const [file] = await db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.id, fileId), fileReadable(db, actor)));
  if (!file)
    throw invalid('Файл не найден или недоступен', [{ field, message: 'Файл не найден или недоступен' }]);
}

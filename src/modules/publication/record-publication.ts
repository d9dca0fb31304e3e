import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { publications } from '../../db/schema/publication.js';
import type { PublicationKind } from '../../db/schema/values.js';
import type { PublicationOptions, SnapshotOf } from './snapshot.js';
import { SNAPSHOT_SCHEMAS } from './snapshot.js';

/**
 * Writes the next version of an object's publication and supersedes the current one, in the caller's
 * transaction (the publishing operation checks access, builds the snapshot and files, and records the
 * history event). The snapshot is validated by its kind's schema: a malformed one never reaches the
 * public site.
 */
export async function recordPublication<K extends PublicationKind>(
  tx: Db,
  p: {
    kind: K;
    objectId: string;
    orgUnitId: string;
    title: string;
    snapshot: SnapshotOf<K>;
    options?: PublicationOptions;
    docxFileId?: string | null;
    pdfFileId?: string | null;
    by: { userId: string; fullName: string } | null;
  },
) {
  const snapshot = SNAPSHOT_SCHEMAS[p.kind].parse(p.snapshot);
  // Serialises two publishers of one object: the second waits and numbers after the first.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`publication:${p.objectId}`}))`);
  const [last] = await tx
    .select({ version: sql<number>`coalesce(max(${publications.version}), 0)::int` })
    .from(publications)
    .where(and(eq(publications.kind, p.kind), eq(publications.objectId, p.objectId)));
  await tx
    .update(publications)
    .set({ supersededAt: sql`now()` })
    .where(
      and(
        eq(publications.kind, p.kind),
        eq(publications.objectId, p.objectId),
        isNull(publications.supersededAt),
        isNull(publications.withdrawnAt),
      ),
    );
  const [row] = await tx
    .insert(publications)
    .values({
      kind: p.kind,
      objectId: p.objectId,
      orgUnitId: p.orgUnitId,
      version: (last?.version ?? 0) + 1,
      title: p.title,
      snapshot,
      options: p.options ?? {},
      docxFileId: p.docxFileId ?? null,
      pdfFileId: p.pdfFileId ?? null,
      publishedBy: p.by?.userId ?? null,
      publishedByName: p.by?.fullName ?? null,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

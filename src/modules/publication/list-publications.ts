import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { publications } from '../../db/schema/publication.js';
import type { PublicationKind } from '../../db/schema/values.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canPublishFor } from './rights.js';
import { publicationOptions } from './snapshot.js';
import type { PublicationView } from './views.js';

// The publications of the units the actor sees (access inside the query: the unit's path is in his
// subtree). Without `includeWithdrawn` only what the public site shows now; with it every version,
// superseded and withdrawn ones included — the history of publishing.

type Row = { p: typeof publications.$inferSelect; u: typeof orgUnits.$inferSelect };

export const publicPath = (p: { objectId: string; version: number }, current: boolean) =>
  current ? `/public/p/${p.objectId}` : `/public/p/${p.objectId}/v/${p.version}`;

export function toView(actor: Actor, { p, u }: Row): PublicationView {
  const current = !p.supersededAt && !p.withdrawnAt;
  return {
    id: p.id,
    kind: p.kind,
    objectId: p.objectId,
    orgUnitId: p.orgUnitId,
    unitName: u.name,
    version: p.version,
    title: p.title,
    options: publicationOptions.parse(p.options),
    publishedAt: p.publishedAt.toISOString(),
    publishedByName: p.publishedByName,
    supersededAt: p.supersededAt?.toISOString() ?? null,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    withdrawnByName: p.withdrawnByName,
    withdrawnReason: p.withdrawnReason,
    hasDocx: p.docxFileId !== null,
    hasPdf: p.pdfFileId !== null,
    current,
    canWithdraw: current && canPublishFor(actor, p.kind, u),
    publicPath: publicPath(p, current || Boolean(p.withdrawnAt)),
  };
}

/** `objectChecked`: the caller has checked that the actor sees the object (an upper level's roadmap). */
export async function selectPublications(
  db: Db,
  actor: Actor,
  where: (SQL | undefined)[],
  objectChecked = false,
) {
  const rows = await db
    .select({ p: publications, u: orgUnits })
    .from(publications)
    .innerJoin(orgUnits, eq(orgUnits.id, publications.orgUnitId))
    .where(and(objectChecked ? undefined : pathReadable(actor, orgUnits.path), ...where))
    .orderBy(desc(publications.publishedAt), desc(publications.version));
  return rows.map((r) => toView(actor, r));
}

/** Access: whoever is signed in; the answer holds only units he sees. */
export function listPublications(
  db: Db,
  opts: { actor: Actor; unitId?: string; kind?: PublicationKind; includeWithdrawn: boolean },
) {
  return selectPublications(db, opts.actor, [
    opts.unitId ? eq(publications.orgUnitId, opts.unitId) : undefined,
    opts.kind ? eq(publications.kind, opts.kind) : undefined,
    opts.includeWithdrawn ? undefined : isNull(publications.supersededAt),
    opts.includeWithdrawn ? undefined : isNull(publications.withdrawnAt),
  ]);
}

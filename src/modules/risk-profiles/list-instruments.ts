import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { type Actor, pathIsAncestorOfActor, pathReadable } from '../access/actor.js';
import { itemCounts } from './check-instrument.js';
import type { Instrument } from './instrument.js';
import { requireRiskReferenceRegion } from './instrument-access.js';
import type { InstrumentSummaryView } from './instrument-views.js';

// The region's instrument versions, newest first within a code, each with the campaigns that use it —
// only those the actor can see (a municipality sees its own and the region's, not its neighbours').

export type InstrumentRow = typeof riskInstruments.$inferSelect;

/** Summaries (and documents, when asked) of the instruments matching `where`, access already decided. */
export async function instrumentViews(
  db: Db,
  actor: Actor,
  where: SQL | undefined,
): Promise<(InstrumentSummaryView & { document: Instrument })[]> {
  const rows = await db
    .select({ i: riskInstruments, userId: users.id, userName: users.fullName })
    .from(riskInstruments)
    .leftJoin(users, eq(users.id, riskInstruments.createdBy))
    .where(where)
    .orderBy(asc(riskInstruments.code), desc(riskInstruments.versionNo));
  const ids = rows.map((r) => r.i.id);
  const campaigns =
    ids.length === 0
      ? []
      : await db
          .select({
            instrumentId: riskCampaigns.instrumentId,
            id: riskCampaigns.id,
            title: riskCampaigns.title,
            year: riskCampaigns.year,
            status: riskCampaigns.status,
          })
          .from(riskCampaigns)
          .innerJoin(orgUnits, eq(orgUnits.id, riskCampaigns.ownerUnitId))
          .where(
            and(
              inArray(riskCampaigns.instrumentId, ids),
              or(pathReadable(actor, orgUnits.path), pathIsAncestorOfActor(actor, orgUnits.path)),
            ),
          )
          .orderBy(desc(riskCampaigns.year), asc(riskCampaigns.title));
  return rows.map(({ i, userId, userName }) => {
    const document = i.document as Instrument;
    return {
      id: i.id,
      code: i.code,
      versionNo: i.versionNo,
      title: i.title,
      status: i.status,
      version: i.version,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      createdBy: userId ? { id: userId, fullName: userName ?? '' } : null,
      items: itemCounts(document),
      usedBy: campaigns
        .filter((c) => c.instrumentId === i.id)
        .map(({ id, title, year, status }) => ({ id, title, year, status })),
      document,
    };
  });
}

export async function listInstruments(db: Db, opts: { actor: Actor }): Promise<InstrumentSummaryView[]> {
  const regionId = requireRiskReferenceRegion(opts.actor, 'read');
  const views = await instrumentViews(db, opts.actor, eq(riskInstruments.regionId, regionId));
  return views.map(({ document: _, ...summary }) => summary);
}

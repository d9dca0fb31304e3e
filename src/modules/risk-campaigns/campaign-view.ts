import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskInstruments } from '../../db/schema/risk-profiles.js';
import type { Actor } from '../access/actor.js';
import { runsCampaignOf } from '../access/campaign-roles.js';
import type { CampaignRow, OwnerRef } from './campaign-access.js';
import type { campaignView } from './views.js';

export type CampaignView = z.infer<typeof campaignView>;

/** The views of campaigns with their instruments (one query for all). */
export async function campaignViews(
  db: Db,
  actor: Actor,
  rows: { campaign: CampaignRow; owner: Pick<OwnerRef, 'id' | 'name' | 'kind'> }[],
): Promise<CampaignView[]> {
  const ids = [...new Set(rows.map((r) => r.campaign.instrumentId))];
  const instruments = ids.length
    ? await db
        .select({
          id: riskInstruments.id,
          title: riskInstruments.title,
          code: riskInstruments.code,
          versionNo: riskInstruments.versionNo,
        })
        .from(riskInstruments)
        .where(inArray(riskInstruments.id, ids))
    : [];
  const byId = new Map(instruments.map((i) => [i.id, i]));
  return rows.map(({ campaign: c, owner }) => {
    const instrument = byId.get(c.instrumentId);
    if (!instrument) throw new Error(`instrument ${c.instrumentId} missing`);
    return {
      id: c.id,
      title: c.title,
      year: c.year,
      stage: c.stage,
      baselineCampaignId: c.baselineCampaignId,
      status: c.status,
      groups: c.groups,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      version: c.version,
      owner: { id: owner.id, name: owner.name, kind: owner.kind },
      instrument,
      canKeep: runsCampaignOf(actor, owner),
      createdAt: c.createdAt.toISOString(),
    };
  });
}

export async function campaignViewOf(
  db: Db,
  actor: Actor,
  row: { campaign: CampaignRow; owner: OwnerRef },
): Promise<CampaignView> {
  const [v] = await campaignViews(db, actor, [row]);
  if (!v) throw new Error('campaign view missing');
  return v;
}

export const instrumentOf = (db: Db, id: string) =>
  db.select().from(riskInstruments).where(eq(riskInstruments.id, id));

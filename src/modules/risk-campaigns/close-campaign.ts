import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaigns } from '../../db/schema/risk-profiles.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { type Actor, systemActor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { enqueueProfileCompute } from '../risk-profiles/compute-job.js';
import { assertKeeps, type CampaignRow, loadCampaign } from './campaign-access.js';
import { versionInput } from './campaign-input.js';
import { type CampaignView, campaignViewOf } from './campaign-view.js';
import { MSG } from './strings.js';

/** Open → closed by the owner; answers stop being accepted at once. */
export async function closeCampaign(
  db: Db,
  opts: { actor: Actor; campaignId: string; version: number },
): Promise<CampaignView> {
  const { version } = parseInput(versionInput, { version: opts.version });
  const { campaign, owner } = await loadCampaign(db, opts.actor, opts.campaignId);
  assertKeeps(opts.actor, owner);
  if (campaign.version !== version) throw conflict();
  if (campaign.status !== 'open') throw invalid(MSG.notClosable);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(riskCampaigns)
      .set({ status: 'closed', version: version + 1, updatedAt: new Date() })
      .where(and(eq(riskCampaigns.id, campaign.id), eq(riskCampaigns.version, version)))
      .returning({ id: riskCampaigns.id });
    if (!row) throw conflict();
    await recordEvent(
      tx,
      opts.actor,
      'risk_campaign.closed',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: owner.id },
      { automatic: false },
    );
    // The profiles are computed from the answers as they are at closing (a job: 4,000 schools take seconds).
    await enqueueProfileCompute(tx, { campaignId: campaign.id, startedBy: opts.actor });
  });
  return campaignViewOf(db, opts.actor, await loadCampaign(db, opts.actor, opts.campaignId));
}

const SYSTEM = systemActor('Система: срок анкетирования истёк');

/**
 * Closes an open campaign whose closing date has passed, when someone reads it: the answering path
 * already refuses answers after the date, so this only makes the status say so (with its history event).
 * Returns the row as it now is.
 */
export async function closeIfExpired(db: Db, campaign: CampaignRow, today: string): Promise<CampaignRow> {
  if (campaign.status !== 'open' || campaign.closesOn >= today) return campaign;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(riskCampaigns)
      .set({ status: 'closed', version: campaign.version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(riskCampaigns.id, campaign.id),
          eq(riskCampaigns.status, 'open'),
          lt(riskCampaigns.closesOn, today),
        ),
      )
      .returning();
    if (!row) return campaign;
    await recordEvent(
      tx,
      SYSTEM,
      'risk_campaign.closed',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: campaign.ownerUnitId },
      { automatic: true },
    );
    await enqueueProfileCompute(tx, { campaignId: campaign.id, startedBy: null });
    return row;
  });
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

import { and, eq, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import { riskCampaignSchools, riskCampaigns } from '../../db/schema/risk-profiles.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { assertKeeps, loadCampaign } from './campaign-access.js';
import { type UpdateCampaignInput, updateCampaignInput } from './campaign-input.js';
import { type CampaignView, campaignViewOf } from './campaign-view.js';
import { checkBaseline, checkDates, checkSchools, expectedFor } from './check-fields.js';
import { MSG } from './strings.js';

/** Edits a draft: title, stage, groups, dates, schools with their expected numbers (all or nothing). */
export async function updateCampaign(
  db: Db,
  opts: { actor: Actor; campaignId: string } & UpdateCampaignInput,
): Promise<CampaignView> {
  const { actor, campaignId, ...rest } = opts;
  const input = parseInput(updateCampaignInput, rest);
  const { campaign, owner } = await loadCampaign(db, actor, campaignId);
  assertKeeps(actor, owner);
  if (campaign.version !== input.version) throw conflict();
  if (campaign.status !== 'draft') throw invalid(MSG.notDraft);
  const next = {
    title: input.title ?? campaign.title,
    stage: input.stage ?? campaign.stage,
    groups: input.groups ? [...new Set(input.groups)] : campaign.groups,
    opensOn: input.opensOn ?? campaign.opensOn,
    closesOn: input.closesOn ?? campaign.closesOn,
  };
  checkDates(next.opensOn, next.closesOn);
  const baselineCampaignId = await checkBaseline(
    db,
    owner,
    next.stage,
    input.baselineCampaignId === undefined ? campaign.baselineCampaignId : input.baselineCampaignId,
    campaign.instrumentId,
  );
  if (input.schools)
    await checkSchools(
      db,
      owner,
      input.schools.map((s) => s.schoolId),
    );
  await db.transaction(async (tx) => {
    const changes = diff({ ...campaign }, { ...next, baselineCampaignId }, [
      'title',
      'stage',
      'groups',
      'opensOn',
      'closesOn',
      'baselineCampaignId',
    ]);
    const [row] = await tx
      .update(riskCampaigns)
      .set({ ...next, baselineCampaignId, version: campaign.version + 1, updatedAt: new Date() })
      .where(and(eq(riskCampaigns.id, campaignId), eq(riskCampaigns.version, input.version)))
      .returning({ id: riskCampaigns.id });
    if (!row) throw conflict();
    if (input.schools) {
      await tx.delete(riskCampaignSchools).where(eq(riskCampaignSchools.campaignId, campaignId));
      await tx.insert(riskCampaignSchools).values(
        input.schools.map((s) => ({
          campaignId,
          schoolId: s.schoolId,
          expected: expectedFor(next.groups, s.expected),
        })),
      );
      changes.push({ field: 'schools', old: null, new: input.schools.length });
    } else if (input.groups) {
      // Expected numbers of groups that left the campaign go with them.
      const rows = await tx
        .select()
        .from(riskCampaignSchools)
        .where(eq(riskCampaignSchools.campaignId, campaignId));
      for (const r of rows)
        await tx
          .update(riskCampaignSchools)
          .set({ expected: expectedFor(next.groups, r.expected) })
          .where(
            and(eq(riskCampaignSchools.campaignId, campaignId), eq(riskCampaignSchools.schoolId, r.schoolId)),
          );
    }
    // Links of schools or groups no longer in the campaign stop answering (a draft's teacher links).
    const schoolIds = input.schools?.map((s) => s.schoolId);
    await tx
      .delete(riskCampaignLinks)
      .where(
        and(
          eq(riskCampaignLinks.campaignId, campaignId),
          or(
            notInArray(riskCampaignLinks.group, next.groups),
            schoolIds ? notInArray(riskCampaignLinks.schoolId, schoolIds) : undefined,
          ),
        ),
      );
    await recordEvent(
      tx,
      actor,
      'risk_campaign.updated',
      { entityType: 'risk_campaign', entityId: campaignId, orgUnitId: owner.id },
      { changes },
    );
  });
  return campaignViewOf(db, actor, await loadCampaign(db, actor, campaignId));
}

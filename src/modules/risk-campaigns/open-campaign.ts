import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import { riskCampaignSchools, riskCampaigns } from '../../db/schema/risk-profiles.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { freezeInstrument } from '../risk-profiles/freeze-instrument.js';
import { assertKeeps, loadCampaign } from './campaign-access.js';
import { versionInput } from './campaign-input.js';
import { type CampaignView, campaignViewOf } from './campaign-view.js';
import { todayIso } from './close-campaign.js';
import { MSG } from './strings.js';
import { hashToken, newToken } from './tokens.js';

/** Draft → open: freezes the instrument and gives every school its anonymous links, in one transaction. */
export async function openCampaign(
  db: Db,
  opts: { actor: Actor; campaignId: string; version: number },
): Promise<CampaignView> {
  const { version } = parseInput(versionInput, { version: opts.version });
  const { campaign, owner } = await loadCampaign(db, opts.actor, opts.campaignId);
  assertKeeps(opts.actor, owner);
  if (campaign.version !== version) throw conflict();
  if (campaign.status !== 'draft') throw invalid(MSG.notOpenable);
  if (campaign.closesOn < todayIso()) throw invalid(MSG.closesInPast);
  await db.transaction((tx) =>
    openInTx(tx, opts.actor, campaign.id, version, campaign.instrumentId, owner.id),
  );
  return campaignViewOf(db, opts.actor, await loadCampaign(db, opts.actor, opts.campaignId));
}

/** The opening itself (also the demo's and the benchmark's): status, frozen instrument, links, event. */
export async function openInTx(
  tx: Db,
  actor: AnyActor,
  campaignId: string,
  version: number,
  instrumentId: string,
  ownerId: string,
): Promise<void> {
  const [row] = await tx
    .update(riskCampaigns)
    .set({ status: 'open', version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(riskCampaigns.id, campaignId),
        eq(riskCampaigns.version, version),
        eq(riskCampaigns.status, 'draft'),
      ),
    )
    .returning({ groups: riskCampaigns.groups });
  if (!row) throw conflict();
  await freezeInstrument(tx, instrumentId);
  const anonymous = row.groups.filter((g) => g === 'pupil' || g === 'parent');
  const schools = await tx
    .select({ id: riskCampaignSchools.schoolId })
    .from(riskCampaignSchools)
    .where(eq(riskCampaignSchools.campaignId, campaignId));
  const links = schools.flatMap((s) =>
    anonymous.map((group) => {
      const token = newToken();
      return {
        campaignId,
        schoolId: s.id,
        group,
        kind: 'anonymous' as const,
        tokenHash: hashToken(token),
        printedToken: token,
        createdBy: 'userId' in actor ? actor.userId : null,
      };
    }),
  );
  for (let i = 0; i < links.length; i += 1000)
    await tx.insert(riskCampaignLinks).values(links.slice(i, i + 1000));
  await recordEvent(
    tx,
    actor,
    'risk_campaign.opened',
    { entityType: 'risk_campaign', entityId: campaignId, orgUnitId: ownerId },
    { instrumentId },
  );
}

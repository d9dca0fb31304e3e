import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskCampaignSchools } from '../../db/schema/risk-profiles.js';
import { invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { assertKeeps, loadCampaignSchool } from './campaign-access.js';

/**
 * «Напомнить»: the owner records a reminder to a school; the school's campaign page shows it as a notice.
 * Real notifications (e-mail) come with a later issue; this is the record they will be sent from.
 */
export async function remindSchool(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string },
): Promise<{ remindedAt: string }> {
  const { campaign, owner, school } = await loadCampaignSchool(
    db,
    opts.actor,
    opts.campaignId,
    opts.schoolId,
  );
  assertKeeps(opts.actor, owner);
  if (campaign.status !== 'open') throw invalid('Напомнить можно, пока анкетирование идёт');
  const at = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(riskCampaignSchools)
      .set({ remindedAt: at })
      .where(
        and(
          eq(riskCampaignSchools.campaignId, campaign.id),
          eq(riskCampaignSchools.schoolId, school.schoolId),
        ),
      );
    await recordEvent(
      tx,
      opts.actor,
      'risk_campaign.reminded',
      { entityType: 'risk_campaign', entityId: campaign.id, orgUnitId: school.schoolId },
      { schoolId: school.schoolId, school: school.name },
    );
  });
  return { remindedAt: at.toISOString() };
}

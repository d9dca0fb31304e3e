import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns, riskProfiles } from '../../db/schema/risk-profiles.js';
import type { Actor } from '../access/actor.js';
import { computeState } from './compute-job.js';
import { runsCampaign, schoolReadable } from './profile-access.js';
import { campaignRef } from './profile-rows.js';
import { campaignRefView, computeJobView } from './profile-views.js';

// The campaigns whose profiles the actor can look at (he sees at least one of their schools), with how
// many of those schools have a computed profile: the choice at the top of the heat map.

export const profileCampaignView = campaignRefView
  .extend({
    schools: z.number().int(),
    computed: z.number().int(),
    job: computeJobView,
    canCompute: z.boolean(),
  })
  .meta({ id: 'RiskProfileCampaign' });
export type ProfileCampaignView = z.infer<typeof profileCampaignView>;

export async function listProfileCampaigns(db: Db, opts: { actor: Actor }): Promise<ProfileCampaignView[]> {
  const rows = await db
    .select({
      c: riskCampaigns,
      schools: sql<number>`count(*)::int`,
      computed: sql<number>`count(${riskProfiles.schoolId})::int`,
    })
    .from(riskCampaigns)
    .innerJoin(riskCampaignSchools, eq(riskCampaignSchools.campaignId, riskCampaigns.id))
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .leftJoin(
      riskProfiles,
      and(
        eq(riskProfiles.campaignId, riskCampaigns.id),
        eq(riskProfiles.schoolId, riskCampaignSchools.schoolId),
      ),
    )
    .where(schoolReadable(opts.actor))
    .groupBy(riskCampaigns.id)
    .orderBy(desc(riskCampaigns.year), desc(riskCampaigns.createdAt));
  const out: ProfileCampaignView[] = [];
  for (const r of rows) {
    out.push({
      ...campaignRef(r.c),
      schools: r.schools,
      computed: r.computed,
      job: (await computeState(db, r.c.id)).job,
      canCompute: runsCampaign(opts.actor, r.c) && r.c.status === 'closed',
    });
  }
  return out;
}

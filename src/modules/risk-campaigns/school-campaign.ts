import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { riskCampaignLinks } from '../../db/schema/risk-campaigns.js';
import { riskResponses } from '../../db/schema/risk-profiles.js';
import { RESPONDENT_GROUPS } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { loadCampaignSchool } from './campaign-access.js';
import { countResponses, minRespondentsOf } from './campaign-progress.js';
import { campaignViewOf } from './campaign-view.js';
import { closeIfExpired, todayIso } from './close-campaign.js';
import type { schoolCampaignView } from './views.js';

/**
 * A school's page of a campaign: its own counts against the expected numbers, the owner's reminder,
 * and — for its own team only — the links to hand out. Never answers, never other schools.
 */
export async function schoolCampaign(
  db: Db,
  opts: { actor: Actor; campaignId: string; schoolId: string },
): Promise<z.infer<typeof schoolCampaignView>> {
  const ctx = await loadCampaignSchool(db, opts.actor, opts.campaignId, opts.schoolId);
  const campaign = await closeIfExpired(db, ctx.campaign, todayIso());
  const { school } = ctx;
  const counts =
    (await countResponses(db, campaign.id, eq(riskResponses.schoolId, school.schoolId))).get(
      school.schoolId,
    ) ?? {};
  const min = await minRespondentsOf(db, campaign.instrumentId);
  const team = opts.actor.assignments.some(
    (a) => a.role === 'school_team' && a.orgUnitId === school.schoolId,
  );
  let links: z.infer<typeof schoolCampaignView>['links'] = null;
  if (team) {
    const rows = await db
      .select({
        id: riskCampaignLinks.id,
        kind: riskCampaignLinks.kind,
        group: riskCampaignLinks.group,
        token: riskCampaignLinks.printedToken,
        label: riskCampaignLinks.label,
        createdAt: riskCampaignLinks.createdAt,
        used: sql<boolean>`exists (select 1 from ${riskResponses} r where r.campaign_id = risk_campaign_links.campaign_id and r.respondent_id = risk_campaign_links.respondent_id)`,
      })
      .from(riskCampaignLinks)
      .where(
        and(eq(riskCampaignLinks.campaignId, campaign.id), eq(riskCampaignLinks.schoolId, school.schoolId)),
      )
      .orderBy(asc(riskCampaignLinks.createdAt), asc(riskCampaignLinks.label));
    links = {
      anonymous: rows.flatMap((r) =>
        r.kind === 'anonymous' && r.token ? [{ group: r.group, token: r.token }] : [],
      ),
      teachers: rows
        .filter((r) => r.kind === 'personal')
        .map((r) => ({ id: r.id, label: r.label, used: r.used, createdAt: r.createdAt.toISOString() })),
    };
  }
  return {
    campaign: await campaignViewOf(db, opts.actor, { campaign, owner: ctx.owner }),
    school: { id: school.schoolId, name: school.name, shortName: school.shortName },
    counts: RESPONDENT_GROUPS.filter((g) => campaign.groups.includes(g)).map((g) => ({
      group: g,
      responses: counts[g] ?? 0,
      expected: school.expected[g] ?? 0,
      minimum: min[g],
    })),
    remindedAt: school.remindedAt?.toISOString() ?? null,
    // The director's one answer is the school's only director row (its respondent id is fixed).
    directorAnswered: (counts.director ?? 0) > 0,
    links,
  };
}

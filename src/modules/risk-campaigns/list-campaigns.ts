import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns, riskResponses } from '../../db/schema/risk-profiles.js';
import type { Actor } from '../access/actor.js';
import { campaignVisible, schoolInScope } from './campaign-access.js';
import { campaignViews } from './campaign-view.js';
import type { campaignSummaryView } from './views.js';

export const campaignsQuery = z.object({
  year: z.coerce
    .number({ message: 'Год — число' })
    .int({ message: 'Год — целое число' })
    .min(2000, { message: 'Год не раньше 2000' })
    .max(2100, { message: 'Год не позже 2100' })
    .optional(),
});

const EXPECTED_SUM = ['director', 'teacher', 'pupil', 'parent']
  .map((g) => `coalesce((risk_campaign_schools.expected->>'${g}')::int, 0)`)
  .join(' + ');

/** The campaigns the actor sees, newest first, each with the counts of the schools of his scope. */
export async function listCampaigns(
  db: Db,
  opts: { actor: Actor; year?: number },
): Promise<z.infer<typeof campaignSummaryView>[]> {
  const conds: SQL[] = [campaignVisible(opts.actor)];
  if (opts.year) conds.push(eq(riskCampaigns.year, opts.year));
  const rows = await db
    .select({
      campaign: riskCampaigns,
      owner: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path },
    })
    .from(riskCampaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaigns.ownerUnitId))
    .where(and(...conds))
    .orderBy(desc(riskCampaigns.year), desc(riskCampaigns.createdAt))
    .limit(200);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.campaign.id);
  const scope = schoolInScope(opts.actor, orgUnits.path);
  const schools = await db
    .select({
      id: riskCampaignSchools.campaignId,
      n: sql<number>`count(*)::int`,
      expected: sql<number>`coalesce(sum(${sql.raw(EXPECTED_SUM)}), 0)::int`,
    })
    .from(riskCampaignSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .where(and(inArray(riskCampaignSchools.campaignId, ids), scope))
    .groupBy(riskCampaignSchools.campaignId);
  const responses = await db
    .select({ id: riskResponses.campaignId, n: sql<number>`count(*)::int` })
    .from(riskResponses)
    .innerJoin(orgUnits, eq(orgUnits.id, riskResponses.schoolId))
    .where(and(inArray(riskResponses.campaignId, ids), scope))
    .groupBy(riskResponses.campaignId);
  const s = new Map(schools.map((r) => [r.id, r]));
  const r = new Map(responses.map((x) => [x.id, x.n]));
  const views = await campaignViews(db, opts.actor, rows);
  return views.map((v) => ({
    ...v,
    schools: s.get(v.id)?.n ?? 0,
    expected: s.get(v.id)?.expected ?? 0,
    responses: r.get(v.id) ?? 0,
  }));
}

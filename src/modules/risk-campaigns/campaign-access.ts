import { and, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns } from '../../db/schema/risk-profiles.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { campaignReader, runsCampaignOf } from '../access/campaign-roles.js';
import { MSG } from './strings.js';

// Who sees and who runs a questionnaire campaign. The owner's operator (the regional operator for a
// region's campaign, the municipal coordinator for a municipality's) runs it; the roles that follow
// schools see it with the schools of their scope only; the school team sees its own school. A teacher
// answers by a personal link and reads no campaign. Everything else gets 404, as if it did not exist.

/** SQL: the school (path column) is one the actor sees in campaigns. */
export const schoolInScope = (actor: Actor, path: SQL | typeof orgUnits.path): SQL =>
  pathReadable(campaignReader(actor), path);

/** SQL over risk_campaigns: the campaign is visible to the actor (its owner or one of its schools). */
export function campaignVisible(actor: Actor): SQL {
  const reader = campaignReader(actor);
  return or(
    exists(
      sql`(select 1 from ${orgUnits} o where o.id = ${riskCampaigns.ownerUnitId} and ${pathReadable(reader, sql`o.path`)})`,
    ),
    exists(
      sql`(select 1 from ${riskCampaignSchools} cs join org_units s on s.id = cs.school_id where cs.campaign_id = ${riskCampaigns.id} and ${pathReadable(reader, sql`s.path`)})`,
    ),
  ) as SQL;
}

export type CampaignRow = typeof riskCampaigns.$inferSelect;
export type OwnerRef = { id: string; name: string; kind: string; path: string };

/** The campaign and its owner, if the actor sees it; otherwise «not found». */
export async function loadCampaign(
  db: Db,
  actor: Actor,
  campaignId: string,
): Promise<{ campaign: CampaignRow; owner: OwnerRef }> {
  const [row] = await db
    .select({
      campaign: riskCampaigns,
      owner: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path },
    })
    .from(riskCampaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaigns.ownerUnitId))
    .where(and(eq(riskCampaigns.id, campaignId), campaignVisible(actor)));
  if (!row) throw notFound('Анкетирование');
  return row;
}

export function assertKeeps(actor: Actor, owner: { id: string; kind: string }): void {
  if (!runsCampaignOf(actor, owner)) throw forbidden(MSG.notOwner);
}

/** The school's team: the only one who hands out its links and answers as its director. */
export function assertSchoolTeam(actor: Actor, schoolId: string): void {
  if (!actor.assignments.some((a) => a.role === 'school_team' && a.orgUnitId === schoolId))
    throw forbidden(MSG.notSchoolTeam);
}

/** The school takes part in the campaign and the actor sees it; otherwise «not found». */
export async function loadCampaignSchool(db: Db, actor: Actor, campaignId: string, schoolId: string) {
  const { campaign, owner } = await loadCampaign(db, actor, campaignId);
  const [row] = await db
    .select({
      schoolId: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      expected: riskCampaignSchools.expected,
      remindedAt: riskCampaignSchools.remindedAt,
    })
    .from(riskCampaignSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .where(
      and(
        eq(riskCampaignSchools.campaignId, campaignId),
        eq(riskCampaignSchools.schoolId, schoolId),
        schoolInScope(actor, orgUnits.path),
      ),
    );
  if (!row) throw notFound('Школа');
  return { campaign, owner, school: row };
}

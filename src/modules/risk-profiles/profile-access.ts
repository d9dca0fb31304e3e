import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { AppError } from '../../lib/errors.js';
import { type Actor, type AnyActor, isSystem, pathReadable } from '../access/actor.js';
import { type Instrument, instrumentSchema } from './instrument.js';
import { S } from './strings.js';

// Who sees and who acts on risk profiles. Reading follows the org tree (pathReadable): the school team
// and teachers their school, the curator his schools, the municipality its schools, region-level roles
// the region. A campaign is visible to whoever sees at least one of its schools, and each view then
// shows only the schools he sees. Writes: recomputing — whoever runs the campaign; verification — the
// curator assigned to the school; proposing priorities — that curator or the school's team.

export type CampaignRow = typeof riskCampaigns.$inferSelect;

/** The campaign, if the actor sees one of its schools or runs it; otherwise NOT_FOUND (it does not exist for him). */
export async function visibleCampaign(db: Db, actor: AnyActor, campaignId: string): Promise<CampaignRow> {
  const [row] = await db.select().from(riskCampaigns).where(eq(riskCampaigns.id, campaignId));
  if (!row) throw new AppError('NOT_FOUND', S.campaignNotFound);
  if (isSystem(actor) || runsCampaign(actor, row)) return row;
  const [seen] = await db
    .select({ one: sql<number>`1` })
    .from(riskCampaignSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .where(and(eq(riskCampaignSchools.campaignId, campaignId), pathReadable(actor, orgUnits.path)))
    .limit(1);
  if (!seen) throw new AppError('NOT_FOUND', S.campaignNotFound);
  return row;
}

/** The regional operator of a region's campaign, the municipal coordinator of a municipality's. */
export function runsCampaign(actor: Actor, campaign: Pick<CampaignRow, 'ownerUnitId'>): boolean {
  return actor.assignments.some(
    (a) =>
      a.orgUnitId === campaign.ownerUnitId &&
      ((a.role === 'regional_operator' && a.unitKind === 'region') ||
        (a.role === 'municipal_coordinator' && a.unitKind === 'municipality')),
  );
}

export const isCuratorOf = (actor: Actor, schoolId: string) =>
  actor.assignments.some((a) => a.role === 'curator' && a.orgUnitId === schoolId);

export const isTeamOf = (actor: Actor, schoolId: string) =>
  actor.assignments.some((a) => a.role === 'school_team' && a.orgUnitId === schoolId);

/** SQL: the school (org_units row) is readable by the actor. */
export const schoolReadable = (actor: AnyActor) =>
  isSystem(actor) ? sql`true` : pathReadable(actor, orgUnits.path);

/** The campaign's instrument as the rule reads it. */
export async function instrumentOfCampaign(
  db: Db,
  campaign: Pick<CampaignRow, 'instrumentId'>,
): Promise<Instrument> {
  const [row] = await db
    .select({ document: riskInstruments.document })
    .from(riskInstruments)
    .where(eq(riskInstruments.id, campaign.instrumentId));
  if (!row) throw new Error('Анкеты кампании не найдены');
  return instrumentSchema.parse(row.document);
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import type { CampaignStage } from '../../db/schema/values.js';
import { invalid } from '../../lib/errors.js';
import { regionOfPath } from '../access/region-level.js';
import type { OwnerRef } from './campaign-access.js';
import { MSG } from './strings.js';

// Checks shared by creating and editing a campaign: everything it names lies within its owner.

export async function checkInstrument(db: Db, owner: OwnerRef, instrumentId: string): Promise<void> {
  const regionId = regionOfPath(owner.path) ?? '';
  const [row] = await db
    .select({ id: riskInstruments.id })
    .from(riskInstruments)
    .where(and(eq(riskInstruments.id, instrumentId), eq(riskInstruments.regionId, regionId)));
  if (!row) throw invalid(MSG.instrumentOutside, [{ field: 'instrumentId', message: MSG.instrumentOutside }]);
}

export async function checkSchools(db: Db, owner: OwnerRef, schoolIds: string[]): Promise<void> {
  const unique = [...new Set(schoolIds)];
  if (unique.length !== schoolIds.length)
    throw invalid('Школа указана дважды', [{ field: 'schools', message: 'Школа указана дважды' }]);
  const found = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.id, unique),
        eq(orgUnits.kind, 'school'),
        sql`${orgUnits.path} like ${`${owner.path}%`}`,
      ),
    );
  if ((found[0]?.n ?? 0) !== unique.length)
    throw invalid(MSG.schoolOutside, [{ field: 'schools', message: MSG.schoolOutside }]);
}

export async function checkBaseline(
  db: Db,
  owner: OwnerRef,
  stage: CampaignStage,
  baselineId: string | null | undefined,
  instrumentId: string,
): Promise<string | null> {
  if (stage === 'baseline') return null;
  if (!baselineId)
    throw invalid(MSG.baselineNeeded, [{ field: 'baselineCampaignId', message: MSG.baselineNeeded }]);
  const [row] = await db
    .select({ id: riskCampaigns.id })
    .from(riskCampaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaigns.ownerUnitId))
    .where(
      and(
        eq(riskCampaigns.id, baselineId),
        eq(riskCampaigns.stage, 'baseline'),
        sql`${riskCampaigns.instrumentId} in (select i.id from risk_instruments i join risk_instruments j on j.region_id = i.region_id and j.code = i.code where j.id = ${instrumentId})`,
        sql`(${owner.path} like ${orgUnits.path} || '%' or ${orgUnits.path} like ${`${owner.path}%`})`,
      ),
    );
  if (!row)
    throw invalid(MSG.baselineOutside, [{ field: 'baselineCampaignId', message: MSG.baselineOutside }]);
  return row.id;
}

export function checkDates(opensOn: string, closesOn: string): void {
  if (closesOn < opensOn) throw invalid(MSG.datesOrder, [{ field: 'closesOn', message: MSG.datesOrder }]);
}

/** The expected numbers kept for the campaign's groups only. */
export function expectedFor(
  groups: readonly string[],
  expected: Partial<Record<string, number>>,
): Record<string, number> {
  return Object.fromEntries(groups.flatMap((g) => (expected[g] === undefined ? [] : [[g, expected[g]]])));
}

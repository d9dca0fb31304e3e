import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskCampaigns } from '../../db/schema/risk-profiles.js';
import { forbidden, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { assertKeeps, loadCampaign, type OwnerRef } from './campaign-access.js';
import { type CreateCampaignInput, createCampaignInput } from './campaign-input.js';
import { type CampaignView, campaignViewOf } from './campaign-view.js';
import { checkBaseline, checkDates, checkInstrument, checkSchools, expectedFor } from './check-fields.js';
import { MSG } from './strings.js';

/** The unit that is to run a campaign: seen by the actor, a region or a municipality he keeps. */
export async function ownerFor(db: Db, actor: Actor, unitId: string): Promise<OwnerRef> {
  const [owner] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), pathReadable(actor, orgUnits.path)));
  if (!owner) throw notFound('Организация');
  if (owner.kind !== 'region' && owner.kind !== 'municipality') throw forbidden(MSG.ownerKind);
  assertKeeps(actor, owner);
  return owner;
}

/** A draft campaign of a region or a municipality for some of its schools. */
export async function createCampaign(
  db: Db,
  opts: { actor: Actor } & CreateCampaignInput,
): Promise<CampaignView> {
  const { actor, ...rest } = opts;
  const input = parseInput(createCampaignInput, rest);
  const owner = await ownerFor(db, actor, input.ownerUnitId);
  checkDates(input.opensOn, input.closesOn);
  await checkInstrument(db, owner, input.instrumentId);
  await checkSchools(
    db,
    owner,
    input.schools.map((s) => s.schoolId),
  );
  const baselineCampaignId = await checkBaseline(
    db,
    owner,
    input.stage,
    input.baselineCampaignId,
    input.instrumentId,
  );
  const groups = [...new Set(input.groups)];
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(riskCampaigns)
      .values({
        ownerUnitId: owner.id,
        instrumentId: input.instrumentId,
        year: input.year,
        title: input.title,
        stage: input.stage,
        baselineCampaignId,
        groups,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdBy: actor.userId,
      })
      .returning({ id: riskCampaigns.id });
    if (!row) throw new Error('campaign not created');
    await tx.insert(riskCampaignSchools).values(
      input.schools.map((s) => ({
        campaignId: row.id,
        schoolId: s.schoolId,
        expected: expectedFor(groups, s.expected),
      })),
    );
    await recordEvent(
      tx,
      actor,
      'risk_campaign.created',
      { entityType: 'risk_campaign', entityId: row.id, orgUnitId: owner.id },
      { title: input.title, year: input.year, schools: input.schools.length },
    );
    return row.id;
  });
  return campaignViewOf(db, actor, await loadCampaign(db, actor, id));
}

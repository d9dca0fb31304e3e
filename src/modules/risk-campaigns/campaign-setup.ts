import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaigns, riskInstruments } from '../../db/schema/risk-profiles.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { approvedListOfYear, includedSchoolsOfList } from '../identification/approved-lists.js';
import { ownerFor } from './create-campaign.js';
import type { setupView } from './views.js';

// What the campaign form offers its owner: the region's instruments, earlier baseline campaigns, and the
// owner's schools with their pupils/teachers (the default expected numbers) and the approved lists of the
// year they are in (ШНОР, ШНСУ, зона риска), to pick schools by.

const municipality = alias(orgUnits, 'municipality');
const LIST_KINDS = ['shnor', 'shnsu', 'riskZone'] as const;

export async function campaignSetup(
  db: Db,
  opts: { actor: Actor; ownerUnitId: string; year: number },
): Promise<z.infer<typeof setupView>> {
  const owner = await ownerFor(db, opts.actor, opts.ownerUnitId);
  const regionId = regionOfPath(owner.path) ?? '';
  const instruments = await db
    .select({
      id: riskInstruments.id,
      title: riskInstruments.title,
      code: riskInstruments.code,
      versionNo: riskInstruments.versionNo,
      status: riskInstruments.status,
    })
    .from(riskInstruments)
    .where(eq(riskInstruments.regionId, regionId))
    .orderBy(riskInstruments.code, desc(riskInstruments.versionNo));
  const baselines = await db
    .select({
      id: riskCampaigns.id,
      title: riskCampaigns.title,
      year: riskCampaigns.year,
      instrumentId: riskCampaigns.instrumentId,
    })
    .from(riskCampaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaigns.ownerUnitId))
    .where(
      and(
        eq(riskCampaigns.stage, 'baseline'),
        sql`(${owner.path} like ${orgUnits.path} || '%' or ${orgUnits.path} like ${`${owner.path}%`})`,
      ),
    )
    .orderBy(desc(riskCampaigns.year));
  const schools = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      municipality: { id: municipality.id, name: municipality.name },
      pupils: orgUnits.pupils,
      teachers: orgUnits.teachers,
    })
    .from(orgUnits)
    .innerJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(and(eq(orgUnits.kind, 'school'), sql`${orgUnits.path} like ${`${owner.path}%`}`));
  const lists = new Map<string, Set<string>>();
  for (const kind of LIST_KINDS) {
    const list = await approvedListOfYear(db, regionId, opts.year, kind);
    lists.set(kind, list ? await includedSchoolsOfList(db, list) : new Set());
  }
  schools.sort(byRussian((s) => `${s.municipality.name}\u0000${s.name}`));
  return {
    owner: { id: owner.id, name: owner.name, kind: owner.kind },
    instruments,
    baselines,
    schools: schools.map((s) => ({
      ...s,
      lists: LIST_KINDS.filter((k) => lists.get(k)?.has(s.id)),
    })),
  };
}

import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  riskCampaignSchools,
  riskCampaigns,
  riskProfiles,
  riskVerifications,
} from '../../db/schema/risk-profiles.js';
import { RISK_LEVELS, VERIFICATION_STATUSES } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import type { AnyActor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { includedSchoolsOfList } from '../identification/approved-lists.js';
import { listKindTitle } from '../identification/list-kinds.js';
import { computeState } from './compute-job.js';
import { frequentRisks, frequentView } from './heat-map-frequent.js';
import {
  instrumentOfCampaign,
  isCuratorOf,
  runsCampaign,
  schoolReadable,
  visibleCampaign,
} from './profile-access.js';
import { campaignRef } from './profile-rows.js';
import { campaignRefView, computeJobView } from './profile-views.js';
import type { SchoolProfile } from './score-profile.js';
import { S } from './strings.js';

// The heat map: the campaign's schools the actor sees × the factors, with filters by the APPROVED lists
// (ШНОР / ШНСУ / зона риска — the latest approved list of the campaign's year or before), by
// municipality and by level; modes: the computed levels, the verified ones, the change against the
// baseline of a follow-up. The same rows give «самые частые высокие риски» and the XLSX export.

export const HEAT_LISTS = ['shnor', 'shnsu', 'riskZone'] as const;
export type HeatList = (typeof HEAT_LISTS)[number];
export const HEAT_MODES = ['computed', 'verified', 'change'] as const;

const level = z.enum(RISK_LEVELS);

export const heatMapFilter = z.object({
  municipalityId: z.uuid({ message: 'Неверный идентификатор муниципалитета' }).optional(),
  list: z.enum(HEAT_LISTS, { message: 'Список: shnor, shnsu или riskZone' }).optional(),
  level: level.optional(),
  mode: z.enum(HEAT_MODES, { message: 'Режим: computed, verified или change' }).optional(),
});
export type HeatMapFilter = z.infer<typeof heatMapFilter>;

export const heatCellView = z.object({
  code: z.string(),
  score: z.number().nullable(),
  level,
  verifiedLevel: level.nullable(),
  before: z.object({ score: z.number().nullable(), level }).nullable(),
});

export const heatMapView = z
  .object({
    campaign: campaignRefView,
    baseline: campaignRefView.nullable(),
    factors: z.array(z.object({ code: z.string(), name: z.string() })),
    municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    lists: z.array(z.object({ kind: z.enum(HEAT_LISTS), year: z.number().int(), title: z.string() })),
    rows: z.array(
      z.object({
        school: z.object({ id: z.uuid(), name: z.string() }),
        municipality: z.object({ id: z.uuid(), name: z.string() }),
        lists: z.array(z.enum(HEAT_LISTS)),
        computed: z.boolean(),
        excludedGroups: z.array(z.string()),
        verification: z.enum(VERIFICATION_STATUSES),
        cells: z.array(heatCellView),
      }),
    ),
    /** schools of the campaign the caller sees, before the filters */
    total: z.number().int(),
    frequent: frequentView,
    job: computeJobView,
    canCompute: z.boolean(),
    /** the caller curates some of the rows (his schools can be verified from here) */
    curates: z.array(z.uuid()),
    rule: z.string(),
  })
  .meta({ id: 'RiskHeatMap' });
export type HeatMapView = z.infer<typeof heatMapView>;

export async function heatMap(
  db: Db,
  opts: { actor: AnyActor; campaignId: string; filter?: HeatMapFilter },
): Promise<HeatMapView> {
  const filter = opts.filter ?? {};
  const campaign = await visibleCampaign(db, opts.actor, opts.campaignId);
  const instrument = await instrumentOfCampaign(db, campaign);
  const parent = alias(orgUnits, 'parent');
  const base = alias(riskProfiles, 'base');
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      mId: parent.id,
      mName: parent.name,
      result: riskProfiles.result,
      before: base.result,
      status: riskVerifications.status,
      levels: riskVerifications.levels,
    })
    .from(riskCampaignSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .innerJoin(parent, eq(parent.id, orgUnits.parentId))
    .leftJoin(
      riskProfiles,
      and(eq(riskProfiles.campaignId, campaign.id), eq(riskProfiles.schoolId, orgUnits.id)),
    )
    .leftJoin(
      base,
      and(
        eq(base.campaignId, sql`${campaign.baselineCampaignId ?? null}::uuid`),
        eq(base.schoolId, orgUnits.id),
      ),
    )
    .leftJoin(
      riskVerifications,
      and(eq(riskVerifications.campaignId, campaign.id), eq(riskVerifications.schoolId, orgUnits.id)),
    )
    .where(and(eq(riskCampaignSchools.campaignId, campaign.id), schoolReadable(opts.actor)));
  // Russian order in JS: the ICU collation is not on every PostgreSQL (Debian's 15 has no "unicode").
  rows.sort((a, b) => byMunicipality(a, b) || bySchool(a, b));
  const { lists, members } = await approvedLists(db, campaign.ownerUnitId, campaign.year);
  const municipalities = [...new Map(rows.map((r) => [r.mId, { id: r.mId, name: r.mName }])).values()];
  const all = rows.map((r) => {
    const p = r.result as SchoolProfile | null;
    const b = r.before as SchoolProfile | null;
    return {
      school: { id: r.id, name: r.name },
      municipality: { id: r.mId, name: r.mName },
      lists: HEAT_LISTS.filter((k) => members[k]?.has(r.id)),
      computed: p !== null,
      excludedGroups: p?.excludedGroups ?? [],
      verification: r.status ?? 'not_started',
      cells: instrument.factors.map((f) => {
        const c = p?.factors.find((x) => x.code === f.code);
        const was = b?.factors.find((x) => x.code === f.code);
        return {
          code: f.code,
          score: c?.score ?? null,
          level: c?.level ?? 'nodata',
          verifiedLevel: r.status === 'verified' ? (r.levels?.[f.code]?.level ?? null) : null,
          before: was ? { score: was.score, level: was.level } : null,
        };
      }),
    };
  });
  const shown = all.filter(
    (r) =>
      (!filter.municipalityId || r.municipality.id === filter.municipalityId) &&
      (!filter.list || r.lists.includes(filter.list)) &&
      (!filter.level ||
        r.cells.some(
          (c) => (filter.mode === 'verified' ? (c.verifiedLevel ?? c.level) : c.level) === filter.level,
        )),
  );
  const system = opts.actor.kind === 'system';
  const [baseline] = campaign.baselineCampaignId
    ? await db.select().from(riskCampaigns).where(eq(riskCampaigns.id, campaign.baselineCampaignId))
    : [];
  return {
    campaign: campaignRef(campaign),
    baseline: baseline ? campaignRef(baseline) : null,
    factors: instrument.factors.map((f) => ({ code: f.code, name: f.name })),
    municipalities,
    lists,
    rows: shown,
    total: all.length,
    frequent: frequentRisks(instrument.factors, shown),
    job: (await computeState(db, campaign.id)).job,
    canCompute: !system && opts.actor.kind === 'user' && runsCampaign(opts.actor, campaign),
    curates: system
      ? []
      : shown
          .filter((r) => opts.actor.kind === 'user' && isCuratorOf(opts.actor, r.school.id))
          .map((r) => r.school.id),
    rule: S.rule,
  };
}

/** The latest approved list of each kind of the campaign's region, of its year or before. */
async function approvedLists(db: Db, ownerUnitId: string, year: number) {
  const [owner] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, ownerUnitId));
  const regionId = owner ? regionOfPath(owner.path) : null;
  const lists: HeatMapView['lists'] = [];
  const members: Partial<Record<HeatList, Set<string>>> = {};
  if (!regionId) return { lists, members };
  for (const kind of HEAT_LISTS) {
    const [l] = await db
      .select()
      .from(identificationLists)
      .where(
        and(
          eq(identificationLists.regionId, regionId),
          eq(identificationLists.kind, kind),
          eq(identificationLists.status, 'approved'),
          lte(identificationLists.year, year),
        ),
      )
      .orderBy(desc(identificationLists.year), desc(identificationLists.approvedAt))
      .limit(1);
    if (!l) continue;
    members[kind] = await includedSchoolsOfList(db, l);
    lists.push({ kind, year: l.year, title: listKindTitle(kind, l.year) });
  }
  return { lists, members };
}

const byMunicipality = byRussian((r: { mName: string }) => r.mName);
const bySchool = byRussian((r: { name: string }) => r.name);

import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { riskCampaignSchools, riskInstruments, riskResponses } from '../../db/schema/risk-profiles.js';
import { RESPONDENT_GROUPS, type RespondentGroup } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { approvedListOfYear, includedSchoolsOfList } from '../identification/approved-lists.js';
import { instrumentSchema, ruleOf } from '../risk-profiles/instrument.js';
import { loadCampaign, schoolInScope } from './campaign-access.js';
import { campaignViewOf } from './campaign-view.js';
import { closeIfExpired, todayIso } from './close-campaign.js';
import type { campaignProgressView } from './views.js';

// Progress of a campaign for its owner and the levels that follow its schools: answers against the
// expected numbers per school and group, and the groups still below the rule's minimum (they would be
// left out of the profile). Only the schools of the caller's scope; counts, never answers.

export const progressFilter = z.object({
  municipalityId: z.uuid({ message: 'Неверный идентификатор муниципалитета' }).optional(),
  list: z.enum(['shnor', 'shnsu', 'riskZone'], { message: 'Список: shnor, shnsu или riskZone' }).optional(),
  belowMinimum: z.enum(['true', 'false'], { message: 'belowMinimum: true или false' }).optional(),
  q: z.string().trim().max(200, 'Поиск — не длиннее 200 символов').optional(),
});
export type ProgressFilter = z.infer<typeof progressFilter>;

const municipality = alias(orgUnits, 'municipality');
type Counts = Partial<Record<RespondentGroup, number>>;

/** Answers per school and group of the campaign (the schools the condition keeps). */
export async function countResponses(db: Db, campaignId: string, where?: SQL): Promise<Map<string, Counts>> {
  const rows = await db
    .select({ schoolId: riskResponses.schoolId, group: riskResponses.group, n: sql<number>`count(*)::int` })
    .from(riskResponses)
    .innerJoin(orgUnits, eq(orgUnits.id, riskResponses.schoolId))
    .where(and(eq(riskResponses.campaignId, campaignId), where))
    .groupBy(riskResponses.schoolId, riskResponses.group);
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const c = out.get(r.schoolId) ?? {};
    c[r.group] = r.n;
    out.set(r.schoolId, c);
  }
  return out;
}

export async function minRespondentsOf(
  db: Db,
  instrumentId: string,
): Promise<Record<RespondentGroup, number>> {
  const [ins] = await db
    .select({ document: riskInstruments.document })
    .from(riskInstruments)
    .where(eq(riskInstruments.id, instrumentId));
  const parsed = instrumentSchema.safeParse(ins?.document);
  return ruleOf(parsed.success ? parsed.data : { id: 'x', version: 1, factors: [], items: [] })
    .minRespondents;
}

export async function campaignProgress(
  db: Db,
  opts: { actor: Actor; campaignId: string; filter?: ProgressFilter },
): Promise<z.infer<typeof campaignProgressView>> {
  const loaded = await loadCampaign(db, opts.actor, opts.campaignId);
  const campaign = await closeIfExpired(db, loaded.campaign, todayIso());
  const f = opts.filter ?? {};
  const scope = schoolInScope(opts.actor, orgUnits.path);
  const conds: SQL[] = [eq(riskCampaignSchools.campaignId, campaign.id), scope];
  if (f.municipalityId) conds.push(eq(orgUnits.parentId, f.municipalityId));
  if (f.q) conds.push(sql`${orgUnits.name} ilike ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  const schools = await db
    .select({
      schoolId: orgUnits.id,
      name: orgUnits.name,
      m: { id: municipality.id, name: municipality.name },
      expected: riskCampaignSchools.expected,
      remindedAt: riskCampaignSchools.remindedAt,
    })
    .from(riskCampaignSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, riskCampaignSchools.schoolId))
    .innerJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(and(...conds));
  let inList: Set<string> | null = null;
  if (f.list) {
    const list = await approvedListOfYear(db, regionOfPath(loaded.owner.path) ?? '', campaign.year, f.list);
    inList = list ? await includedSchoolsOfList(db, list) : new Set();
  }
  const counts = await countResponses(db, campaign.id, scope);
  const min = await minRespondentsOf(db, campaign.instrumentId);
  const groups = RESPONDENT_GROUPS.filter((g) => campaign.groups.includes(g));
  // Russian order in the application: the embedded database has no ICU collation (lib/sort.ts).
  schools.sort(byRussian((s) => `${s.m.name}\u0000${s.name}`));
  const rows = schools
    .filter((s) => !inList || inList.has(s.schoolId))
    .map((s) => {
      const responses = counts.get(s.schoolId) ?? {};
      return {
        schoolId: s.schoolId,
        name: s.name,
        municipality: s.m,
        expected: s.expected,
        responses: Object.fromEntries(groups.map((g) => [g, responses[g] ?? 0])),
        belowMinimum: groups.filter((g) => (responses[g] ?? 0) < min[g]),
        remindedAt: s.remindedAt?.toISOString() ?? null,
      };
    })
    .filter((s) => f.belowMinimum === undefined || s.belowMinimum.length > 0 === (f.belowMinimum === 'true'));
  return {
    campaign: await campaignViewOf(db, opts.actor, { campaign, owner: loaded.owner }),
    minRespondents: Object.fromEntries(groups.map((g) => [g, min[g]])),
    totals: groups.map((g) => ({
      group: g,
      responses: rows.reduce((a, s) => a + (s.responses[g] ?? 0), 0),
      expected: rows.reduce((a, s) => a + (s.expected[g] ?? 0), 0),
    })),
    schools: rows,
  };
}

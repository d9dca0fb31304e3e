import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  riskCampaigns,
  riskInstruments,
  riskProfiles,
  riskVerifications,
} from '../../db/schema/risk-profiles.js';
import type { RespondentGroup, RiskLevel } from '../../db/schema/values.js';
import { notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import type { Instrument } from './instrument.js';
import type { SchoolProfile } from './score-profile.js';

// STUB of helper «programs» (issue 11 §5): the profiles helper owns this file and replaces it at merge.
// It reads the school's latest baseline profile of the year and the curator's verification of it.

export type RiskSummaryItem = {
  itemId: string;
  text: string;
  group: RespondentGroup;
  score: number;
  respondents: number;
};
export type RiskSummaryFactor = {
  code: string;
  name: string;
  computedLevel: RiskLevel;
  verifiedLevel: RiskLevel | null;
  comment: string | null;
  score: number | null;
  items: RiskSummaryItem[];
};
export type SchoolRiskSummary = {
  campaignId: string;
  factors: RiskSummaryFactor[];
  priorityFactors: string[];
};

/** Access: whoever reads the school. Null when the school has no profile in the year. */
export async function loadSchoolRiskSummary(
  db: Db,
  opts: { actor: Actor; schoolId: string; year: number },
): Promise<SchoolRiskSummary | null> {
  const [school] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.schoolId), pathReadable(opts.actor, orgUnits.path)));
  if (!school) throw notFound('Школа');
  const [row] = await db
    .select({ profile: riskProfiles, instrument: riskInstruments.document, verification: riskVerifications })
    .from(riskProfiles)
    .innerJoin(riskCampaigns, eq(riskCampaigns.id, riskProfiles.campaignId))
    .innerJoin(riskInstruments, eq(riskInstruments.id, riskCampaigns.instrumentId))
    .leftJoin(
      riskVerifications,
      and(
        eq(riskVerifications.campaignId, riskProfiles.campaignId),
        eq(riskVerifications.schoolId, riskProfiles.schoolId),
      ),
    )
    .where(
      and(
        eq(riskProfiles.schoolId, school.id),
        eq(riskCampaigns.year, opts.year),
        eq(riskCampaigns.stage, 'baseline'),
      ),
    )
    .orderBy(desc(riskProfiles.computedAt))
    .limit(1);
  if (!row) return null;
  const instrument = row.instrument as Instrument;
  const result = row.profile.result as SchoolProfile;
  const verified = row.verification?.status === 'verified' ? row.verification : null;
  const names = new Map(instrument.factors.map((f) => [f.code, f.name]));
  const texts = new Map(instrument.items.map((i) => [i.id, i.text ?? i.id]));
  return {
    campaignId: row.profile.campaignId,
    factors: result.factors.map((f) => {
      const v = verified?.levels?.[f.code];
      return {
        code: f.code,
        name: names.get(f.code) ?? f.code,
        computedLevel: f.level,
        verifiedLevel: v?.level ?? null,
        comment: v?.comment ?? null,
        score: f.score,
        items: f.items.map((i) => ({
          itemId: i.itemId,
          text: texts.get(i.itemId) ?? i.itemId,
          group: i.group,
          score: i.score,
          respondents: i.respondents,
        })),
      };
    }),
    priorityFactors: verified?.priorityFactors ?? [],
  };
}

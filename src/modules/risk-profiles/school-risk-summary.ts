import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { RESPONDENT_GROUPS, RISK_LEVELS } from '../../db/schema/values.js';
import type { AnyActor } from '../access/actor.js';
import { instrumentOfCampaign } from './profile-access.js';
import { campaignsOfSchool, storedProfile, verificationOf } from './profile-rows.js';
import { visibleSchool } from './profile-school.js';

// What later documents (антирисковые программы, the concept) use of a school's risks in a year: the
// latest VERIFIED profile of the year, else the latest computed one, with the items behind each factor
// and the priority factors. The school must be visible to the actor (NOT_FOUND otherwise); null when
// the school has no profile in that year.

const level = z.enum(RISK_LEVELS);

export const schoolRiskSummarySchema = z
  .object({
    schoolId: z.uuid(),
    year: z.number().int(),
    campaign: z.object({ id: z.uuid(), title: z.string(), stage: z.enum(['baseline', 'followup']) }),
    /** verified: the curator's levels apply; computed: no verification yet, the computed levels apply */
    status: z.enum(['verified', 'computed']),
    verifiedAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    computedAt: z.string(),
    factors: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        score: z.number().nullable(),
        computedLevel: level,
        verifiedLevel: level.nullable(),
        /** the verified level where there is one, else the computed level */
        level,
        comment: z.string().nullable(),
        items: z.array(
          z.object({
            itemId: z.string(),
            text: z.string(),
            group: z.enum(RESPONDENT_GROUPS),
            score: z.number(),
            respondents: z.number().int(),
          }),
        ),
      }),
    ),
    /** the 2–3 risks the school works on (fixed by the curator at verification; proposed before it) */
    priorityFactors: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'SchoolRiskSummary' });

export type SchoolRiskSummary = z.infer<typeof schoolRiskSummarySchema>;

export async function loadSchoolRiskSummary(
  db: Db,
  opts: { actor: AnyActor; schoolId: string; year: number },
): Promise<SchoolRiskSummary | null> {
  const school = await visibleSchool(db, opts.actor, opts.schoolId);
  const candidates = [];
  for (const c of (await campaignsOfSchool(db, school.id)).filter((x) => x.year === opts.year)) {
    const stored = await storedProfile(db, c.id, school.id);
    if (stored) candidates.push({ c, stored, v: await verificationOf(db, c.id, school.id) });
  }
  const verified = candidates
    .filter((x) => x.v?.status === 'verified')
    .sort((a, b) => (b.v?.verifiedAt?.getTime() ?? 0) - (a.v?.verifiedAt?.getTime() ?? 0));
  const pick =
    verified[0] ??
    [...candidates].sort((a, b) => b.stored.computedAt.getTime() - a.stored.computedAt.getTime())[0];
  if (!pick) return null;
  const { c, stored, v } = pick;
  const instrument = await instrumentOfCampaign(db, c);
  const text = new Map(instrument.items.map((i) => [i.id, i.text ?? i.id]));
  const isVerified = v?.status === 'verified';
  const factors = instrument.factors.map((f) => {
    const p = stored.profile.factors.find((x) => x.code === f.code);
    const ver = isVerified ? v?.levels?.[f.code] : undefined;
    const computedLevel = p?.level ?? 'nodata';
    return {
      code: f.code,
      name: f.name,
      score: p?.score ?? null,
      computedLevel,
      verifiedLevel: ver?.level ?? null,
      level: ver?.level ?? computedLevel,
      comment: ver?.comment ?? null,
      items: (p?.items ?? []).map((i) => ({
        itemId: i.itemId,
        text: text.get(i.itemId) ?? i.itemId,
        group: i.group,
        score: i.score,
        respondents: i.respondents,
      })),
    };
  });
  const names = new Map(instrument.factors.map((f) => [f.code, f.name]));
  return schoolRiskSummarySchema.parse({
    schoolId: school.id,
    year: opts.year,
    campaign: { id: c.id, title: c.title, stage: c.stage },
    status: isVerified ? 'verified' : 'computed',
    verifiedAt: isVerified ? (v?.verifiedAt?.toISOString() ?? null) : null,
    verifiedBy: isVerified ? (v?.verifiedByName ?? null) : null,
    computedAt: stored.computedAt.toISOString(),
    factors,
    priorityFactors: (v?.priorityFactors ?? []).map((code) => ({ code, name: names.get(code) ?? code })),
  });
}

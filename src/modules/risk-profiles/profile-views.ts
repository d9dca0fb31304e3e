import { z } from 'zod';
import { JOB_STATUSES } from '../../db/schema/jobs.js';
import {
  CAMPAIGN_STAGES,
  CAMPAIGN_STATUSES,
  RESPONDENT_GROUPS,
  RISK_LEVELS,
  VERIFICATION_STATUSES,
} from '../../db/schema/values.js';

// Response shapes of the risk-profile views and of verification: the API declares them, the
// operations' types derive from them.

const int = z.number().int();
const level = z.enum(RISK_LEVELS);
const group = z.enum(RESPONDENT_GROUPS);
const named = z.object({ id: z.uuid(), name: z.string() });

export const campaignRefView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    year: int,
    stage: z.enum(CAMPAIGN_STAGES),
    status: z.enum(CAMPAIGN_STATUSES),
    baselineCampaignId: z.uuid().nullable(),
  })
  .meta({ id: 'RiskCampaignRef' });

export const computeJobView = z
  .object({
    id: z.uuid(),
    status: z.enum(JOB_STATUSES),
    progress: z.number(),
    message: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .nullable()
  .meta({ id: 'RiskComputeJob' });

export const ruleView = z
  .object({
    thresholds: z.object({ high: z.number(), medium: z.number(), low: z.number() }),
    minRespondents: z.object({ director: int, teacher: int, pupil: int, parent: int }),
    text: z.string(),
  })
  .meta({ id: 'RiskRule' });

export const itemScoreView = z.object({
  itemId: z.string(),
  text: z.string(),
  group,
  weight: z.number(),
  score: z.number(),
  respondents: int,
});

export const factorView = z
  .object({
    code: z.string(),
    name: z.string(),
    score: z.number().nullable(),
    level,
    items: z.array(itemScoreView),
    /** the curator's level where the profile is verified (or being verified) */
    verified: z.object({ level, comment: z.string().nullable() }).nullable(),
    /** the same factor in the profile of the year before */
    previous: z.object({ score: z.number().nullable(), level }).nullable(),
    /** for a follow-up campaign: the baseline's level and score (level before → after) */
    before: z.object({ score: z.number().nullable(), level }).nullable(),
  })
  .meta({ id: 'RiskFactorProfile' });

export const groupCountView = z.object({
  group,
  respondents: int,
  min: int,
  counted: z.boolean(),
  text: z.string(),
});

export const verificationView = z
  .object({
    status: z.enum(VERIFICATION_STATUSES),
    visitDate: z.string().nullable(),
    participants: z.string().nullable(),
    observed: z.object({ documents: z.string(), lessons: z.string(), interviews: z.string() }),
    levels: z.record(z.string(), z.object({ computed: level, level, comment: z.string().nullable() })),
    priorityFactors: z.array(z.string()),
    verifiedBy: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    /** 0 while nothing is recorded */
    version: int,
    canVerify: z.boolean(),
    canPropose: z.boolean(),
    history: z.array(z.object({ at: z.string(), actor: z.string().nullable(), text: z.string() })),
  })
  .meta({ id: 'RiskVerification' });

export const schoolProfileView = z
  .object({
    school: named.extend({ municipality: named.nullable() }),
    campaigns: z.array(campaignRefView),
    campaign: campaignRefView.nullable(),
    state: z.enum(['no_campaign', 'not_computed', 'computed']),
    stateText: z.string(),
    job: computeJobView,
    rule: ruleView.nullable(),
    computedAt: z.string().nullable(),
    groups: z.array(groupCountView),
    factors: z.array(factorView),
    previous: campaignRefView.nullable(),
    baseline: campaignRefView.nullable(),
    verification: verificationView.nullable(),
  })
  .meta({ id: 'RiskSchoolProfile' });

export type SchoolProfileView = z.infer<typeof schoolProfileView>;
export type CampaignRefView = z.infer<typeof campaignRefView>;
export type FactorView = z.infer<typeof factorView>;
export type VerificationView = z.infer<typeof verificationView>;

import { z } from 'zod';
import { CAMPAIGN_STAGES, CAMPAIGN_STATUSES, RESPONDENT_GROUPS } from '../../db/schema/values.js';

// Response schemas of campaigns and answering: the routes declare them, the pages are typed from them.

const group = z.enum(RESPONDENT_GROUPS);
export const groupCounts = z
  .object({
    director: z.number().int().optional(),
    teacher: z.number().int().optional(),
    pupil: z.number().int().optional(),
    parent: z.number().int().optional(),
  })
  .meta({ id: 'RiskGroupCounts' });

export const campaignView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    year: z.number().int(),
    stage: z.enum(CAMPAIGN_STAGES),
    baselineCampaignId: z.uuid().nullable(),
    status: z.enum(CAMPAIGN_STATUSES),
    groups: z.array(group),
    opensOn: z.string(),
    closesOn: z.string(),
    version: z.number().int(),
    owner: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    instrument: z.object({ id: z.uuid(), title: z.string(), code: z.string(), versionNo: z.number().int() }),
    /** the caller runs it: edits the draft, opens, closes, reminds */
    canKeep: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'RiskCampaign' });

export const campaignSummaryView = campaignView
  .extend({
    /** schools of the caller's scope in the campaign, their answers and expected numbers */
    schools: z.number().int(),
    responses: z.number().int(),
    expected: z.number().int(),
  })
  .meta({ id: 'RiskCampaignSummary' });

export const schoolProgressView = z.object({
  schoolId: z.uuid(),
  name: z.string(),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  expected: groupCounts,
  responses: groupCounts,
  /** campaign groups with fewer respondents than the rule's minimum: they will not count in the profile */
  belowMinimum: z.array(group),
  remindedAt: z.string().nullable(),
});

export const campaignProgressView = z
  .object({
    campaign: campaignView,
    minRespondents: groupCounts,
    totals: z.array(z.object({ group, responses: z.number().int(), expected: z.number().int() })),
    schools: z.array(schoolProgressView),
  })
  .meta({ id: 'RiskCampaignProgress' });

export const schoolCampaignView = z
  .object({
    campaign: campaignView,
    school: z.object({ id: z.uuid(), name: z.string(), shortName: z.string().nullable() }),
    counts: z.array(
      z.object({ group, responses: z.number().int(), expected: z.number().int(), minimum: z.number().int() }),
    ),
    /** the last reminder of the campaign's owner, shown as a notice on the school's page */
    remindedAt: z.string().nullable(),
    directorAnswered: z.boolean(),
    /** only for the school's own team: the anonymous links to print and the teachers' links */
    links: z
      .object({
        anonymous: z.array(z.object({ group, token: z.string() })),
        teachers: z.array(
          z.object({ id: z.uuid(), label: z.string().nullable(), used: z.boolean(), createdAt: z.string() }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'RiskSchoolCampaign' });

export const createdLinksView = z
  .object({
    links: z.array(z.object({ id: z.uuid(), label: z.string().nullable(), token: z.string() })),
  })
  .meta({ id: 'RiskTeacherLinks' });

export const formItemView = z.object({
  id: z.string(),
  type: z.enum(['single', 'multi', 'scale', 'number']),
  text: z.string(),
  section: z.string().nullable(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
});

/** What an answering page gets: the questions of its group, the school's short name and the dates. */
export const answerFormView = z
  .object({
    campaignTitle: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    state: z.enum(['open', 'not_yet_open', 'closed']),
    schoolName: z.string(),
    group,
    /** a personal link already answered (anonymous links cannot know: the device decides) */
    answered: z.boolean(),
    items: z.array(formItemView),
  })
  .meta({ id: 'RiskAnswerForm' });

export const submittedView = z
  .object({ ok: z.literal(true), submittedAt: z.string() })
  .meta({ id: 'RiskSubmitted' });

const count = z.number().int().min(0);
export const setupView = z
  .object({
    owner: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    instruments: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        code: z.string(),
        versionNo: z.number().int(),
        status: z.string(),
      }),
    ),
    baselines: z.array(
      z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), instrumentId: z.uuid() }),
    ),
    schools: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        municipality: z.object({ id: z.uuid(), name: z.string() }),
        pupils: count.nullable(),
        teachers: count.nullable(),
        lists: z.array(z.enum(['shnor', 'shnsu', 'riskZone'])),
      }),
    ),
  })
  .meta({ id: 'RiskCampaignSetup' });

import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';
import type {
  CampaignStage,
  CampaignStatus,
  InstrumentStatus,
  RespondentGroup,
  RiskLevel,
  VerificationStatus,
} from './values.js';

// Questionnaires and risk profiles (issue 11). The instrument JSON is `src/modules/risk-profiles/instrument.ts`.

/** A version of a region's questionnaire set; a draft is edited, a version a campaign used is frozen. */
export const riskInstruments = pgTable(
  'risk_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the instrument JSON's `id` and `version` */
    code: text('code').notNull(),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    document: jsonb('document').notNull(),
    status: text('status').$type<InstrumentStatus>().notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    /** optimistic concurrency of draft edits */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('risk_instruments_code_version_uq').on(t.regionId, t.code, t.versionNo)],
);

/** A questionnaire campaign of a region or a municipality for some of its schools. */
export const riskCampaigns = pgTable(
  'risk_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the region or municipality that runs it */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => riskInstruments.id),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    stage: text('stage').$type<CampaignStage>().notNull().default('baseline'),
    /** for a follow-up: the campaign whose profiles are the «before» */
    baselineCampaignId: uuid('baseline_campaign_id'),
    groups: text('groups').array().$type<RespondentGroup[]>().notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_campaigns_owner_idx').on(t.ownerUnitId, t.year)],
);

/** A school taking part in a campaign, with the numbers of respondents it is expected to give. */
export const riskCampaignSchools = pgTable(
  'risk_campaign_schools',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => riskCampaigns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    expected: jsonb('expected').$type<Partial<Record<RespondentGroup, number>>>().notNull().default({}),
    /** the last «Напомнить» of the campaign's owner (issue 11 §2; real notifications come later) */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('risk_campaign_schools_pk').on(t.campaignId, t.schoolId),
    index('risk_campaign_schools_school_idx').on(t.schoolId),
  ],
);

/**
 * One submitted questionnaire: its answers keyed by item id (`Answer` of score-profile.ts as JSON).
 * Anonymous respondents are a random `respondent_id` and nothing else; answers are never edited.
 */
export const riskResponses = pgTable(
  'risk_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => riskCampaigns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    group: text('group').$type<RespondentGroup>().notNull(),
    respondentId: uuid('respondent_id').notNull(),
    /** the director or teacher who answered signed in or by a personal link; null for anonymous groups */
    userId: uuid('user_id').references(() => users.id),
    answers: jsonb('answers').$type<Record<string, string | readonly string[] | number>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_responses_campaign_school_idx').on(t.campaignId, t.schoolId, t.group),
    uniqueIndex('risk_responses_respondent_uq').on(t.campaignId, t.respondentId),
  ],
);

/** A school's computed profile in a campaign: `SchoolProfile` of score-profile.ts, never edited by hand. */
export const riskProfiles = pgTable(
  'risk_profiles',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => riskCampaigns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    result: jsonb('result').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_profiles_pk').on(t.campaignId, t.schoolId),
    index('risk_profiles_school_idx').on(t.schoolId),
  ],
);

/** The curator's check of a profile: per factor the computed level confirmed or changed with a comment. */
export type VerifiedLevel = { computed: RiskLevel; level: RiskLevel; comment: string | null };

export const riskVerifications = pgTable(
  'risk_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => riskCampaigns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').$type<VerificationStatus>().notNull().default('not_started'),
    visitDate: date('visit_date'),
    participants: text('participants'),
    /** what the curator saw: documents, lessons, interviews */
    observed: jsonb('observed').$type<{ documents?: string; lessons?: string; interviews?: string }>(),
    levels: jsonb('levels').$type<Record<string, VerifiedLevel>>(),
    /** the 2–3 risks the school works on, by factor code */
    priorityFactors: text('priority_factors').array().$type<string[]>(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('risk_verifications_uq').on(t.campaignId, t.schoolId)],
);

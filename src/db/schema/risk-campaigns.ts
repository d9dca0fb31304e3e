import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';
import { riskCampaigns } from './risk-profiles.js';
import type { RespondentGroup } from './values.js';

// Answering links of questionnaire campaigns (issue 11 §2, docs/decisions/0020-anonymous-answers.md).

/**
 * A link to answer a campaign's questionnaire: `personal` — one teacher, answers once; `anonymous` —
 * the school's pupils or parents, one per school and group. A personal token is stored only hashed.
 * A personal link's answer has `respondent_id = respondent_id` of the link, so it answers once by the
 * unique index of risk_responses, and whether it was used is a join, never a copy of the answers.
 */
export const riskCampaignLinks = pgTable(
  'risk_campaign_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => riskCampaigns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    group: text('group').$type<RespondentGroup>().notNull(),
    kind: text('kind').$type<'personal' | 'anonymous'>().notNull(),
    /** SHA-256 of the link's token (personal links: the only trace of the token) */
    tokenHash: text('token_hash').notNull(),
    /** anonymous links only: the token itself, printed on the school's sheet and shown to its team */
    printedToken: text('printed_token'),
    /** personal links: the respondent id their one answer gets */
    respondentId: uuid('respondent_id'),
    /** personal links: an optional name the school gave the teacher's link */
    label: text('label'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_campaign_links_token_uq').on(t.tokenHash),
    index('risk_campaign_links_school_idx').on(t.campaignId, t.schoolId),
  ],
);

/**
 * Submissions per anonymous link, client address (HMAC, never the address) and hour: a limit against
 * one machine filling a school's questionnaire. Holds no link to any answer; old hours may be purged.
 */
export const riskAnswerRates = pgTable(
  'risk_answer_rates',
  {
    linkId: uuid('link_id')
      .notNull()
      .references(() => riskCampaignLinks.id, { onDelete: 'cascade' }),
    ipHash: text('ip_hash').notNull(),
    hour: integer('hour').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.ipHash, t.hour] })],
);

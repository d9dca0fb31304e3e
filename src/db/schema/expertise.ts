import {
  boolean,
  doublePrecision,
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
import { schoolDocuments } from './programs.js';
import { roadmaps } from './roadmaps.js';

// Expertise of schools' documents and municipal roadmaps (issue 11 §6). The criteria JSON, the scores
// JSON and the value lists are in `src/modules/expertise/values.ts`.

/** What a criteria set examines. */
export const EXPERTISE_SUBJECTS = ['antirisk_program', 'concept', 'municipal_roadmap'] as const;
export type ExpertiseSubject = (typeof EXPERTISE_SUBJECTS)[number];

/** How a review came to be: an expert named by the region or municipality, another ШНОР, a random sample. */
export const REVIEW_MODES = ['expert', 'mutual', 'sample'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_CONCLUSIONS = ['recommended', 'rework'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];

/** A region's versioned set of criteria for one subject; a version a review used is frozen. */
export const expertiseCriteriaSets = pgTable(
  'expertise_criteria_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    subject: text('subject').$type<ExpertiseSubject>().notNull(),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    /** [{ code, name, description, scale: [{ score, label }] }] */
    criteria: jsonb('criteria').notNull(),
    frozen: boolean('frozen').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('expertise_criteria_sets_uq').on(t.regionId, t.subject, t.versionNo)],
);

/** A mutual-expertise distribution run by a region or a municipality, with its seed. */
export const expertiseRounds = pgTable('expertise_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerUnitId: uuid('owner_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  year: smallint('year').notNull(),
  seed: text('seed').notNull(),
  /** what the algorithm reported: documents, reviewer schools, cross-municipality share, max load */
  stats: jsonb('stats').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A recorded random sample of programs (выборочная экспертиза): population and seed reproduce it. */
export const expertiseSamples = pgTable('expertise_samples', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerUnitId: uuid('owner_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  year: smallint('year').notNull(),
  /** the document kind sampled; null for every kind */
  kind: text('kind'),
  share: doublePrecision('share').notNull(),
  seed: text('seed').notNull(),
  /** ids of the documents the sample was drawn from, sorted */
  population: jsonb('population').$type<string[]>().notNull(),
  selected: jsonb('selected').$type<string[]>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One reviewer's expertise of one target: a school document or a municipal roadmap. */
export const expertiseReviews = pgTable(
  'expertise_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the examined unit: the document's school or the roadmap's municipality */
    targetUnitId: uuid('target_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    schoolDocumentId: uuid('school_document_id').references(() => schoolDocuments.id),
    roadmapId: uuid('roadmap_id').references(() => roadmaps.id),
    criteriaSetId: uuid('criteria_set_id')
      .notNull()
      .references(() => expertiseCriteriaSets.id),
    mode: text('mode').$type<ReviewMode>().notNull(),
    /** an expert (mode expert/sample) … */
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id),
    /** … or the team of another ШНОР (mode mutual) */
    reviewerSchoolId: uuid('reviewer_school_id').references(() => orgUnits.id),
    roundId: uuid('round_id').references(() => expertiseRounds.id),
    sampleId: uuid('sample_id').references(() => expertiseSamples.id),
    status: text('status').$type<ReviewStatus>().notNull().default('draft'),
    /** { [criterion code]: { score: number | null, comment: string } } */
    scores: jsonb('scores').notNull().default({}),
    total: doublePrecision('total'),
    maxTotal: doublePrecision('max_total').notNull(),
    conclusion: text('conclusion').$type<ReviewConclusion>(),
    recommendations: text('recommendations').notNull().default(''),
    assignedBy: uuid('assigned_by').references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expertise_reviews_doc_idx').on(t.schoolDocumentId),
    index('expertise_reviews_roadmap_idx').on(t.roadmapId),
    index('expertise_reviews_user_idx').on(t.reviewerUserId),
    index('expertise_reviews_school_idx').on(t.reviewerSchoolId),
    index('expertise_reviews_region_idx').on(t.regionId),
  ],
);

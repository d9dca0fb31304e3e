import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { orgUnits } from './orgs.js';
import type { EducationLevel, PracticeDecision, PracticeStatus } from './values.js';

// The bank of practices (issue 15 §2): a case submitted by a school or a municipality, reviewed by the
// municipality or the region with criteria, and published to the bank (public without login).

/** A result with numbers: «доля "2" по ВПР математика 5 кл.: 31 % → 12 %». */
export type PracticeFigure = { label: string; before: number | null; after: number | null; unit: string };
/** A review criterion's score (0..max) as the reviewer gave it. */
export type PracticeCriterionScore = { key: string; title: string; score: number; max: number };

export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the school or municipality whose practice it is */
    authorUnitId: uuid('author_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the school year the practice was carried out (its start year) */
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** the problem or risk it addresses, in words */
    problem: text('problem').notNull().default(''),
    /** what was done */
    actions: text('actions').notNull().default(''),
    /** results in words; numbers go to `figures` */
    results: text('results').notNull().default(''),
    figures: jsonb('figures').$type<PracticeFigure[]>().notNull().default(sql`'[]'::jsonb`),
    /** keys of the region's risk factors (risk_factors) it addresses */
    riskFactors: text('risk_factors').array().notNull().default(sql`'{}'::text[]`),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    levels: text('levels').$type<EducationLevel[]>().array().notNull().default(sql`'{}'::text[]`),
    /** how to reach the authors: an organisation's contact published with the practice */
    contact: text('contact').notNull().default(''),
    status: text('status').$type<PracticeStatus>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practices_author_idx').on(t.authorUnitId), index('practices_status_idx').on(t.status)],
);

/** Materials of a practice (presentations, programs, photos). */
export const practiceFiles = pgTable(
  'practice_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_files_practice_idx').on(t.practiceId)],
);

/** One review of a submitted practice: criteria scores, the decision and its comment. */
export const practiceReviews = pgTable(
  'practice_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** the municipality or region that reviewed it */
    reviewerUnitId: uuid('reviewer_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewerName: text('reviewer_name'),
    criteria: jsonb('criteria').$type<PracticeCriterionScore[]>().notNull().default(sql`'[]'::jsonb`),
    decision: text('decision').$type<PracticeDecision>().notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_reviews_practice_idx').on(t.practiceId)],
);

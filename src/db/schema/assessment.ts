import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './orgs.js';

// Assessment and context data of schools (issue 4, docs/data-formats.md). A school is matched by
// its `org_units.code`, the identifier used in ФИС ОКО / regional exports.

export const assessmentResults = pgTable(
  'assessment_results',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    assessment: text('assessment').notNull(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    participants: integer('participants').notNull(),
    mark2: integer('mark2').notNull(),
    mark3: integer('mark3').notNull(),
    mark4: integer('mark4').notNull(),
    mark5: integer('mark5').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.year, t.assessment, t.subject, t.grade] }),
    index('assessment_results_year_idx').on(t.year),
  ],
);

export const contextValues = pgTable(
  'context_values',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.year, t.indicator] }),
    index('context_values_year_idx').on(t.year),
  ],
);

export const confirmationResults = pgTable(
  'confirmation_results',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    assessment: text('assessment').notNull(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
    participants: integer('participants').notNull(),
    lowered: integer('lowered').notNull(),
    confirmed: integer('confirmed').notNull(),
    raised: integer('raised').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.year, t.assessment, t.subject, t.grade] }),
    index('confirmation_results_year_idx').on(t.year),
  ],
);

/** One accepted data package: what it replaced, for the history of the data. */
export const dataImports = pgTable('data_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => orgUnits.id),
  fileName: text('file_name').notNull(),
  years: integer('years').array().notNull(),
  schools: integer('schools').notNull(),
  results: integer('results').notNull(),
  contextValues: integer('context_values').notNull(),
  confirmations: integer('confirmations').notNull(),
  importedBy: uuid('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

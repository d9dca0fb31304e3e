import {
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './files.js';
import { orgUnits } from './orgs.js';

// Assessment and context data of schools (issue 4, docs/data-formats.md). A school is matched by
// its `org_units.code`, the identifier used in ФИС ОКО / regional exports.
//
// A national region stores about a million result rows a year, loaded and replaced in bulk, so the keys
// are kept narrow: a procedure (assessment, subject, grade) is a row of `assessment_procedures` and the
// result rows refer to it by an integer. Text keys made a COPY of a year twice as slow (collation-aware
// comparisons in the primary key). There are no indexes by year: every query by year reads the region's
// schools through the primary key or the whole table (docs/decisions/0004).

/** The procedures ever loaded: (assessment, subject, grade), shared by all regions. */
export const assessmentProcedures = pgTable(
  'assessment_procedures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    assessment: text('assessment').notNull(),
    subject: text('subject').notNull(),
    grade: smallint('grade').notNull(),
  },
  (t) => [unique('assessment_procedures_key').on(t.assessment, t.subject, t.grade)],
);

export const assessmentResults = pgTable(
  'assessment_results',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => assessmentProcedures.id),
    participants: integer('participants').notNull(),
    mark2: integer('mark2').notNull(),
    mark3: integer('mark3').notNull(),
    mark4: integer('mark4').notNull(),
    mark5: integer('mark5').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.year, t.procedureId] })],
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
  (t) => [primaryKey({ columns: [t.schoolId, t.year, t.indicator] })],
);

export const confirmationResults = pgTable(
  'confirmation_results',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => assessmentProcedures.id),
    participants: integer('participants').notNull(),
    lowered: integer('lowered').notNull(),
    confirmed: integer('confirmed').notNull(),
    raised: integer('raised').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.year, t.procedureId] })],
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

/**
 * A region's results of one year as columns (result-packs.ts), written by the import in the transaction
 * that writes the rows: what an identification run reads instead of scanning a million rows
 * (docs/decisions/0016). `part`: the pack is cut into pieces of a few megabytes. Any other write to
 * `assessment_results` (or a school moved to another place of the tree) drops every pack (triggers of
 * migration 0006); a year without a pack is read from the rows.
 */
export const assessmentPacks = pgTable(
  'assessment_packs',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    part: smallint('part').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year, t.part] })],
);

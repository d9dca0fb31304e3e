import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { jobs } from './jobs.js';
import { orgUnits } from './orgs.js';
import type {
  IndicatorDirection,
  IndicatorUnit,
  MonitoringKind,
  MonitoringResponseStatus,
  MonitoringStatus,
  ReportStatus,
  ReportTemplate,
  TargetLevel,
} from './values.js';

// Monitoring and analysis (issue 13). Indicator values, positive change and the effect of support are
// queries over the data already in the system, never stored; what is stored is what people declare
// (a region's own indicators, targets), what they fill (monitoring forms) and what they issue (reports).

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A region's own indicator, assembled from a building block of the catalogue with its parameters
 * (the catalogue's indicators live in code and are not rows).
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    unit: text('unit').$type<IndicatorUnit>().notNull(),
    direction: text('direction').$type<IndicatorDirection>().notNull(),
    definition: text('definition').notNull(),
    /** the catalogue's building block this indicator computes with */
    block: text('block').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [uniqueIndex('indicator_definitions_code_idx').on(t.regionId, t.code)],
);

/**
 * A target of an indicator for a level and a year, with its colour bands: green from `target`,
 * yellow from `warn`, red beyond (in the indicator's direction). `orgUnitId` null: every unit of the level.
 */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    indicatorCode: text('indicator_code').notNull(),
    level: text('level').$type<TargetLevel>().notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    year: smallint('year').notNull(),
    target: doublePrecision('target').notNull(),
    warn: doublePrecision('warn').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('indicator_targets_idx').on(t.regionId, t.indicatorCode, t.year),
    // One target per indicator, level, unit (or the whole level) and year, even when two saves race.
    unique('indicator_targets_one')
      .on(t.regionId, t.indicatorCode, t.level, t.orgUnitId, t.year)
      .nullsNotDistinct(),
  ],
);

/** A monitoring campaign of a region or a municipality over a period. */
export const monitorings = pgTable(
  'monitorings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<MonitoringKind>().notNull(),
    title: text('title').notNull(),
    /** the school year (its first calendar year) or the list year the monitoring is about */
    year: smallint('year').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** the deadline of the participants */
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    status: text('status').$type<MonitoringStatus>().notNull().default('draft'),
    /** the form of a 'form' monitoring (sections and fields), frozen when the monitoring opens */
    form: jsonb('form'),
    /** the catalogue's indicators of an 'indicators' monitoring */
    indicatorCodes: jsonb('indicator_codes').$type<string[]>().notNull().default([]),
    /** the template it was made from, if any */
    template: text('template'),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('monitorings_owner_idx').on(t.ownerUnitId, t.year)],
);

/** A participant unit of a monitoring and its answers. */
export const monitoringResponses = pgTable(
  'monitoring_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    monitoringId: uuid('monitoring_id')
      .notNull()
      .references(() => monitorings.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').$type<MonitoringResponseStatus>().notNull().default('not_started'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** why the form was returned for correction */
    returnComment: text('return_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('monitoring_responses_unit_idx').on(t.monitoringId, t.orgUnitId),
    index('monitoring_responses_org_idx').on(t.orgUnitId),
  ],
);

/** An analytic report (аналитическая справка): generated by a job, edited, issued as DOCX and PDF. */
export const analyticReports = pgTable(
  'analytic_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the scope: a region or a municipality */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    template: text('template').$type<ReportTemplate>().notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('generating'),
    /** the report's blocks (modules/reports/report-model.ts), edited before it is issued */
    content: jsonb('content'),
    jobId: uuid('job_id').references(() => jobs.id),
    /** the monitoring it was made on, if any */
    monitoringId: uuid('monitoring_id').references(() => monitorings.id),
    docxFileId: uuid('docx_file_id').references(() => files.id),
    pdfFileId: uuid('pdf_file_id').references(() => files.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('analytic_reports_unit_idx').on(t.orgUnitId, t.year)],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { jobs } from './jobs.js';
import { orgUnits } from './orgs.js';

export const METHODOLOGY_STATUSES = ['draft', 'current', 'archived'] as const;
export type MethodologyStatus = (typeof METHODOLOGY_STATUSES)[number];

/** A versioned methodology document (src/modules/identification/methodology.ts); versions are never edited. */
export const methodologies = pgTable(
  'methodologies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    document: jsonb('document').notNull(),
    status: text('status').$type<MethodologyStatus>().notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('methodologies_code_version_uq').on(t.regionId, t.code, t.version)],
);

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One computation: methodology version × year × the data as they were. Its results never change. */
export const identificationRuns = pgTable(
  'identification_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    methodologyId: uuid('methodology_id')
      .notNull()
      .references(() => methodologies.id),
    year: smallint('year').notNull(),
    status: text('status').$type<RunStatus>().notNull().default('queued'),
    jobId: uuid('job_id').references(() => jobs.id),
    summary: jsonb('summary'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('identification_runs_region_year_idx').on(t.regionId, t.year)],
);

export const identificationResults = pgTable(
  'identification_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => identificationRuns.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    isbsh: doublePrecision('isbsh'),
    cluster: smallint('cluster'),
    resultIndex: doublePrecision('result_index'),
    shnor: boolean('shnor').notNull(),
    shnsu: boolean('shnsu').notNull(),
    riskZone: boolean('risk_zone').notNull(),
    resilient: boolean('resilient').notNull(),
    stagnation: boolean('stagnation').notNull(),
    repeat: boolean('repeat').notNull(),
    exit: boolean('exit').notNull(),
    objectivity: boolean('objectivity').notNull(),
    // json, not jsonb: written once, always read whole, never queried inside; json input is only
    // checked, jsonb is converted (measured 0.9 → 0.6 s for the 40 000 results of a national run).
    lowProcedures: json('low_procedures').notNull(),
    reasons: json('reasons').notNull(),
    details: json('details'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.schoolId] })],
);

export const LIST_STATUSES = ['draft', 'approved'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/**
 * The lists a region approves separately, each named after the run's flag that selects its schools.
 * Stagnation and repeats are views of the ШНОР list, not lists of their own (issue 10).
 */
export const LIST_KINDS = ['shnor', 'shnsu', 'riskZone', 'resilient'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * The region's order (приказ) that approves one or more lists, each as its numbered appendix.
 * Written once at approval and never changed.
 */
export const identificationOrders = pgTable(
  'identification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    number: text('number').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    fileId: uuid('file_id').references(() => files.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('identification_orders_region_idx').on(t.regionId, t.date)],
);

/**
 * The region's list of one kind for a year, built on one run and reviewed by the regional operator.
 * Approved by an order (as one of its appendices), it is frozen: its run's results and its decisions are
 * never changed afterwards, and its schools are written to `identification_list_schools`.
 */
export const identificationLists = pgTable(
  'identification_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    kind: text('kind').$type<ListKind>().notNull().default('shnor'),
    runId: uuid('run_id')
      .notNull()
      .references(() => identificationRuns.id),
    status: text('status').$type<ListStatus>().notNull().default('draft'),
    orderId: uuid('order_id').references(() => identificationOrders.id),
    /** The list's number among the appendices of its order (Приложение 1, 2, …). */
    appendixNo: smallint('appendix_no'),
    // The order's number and date copied at approval: every reader of a list shows them.
    orderNumber: text('order_number'),
    orderDate: date('order_date', { mode: 'string' }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identification_lists_region_year_idx').on(t.regionId, t.year),
    index('identification_lists_order_idx').on(t.orderId),
    // At most one draft and one approved list of a kind per region and year, enforced by the database.
    uniqueIndex('identification_lists_draft_uq')
      .on(t.regionId, t.year, t.kind)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex('identification_lists_approved_uq')
      .on(t.regionId, t.year, t.kind)
      .where(sql`${t.status} = 'approved'`),
  ],
);

/**
 * The schools of an approved list as of its approval (the frozen entries; their reasons are the run's,
 * which never change). Who sees which approved list is a lookup here: a school sees a list it is in, a
 * municipality a list with any of its schools.
 */
export const identificationListSchools = pgTable(
  'identification_list_schools',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => identificationLists.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.schoolId] }),
    index('identification_list_schools_school_idx').on(t.schoolId),
  ],
);

/** The operator's inclusion or exclusion of a school from a list (of its kind), with the written reason. */
export const listDecisions = pgTable(
  'list_decisions',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => identificationLists.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    decision: text('decision').$type<'include' | 'exclude'>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.schoolId] })],
);

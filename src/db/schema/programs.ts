import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
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
import { orgUnits } from './orgs.js';
import { items } from './roadmaps.js';
import type { SchoolDocumentKind, SchoolDocumentStatus } from './values.js';

// A school's concept documents and антирисковые программы of a year (issue 11 §5–6).

export const schoolDocuments = pgTable(
  'school_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    kind: text('kind').$type<SchoolDocumentKind>().notNull(),
    /** the risk factor of an антирисковая программа */
    factorCode: text('factor_code'),
    title: text('title').notNull(),
    status: text('status').$type<SchoolDocumentStatus>().notNull().default('draft'),
    /** the structured document (goal, tasks, indicators, measures, responsible persons, partners) */
    content: jsonb('content').notNull(),
    /** the document's own version: an approved version is frozen, a change after it starts the next */
    versionNo: integer('version_no').notNull().default(1),
    orderNumber: text('order_number'),
    orderDate: date('order_date'),
    orderFileId: uuid('order_file_id').references(() => files.id),
    createdBy: uuid('created_by').references(() => users.id),
    /** optimistic concurrency */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('school_documents_school_idx').on(t.schoolId, t.year)],
);

// ── Helper «programs» (issue 11 §5): templates, frozen versions, comments, links of measures to roadmaps.

/**
 * A region's edited template of a document kind (per risk factor for an антирисковая программа). Without
 * a row the system's template of `modules/programs/templates/` applies: a region edits only what it wants.
 */
export const programTemplates = pgTable(
  'program_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<SchoolDocumentKind>().notNull(),
    /** '' for the concept documents: a unique key cannot hold NULLs apart */
    factorCode: text('factor_code').notNull().default(''),
    content: jsonb('content').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('program_templates_uq').on(t.regionId, t.kind, t.factorCode)],
);

/** A version of a document as it was approved: frozen, never updated; diffs are computed between these. */
export const schoolDocumentVersions = pgTable(
  'school_document_versions',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => schoolDocuments.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    orderNumber: text('order_number'),
    orderDate: date('order_date'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.versionNo] })],
);

/** A remark on a part of a document: `anchor` is 'document', a section key, 'goal', 'measure:<key>' … */
export const schoolDocumentComments = pgTable(
  'school_document_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => schoolDocuments.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    anchor: text('anchor').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    /** the clock, not the transaction's start: comments written in one transaction keep their order */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('school_document_comments_doc_idx').on(t.documentId)],
);

/**
 * A program's measure carried into the school's roadmap: the roadmap item executes it, and the program
 * reads the measure's progress from the item (status, overdue, confirmation) — nothing is copied back.
 */
export const programMeasureLinks = pgTable(
  'program_measure_links',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => schoolDocuments.id, { onDelete: 'cascade' }),
    measureKey: text('measure_key').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.measureKey] }),
    uniqueIndex('program_measure_links_item_uq').on(t.itemId),
  ],
);

import { date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { orgUnits } from './orgs.js';
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

import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { orgUnits } from './orgs.js';
import type { PublicationKind } from './values.js';

// Publication (issue 15 §1): what a unit shows on its public page. A publication is a frozen snapshot
// of an approved object taken at the moment of publishing (content + DOCX/PDF files), never the live
// object: the public site reads only this table, so nothing unpublished can reach it. Publishing the
// same object again adds version N+1 and supersedes N; withdrawing keeps the row with who and why.

export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the unit on whose public page it appears (the roadmap's owner, the document's school, …) */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<PublicationKind>().notNull(),
    /** the published object (roadmap, school document, report, list): the stable public link uses it */
    objectId: uuid('object_id').notNull(),
    /** 1, 2, … per object */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** the content as published: one Zod schema per kind (modules/publication/snapshot.ts) */
    snapshot: jsonb('snapshot').notNull(),
    /** per kind: { showExecution } for a roadmap, { schoolNames } for a list */
    options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
    docxFileId: uuid('docx_file_id').references(() => files.id),
    pdfFileId: uuid('pdf_file_id').references(() => files.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedByName: text('published_by_name'),
    /** when a later version replaced this one (it stays readable as an earlier version) */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnByName: text('withdrawn_by_name'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    uniqueIndex('publications_object_version_uq').on(t.kind, t.objectId, t.version),
    // At most one current publication per object.
    uniqueIndex('publications_current_uq')
      .on(t.kind, t.objectId)
      .where(sql`${t.supersededAt} is null and ${t.withdrawnAt} is null`),
    index('publications_unit_idx').on(t.orgUnitId, t.kind),
  ],
);

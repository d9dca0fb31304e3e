import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';

// Saved mappings of assessment tables (issue 16 §1): the next file of the same shape (`signature` of the
// analysis) is converted with the region's template of that signature without the mapping step.

export const assessmentTableTemplates = pgTable(
  'assessment_table_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `TableAnalysis.signature` of the file the mapping was made for. */
    signature: text('signature').notNull(),
    /** A `TableMapping` (tables/mapping.ts), validated when saved. */
    mapping: jsonb('mapping').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_table_templates_name_uq').on(t.regionId, t.name)],
);

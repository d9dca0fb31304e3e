import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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

// A school name the user confirmed in the import dialog (issue 16 §1): the next file naming the school
// the same way in the same municipality is matched without asking again. Kept per region; the key is the
// normalised name and municipality (match-schools.ts), so «МБОУ СОШ №1» and «СОШ № 1» are one key.
// The operator lists and forgets them (school-name-confirmations.ts): `id` names one row there, and the
// name and municipality are kept as the last file wrote them (rows of before 0024: the key's text).
export const schoolNameConfirmations = pgTable(
  'school_name_confirmations',
  {
    id: uuid('id').notNull().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    nameKey: text('name_key').notNull(),
    writtenName: text('written_name').notNull(),
    writtenMunicipality: text('written_municipality'),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.nameKey] }),
    uniqueIndex('school_name_confirmations_id_uq').on(t.id),
    index('school_name_confirmations_school_idx').on(t.schoolId),
  ],
);

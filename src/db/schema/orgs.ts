import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InstitutionType, OrgKind } from './values.js';

export type { InstitutionType, OrgKind } from './values.js';
export { INSTITUTION_TYPES, ORG_KINDS } from './values.js';

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    kind: text('kind').$type<OrgKind>().notNull(),
    institutionType: text('institution_type').$type<InstitutionType>(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    // Materialised path "/rootId/…/id/": subtree checks are a prefix match, cheap on both databases.
    path: text('path').notNull(),
    inn: text('inn'),
    /** The school's identifier in assessment data packages (ФИС ОКО / regional exports). */
    code: text('code'),
    oktmo: text('oktmo'),
    address: text('address'),
    isRural: boolean('is_rural'),
    isSmall: boolean('is_small'),
    levels: text('levels').array(),
    pupils: integer('pupils'),
    teachers: integer('teachers'),
    director: text('director'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').on(t.path),
    // The INN identifies a school in imports: two units with one INN would make matching ambiguous.
    uniqueIndex('org_units_inn_uq').on(t.inn).where(sql`${t.inn} is not null`),
    uniqueIndex('org_units_code_uq').on(t.code).where(sql`${t.code} is not null`),
  ],
);

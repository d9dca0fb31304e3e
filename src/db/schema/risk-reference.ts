import { index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgUnits } from './orgs.js';

// Risk factors as year-versioned reference data of a region (issue 11 §1). A region without rows for a
// year uses the system's default list (src/modules/risk-profiles/default-factors.ts); «Изменить для года»
// writes the whole list for that year. `version` is the list's version (the same on every row of a
// region and year): a save states the version it edited, a stale one gets 409.

export const riskFactors = pgTable(
  'risk_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('risk_factors_region_year_code_uq').on(t.regionId, t.year, t.code),
    index('risk_factors_region_year_idx').on(t.regionId, t.year, t.position),
  ],
);

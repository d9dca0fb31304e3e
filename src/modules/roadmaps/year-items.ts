import { type SQL, sql } from 'drizzle-orm';

// «The measures of approved roadmaps of school year Y, cancelled ones excluded»: one definition for every
// count of roadmap execution over a year — the monitoring of roadmap execution, the analytic reports and
// positive change — so their totals cannot disagree. Each caller keeps its own counting over these rows.
//
// A roadmap belongs to school year Y when it is of that school year (period_year = Y: Y/Y+1) or of a
// calendar year the school year overlaps: Y (its September–December) or Y+1 (its January–August).
// A draft is not in force and an archived roadmap no longer is; a cancelled measure will not be done and
// is no part of the plan. The same rule in words: ROADMAP_TEXT.itemsOfSchoolYear (strings.ts).

/**
 * The where-condition over a roadmap item aliased `i` and its roadmap aliased `r` (the callers join
 * `roadmap_items i` and `roadmaps r on r.id = i.roadmap_id`).
 */
export const itemsOfSchoolYear = (year: number): SQL => sql`(r.status = 'approved'
  and i.status <> 'cancelled'
  and ((r.period_kind = 'school_year' and r.period_year = ${year})
    or (r.period_kind = 'calendar_year' and r.period_year in (${year}, ${year + 1}))))`;

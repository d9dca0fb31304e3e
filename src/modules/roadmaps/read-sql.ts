import type { ItemStatus } from '../../db/schema/roadmaps.js';

// Hand-written SQL of the hot reads: the database builds the JSON of items and roadmaps itself, so a
// roadmap card or an item list is one statement, and Node neither maps dozens of columns per row nor
// rebuilds the query (see docs/decisions/0011-cheap-reads.md). The keys are the API's (views.ts);
// `read-sql.test.ts` checks every key against the Zod views, so a renamed field cannot slip through.
// Plain strings: nothing in here depends on the caller; values always come as parameters.

/** A timestamptz as JavaScript's toISOString() writes it (UTC, milliseconds truncated). */
export const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Statuses in which an item whose due date has passed counts as overdue. */
export const OPEN_STATUSES: ItemStatus[] = ['planned', 'in_progress', 'postponed'];

/**
 * "Past its deadline" of the item `i`: due before today and still open, whatever its roadmap. On an
 * approved roadmap this is overdue; before approving, it is what the approval warns about (a roadmap
 * of a period that has ended would become overdue at once). The date is the database's, the same
 * for every instance.
 */
export const pastDue = (i: string) =>
  `coalesce(${i}.due_date < current_date and ${i}.status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')}), false)`;

/**
 * "Overdue today" of the item `i` in a roadmap whose status is `roadmapStatus`: past its deadline in a
 * roadmap that is in force. A draft is not executed yet; an archived roadmap no longer is, and an
 * archived record imported from a past period's document («исполнено по данным документа») never
 * was in force here: neither ever counts as overdue, in any list, count or dashboard.
 */
export const overdue = (i: string, roadmapStatus: string) =>
  `(${pastDue(i)} and coalesce(${roadmapStatus} = 'approved', false))`;

/**
 * Status of the cascaded task `t`: its linked own item's when linked. The
 * lookup runs only for linked tasks; a regional measure may have hundreds of unlinked ones.
 */
export const taskStatus = (t: string) =>
  `case when ${t}.linked_item_id is null then ${t}.status else coalesce((select li.status from roadmap_items li where li.id = ${t}.linked_item_id), ${t}.status) end`;

/**
 * The select list of an ItemView for the item row `i`: responsible units, evidence and comment counts
 * and the roll-up of cascaded tasks as correlated subqueries (each an index lookup by item id). The
 * unit of a responsible is a scalar subquery on purpose: as a join, a freshly loaded database without
 * statistics got a hash join over all org units for every item (0.2 ms × items). The roll-up's unit
 * kind is read from one addressed unit: a measure is addressed to one level (municipalities or schools).
 */
export const itemViewColumns = (i: string, roadmapStatus: string) => `
  ${i}.id as "id", ${i}.section_id as "sectionId", ${i}.parent_item_id as "parentItemId",
  ${i}.position as "position", ${i}.number as "number", ${i}.level as "level", ${i}.measure as "measure",
  ${i}.description as "description", ${i}.deadline_text as "deadlineText", ${i}.period_from as "periodFrom",
  ${i}.period_to as "periodTo", ${i}.recurrence as "recurrence", ${i}.due_date as "dueDate",
  coalesce((select json_agg((select row_to_json(ru) from (
        select u.id as "id", coalesce(u.short_name, u.name) as "name", u.kind as "kind"
        from org_units u where u.id = ir.org_unit_id) ru))
      from roadmap_item_responsibles ir where ir.item_id = ${i}.id), '[]') as "responsibleUnits",
  ${i}.responsible_text as "responsibleText", ${i}.participants as "participants",
  ${i}.indicator as "indicator", ${i}.target_comparator as "targetComparator",
  ${i}.target_value as "targetValue", ${i}.target_unit as "targetUnit", ${i}.actual_value as "actualValue",
  ${i}.evidence_kind as "evidenceKind", ${i}.target_coverage as "targetCoverage", ${i}.proof_waiver as "proofWaiver",
  ${i}.coverage_binding as "coverageBinding", ${iso(`${i}.actual_computed_at`)} as "actualComputedAt",
  ${i}.status as "status", ${i}.status_comment as "statusComment",
  ${overdue(i, roadmapStatus)} as "overdue",
  ${i}.confirmation as "confirmation", ${i}.confirmation_comment as "confirmationComment",
  ${i}.confirmation_seen as "confirmationSeen",
  (select count(*)::int from roadmap_item_evidence e where e.item_id = ${i}.id) as "evidenceCount",
  (select count(*)::int from roadmap_item_comments c where c.item_id = ${i}.id) as "commentCount",
  (select row_to_json(ro) from (
      select count(*) filter (where ${taskStatus('t')} = 'done')::int as "done", count(*)::int as "total",
        case when (select tu.kind from org_units tu where tu.id = min(t.org_unit_id::text)::uuid) = 'school'
          then 'school' else 'municipality' end as "unitKind"
      from cascade_tasks t where t.source_item_id = ${i}.id having count(*) > 0) ro) as "rollUp",
  ${i}.source_item_id as "sourceItemId", ${i}.version as "version", ${iso(`${i}.updated_at`)} as "updatedAt"`;

/** The progress object of roadmap `r` (counts by status, total, overdue) as JSON. */
export const progressJson = (r: string) => `(select row_to_json(p) from (
    select count(*) filter (where pi.status = 'planned')::int as "planned",
      count(*) filter (where pi.status = 'in_progress')::int as "in_progress",
      count(*) filter (where pi.status = 'done')::int as "done",
      count(*) filter (where pi.status = 'not_done')::int as "not_done",
      count(*) filter (where pi.status = 'postponed')::int as "postponed",
      count(*) filter (where pi.status = 'cancelled')::int as "cancelled",
      count(*)::int as "total",
      count(*) filter (where ${overdue('pi', `${r}.status`)})::int as "overdue"
    from roadmap_items pi where pi.roadmap_id = ${r}.id) p)`;

/**
 * The select list of a RoadmapSummary without `periodLabel` (worded in types.ts, added by the caller)
 * for roadmap `r` owned by unit `u`.
 */
export const summaryColumns = (r: string, u: string) => `
  ${r}.id as "id", ${r}.title as "title", ${r}.kind as "kind", ${r}.period_kind as "periodKind",
  ${r}.period_year as "periodYear", ${r}.status as "status",
  json_build_object('id', ${u}.id, 'name', coalesce(${u}.short_name, ${u}.name), 'kind', ${u}.kind) as "orgUnit",
  ${r}.approval_body as "approvalBody", ${r}.order_number as "orderNumber", ${r}.order_date as "orderDate",
  ${r}.order_file_id as "orderFileId", ${r}.is_demo as "isDemo",
  ${r}.execution_imported as "executionImported", ${r}.version as "version",
  ${iso(`${r}.updated_at`)} as "updatedAt", ${progressJson(r)} as "progress"`;

/** Sections of roadmap `r` in order, each with its items in order, as a JSON array. */
export const sectionsJson = (r: string) => `coalesce((select json_agg(sv order by sv.position) from (
    select s.id as "id", s.position as "position", s.number as "number", s.title as "title",
      s.version as "version",
      coalesce((select json_agg(iv order by iv.position) from (
          select ${itemViewColumns('i', `${r}.status`)} from roadmap_items i where i.section_id = s.id) iv),
        '[]') as "items"
    from roadmap_sections s where s.roadmap_id = ${r}.id) sv), '[]')`;

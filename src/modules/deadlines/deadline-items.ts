import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { OPEN_STATUSES, taskStatus } from '../roadmaps/read-sql.js';

// What has a deadline (issue 15 §3): one query per kind, each over the open work whose due date is
// on or before `horizon` (today + the longest reminder). Every date is a parameter — never
// `current_date` — so tests move the clock. «Open» is the modules' own definition each time:
// OPEN_STATUSES and taskStatus of the roadmaps, an open decision, a planned or returned activity of an
// approved or running ИОМ, a participant's form not yet sent.

import { DEADLINE_KINDS, type DeadlineKind } from './kinds.js';

export { DEADLINE_KINDS, type DeadlineKind };

/** One piece of work with a deadline, addressed to one unit. */
export type DeadlineRow = {
  kind: DeadlineKind;
  id: string;
  title: string;
  unit_id: string;
  unit_kind: string;
  unit_name: string;
  unit_path: string;
  due_date: string;
  link: string;
  /** an ИОМ activity: the teacher's own account, told besides the school's team */
  user_id: string | null;
};

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
const UNIT = sql.raw(`u.kind as unit_kind, coalesce(u.short_name, u.name) as unit_name, u.path as unit_path`);
/** A date column as ISO text on both drivers (node-postgres would give a Date). */
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

/** Measures of approved roadmaps: the unit is the roadmap's owner, whose keepers execute it. */
const items = (horizon: string, where: SQL) => sql`
  select 'item' as kind, i.id::text as id, concat_ws(' ', i.number, i.measure) as title,
    r.org_unit_id::text as unit_id, ${UNIT}, ${day('i.due_date')} as due_date,
    '/roadmaps/' || r.id || '?item=' || i.id as link, null::text as user_id
  from roadmap_items i join roadmaps r on r.id = i.roadmap_id join org_units u on u.id = r.org_unit_id
  where r.status = 'approved' and i.status in (${OPEN}) and i.due_date <= ${horizon} and ${where}`;

/** Cascaded tasks: the measure of the level above, addressed to a municipality or a school. */
const tasks = (horizon: string, where: SQL) => sql`
  select 'task' as kind, t.id::text as id, concat_ws(' ', i.number, i.measure) as title,
    t.org_unit_id::text as unit_id, ${UNIT}, ${day('i.due_date')} as due_date,
    '/roadmaps/' || i.roadmap_id || '?item=' || i.id as link, null::text as user_id
  from cascade_tasks t join roadmap_items i on i.id = t.source_item_id
  join roadmaps r on r.id = i.roadmap_id join org_units u on u.id = t.org_unit_id
  where r.status = 'approved' and i.due_date <= ${horizon}
    and (${sql.raw(taskStatus('t'))}) in (${OPEN}) and ${where}`;

/** Decisions of meetings, addressed to their responsible unit. */
const decisions = (horizon: string, where: SQL) => sql`
  select 'decision' as kind, d.id::text as id, d.text as title,
    d.responsible_unit_id::text as unit_id, ${UNIT}, ${day('d.due_date')} as due_date,
    '/organisation/meetings/' || d.meeting_id as link, null::text as user_id
  from meeting_decisions d join org_units u on u.id = d.responsible_unit_id
  where d.status = 'open' and d.due_date <= ${horizon} and ${where}`;

/** Activities of teachers' ИОМ: the school's team keeps the route, the teacher does the work. */
const activities = (horizon: string, where: SQL) => sql`
  select 'activity' as kind, a.id::text as id, a.title as title,
    ir.school_id::text as unit_id, ${UNIT}, ${day('a.due_date')} as due_date,
    '/individual-routes/' || ir.id as link, s.user_id::text as user_id
  from route_activities a join individual_routes ir on ir.id = a.route_id
  join staff_members s on s.id = ir.staff_member_id join org_units u on u.id = ir.school_id
  where a.status in ('planned', 'returned') and ir.status in ('approved', 'in_progress')
    and a.due_date <= ${horizon} and ${where}`;

/** Forms of running monitorings that the participant has not sent (or got back). */
const monitoringForms = (horizon: string, where: SQL) => sql`
  select 'monitoring' as kind, mr.id::text as id, m.title as title,
    mr.org_unit_id::text as unit_id, ${UNIT}, ${day('m.period_end')} as due_date,
    '/monitorings/' || m.id || '/units/' || mr.org_unit_id as link, null::text as user_id
  from monitoring_responses mr join monitorings m on m.id = mr.monitoring_id
  join org_units u on u.id = mr.org_unit_id
  where m.status = 'open' and mr.status in ('not_started', 'draft', 'returned')
    and m.period_end <= ${horizon} and ${where}`;

export const DEADLINE_QUERIES: Record<DeadlineKind, (horizon: string, where: SQL) => SQL> = {
  item: items,
  task: tasks,
  decision: decisions,
  activity: activities,
  monitoring: monitoringForms,
};

/**
 * The open work of the kinds due on or before `horizon`; `where` narrows it by a condition on the
 * addressed unit `u` (the escalation list puts the viewer's scope there, inside the query).
 */
export async function deadlinesUntil(
  db: Db,
  horizon: string,
  opts: { kinds?: readonly DeadlineKind[]; where?: SQL } = {},
): Promise<DeadlineRow[]> {
  const out: DeadlineRow[] = [];
  for (const kind of opts.kinds ?? DEADLINE_KINDS)
    out.push(...(await queryRows<DeadlineRow>(db, DEADLINE_QUERIES[kind](horizon, opts.where ?? sql`true`))));
  return out;
}

/** Whole days from `from` to `to` (ISO dates); the age of overdue work is `daysBetween(due, today)`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` moved by `days` (ISO). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

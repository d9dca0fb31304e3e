import { sql } from 'drizzle-orm';
import { preparedRead } from '../../db/prepared-read.js';
import { overdue, taskStatus } from '../roadmaps/read-sql.js';

// The start page's two aggregates as prepared statements that return their JSON
// (docs/decisions/0011-cheap-reads.md). Same rules as listMyTasks (tasks.ts) and the roll-up before it.

const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/**
 * Tasks of approved roadmaps addressed to the given units: how many, how many done, how many overdue
 * and not done, and the first `limit` not done (a TaskView each, in due date order).
 */
export const readTaskSummary = preparedRead(
  'dashboard_tasks',
  {
    total: sql<number>`total`,
    done: sql<number>`done`,
    overdue: sql<number>`overdue`,
    body: sql<string>`body`,
  },
  sql`(with t as materialized (
      select si.due_date, si.position, t.id, coalesce(li.status, t.status) as status,
        ${sql.raw(overdue('si', 'r.status'))} as src_overdue,
        json_build_object('id', t.id, 'version', t.version, 'status', coalesce(li.status, t.status),
          'ownStatus', t.status, 'comment', t.comment, 'linkedItemId', t.linked_item_id,
          'linkedRoadmapId', li.roadmap_id,
          'unit', json_build_object('id', tu.id, 'name', tu.name, 'kind', tu.kind),
          'source', json_build_object('itemId', si.id, 'number', si.number, 'measure', si.measure,
            'deadlineText', si.deadline_text, 'dueDate', si.due_date, 'indicator', si.indicator,
            'level', si.level, 'overdue', ${sql.raw(overdue('si', 'r.status'))}),
          'roadmap', json_build_object('id', r.id, 'title', r.title, 'unitName', ou.name)) as j
      from cascade_tasks t join roadmap_items si on si.id = t.source_item_id
        join roadmaps r on r.id = si.roadmap_id join org_units ou on ou.id = r.org_unit_id
        join org_units tu on tu.id = t.org_unit_id left join roadmap_items li on li.id = t.linked_item_id
      where t.org_unit_id = any(${p('units', 'uuid[]')}) and r.status = 'approved')
    select (select count(*)::int from t) as total,
      (select count(*)::int from t where status = 'done') as done,
      (select count(*)::int from t where src_overdue and status <> 'done') as overdue,
      coalesce((select json_agg(j order by due_date, position, id) from (
          select j, due_date, position, id from t where status <> 'done'
          order by due_date, position, id limit ${p('limit', 'int')}) shown), '[]')::text as body) q`,
);

/**
 * Per unit of `kind` under the path prefix: its and its subtree's approved and draft roadmaps, their
 * items, done and overdue items, and the tasks from above addressed to the unit itself. The tasks are
 * read from the unit's own (index on org_unit_id) with the source roadmap's status as a subquery: as a
 * join, a database without statistics started from every item of every roadmap (25 ms for a region).
 */
export const readRollUp = preparedRead(
  'dashboard_roll_up',
  { body: sql<string>`body` },
  sql`(select coalesce(json_agg(json_build_object(
        'unit', json_build_object('id', u.id, 'name', u.name, 'kind', u.kind),
        'roadmaps', a.roadmaps, 'items', a.items, 'done', a.done, 'overdue', a.overdue,
        'tasksDone', tk.done, 'tasksTotal', tk.total)), '[]')::text as body
    from org_units u
      cross join lateral (
        select count(distinct r.id)::int as roadmaps, count(i.id)::int as items,
          count(i.id) filter (where i.status = 'done')::int as done,
          count(i.id) filter (where ${sql.raw(overdue('i', 'r.status'))})::int as overdue
        from roadmaps r join org_units ru on ru.id = r.org_unit_id
          left join roadmap_items i on i.roadmap_id = r.id
        where ru.path like u.path || '%' and r.status in ('approved', 'draft')) a
      cross join lateral (
        select count(*)::int as total, count(*) filter (where ${sql.raw(taskStatus('t'))} = 'done')::int as done
        from cascade_tasks t
        where t.org_unit_id = u.id and (select sr.status from roadmap_items si
          join roadmaps sr on sr.id = si.roadmap_id where si.id = t.source_item_id) = 'approved') tk
    where u.kind = ${p('kind', 'text')} and u.path like ${p('prefix', 'text')}) q`,
);

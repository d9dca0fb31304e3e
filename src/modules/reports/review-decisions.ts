import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { DECISION_STATUSES } from '../../db/schema/values.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { MAX_YEAR, MIN_YEAR } from '../assessment-data/types.js';
import { DECISION_STATUS_LABELS } from '../organisation/meeting-labels.js';

// The registry of управленческие решения (issue 13 §5): the decisions of reviews (meetings of kind
// `review`) the actor reads — he sees the review's holding unit or the decision's responsible unit, the
// rule of every meeting decision — each with its report or monitoring and its protocol. The same rows,
// narrowed to one unit, are the card «Управленческие решения прошлого цикла» on the roadmaps page.

export const reviewDecisionsQuery = z
  .object({
    year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
    status: z.enum(DECISION_STATUSES).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** the responsible unit (and, with `holderToo`, also the reviews held by it) */
    unitId: z.uuid().optional(),
    holderToo: z.enum(['true', 'false']).optional(),
    /** the decisions taken on one monitoring */
    monitoringId: z.uuid().optional(),
  })
  .strict();
export type ReviewDecisionsQuery = z.output<typeof reviewDecisionsQuery>;

const ref = z.object({ id: z.uuid(), title: z.string() });
export const reviewDecisionView = z
  .object({
    id: z.uuid(),
    text: z.string(),
    status: z.enum(DECISION_STATUSES),
    statusLabel: z.string(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    outcome: z.string().nullable(),
    responsible: z.object({ id: z.uuid(), name: z.string() }),
    meeting: z.object({
      id: z.uuid(),
      title: z.string(),
      date: z.string(),
      protocolNumber: z.string().nullable(),
      unitName: z.string(),
    }),
    report: ref.nullable(),
    monitoring: ref.nullable(),
    year: z.number().int(),
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof reviewDecisionView>;

type Row = {
  id: string;
  text: string;
  status: ReviewDecision['status'];
  due_date: string | null;
  outcome: string | null;
  r_id: string;
  r_name: string;
  m_id: string;
  m_title: string;
  m_date: string;
  m_protocol: string | null;
  h_name: string;
  rep_id: string | null;
  rep_title: string | null;
  mon_id: string | null;
  mon_title: string | null;
  year: number;
};

export async function listReviewDecisions(
  db: Db,
  opts: { actor: Actor; query: ReviewDecisionsQuery; today: string },
): Promise<ReviewDecision[]> {
  const q = opts.query;
  const conds: SQL[] = [
    sql`m.kind = 'review'`,
    sql`(${pathReadable(opts.actor, sql`r.path`)} or ${pathReadable(opts.actor, sql`h.path`)})`,
  ];
  if (q.status) conds.push(sql`d.status = ${q.status}`);
  if (q.monitoringId) conds.push(sql`m.monitoring_id = ${q.monitoringId}`);
  if (q.overdue === 'true') conds.push(sql`d.status = 'open' and d.due_date < ${opts.today}`);
  if (q.overdue === 'false')
    conds.push(sql`not (d.status = 'open' and coalesce(d.due_date < ${opts.today}, false))`);
  if (q.unitId)
    conds.push(
      q.holderToo === 'true'
        ? sql`(d.responsible_unit_id = ${q.unitId}::uuid or m.org_unit_id = ${q.unitId}::uuid)`
        : sql`d.responsible_unit_id = ${q.unitId}::uuid`,
    );
  const year = sql`coalesce(ar.year, mo.year, extract(year from m.date)::int)`;
  if (q.year) conds.push(sql`${year} = ${q.year}`);
  const res = (await db.execute(sql`
    select d.id, d.text, d.status, d.due_date::text as due_date, d.outcome,
      r.id as r_id, r.name as r_name, m.id as m_id, m.title as m_title, m.date::text as m_date,
      m.protocol_number as m_protocol, h.name as h_name,
      ar.id as rep_id, ar.title as rep_title, mo.id as mon_id, mo.title as mon_title, ${year} as year
    from meeting_decisions d
      join meetings m on m.id = d.meeting_id
      join org_units r on r.id = d.responsible_unit_id
      join org_units h on h.id = m.org_unit_id
      left join analytic_reports ar on ar.id = m.report_id
      left join monitorings mo on mo.id = m.monitoring_id
    where ${sql.join(conds, sql` and `)}
    order by (d.status = 'open') desc, d.due_date nulls last, m.date desc
    limit 1000`)) as unknown as { rows: Row[] };
  return res.rows.map((r) => ({
    id: r.id,
    text: r.text,
    status: r.status,
    statusLabel: DECISION_STATUS_LABELS[r.status],
    dueDate: r.due_date,
    overdue: r.status === 'open' && r.due_date !== null && r.due_date < opts.today,
    outcome: r.outcome,
    responsible: { id: r.r_id, name: r.r_name },
    meeting: {
      id: r.m_id,
      title: r.m_title,
      date: r.m_date,
      protocolNumber: r.m_protocol,
      unitName: r.h_name,
    },
    report: r.rep_id ? { id: r.rep_id, title: r.rep_title ?? '' } : null,
    monitoring: r.mon_id ? { id: r.mon_id, title: r.mon_title ?? '' } : null,
    year: Number(r.year),
  }));
}

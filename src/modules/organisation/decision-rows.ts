import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetingDecisions, meetings } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { canManageUnit } from '../access/roadmap-rules.js';
import { canKeepMeeting } from './meeting-access.js';
import type { DecisionView } from './meeting-views.js';

// Decisions as the views show them: with the responsible unit's name, overdue (deadline passed, still
// open — the same meaning as a roadmap item's), and what the reader may do with each.

/** A decision is overdue the day after its deadline while it is open. */
export const decisionOverdue = (d: { status: string; dueDate: string | null }, today: string) =>
  d.status === 'open' && d.dueDate !== null && d.dueDate < today;

const selection = {
  decision: meetingDecisions,
  responsible: { id: orgUnits.id, kind: orgUnits.kind, parentId: orgUnits.parentId, path: orgUnits.path },
  responsibleName: orgUnits.name,
  meeting: {
    id: meetings.id,
    kind: meetings.kind,
    schoolId: meetings.schoolId,
    title: meetings.title,
    date: meetings.date,
    orgUnitId: meetings.orgUnitId,
  },
  holder: sql<{
    id: string;
    kind: 'region' | 'municipality' | 'school' | 'institution';
    parentId: string | null;
    path: string;
    name: string;
  }>`(
    select json_build_object('id', h.id, 'kind', h.kind, 'parentId', h.parent_id, 'path', h.path, 'name', h.name)
    from org_units h where h.id = ${meetings.orgUnitId})`,
};

export type DecisionRow = Awaited<ReturnType<typeof selectDecisions>>[number];

export async function selectDecisions(db: Db, where: SQL | undefined) {
  return db
    .select(selection)
    .from(meetingDecisions)
    .innerJoin(orgUnits, eq(orgUnits.id, meetingDecisions.responsibleUnitId))
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .where(where)
    .orderBy(asc(meetings.date), asc(meetingDecisions.position));
}

export function decisionViewOf(actor: Actor, r: DecisionRow, today: string): DecisionView {
  const d = r.decision;
  const open = d.status === 'open';
  return {
    id: d.id,
    meetingId: d.meetingId,
    position: d.position,
    text: d.text,
    responsibleUnitId: d.responsibleUnitId,
    responsibleName: r.responsibleName,
    dueDate: d.dueDate,
    status: d.status,
    outcome: d.outcome,
    doneAt: d.doneAt ? d.doneAt.toISOString() : null,
    overdue: decisionOverdue(d, today),
    canComplete: open && canManageUnit(actor, r.responsible),
    canCancel: open && canKeepMeeting(actor, r.meeting, r.holder),
    version: d.version,
  };
}

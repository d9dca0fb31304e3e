import { and, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetingDecisions } from '../../db/schema/organisation.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { canManageUnit } from '../access/roadmap-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { decisionViewOf, selectDecisions } from './decision-rows.js';
import { canKeepMeeting } from './meeting-access.js';
import { cancelDecisionInput, completeDecisionInput } from './meeting-input.js';
import { MEETING_MSG, ruDay } from './meeting-labels.js';
import type { DecisionTask } from './meeting-views.js';

// A decision of a meeting is a task of its responsible unit (issue 12 §2): the unit's keepers see it in
// «Мои задачи» and mark it done with what was done; the meeting's keeper may cancel it with a reason.
// Overdue as a roadmap item: the deadline has passed and it is still open.

/** SQL: the actor reads the decision — he sees its meeting's holder or its responsible unit. */
function decisionReadable(actor: Actor): SQL {
  return or(
    pathReadable(actor, sql`org_units.path`),
    sql`exists (select 1 from org_units h where h.id = meetings.org_unit_id and ${pathReadable(actor, sql`h.path`)})`,
  ) as SQL;
}

async function loadDecision(db: Db, actor: Actor, decisionId: string) {
  const [row] = await selectDecisions(db, and(eq(meetingDecisions.id, decisionId), decisionReadable(actor)));
  if (!row) throw notFound('Решение заседания');
  return row;
}

async function close(
  db: Db,
  opts: { actor: Actor; decisionId: string; version: number; status: 'done' | 'cancelled'; text: string },
) {
  const r = await loadDecision(db, opts.actor, opts.decisionId);
  const may =
    opts.status === 'done'
      ? canManageUnit(opts.actor, r.responsible)
      : canKeepMeeting(opts.actor, r.meeting, r.holder);
  if (!may)
    throw forbidden(opts.status === 'done' ? MEETING_MSG.notResponsible : MEETING_MSG.notMeetingKeeper);
  if (r.decision.status !== 'open' && r.decision.version === opts.version) throw invalid(MEETING_MSG.notOpen);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetingDecisions)
      .set({
        status: opts.status,
        outcome: opts.text,
        doneAt: new Date(),
        doneBy: opts.actor.userId,
        version: sql`${meetingDecisions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(meetingDecisions.id, r.decision.id),
          eq(meetingDecisions.version, opts.version),
          eq(meetingDecisions.status, 'open'),
        ),
      )
      .returning({ id: meetingDecisions.id });
    if (!row) throw conflict({ version: r.decision.version });
    const target = {
      entityType: 'meeting_decision' as const,
      entityId: r.decision.id,
      orgUnitId: r.decision.responsibleUnitId,
    };
    if (opts.status === 'done')
      await recordEvent(tx, opts.actor, 'meeting_decision.done', target, {
        meetingId: r.meeting.id,
        outcome: opts.text,
      });
    else
      await recordEvent(tx, opts.actor, 'meeting_decision.cancelled', target, {
        meetingId: r.meeting.id,
        reason: opts.text,
      });
  });
}

export async function completeDecision(
  db: Db,
  opts: { actor: Actor; decisionId: string; input: { version: number; outcome: string } },
) {
  const input = parseInput(completeDecisionInput, opts.input);
  await close(db, { ...opts, version: input.version, status: 'done', text: input.outcome });
}

export async function cancelDecision(
  db: Db,
  opts: { actor: Actor; decisionId: string; input: { version: number; reason: string } },
) {
  const input = parseInput(cancelDecisionInput, opts.input);
  await close(db, { ...opts, version: input.version, status: 'cancelled', text: input.reason });
}

/**
 * 'mine': open decisions addressed to the units the actor keeps; 'overdue': open decisions past their
 * deadline that he reads (his own and those of the meetings and units he sees).
 */
export async function listDecisionTasks(
  db: Db,
  opts: { actor: Actor; view: 'mine' | 'overdue'; today: string },
): Promise<DecisionTask[]> {
  const open = eq(meetingDecisions.status, 'open');
  let where: SQL | undefined;
  if (opts.view === 'mine') {
    const units = await managedUnitIds(db, opts.actor);
    if (units.length === 0) return [];
    where = and(open, inArray(meetingDecisions.responsibleUnitId, units));
  } else {
    where = and(
      open,
      isNotNull(meetingDecisions.dueDate),
      lt(meetingDecisions.dueDate, opts.today),
      decisionReadable(opts.actor),
    );
  }
  const rows = await selectDecisions(db, where);
  return rows.map((r) => ({
    ...decisionViewOf(opts.actor, r, opts.today),
    label: MEETING_MSG.decisionTitle(r.meeting.title, ruDay(r.meeting.date)),
    meeting: { id: r.meeting.id, title: r.meeting.title, date: r.meeting.date, unitName: r.holder.name },
  }));
}

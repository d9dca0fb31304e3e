import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  meetingDecisions,
  meetingParticipants,
  meetings,
  workingBodies,
} from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import type { OwnerUnit } from '../access/roadmap-rules.js';
import { assertUnitsNearOwner } from '../access/unit-scope.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { loadMeetingToKeep } from './meeting-access.js';
import { type UpdateMeetingInput, updateMeetingInput } from './meeting-input.js';
import { MEETING_MSG } from './meeting-labels.js';
import { canKeepUnitWork } from './organise-access.js';
import { refreshBoundIndicators } from './refresh-bound.js';

// The meeting's keeper edits its agenda, participants, protocol and decisions in one edit. A decision
// is addressed to a unit near the holder (its subtree, the levels above, their institutions). Closed
// decisions (done, cancelled) are history: they stay whatever the list says.

export async function updateMeeting(
  db: Db,
  opts: { actor: Actor; meetingId: string; input: UpdateMeetingInput },
): Promise<void> {
  const input = parseInput(updateMeetingInput, opts.input);
  const { meeting, unit } = await loadMeetingToKeep(db, opts.actor, opts.meetingId);
  if (input.date && meeting.bodyId) {
    const [body] = await db.select().from(workingBodies).where(eq(workingBodies.id, meeting.bodyId));
    if (body && (input.date < body.activeFrom || (body.activeTo && input.date > body.activeTo)))
      throw invalid(MEETING_MSG.bodyClosed, [{ field: 'date', message: MEETING_MSG.bodyClosed }]);
  }
  const decisions = input.decisions;
  const scopePath = await meetingScopePath(db, opts.actor, meeting, unit);
  if (decisions) {
    await assertUnitsNearOwner(
      db,
      scopePath,
      decisions.map((d) => d.responsibleUnitId),
      'decisions',
    );
  }
  if (input.participants)
    await assertUnitsNearOwner(
      db,
      scopePath,
      input.participants.flatMap((p) => (p.orgUnitId ? [p.orgUnitId] : [])),
      'participants',
    );
  const { version, participants, decisions: _d, ...fields } = input;
  const changes = diff(meeting, fields, ['date', 'title', 'agenda', 'protocolNumber', 'protocol']);
  const touched = [...(participants ? ['participants'] : []), ...(decisions ? ['decisions'] : [])];
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetings)
      .set({ ...fields, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, version)))
      .returning({ id: meetings.id });
    if (!row) throw conflict({ version: meeting.version });
    if (participants) {
      await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meeting.id));
      if (participants.length)
        await tx.insert(meetingParticipants).values(
          participants.map((p) => ({
            meetingId: meeting.id,
            fullName: p.fullName,
            position: p.position ?? null,
            orgUnitId: p.orgUnitId ?? null,
            isMember: p.isMember,
            attended: p.attended,
          })),
        );
    }
    if (decisions) await writeDecisions(tx, meeting.id, decisions);
    await recordEvent(
      tx,
      opts.actor,
      'meeting.updated',
      { entityType: 'meeting', entityId: meeting.id, orgUnitId: unit.id },
      { changes, fields: touched },
    );
    const regionId = regionOfPath(unit.path);
    if (regionId) await refreshBoundIndicators(tx, { regionId });
  });
}

export async function writeDecisions(
  tx: Db,
  meetingId: string,
  decisions: NonNullable<ReturnType<typeof updateMeetingInput.parse>['decisions']>,
) {
  const existing = await tx.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId));
  const byId = new Map(existing.map((d) => [d.id, d]));
  const kept = decisions.flatMap((d) => (d.id ? [d.id] : []));
  const unknown = kept.filter((id) => !byId.has(id));
  if (unknown.length)
    throw invalid('Решение не относится к этому заседанию', [
      { field: 'decisions', message: 'Неизвестное решение' },
    ]);
  // Open decisions left out of the list are withdrawn by the keeper; closed ones are history.
  await tx
    .delete(meetingDecisions)
    .where(
      and(
        eq(meetingDecisions.meetingId, meetingId),
        eq(meetingDecisions.status, 'open'),
        kept.length ? notInArray(meetingDecisions.id, kept) : undefined,
      ),
    );
  let position = 0;
  for (const d of decisions) {
    position++;
    const before = d.id ? byId.get(d.id) : undefined;
    if (before) {
      if (before.status !== 'open') {
        await tx.update(meetingDecisions).set({ position }).where(eq(meetingDecisions.id, before.id));
        continue;
      }
      const same =
        before.text === d.text &&
        before.responsibleUnitId === d.responsibleUnitId &&
        (before.dueDate ?? null) === (d.dueDate ?? null) &&
        before.position === position;
      if (same) continue;
      await tx
        .update(meetingDecisions)
        .set({
          text: d.text,
          responsibleUnitId: d.responsibleUnitId,
          dueDate: d.dueDate ?? null,
          position,
          version: sql`${meetingDecisions.version} + 1`,
          updatedAt: new Date(),
        })
        .where(inArray(meetingDecisions.id, [before.id]));
    } else {
      await tx.insert(meetingDecisions).values({
        meetingId,
        position,
        text: d.text,
        responsibleUnitId: d.responsibleUnitId,
        dueDate: d.dueDate ?? null,
      });
    }
  }
}

/**
 * The units a meeting may name: near its holding unit; for a curator who keeps an interview or a visit
 * only as the school's curator, near the school — his school and the levels above it, no other school.
 */
async function meetingScopePath(
  db: Db,
  actor: Actor,
  meeting: { schoolId: string | null },
  unit: OwnerUnit,
): Promise<string> {
  if (canKeepUnitWork(actor, unit) || !meeting.schoolId) return unit.path;
  const [school] = await db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.id, meeting.schoolId));
  return school?.path ?? unit.path;
}

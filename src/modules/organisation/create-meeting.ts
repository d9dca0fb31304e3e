import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodyMembers, meetingParticipants, meetings } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { assertUnitsNearOwner } from '../access/unit-scope.js';
import { recordEvent } from '../audit/record-event.js';
import { assertKeepsUnit, loadBody, readableUnit, type UnitRef } from './body-access.js';
import { type CreateMeetingInput, createMeetingInput } from './meeting-input.js';
import { MEETING_MSG } from './meeting-labels.js';
import { canKeepUnitWork } from './organise-access.js';
import { refreshBoundIndicators } from './refresh-bound.js';
import { reviewHolder } from './review-holder.js';
import { writeDecisions } from './update-meeting.js';

// A meeting is recorded by its holder: a body's keeper for its body, the school's municipality or
// region (or its curator) for an interview or a visit. The body's members come in as participants,
// ticked present, unless the form sends its own list.

/** The side that holds an interview or a visit of `school`: the nearest unit above it the actor keeps. */
async function holderOf(db: Db, actor: Actor, school: UnitRef): Promise<UnitRef> {
  const above = await db
    .select({
      id: orgUnits.id,
      kind: orgUnits.kind,
      parentId: orgUnits.parentId,
      path: orgUnits.path,
      name: orgUnits.name,
    })
    .from(orgUnits)
    .where(and(sql`${school.path} like ${orgUnits.path} || '%'`, sql`${orgUnits.id} <> ${school.id}`))
    .orderBy(sql`length(${orgUnits.path}) desc`);
  const kept = above.find((u) => canKeepUnitWork(actor, u));
  if (kept) return kept;
  const curator = actor.assignments.some((a) => a.role === 'curator' && a.orgUnitId === school.id);
  const municipality = above.find((u) => u.kind === 'municipality') ?? above[0];
  if (curator && municipality) return municipality;
  throw forbidden(MEETING_MSG.schoolNotHeld);
}

export async function createMeeting(
  db: Db,
  opts: { actor: Actor; input: CreateMeetingInput },
): Promise<string> {
  const input = parseInput(createMeetingInput, opts.input);
  let holder: UnitRef;
  let bodyId: string | null = null;
  let schoolId: string | null = null;
  let participants = input.participants;
  // The units a meeting may name (participants' and decisions' units): near its holder; a curator who
  // holds a visit only as the school's curator names his school and the levels above it, no other school.
  let scopePath: string;
  let review: { reportId: string | null; monitoringId: string | null } = {
    reportId: null,
    monitoringId: null,
  };
  if (input.kind === 'review') {
    // Held by the report's (monitoring's) unit, kept like its body meeting; decided by one of its bodies
    // (bodyId) or by an official (a participant).
    const held = await reviewHolder(db, opts.actor, input);
    assertKeepsUnit(opts.actor, held.unit);
    if (input.bodyId) {
      const { body } = await loadBody(db, opts.actor, input.bodyId);
      if (body.orgUnitId !== held.unit.id)
        throw invalid(MEETING_MSG.reviewBody, [{ field: 'bodyId', message: MEETING_MSG.reviewBody }]);
      bodyId = body.id;
    }
    holder = held.unit;
    scopePath = held.unit.path;
    review = { reportId: held.reportId, monitoringId: held.monitoringId };
  } else if (input.kind === 'body_meeting') {
    if (!input.bodyId)
      throw invalid('Укажите рабочий орган', [{ field: 'bodyId', message: 'Укажите рабочий орган' }]);
    const { body, unit } = await loadBody(db, opts.actor, input.bodyId);
    assertKeepsUnit(opts.actor, unit);
    if (input.date < body.activeFrom || (body.activeTo && input.date > body.activeTo))
      throw invalid(MEETING_MSG.bodyClosed, [{ field: 'date', message: MEETING_MSG.bodyClosed }]);
    holder = unit;
    scopePath = unit.path;
    bodyId = body.id;
    if (!participants) {
      const members = await db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, body.id));
      participants = members.map((m) => ({
        fullName: m.fullName,
        position: m.position,
        orgUnitId: m.orgUnitId,
        isMember: true,
        attended: true,
      }));
    }
  } else {
    if (!input.schoolId)
      throw invalid(MEETING_MSG.schoolNeeded, [{ field: 'schoolId', message: MEETING_MSG.schoolNeeded }]);
    const school = await readableUnit(db, opts.actor, input.schoolId);
    if (school.kind !== 'school')
      throw invalid(MEETING_MSG.schoolNeeded, [{ field: 'schoolId', message: 'Это не школа' }]);
    holder = await holderOf(db, opts.actor, school);
    scopePath = canKeepUnitWork(opts.actor, holder) ? holder.path : school.path;
    schoolId = school.id;
  }
  const list = participants ?? [];
  const decisions = input.kind === 'review' ? (input.decisions ?? []) : [];
  await assertUnitsNearOwner(
    db,
    scopePath,
    decisions.map((d) => d.responsibleUnitId),
    'decisions',
  );
  await assertUnitsNearOwner(
    db,
    scopePath,
    list.flatMap((p) => (p.orgUnitId ? [p.orgUnitId] : [])),
    'participants',
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        kind: input.kind,
        bodyId,
        orgUnitId: holder.id,
        schoolId,
        date: input.date,
        title: input.title,
        agenda: input.agenda ?? null,
        protocolNumber: input.protocolNumber ?? null,
        ...review,
        createdBy: opts.actor.userId,
      })
      .returning({ id: meetings.id });
    if (!row) throw new Error('meeting not inserted');
    if (list.length)
      await tx.insert(meetingParticipants).values(
        list.map((p) => ({
          meetingId: row.id,
          fullName: p.fullName,
          position: p.position ?? null,
          orgUnitId: p.orgUnitId ?? null,
          isMember: p.isMember ?? false,
          attended: p.attended ?? true,
        })),
      );
    if (decisions.length) await writeDecisions(tx, row.id, decisions);
    await recordEvent(
      tx,
      opts.actor,
      'meeting.created',
      { entityType: 'meeting', entityId: row.id, orgUnitId: holder.id },
      { kind: input.kind, title: input.title, date: input.date },
    );
    const regionId = regionOfPath(holder.path);
    if (regionId) await refreshBoundIndicators(tx, { regionId });
    return row.id;
  });
}

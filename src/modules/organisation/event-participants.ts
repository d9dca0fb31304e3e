import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventInvitations, eventParticipants } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { eventTarget, type LoadedEvent, loadEvent, loadEventToKeep, readsPath } from './event-access.js';
import {
  type AttendanceInput,
  attendanceInput,
  type ParticipantInput,
  participantInput,
} from './event-input.js';
import { EVENT_MSG } from './event-labels.js';
import { type EventDetail, eventDetailOf } from './get-event.js';
import { guessCategory } from './guess-category.js';
import { linkParticipantAccounts } from './link-participants.js';
import { refreshBoundIndicators } from './refresh-bound.js';

// Registration and attendance by person (issue 12 §3): the organiser adds persons of any invited unit
// (and marks them attended); a school's team registers its own people for an announced event its school
// is invited to. The category comes from the position (guess-category.ts).

const isTeamOf = (actor: Actor, unitId: string) =>
  actor.assignments.some((a) => a.role === 'school_team' && a.orgUnitId === unitId);

const refresh = (tx: Db, loaded: LoadedEvent) => {
  const regionId = regionOfPath(loaded.organiser.path);
  return regionId ? refreshBoundIndicators(tx, { regionId }) : Promise.resolve(0);
};

export async function addParticipant(
  db: Db,
  opts: { actor: Actor; eventId: string } & ParticipantInput,
): Promise<EventDetail> {
  const { actor, eventId, ...rest } = opts;
  const input = parseInput(participantInput, rest);
  const loaded = await loadEvent(db, actor, eventId);
  const { event, keeps } = loaded;
  const team = isTeamOf(actor, input.orgUnitId);
  if (!keeps && !team) throw forbidden(EVENT_MSG.notSchoolTeam);
  const open = event.status === 'announced' || (keeps && event.status === 'held');
  if (!open) throw invalid(EVENT_MSG.notAnnounced);
  const [invitation] = await db
    .select({ id: eventInvitations.orgUnitId })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.orgUnitId, input.orgUnitId)));
  if (!invitation)
    throw invalid(keeps ? EVENT_MSG.participantUnit : EVENT_MSG.notInvited, [
      { field: 'orgUnitId', message: keeps ? EVENT_MSG.participantUnit : EVENT_MSG.notInvited },
    ]);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventParticipants)
      .values({
        eventId,
        orgUnitId: input.orgUnitId,
        fullName: input.fullName,
        position: input.position || null,
        category: guessCategory(input.position),
        source: keeps ? 'organiser' : 'self',
        // Only the organiser marks attendance.
        attended: keeps ? (input.attended ?? false) : false,
      })
      .returning({ id: eventParticipants.id });
    if (!row) throw new Error('participant not added');
    await linkParticipantAccounts(tx, eventId);
    await recordEvent(tx, actor, 'event.participant_added', eventTarget(event), {
      participantId: row.id,
      orgUnitId: input.orgUnitId,
      source: keeps ? 'organiser' : 'self',
    });
    await refresh(tx, loaded);
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

/** The organiser removes anyone; a school's team its own registrations while the event is announced. */
export async function removeParticipant(
  db: Db,
  opts: { actor: Actor; eventId: string; participantId: string; version: number },
): Promise<EventDetail> {
  const { actor, eventId } = opts;
  const loaded = await loadEvent(db, actor, eventId);
  const [row] = await db
    .select({ p: eventParticipants, unitPath: orgUnits.path })
    .from(eventParticipants)
    .leftJoin(orgUnits, eq(orgUnits.id, eventParticipants.orgUnitId))
    .where(and(eq(eventParticipants.id, opts.participantId), eq(eventParticipants.eventId, eventId)));
  const p = row?.p;
  const team = p?.orgUnitId ? isTeamOf(actor, p.orgUnitId) : false;
  // A participant of a unit the actor does not see does not exist for him (he never sees the name).
  const sees = loaded.organiserSide || (row?.unitPath ? readsPath(actor, row.unitPath) : false);
  if (!p || !sees) throw notFound('Объект');
  if (!loaded.keeps && !(team && p.source === 'self' && loaded.event.status === 'announced'))
    throw forbidden(EVENT_MSG.notOwnParticipant);
  if (p.version !== opts.version) throw conflict({ version: p.version });
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.id, p.id), eq(eventParticipants.version, opts.version)))
      .returning({ id: eventParticipants.id });
    if (!gone.length) throw conflict();
    await recordEvent(tx, actor, 'event.participant_removed', eventTarget(loaded.event), {
      participantId: p.id,
      orgUnitId: p.orgUnitId,
    });
    await refresh(tx, loaded);
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

/** The organiser marks who attended (an announced or held event). */
export async function markAttendance(
  db: Db,
  opts: { actor: Actor; eventId: string } & AttendanceInput,
): Promise<EventDetail> {
  const { actor, eventId, ...rest } = opts;
  const input = parseInput(attendanceInput, rest);
  const loaded = await loadEventToKeep(db, actor, eventId);
  if (loaded.event.status !== 'announced' && loaded.event.status !== 'held')
    throw invalid(EVENT_MSG.attendanceStatus);
  const ids = [...new Set(input.participantIds)];
  if (ids.length) {
    await db.transaction(async (tx) => {
      const rows = await tx
        .update(eventParticipants)
        .set({
          attended: input.attended,
          version: sql`${eventParticipants.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.id, ids)))
        .returning({ id: eventParticipants.id });
      if (rows.length !== ids.length) throw notFound('Объект');
      await recordEvent(tx, actor, 'event.attendance_marked', eventTarget(loaded.event), {
        participants: rows.length,
        attended: input.attended,
      });
      await refresh(tx, loaded);
    });
  }
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

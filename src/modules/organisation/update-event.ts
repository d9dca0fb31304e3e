import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventInvitations, events } from '../../db/schema/organisation.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { checkEventDates } from './create-event.js';
import { eventTarget, loadEvent, loadEventToKeep } from './event-access.js';
import { checkAudienceUnits } from './event-audience.js';
import { type UpdateEventInput, updateEventInput } from './event-input.js';
import { EVENT_MSG } from './event-labels.js';
import { type EventDetail, eventDetailOf } from './get-event.js';
import { refreshBoundIndicators } from './refresh-bound.js';

const FIELDS = [
  'kind',
  'title',
  'startsOn',
  'endsOn',
  'place',
  'program',
  'audienceGroup',
  'audienceNote',
  'coverageTarget',
] as const;

/**
 * Edits a draft or an announced event. A draft's explicit units are replaced (`unitIds`); an announced
 * event's list of invited units is frozen and only extended (`addUnitIds`), its group no longer changes.
 */
export async function updateEvent(
  db: Db,
  opts: { actor: Actor; eventId: string } & UpdateEventInput,
): Promise<EventDetail> {
  const { actor, eventId, ...rest } = opts;
  const input = parseInput(updateEventInput, rest);
  const { event, organiser } = await loadEventToKeep(db, actor, eventId);
  if (event.version !== input.version) throw conflict({ version: event.version });
  if (event.status === 'held' || event.status === 'cancelled') throw invalid(EVENT_MSG.notDraftEdit);
  const announced = event.status === 'announced';
  if (announced && input.audienceGroup !== undefined && input.audienceGroup !== event.audienceGroup) {
    const message = 'Группу приглашённых школ объявленного мероприятия не изменить: добавьте организации';
    throw invalid(message, [{ field: 'audienceGroup', message }]);
  }
  if (announced && input.unitIds !== undefined) {
    const message = 'Список приглашённых объявленного мероприятия только дополняется (addUnitIds)';
    throw invalid(message, [{ field: 'unitIds', message }]);
  }
  const next = {
    kind: input.kind ?? event.kind,
    title: input.title ?? event.title,
    startsOn: input.startsOn ?? event.startsOn,
    endsOn: input.endsOn === undefined ? event.endsOn : input.endsOn,
    place: input.place === undefined ? event.place : input.place || null,
    program: input.program === undefined ? event.program : input.program || null,
    audienceGroup: input.audienceGroup === undefined ? event.audienceGroup : input.audienceGroup,
    audienceNote: input.audienceNote === undefined ? event.audienceNote : input.audienceNote || null,
    coverageTarget: input.coverageTarget === undefined ? event.coverageTarget : input.coverageTarget,
  };
  checkEventDates(next.startsOn, next.endsOn);
  const replace = input.unitIds ? await checkAudienceUnits(db, organiser.governingPath, input.unitIds) : null;
  const add = input.addUnitIds ? await checkAudienceUnits(db, organiser.governingPath, input.addUnitIds) : [];
  await db.transaction(async (tx) => {
    const changes = diff({ ...event }, next, [...FIELDS]);
    const [row] = await tx
      .update(events)
      .set({ ...next, version: event.version + 1, updatedAt: new Date() })
      .where(and(eq(events.id, eventId), eq(events.version, input.version)))
      .returning({ id: events.id });
    if (!row) throw conflict({ version: event.version });
    if (replace) {
      await tx.delete(eventInvitations).where(eq(eventInvitations.eventId, eventId));
      if (replace.length)
        await tx.insert(eventInvitations).values(replace.map((orgUnitId) => ({ eventId, orgUnitId })));
      changes.push({ field: 'unitIds', old: null, new: replace.length });
    }
    if (add.length) {
      const inserted = await tx
        .insert(eventInvitations)
        .values(add.map((orgUnitId) => ({ eventId, orgUnitId })))
        .onConflictDoNothing()
        .returning({ id: eventInvitations.orgUnitId });
      await recordEvent(tx, actor, 'event.invitations_added', eventTarget(event), { units: inserted.length });
    }
    if (changes.length) await recordEvent(tx, actor, 'event.updated', eventTarget(event), { changes });
    // An announced event's invited units are what coverage is a share of.
    const regionId = regionOfPath(organiser.path);
    if (announced && regionId) await refreshBoundIndicators(tx, { regionId });
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

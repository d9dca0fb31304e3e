import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventInvitations, events } from '../../db/schema/organisation.js';
import type { EventStatus } from '../../db/schema/values.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { eventTarget, loadEvent, loadEventToKeep } from './event-access.js';
import { groupSchools } from './event-audience.js';
import { type EventStatusInput, eventStatusInput } from './event-input.js';
import { EVENT_MSG, EVENT_STATUS_LABELS } from './event-labels.js';
import { type EventDetail, eventDetailOf } from './get-event.js';
import { refreshBoundIndicators } from './refresh-bound.js';

/** черновик → объявлено → проведено; черновик или объявленное → отменено. */
const NEXT: Record<EventStatus, EventStatus[]> = {
  draft: ['announced', 'cancelled'],
  announced: ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

/**
 * Moves an event on. Announcing writes the invitations: the schools of the audience group (ШНОР and risk
 * zone by the list in force for the event's school year) join the units named explicitly; the list is
 * frozen from then on and only extended by hand.
 */
export async function setEventStatus(
  db: Db,
  opts: { actor: Actor; eventId: string } & EventStatusInput,
): Promise<EventDetail> {
  const { actor, eventId, ...rest } = opts;
  const input = parseInput(eventStatusInput, rest);
  const { event, organiser } = await loadEventToKeep(db, actor, eventId);
  if (event.version !== input.version) throw conflict({ version: event.version });
  if (!NEXT[event.status].includes(input.status))
    throw invalid(EVENT_MSG.transition(EVENT_STATUS_LABELS[event.status], EVENT_STATUS_LABELS[input.status]));
  const groupIds =
    input.status === 'announced' && event.audienceGroup
      ? await groupSchools(db, {
          governingPath: organiser.governingPath,
          group: event.audienceGroup,
          startsOn: event.startsOn,
        })
      : [];
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(events)
      .set({ status: input.status, version: event.version + 1, updatedAt: new Date() })
      .where(and(eq(events.id, eventId), eq(events.version, input.version)))
      .returning({ id: events.id });
    if (!row) throw conflict({ version: event.version });
    if (groupIds.length)
      await tx
        .insert(eventInvitations)
        .values(groupIds.map((orgUnitId) => ({ eventId, orgUnitId })))
        .onConflictDoNothing();
    const [invited] = await tx
      .select({ n: count() })
      .from(eventInvitations)
      .where(eq(eventInvitations.eventId, eventId));
    if (input.status === 'announced' && !invited?.n) throw invalid(EVENT_MSG.emptyInvitation);
    await recordEvent(tx, actor, 'event.status_changed', eventTarget(event), {
      from: event.status,
      to: input.status,
      invited: invited?.n ?? 0,
    });
    const regionId = regionOfPath(organiser.path);
    if (regionId) await refreshBoundIndicators(tx, { regionId });
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, eventId));
}

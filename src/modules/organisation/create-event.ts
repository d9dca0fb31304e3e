import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { eventInvitations, events } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { eventTarget, loadEvent, type OrganiserUnit } from './event-access.js';
import { checkAudienceUnits } from './event-audience.js';
import { type CreateEventInput, createEventInput } from './event-input.js';
import { EVENT_MSG } from './event-labels.js';
import { type EventDetail, eventDetailOf } from './get-event.js';
import { canKeepUnitWork } from './organise-access.js';

const parent = alias(orgUnits, 'org_parent');

/** The unit that is to organise: seen by the actor (404), kept by him (403). */
export async function organiserFor(db: Db, actor: Actor, unitId: string): Promise<OrganiserUnit> {
  const [row] = await db
    .select({
      id: orgUnits.id,
      kind: orgUnits.kind,
      parentId: orgUnits.parentId,
      path: orgUnits.path,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      parentPath: parent.path,
    })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(and(eq(orgUnits.id, unitId), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Организация');
  const { parentPath, ...unit } = row;
  if (!canKeepUnitWork(actor, unit)) throw forbidden(EVENT_MSG.notKeeper);
  return {
    ...unit,
    governingPath: unit.kind === 'institution' && parentPath ? parentPath : unit.path,
  };
}

export function checkEventDates(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn)
    throw invalid(EVENT_MSG.dates, [{ field: 'endsOn', message: EVENT_MSG.dates }]);
}

/** A draft event of a unit the actor keeps, with its audience (the invitations are final at announcing). */
export async function createEvent(db: Db, opts: { actor: Actor } & CreateEventInput): Promise<EventDetail> {
  const { actor, ...rest } = opts;
  const input = parseInput(createEventInput, rest);
  const organiser = await organiserFor(db, actor, input.organiserUnitId);
  checkEventDates(input.startsOn, input.endsOn);
  const unitIds = await checkAudienceUnits(db, organiser.governingPath, input.unitIds ?? []);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        organiserUnitId: organiser.id,
        kind: input.kind,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        place: input.place || null,
        program: input.program || null,
        audienceGroup: input.audienceGroup ?? null,
        audienceNote: input.audienceNote || null,
        coverageTarget: input.coverageTarget ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: events.id, organiserUnitId: events.organiserUnitId });
    if (!row) throw new Error('event not created');
    // A draft keeps its explicitly named units as invitation rows; announcing adds the group's schools.
    if (unitIds.length)
      await tx.insert(eventInvitations).values(unitIds.map((orgUnitId) => ({ eventId: row.id, orgUnitId })));
    await recordEvent(tx, actor, 'event.created', eventTarget(row), {
      title: input.title,
      kind: input.kind,
      units: unitIds.length,
    });
    return row.id;
  });
  return eventDetailOf(db, actor, await loadEvent(db, actor, id));
}

import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { eventInvitations, events } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathIsAncestorOfActor, pathReadable, readablePrefixes } from '../access/actor.js';
import type { OwnerUnit } from '../access/roadmap-rules.js';
import { EVENT_MSG } from './event-labels.js';
import { canKeepUnitWork } from './organise-access.js';

// Who reads an event and who keeps it (issue 12 §3, DOMAIN §3):
// - those who see its organiser unit read it, drafts included (the organiser side: they see every person);
// - once announced, the users of an invited unit read it, and so does everyone below the organiser in its
//   region (a school reads the region's webinars): an institution's event is its governing unit's;
// - persons: the organiser side sees all, anyone else only the participants of units he sees;
// - the keeper of the organiser unit's work (canKeepUnitWork) changes it.

const organiser = alias(orgUnits, 'ev_org');
const organiserParent = alias(orgUnits, 'ev_org_parent');

/** SQL over `events`: the actor reads the event. */
export function eventVisible(actor: Actor): SQL {
  return or(
    sql`exists (select 1 from ${orgUnits} eo where eo.id = ${events.organiserUnitId} and ${pathReadable(actor, sql`eo.path`)})`,
    and(
      sql`${events.status} <> 'draft'`,
      or(
        sql`exists (select 1 from ${orgUnits} eo left join ${orgUnits} ep on ep.id = eo.parent_id
          where eo.id = ${events.organiserUnitId}
          and ${pathIsAncestorOfActor(actor, sql`(case when eo.kind = 'institution' and ep.path is not null then ep.path else eo.path end)`)})`,
        sql`exists (select 1 from ${eventInvitations} ei join ${orgUnits} iu on iu.id = ei.org_unit_id
          where ei.event_id = ${events.id} and ${pathReadable(actor, sql`iu.path`)})`,
      ),
    ),
  ) as SQL;
}

export type EventRow = typeof events.$inferSelect;
export type OrganiserUnit = OwnerUnit & { name: string; shortName: string | null; governingPath: string };

export type LoadedEvent = {
  event: EventRow;
  organiser: OrganiserUnit;
  /** the actor sees the organiser unit: every participant's name is his to see */
  organiserSide: boolean;
  keeps: boolean;
};

/** Whether the actor's readable subtrees cover the path. */
export const readsPath = (actor: Actor, path: string) =>
  readablePrefixes(actor).some((p) => path.startsWith(p));

/** The event, if the actor reads it; otherwise «not found». */
export async function loadEvent(db: Db, actor: Actor, eventId: string): Promise<LoadedEvent> {
  const [row] = await db
    .select({
      event: events,
      organiser: {
        id: organiser.id,
        kind: organiser.kind,
        parentId: organiser.parentId,
        path: organiser.path,
        name: organiser.name,
        shortName: organiser.shortName,
      },
      parentPath: organiserParent.path,
    })
    .from(events)
    .innerJoin(organiser, eq(organiser.id, events.organiserUnitId))
    .leftJoin(organiserParent, eq(organiserParent.id, organiser.parentId))
    .where(and(eq(events.id, eventId), eventVisible(actor)));
  if (!row) throw notFound('Мероприятие');
  const governingPath =
    row.organiser.kind === 'institution' && row.parentPath ? row.parentPath : row.organiser.path;
  const unit = { ...row.organiser, governingPath };
  return {
    event: row.event,
    organiser: unit,
    organiserSide: readsPath(actor, unit.path),
    keeps: canKeepUnitWork(actor, unit),
  };
}

/** The event for a change by its keeper: 404 unseen, 403 seen but not kept. */
export async function loadEventToKeep(db: Db, actor: Actor, eventId: string): Promise<LoadedEvent> {
  const loaded = await loadEvent(db, actor, eventId);
  if (!loaded.keeps) throw forbidden(EVENT_MSG.notKeeper);
  return loaded;
}

export const eventTarget = (e: { id: string; organiserUnitId: string }) => ({
  entityType: 'event' as const,
  entityId: e.id,
  orgUnitId: e.organiserUnitId,
});

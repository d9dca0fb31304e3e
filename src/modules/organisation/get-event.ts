import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { eventInvitations, eventMaterials, eventParticipants } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { type LoadedEvent, loadEvent, readsPath } from './event-access.js';
import { type InvitedUnit, participation } from './event-participation.js';
import type { eventDetailView } from './event-views.js';
import { eventHistory } from './history.js';

export type EventDetail = z.infer<typeof eventDetailView>;

const parent = alias(orgUnits, 'inv_parent');

/** The invited units with their municipality (a school's parent, or the municipality itself). */
export async function invitedUnits(db: Db, eventId: string) {
  const rows = await db
    .select({
      unitId: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      path: orgUnits.path,
      parentId: parent.id,
      parentName: parent.name,
      parentKind: parent.kind,
    })
    .from(eventInvitations)
    .innerJoin(orgUnits, eq(orgUnits.id, eventInvitations.orgUnitId))
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(eq(eventInvitations.eventId, eventId));
  return rows.map((r) => {
    const own = r.kind === 'municipality';
    const viaParent = r.parentKind === 'municipality';
    return {
      unitId: r.unitId,
      name: r.name,
      kind: r.kind,
      path: r.path,
      municipalityId: own ? r.unitId : viaParent ? r.parentId : null,
      municipality: own ? r.name : viaParent ? r.parentName : null,
    } satisfies InvitedUnit & { path: string };
  });
}

/** Everything the event page shows, cut to what the actor may see (404 if he does not read the event). */
export async function getEvent(db: Db, opts: { actor: Actor; eventId: string }): Promise<EventDetail> {
  const loaded = await loadEvent(db, opts.actor, opts.eventId);
  return eventDetailOf(db, opts.actor, loaded);
}

export async function eventDetailOf(db: Db, actor: Actor, loaded: LoadedEvent): Promise<EventDetail> {
  const { event, organiser, organiserSide, keeps } = loaded;
  const invited = await invitedUnits(db, event.id);
  const people = await db
    .select({
      id: eventParticipants.id,
      orgUnitId: eventParticipants.orgUnitId,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      fullName: eventParticipants.fullName,
      position: eventParticipants.position,
      category: eventParticipants.category,
      source: eventParticipants.source,
      attended: eventParticipants.attended,
      userId: eventParticipants.userId,
      version: eventParticipants.version,
    })
    .from(eventParticipants)
    .leftJoin(orgUnits, eq(orgUnits.id, eventParticipants.orgUnitId))
    .where(eq(eventParticipants.eventId, event.id))
    .orderBy(asc(eventParticipants.createdAt));
  const materials = await db
    .select({
      id: eventMaterials.id,
      name: eventMaterials.name,
      url: eventMaterials.url,
      hasFile: sql<boolean>`${eventMaterials.fileId} is not null`,
    })
    .from(eventMaterials)
    .where(eq(eventMaterials.eventId, event.id))
    .orderBy(asc(eventMaterials.createdAt));

  const sees = (path: string | null) => organiserSide || (path !== null && readsPath(actor, path));
  const ownUnits = new Set(actor.assignments.map((a) => a.orgUnitId));
  const teamOf = new Set(actor.assignments.filter((a) => a.role === 'school_team').map((a) => a.orgUnitId));
  const attendedUnits = new Set(people.filter((p) => p.attended).map((p) => p.orgUnitId));
  const personsOf = (unitId: string) => people.filter((p) => p.orgUnitId === unitId && p.attended).length;
  const shownInvited = invited.filter((u) => sees(u.path));
  const mineRows = people.filter(
    (p) => p.userId === actor.userId || (p.orgUnitId && ownUnits.has(p.orgUnitId)),
  );
  const isInvited = invited.some((u) => ownUnits.has(u.unitId));
  const registerUnits =
    event.status === 'announced' || (keeps && event.status === 'held')
      ? invited.filter((u) => keeps || teamOf.has(u.unitId)).map((u) => ({ id: u.unitId, name: u.name }))
      : [];
  const level =
    organiser.governingPath === organiser.path ? organiser.kind : await governingKind(db, organiser);
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    status: event.status,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    place: event.place,
    level: level === 'municipality' || level === 'school' ? level : 'region',
    organiser: { id: organiser.id, name: organiser.name, kind: organiser.kind },
    audienceGroup: event.audienceGroup,
    audienceNote: event.audienceNote,
    coverageTarget: event.coverageTarget,
    invited: invited.length,
    mine: mineRows.some((p) => p.attended)
      ? 'attended'
      : mineRows.length
        ? 'registered'
        : isInvited
          ? 'invited'
          : null,
    version: event.version,
    program: event.program,
    canKeep: keeps,
    organiserSide,
    registerUnits: registerUnits.sort(byRussian((u) => u.name)),
    invitations: shownInvited
      .map((u) => ({
        unitId: u.unitId,
        name: u.name,
        kind: u.kind,
        municipality: u.kind === 'municipality' ? null : u.municipality,
        tookPart: attendedUnits.has(u.unitId),
        persons: personsOf(u.unitId),
      }))
      .sort(byRussian((u) => `${u.municipality ?? ''}\u0000${u.name}`)),
    otherInvited: invited.length - shownInvited.length,
    participants: people
      .filter((p) => sees(p.unitPath))
      .map((p) => ({
        id: p.id,
        orgUnitId: p.orgUnitId,
        unitName: p.unitName,
        fullName: p.fullName,
        position: p.position,
        category: p.category,
        source: p.source,
        attended: p.attended,
        version: p.version,
        canRemove:
          keeps || (event.status === 'announced' && p.source === 'self' && teamOf.has(p.orgUnitId ?? '')),
      })),
    materials,
    // The organiser's side only: the lines name no participant, but they are the organiser's work.
    history: organiserSide ? await eventHistory(db, event.id) : [],
    participation: participation(
      invited,
      people,
      event.coverageTarget,
      organiserSide && level === 'region',
      event.status === 'held',
    ),
  };
}

async function governingKind(db: Db, organiser: LoadedEvent['organiser']): Promise<string> {
  if (!organiser.parentId) return organiser.kind;
  const [p] = await db
    .select({ kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.id, organiser.parentId));
  return p?.kind ?? organiser.kind;
}

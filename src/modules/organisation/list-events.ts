import { and, asc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { events } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { eventVisible } from './event-access.js';
import type { EventsQuery } from './event-input.js';
import type { eventSummaryView } from './event-views.js';

// The calendar and the own list (issue 12 §3): every event the actor reads, by period, kind and level;
// «мои» — those his units are invited to or he is a participant of, with his place in each.

export type EventSummary = z.infer<typeof eventSummaryView>;
const organiser = alias(orgUnits, 'list_org');
const organiserParent = alias(orgUnits, 'list_org_parent');
const LIMIT = 2000;

export async function listEvents(db: Db, opts: { actor: Actor } & EventsQuery): Promise<EventSummary[]> {
  const { actor } = opts;
  const own = [...new Set(actor.assignments.map((a) => a.orgUnitId))];
  const ownList = own.length
    ? sql.join(
        own.map((id) => sql`${id}::uuid`),
        sql`, `,
      )
    : sql`null::uuid`;
  const invitedMine = sql`exists (select 1 from event_invitations mi where mi.event_id = ${events.id} and mi.org_unit_id in (${ownList}))`;
  // A teacher's registrations are his own (his account, linked by name: link-participants.ts); a
  // school's team or an authority answers for everybody its unit sends.
  const sending = [...new Set(actor.assignments.filter((a) => a.role !== 'teacher').map((a) => a.orgUnitId))];
  const sendingList = sending.length
    ? sql.join(
        sending.map((id) => sql`${id}::uuid`),
        sql`, `,
      )
    : sql`null::uuid`;
  const myParticipants = sql`from event_participants mp where mp.event_id = ${events.id} and (mp.user_id = ${actor.userId}::uuid or mp.org_unit_id in (${sendingList}))`;
  const level = sql<string>`case when ${organiser.kind} = 'institution' then coalesce(${organiserParent.kind}, 'region') else ${organiser.kind} end`;
  const filters: (SQL | undefined)[] = [
    eventVisible(actor),
    // An event lasting into the period is in it.
    opts.from ? gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, opts.from) : undefined,
    opts.to ? lte(events.startsOn, opts.to) : undefined,
    opts.kind ? eq(events.kind, opts.kind) : undefined,
    opts.level ? sql`${level} = ${opts.level}` : undefined,
    opts.mine === 'true'
      ? and(sql`${events.status} <> 'draft'`, or(invitedMine, sql`exists (select 1 ${myParticipants})`))
      : undefined,
  ];
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      status: events.status,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      place: events.place,
      level,
      organiser: { id: organiser.id, name: organiser.name, kind: organiser.kind },
      audienceGroup: events.audienceGroup,
      audienceNote: events.audienceNote,
      coverageTarget: events.coverageTarget,
      invited: sql<number>`(select count(*)::int from event_invitations ci where ci.event_id = ${events.id})`,
      attendedMine: sql<boolean>`exists (select 1 ${myParticipants} and mp.attended)`,
      registeredMine: sql<boolean>`exists (select 1 ${myParticipants})`,
      invitedMine: sql<boolean>`${invitedMine}`,
      version: events.version,
    })
    .from(events)
    .innerJoin(organiser, eq(organiser.id, events.organiserUnitId))
    .leftJoin(organiserParent, eq(organiserParent.id, organiser.parentId))
    .where(and(...filters))
    .orderBy(asc(events.startsOn), asc(events.title))
    .limit(LIMIT);
  return rows.map(({ attendedMine, registeredMine, invitedMine: inv, level: lv, ...r }) => ({
    ...r,
    level: lv === 'municipality' || lv === 'school' ? lv : 'region',
    mine: attendedMine ? 'attended' : registeredMine ? 'registered' : inv ? 'invited' : null,
  }));
}

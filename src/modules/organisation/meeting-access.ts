import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { meetings } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import type { OwnerUnit } from '../access/roadmap-rules.js';
import { MEETING_MSG } from './meeting-labels.js';
import { canKeepUnitWork } from './organise-access.js';

// Who reads a meeting (issue 12 §2):
// - whoever sees its holding unit reads all of it;
// - an interview or a curator's visit is read in full by whoever sees its school too (the school reads
//   what was said about itself) — never by another school;
// - a responsible side of one of its decisions reads the meeting's title and the decisions addressed to
//   the units it sees, not the protocol or the participants (access 'decisions').
// It is kept by the keeper of the holding unit; an interview or a visit also by the school's curator.

const school = alias(orgUnits, 'meeting_school');

/** SQL: the actor reads the whole meeting (its protocol, participants and every decision). */
export function meetingFullyReadable(actor: Actor): SQL {
  return or(
    pathReadable(actor, orgUnits.path),
    and(sql`${meetings.kind} <> 'body_meeting'`, pathReadable(actor, school.path)),
  ) as SQL;
}

/** SQL: one of the meeting's decisions is addressed to a unit the actor sees. */
export function meetingDecisionReadable(actor: Actor): SQL {
  return sql`exists (select 1 from meeting_decisions d join org_units r on r.id = d.responsible_unit_id
    where d.meeting_id = meetings.id and ${pathReadable(actor, sql`r.path`)})`;
}

export type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

export async function loadMeeting(db: Db, actor: Actor, meetingId: string) {
  const full = meetingFullyReadable(actor);
  const [row] = await db
    .select({
      meeting: meetings,
      unit: {
        id: orgUnits.id,
        kind: orgUnits.kind,
        parentId: orgUnits.parentId,
        path: orgUnits.path,
        name: orgUnits.name,
      },
      school: { id: school.id, name: school.name, path: school.path },
      full: sql<boolean>`(${full})`,
    })
    .from(meetings)
    .innerJoin(orgUnits, eq(orgUnits.id, meetings.orgUnitId))
    .leftJoin(school, eq(school.id, meetings.schoolId))
    .where(and(eq(meetings.id, meetingId), or(full, meetingDecisionReadable(actor))));
  if (!row) throw notFound('Заседание');
  return { ...row, full: Boolean(row.full) };
}

export function canKeepMeeting(
  actor: Actor,
  m: { kind: string; schoolId: string | null },
  unit: OwnerUnit,
): boolean {
  if (canKeepUnitWork(actor, unit)) return true;
  return (
    m.kind !== 'body_meeting' &&
    actor.assignments.some((a) => a.role === 'curator' && a.orgUnitId === m.schoolId)
  );
}

/** The meeting the actor keeps: unseen → 404, seen but not his → 403. */
export async function loadMeetingToKeep(db: Db, actor: Actor, meetingId: string) {
  const loaded = await loadMeeting(db, actor, meetingId);
  if (!loaded.full || !canKeepMeeting(actor, loaded.meeting, loaded.unit))
    throw forbidden(MEETING_MSG.notMeetingKeeper);
  return loaded;
}

import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { meetings } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { meetingFullyReadable } from './meeting-access.js';
import type { SchoolMeeting } from './meeting-views.js';

// Interviews with schools' management teams and curators' visits the actor reads in full (issue 12 §2):
// those held by the units he sees and those about his own school — never another school's.

const school = alias(orgUnits, 'meeting_school');

export async function listSchoolMeetings(
  db: Db,
  opts: { actor: Actor; schoolId?: string },
): Promise<SchoolMeeting[]> {
  const rows = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      date: meetings.date,
      title: meetings.title,
      unitName: orgUnits.name,
      schoolId: school.id,
      schoolName: school.name,
      decisions: sql<number>`(select count(*)::int from meeting_decisions d where d.meeting_id = meetings.id)`,
    })
    .from(meetings)
    .innerJoin(orgUnits, eq(orgUnits.id, meetings.orgUnitId))
    .innerJoin(school, eq(school.id, meetings.schoolId))
    .where(
      and(
        ne(meetings.kind, 'body_meeting'),
        meetingFullyReadable(opts.actor),
        opts.schoolId ? eq(meetings.schoolId, opts.schoolId) : undefined,
      ),
    )
    .orderBy(desc(meetings.date))
    .limit(500);
  return rows.map((r) => ({ ...r, kind: r.kind as SchoolMeeting['kind'] }));
}

import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import {
  bodyMembers,
  meetingDecisions,
  meetingParticipants,
  meetings,
  workingBodies,
} from '../../db/schema/organisation.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { decisionViewOf, selectDecisions } from './decision-rows.js';
import { meetingHistory } from './history.js';
import { canKeepMeeting, loadMeeting } from './meeting-access.js';
import type { MeetingDetail } from './meeting-views.js';

// The meeting's page: agenda, participants, protocol, decisions, and the open decisions of the body's
// earlier meetings that this one is to review. A responsible side sees only its decisions.

export async function getMeeting(
  db: Db,
  opts: { actor: Actor; meetingId: string; today: string },
): Promise<MeetingDetail> {
  const { actor, today } = opts;
  const { meeting: m, unit, school, full } = await loadMeeting(db, actor, opts.meetingId);
  const [body] = m.bodyId
    ? await db
        .select({ id: workingBodies.id, name: workingBodies.name })
        .from(workingBodies)
        .where(eq(workingBodies.id, m.bodyId))
    : [];
  const decisions = await selectDecisions(
    db,
    and(eq(meetingDecisions.meetingId, m.id), full ? undefined : pathReadable(actor, sql`org_units.path`)),
  );
  const base = {
    id: m.id,
    kind: m.kind,
    body: body ?? null,
    orgUnitId: unit.id,
    unitName: unit.name,
    school: school?.id ? { id: school.id, name: school.name } : null,
    reportId: m.reportId,
    monitoringId: m.monitoringId,
    date: m.date,
    title: m.title,
    decisions: decisions.map((d) => decisionViewOf(actor, d, today)),
    version: m.version,
  };
  if (!full)
    return {
      ...base,
      access: 'decisions',
      agenda: null,
      protocol: null,
      protocolNumber: m.protocolNumber,
      protocolFile: null,
      chair: null,
      participants: [],
      previousOpen: [],
      canKeep: false,
      history: [],
    };
  const participants = await db
    .select({
      id: meetingParticipants.id,
      fullName: meetingParticipants.fullName,
      position: meetingParticipants.position,
      orgUnitId: meetingParticipants.orgUnitId,
      isMember: meetingParticipants.isMember,
      attended: meetingParticipants.attended,
    })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, m.id))
    .orderBy(sql`${meetingParticipants.isMember} desc`, meetingParticipants.fullName);
  const [chair] = m.bodyId
    ? await db
        .select({ fullName: bodyMembers.fullName })
        .from(bodyMembers)
        .where(and(eq(bodyMembers.bodyId, m.bodyId), eq(bodyMembers.isChair, true)))
    : [];
  const [file] = m.protocolFileId
    ? await db.select({ id: files.id, name: files.name }).from(files).where(eq(files.id, m.protocolFileId))
    : [];
  const previous = m.bodyId
    ? await selectDecisions(
        db,
        and(eq(meetings.bodyId, m.bodyId), lt(meetings.date, m.date), eq(meetingDecisions.status, 'open')),
      )
    : [];
  return {
    ...base,
    access: 'full',
    agenda: m.agenda,
    protocol: m.protocol,
    protocolNumber: m.protocolNumber,
    protocolFile: file ?? null,
    chair: chair?.fullName ?? null,
    participants,
    previousOpen: previous.map((d) => ({
      ...decisionViewOf(actor, d, today),
      meetingTitle: d.meeting.title,
      meetingDate: d.meeting.date,
    })),
    canKeep: canKeepMeeting(actor, m, unit),
    history: await meetingHistory(db, m.id),
  };
}

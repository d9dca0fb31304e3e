import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { meetingDecisions, meetings, workingBodies } from '../../src/db/schema/organisation.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS } from './scope.js';

// Helper «meetings»: the demo's bodies, meetings and decisions the matrix calls endpoints on, and who
// sees and may act on each — written out by hand from the rules (src/modules/organisation/meeting-access.ts).

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

export type MeetingSamples = {
  /** the municipal working group of the municipality of `municipality` and the regional council */
  groupId: string;
  councilId: string;
  /** the group's latest meeting: a protocol file, decisions for the demo school (one overdue) */
  meetingId: string;
  /** the curator's visit to the demo school, with a protocol file */
  visitId: string;
  /** the demo school's open decision of that meeting */
  decisionId: string;
};

export async function meetingSamples(db: Db, schoolId: string): Promise<MeetingSamples> {
  const bodies = await db.select({ id: workingBodies.id, kind: workingBodies.kind }).from(workingBodies);
  const group = bodies.find((b) => b.kind === 'working_group');
  const council = bodies.find((b) => b.kind === 'coordination_council');
  const [meeting] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.bodyId, group?.id ?? ''), isNotNull(meetings.protocolFileId)))
    .orderBy(desc(meetings.date))
    .limit(1);
  const [visit] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(eq(meetings.kind, 'curator_visit'));
  const [decision] = await db
    .select({ id: meetingDecisions.id })
    .from(meetingDecisions)
    .where(
      and(
        eq(meetingDecisions.meetingId, meeting?.id ?? ''),
        eq(meetingDecisions.responsibleUnitId, schoolId),
        eq(meetingDecisions.status, 'open'),
      ),
    )
    .orderBy(asc(meetingDecisions.dueDate))
    .limit(1);
  if (!group || !council || !meeting || !visit || !decision) throw new Error('no demo meetings');
  return {
    groupId: group.id,
    councilId: council.id,
    meetingId: meeting.id,
    visitId: visit.id,
    decisionId: decision.id,
  };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const MUNICIPALITY = UNIT_READERS.ownMunicipality;
/** The group's meeting: the municipality's readers in full, the demo school's side through its decisions. */
const MEETING_READERS = UNIT_READERS.school;

export function meetingCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const m = s.meetings;
  const target = (extra: Partial<Target> = {}): Target => ({ all: s, user, ...extra });
  const today = new Date().toISOString().slice(0, 10);
  switch (rule) {
    case 'body.read':
    case 'body.keep':
      return [
        {
          label: 'group',
          params: { id: m.groupId },
          target: target(),
          sees: MUNICIPALITY,
          may: rule === 'body.read' ? MUNICIPALITY : ['municipality'],
        },
        {
          label: 'council',
          params: { id: m.councilId },
          target: target(),
          sees: UNIT_READERS.region,
          may: rule === 'body.read' ? UNIT_READERS.region : ['region'],
        },
      ];
    case 'meeting.create':
      return [
        {
          label: 'groupMeeting',
          params: {},
          target: target({
            meeting: { kind: 'body_meeting', bodyId: m.groupId, date: today, title: 'Проверка доступа' },
          }),
          sees: MUNICIPALITY,
          may: ['municipality'],
        },
        {
          label: 'schoolVisit',
          params: {},
          target: target({
            meeting: {
              kind: 'curator_visit',
              schoolId: s.units.school.unitId,
              date: today,
              title: 'Проверка доступа',
            },
          }),
          sees: UNIT_READERS.school,
          // The school's municipality or region holds it, or its curator.
          may: ['region', 'municipality', 'curator'],
        },
        {
          // Helper «reports»: a review of the region's issued report is held by the region.
          label: 'reportReview',
          params: {},
          target: target({
            meeting: { kind: 'review', reportId: s.reports.issuedId, date: today, title: 'Проверка доступа' },
          }),
          sees: UNIT_READERS.region,
          may: ['region'],
        },
      ];
    case 'meeting.read':
    case 'meeting.protocol':
    case 'meeting.keep':
      return [
        {
          label: 'groupMeeting',
          params: { id: m.meetingId },
          target: target(),
          sees: MEETING_READERS,
          may:
            rule === 'meeting.read'
              ? MEETING_READERS
              : rule === 'meeting.protocol'
                ? MUNICIPALITY
                : ['municipality'],
        },
        {
          label: 'curatorVisit',
          params: { id: m.visitId },
          target: target(),
          sees: UNIT_READERS.school,
          may: rule === 'meeting.keep' ? ['municipality', 'curator'] : UNIT_READERS.school,
        },
      ];
    case 'decision.complete':
    case 'decision.cancel':
      return [
        {
          label: 'schoolDecision',
          params: { id: m.decisionId },
          target: target(),
          sees: UNIT_READERS.school,
          may: rule === 'decision.complete' ? ['school'] : ['municipality'],
        },
      ];
    default:
      return null;
  }
}

/** What the matrix sends to the meetings' write endpoints: stale versions, so nothing closes. */
export const MEETING_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/working-bodies': (t) => ({
    body: {
      orgUnitId: t.unit?.unitId,
      kind: 'working_group',
      name: 'Проверка доступа',
      activeFrom: '2026-09-01',
    },
  }),
  'PATCH /api/working-bodies/{id}': () => ({ body: { version: STALE, name: 'Проверка доступа' } }),
  'POST /api/meetings': (t) => ({ body: t.meeting }),
  'PATCH /api/meetings/{id}': () => ({ body: { version: STALE, title: 'Проверка доступа' } }),
  'POST /api/meetings/{id}/protocol-file': () => {
    const fd = new FormData();
    fd.append(
      'file',
      new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'протокол.pdf'),
    );
    return { body: fd };
  },
  'POST /api/meeting-decisions/{id}/done': () => ({ body: { version: STALE, outcome: 'Проверка доступа' } }),
  'POST /api/meeting-decisions/{id}/cancel': () => ({ body: { version: STALE, reason: 'Проверка доступа' } }),
};

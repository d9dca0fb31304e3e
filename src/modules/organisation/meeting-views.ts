import { z } from 'zod';
import { BODY_KINDS, DECISION_STATUSES, MEETING_KINDS, PERIODICITIES } from '../../db/schema/values.js';
import { historyLineView } from './history.js';

// Response shapes of bodies, meetings and decisions (helper «meetings»): the routes declare them, the
// operations return them.

const int = z.number().int();
const ref = z.object({ id: z.uuid(), name: z.string() });

export const bodyMemberView = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    position: z.string().nullable(),
    orgUnitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    userId: z.uuid().nullable(),
    isChair: z.boolean(),
  })
  .meta({ id: 'BodyMember' });

export const schedulePeriodView = z
  .object({ from: z.string(), to: z.string(), meetings: int, missed: z.boolean() })
  .meta({ id: 'SchedulePeriod' });

export const bodySummaryView = z
  .object({
    id: z.uuid(),
    orgUnitId: z.uuid(),
    unitName: z.string(),
    kind: z.enum(BODY_KINDS),
    name: z.string(),
    periodicity: z.enum(PERIODICITIES).nullable(),
    activeFrom: z.string(),
    activeTo: z.string().nullable(),
    order: z.object({ id: z.uuid(), number: z.string(), date: z.string() }).nullable(),
    meetings: int,
    lastMeeting: z.string().nullable(),
    missed: int,
    canKeep: z.boolean(),
    version: int,
  })
  .meta({ id: 'WorkingBodySummary' });

export const meetingSummaryView = z
  .object({
    id: z.uuid(),
    kind: z.enum(MEETING_KINDS),
    date: z.string(),
    title: z.string(),
    protocolNumber: z.string().nullable(),
    decisions: int,
    openDecisions: int,
  })
  .meta({ id: 'MeetingSummary' });

export const bodyDetailView = bodySummaryView
  .extend({
    members: z.array(bodyMemberView),
    schedule: z.array(schedulePeriodView),
    meetingList: z.array(meetingSummaryView),
  })
  .meta({ id: 'WorkingBody' });

export const participantView = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    position: z.string().nullable(),
    orgUnitId: z.uuid().nullable(),
    isMember: z.boolean(),
    attended: z.boolean(),
  })
  .meta({ id: 'MeetingParticipant' });

export const decisionView = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    position: int,
    text: z.string(),
    responsibleUnitId: z.uuid(),
    responsibleName: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(DECISION_STATUSES),
    outcome: z.string().nullable(),
    doneAt: z.string().nullable(),
    overdue: z.boolean(),
    canComplete: z.boolean(),
    canCancel: z.boolean(),
    version: int,
  })
  .meta({ id: 'MeetingDecision' });

export const meetingDetailView = z
  .object({
    id: z.uuid(),
    kind: z.enum(MEETING_KINDS),
    body: ref.nullable(),
    orgUnitId: z.uuid(),
    unitName: z.string(),
    school: ref.nullable(),
    /** a review (issue 13 §5): the report or the monitoring it considered */
    reportId: z.uuid().nullable(),
    monitoringId: z.uuid().nullable(),
    date: z.string(),
    title: z.string(),
    /** 'decisions': the reader is a responsible side only — the protocol and the participants are not his */
    access: z.enum(['full', 'decisions']),
    agenda: z.string().nullable(),
    protocol: z.string().nullable(),
    protocolNumber: z.string().nullable(),
    protocolFile: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    chair: z.string().nullable(),
    participants: z.array(participantView),
    decisions: z.array(decisionView),
    /** open decisions of the body's earlier meetings: the meeting reviews their execution */
    previousOpen: z.array(decisionView.extend({ meetingTitle: z.string(), meetingDate: z.string() })),
    canKeep: z.boolean(),
    version: int,
    /** who did what, for full readers (the responsible side of a decision gets none) */
    history: z.array(historyLineView),
  })
  .meta({ id: 'Meeting' });

export const decisionTaskView = decisionView
  .extend({
    label: z.string(),
    meeting: z.object({ id: z.uuid(), title: z.string(), date: z.string(), unitName: z.string() }),
  })
  .meta({ id: 'MeetingDecisionTask' });

export const missedBodyView = z
  .object({
    bodyId: z.uuid(),
    name: z.string(),
    orgUnitId: z.uuid(),
    unitName: z.string(),
    periodicity: z.enum(PERIODICITIES),
    missed: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .meta({ id: 'BodyWithMissedMeetings' });

export const schoolMeetingView = z
  .object({
    id: z.uuid(),
    kind: z.enum(['interview', 'curator_visit']),
    date: z.string(),
    title: z.string(),
    unitName: z.string(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    decisions: int,
  })
  .meta({ id: 'SchoolMeeting' });

export type SchoolMeeting = z.infer<typeof schoolMeetingView>;
export type BodySummary = z.infer<typeof bodySummaryView>;
export type BodyDetail = z.infer<typeof bodyDetailView>;
export type MeetingDetail = z.infer<typeof meetingDetailView>;
export type DecisionView = z.infer<typeof decisionView>;
export type DecisionTask = z.infer<typeof decisionTaskView>;
export type MissedBody = z.infer<typeof missedBodyView>;

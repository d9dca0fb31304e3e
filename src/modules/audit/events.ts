import { z } from 'zod';
import { change, changes, named } from './event-shapes.js';
import { ASSESSMENT_TABLE_EVENT_PAYLOADS } from './events-assessment-tables.js';
import { NOTIFICATION_EVENT_PAYLOADS } from './events-notifications.js';
import { PEOPLE_EVENT_PAYLOADS } from './events-people.js';
import { PRACTICE_EVENT_PAYLOADS } from './events-practices.js';
import { PUBLICATION_EVENT_PAYLOADS } from './events-publication.js';
import { SECURITY_EVENT_PAYLOADS } from './events-security.js';

/** The closed set of history events, each with its payload. The UI renders them (web/shared/history.tsx). */
export const EVENT_PAYLOADS = {
  'roadmap.created': named,
  'roadmap.imported': named.extend({
    fileName: z.string(),
    sections: z.number(),
    items: z.number(),
    /** Saved as an archived record of a past period with its execution marked as imported. */
    archived: z.boolean().optional(),
  }),
  'roadmap.updated': changes,
  'roadmap.status_changed': z.object({
    from: z.string(),
    to: z.string(),
    /** A draft of an ended period kept as an archived record with its execution marked as imported. */
    executionImported: z.boolean().optional(),
  }),
  'roadmap.deleted': named,
  'section.created': named.extend({ number: z.string().nullable() }),
  'section.updated': changes,
  'section.moved': z.object({ from: z.number(), to: z.number() }),
  'section.deleted': named,
  'item.created': z.object({ measure: z.string(), number: z.string().nullable() }),
  'item.updated': changes,
  'item.moved': z.object({
    fromSection: z.string(),
    toSection: z.string(),
    from: z.number(),
    to: z.number(),
  }),
  'item.deleted': z.object({ measure: z.string() }),
  'item.status_changed': z.object({ from: z.string(), to: z.string(), comment: z.string().nullable() }),
  'item.confirmed': z.object({
    decision: z.enum(['confirmed', 'returned']),
    comment: z.string().nullable(),
    /** The files the confirmer had open (absent in events written before it was recorded). */
    seen: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  }),
  'item.evidence_added': z.object({ fileId: z.string(), name: z.string(), kind: z.string().optional() }),
  'item.evidence_removed': z.object({ fileId: z.string(), name: z.string() }),
  'item.comment_added': z.object({ text: z.string() }),
  'task.updated': z.object({ unit: z.string(), changes: z.array(change) }),
  'org_unit.created': z.object({ name: z.string(), kind: z.string() }),
  'org_unit.updated': changes,
  'org_units.imported': z.object({ created: z.number(), updated: z.number() }),
  'user.created': z.object({ login: z.string() }),
  'user.updated': changes,
  'user.password_changed': z.object({ by: z.enum(['self', 'admin']) }),
  'user.logged_in': z.object({
    ip: z.string(),
    /** 'password', 'ldap' or 'oidc:<provider id>' (absent in events written before issue 17). */
    method: z.string().optional(),
  }),
  'user.login_failed': z.object({ login: z.string(), ip: z.string() }),
  'user.logged_out': z.object({}),
  /** `fromDirectory`: the pair was an LDAP group rule's; given by hand, it now stays without the group. */
  'assignment.added': z.object({
    role: z.string(),
    orgUnitId: z.string(),
    fromDirectory: z.literal(true).optional(),
  }),
  /** `fromDirectory`: an LDAP group rule gave it; it comes back at the next sign-in while the rule holds. */
  'assignment.removed': z.object({
    role: z.string(),
    orgUnitId: z.string(),
    fromDirectory: z.literal(true).optional(),
  }),
  'assessment_data.imported': z.object({
    fileName: z.string(),
    years: z.array(z.number()),
    results: z.number(),
  }),
  'methodology.created': z.object({ code: z.string(), version: z.number() }),
  'methodology.made_current': z.object({ code: z.string(), version: z.number() }),
  'identification_run.started': z.object({ year: z.number(), methodologyId: z.string() }),
  'identification_list.created': z.object({
    year: z.number(),
    runId: z.string(),
    kind: z.string().optional(),
  }),
  'identification_list.run_switched': z.object({ from: z.string(), to: z.string() }),
  'identification_list.decision_set': z.object({
    schoolId: z.string(),
    decision: z.enum(['include', 'exclude']),
    reason: z.string(),
  }),
  'identification_list.decision_removed': z.object({
    schoolId: z.string(),
    decision: z.string(),
    reason: z.string(),
  }),
  'identification_list.order_file_attached': z.object({
    orderId: z.string(),
    fileId: z.string(),
    name: z.string(),
  }),
  'identification_list.approved': z.object({
    orderNumber: z.string(),
    orderDate: z.string(),
    orderId: z.string().optional(),
    appendixNo: z.number().optional(),
  }),
  // Questionnaires and risk factors (issue 11 §1, src/modules/risk-profiles).
  'risk_instrument.created': z.object({
    code: z.string(),
    versionNo: z.number(),
    basedOn: z.string().nullable(),
    imported: z.boolean(),
  }),
  'risk_instrument.updated': z.object({
    code: z.string(),
    versionNo: z.number(),
    changes: z.array(z.string()),
  }),
  'risk_instrument.deleted': z.object({ code: z.string(), versionNo: z.number() }),
  'risk_factors.saved': z.object({
    year: z.number(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
  }),
  // ── Helper «programs»: school documents (issue 11 §5).
  'school_document.created': named.extend({
    kind: z.string(),
    factorCode: z.string().nullable(),
    year: z.number(),
  }),
  'school_document.updated': z.object({ versionNo: z.number(), fields: z.array(z.string()) }),
  'school_document.status_changed': z.object({
    from: z.string(),
    to: z.string(),
    comment: z.string().nullable(),
    orderNumber: z.string().optional(),
    orderDate: z.string().optional(),
  }),
  'school_document.version_started': z.object({ versionNo: z.number() }),
  'school_document.comment_added': z.object({ anchor: z.string(), text: z.string() }),
  'school_document.measures_transferred': z.object({
    roadmapId: z.string(),
    roadmapTitle: z.string(),
    items: z.number(),
    roadmapCreated: z.boolean(),
  }),
  'program_template.updated': z.object({ kind: z.string(), factorCode: z.string() }),
  // Expertise (issue 11 §6). Payloads carry ids and numbers, not names: a review's history is shown to
  // both sides of a blind mutual expertise.
  'expertise_criteria.created': z.object({ subject: z.string(), versionNo: z.number(), title: z.string() }),
  'expertise_review.assigned': z.object({
    mode: z.string(),
    reviewerUserId: z.string().nullable(),
    reviewerSchoolId: z.string().nullable(),
  }),
  'expertise_review.reassigned': z.object({ from: z.string().nullable(), to: z.string() }),
  'expertise_review.saved': z.object({ total: z.number().nullable(), conclusion: z.string().nullable() }),
  'expertise_review.submitted': z.object({
    total: z.number(),
    maxTotal: z.number(),
    conclusion: z.string(),
  }),
  'expertise_round.created': z.object({
    year: z.number(),
    seed: z.string(),
    assigned: z.number(),
    unassigned: z.number(),
  }),
  'expertise_sample.created': z.object({
    year: z.number(),
    share: z.number(),
    seed: z.string(),
    population: z.number(),
    selected: z.number(),
  }),
  // Risk profiles and their verification (issue 11 §3–4): helper «profiles».
  'risk_profiles.computed': z.object({ schools: z.number(), responses: z.number() }),
  'risk_verification.visit_recorded': z.object({
    schoolId: z.string(),
    campaignId: z.string(),
    visitDate: z.string(),
    participants: z.string(),
  }),
  'risk_verification.priorities_proposed': z.object({
    schoolId: z.string(),
    campaignId: z.string(),
    factors: z.array(z.string()),
  }),
  'risk_verification.verified': z.object({
    schoolId: z.string(),
    campaignId: z.string(),
    /** the factors whose level the curator changed: computed → verified, with the comment */
    changed: z.array(z.object({ factor: z.string(), from: z.string(), to: z.string(), comment: z.string() })),
    priorities: z.array(z.string()),
  }),
  // Questionnaire campaigns (issue 11 §2). Answers themselves write no event: anonymous ones must not.
  'risk_campaign.created': z.object({ title: z.string(), year: z.number(), schools: z.number() }),
  'risk_campaign.updated': changes,
  'risk_campaign.opened': z.object({ instrumentId: z.string() }),
  'risk_campaign.closed': z.object({ automatic: z.boolean() }),
  'risk_campaign.reminded': z.object({ schoolId: z.string(), school: z.string() }),
  'risk_campaign.links_created': z.object({ schoolId: z.string(), count: z.number() }),
  'risk_campaign.director_answered': z.object({ schoolId: z.string() }),
  // Helper «events»: events of the organisation of the work (issue 12 §3).
  'event.created': z.object({ title: z.string(), kind: z.string(), units: z.number() }),
  'event.updated': changes,
  'event.status_changed': z.object({ from: z.string(), to: z.string(), invited: z.number() }),
  'event.invitations_added': z.object({ units: z.number() }),
  'event.participant_added': z.object({
    participantId: z.string(),
    orgUnitId: z.string().nullable(),
    source: z.string(),
  }),
  'event.participant_removed': z.object({ participantId: z.string(), orgUnitId: z.string().nullable() }),
  'event.attendance_marked': z.object({ participants: z.number(), attended: z.boolean() }),
  'event.participants_imported': z.object({ rows: z.number(), replaced: z.number(), fileName: z.string() }),
  'event.deleted': named,
  'event.material_added': z.object({ materialId: z.string(), name: z.string(), file: z.boolean() }),
  // Helper «meetings» (issue 12 §1–2, §5): working bodies, meetings with their protocols, decisions as tasks.
  'working_body.created': z.object({ name: z.string(), kind: z.string(), members: z.number() }),
  'working_body.updated': changes,
  'meeting.created': z.object({ kind: z.string(), title: z.string(), date: z.string() }),
  'meeting.updated': z.object({ changes: z.array(change), fields: z.array(z.string()) }),
  'meeting.protocol_file_attached': z.object({ fileName: z.string() }),
  'meeting_decision.done': z.object({ meetingId: z.string(), outcome: z.string() }),
  'meeting_decision.cancelled': z.object({ meetingId: z.string(), reason: z.string() }),
  // Helper «people» (issue 12 §1): orders, coordinators, curators, mentor pairs and their agreements.
  'organisation_order.file_attached': z.object({ number: z.string(), fileName: z.string() }),
  'coordinator.appointed': z.object({
    municipalityId: z.string(),
    year: z.number(),
    userId: z.string(),
    orderId: z.string(),
  }),
  'coordinator.removed': z.object({ municipalityId: z.string(), year: z.number(), userId: z.string() }),
  'curator.created': z.object({ userId: z.string(), position: z.string(), newAccount: z.boolean() }),
  'curator.updated': changes,
  'curator.assigned': z.object({
    curatorId: z.string(),
    schoolId: z.string(),
    year: z.number(),
    orderId: z.string(),
    caseload: z.number(),
  }),
  'curator.unassigned': z.object({ curatorId: z.string(), schoolId: z.string(), year: z.number() }),
  'mentor_pair.created': z.object({
    schoolId: z.string(),
    mentorSchoolId: z.string(),
    year: z.number(),
    orderId: z.string(),
    warnings: z.array(z.string()),
  }),
  'mentor_pair.removed': z.object({ schoolId: z.string(), mentorSchoolId: z.string(), year: z.number() }),
  'agreement.created': z.object({ pairId: z.string(), kinds: z.array(z.string()), signedOn: z.string() }),
  'agreement.updated': changes,
  'agreement.deleted': z.object({ pairId: z.string() }),
  // Helper «indicators» (issue 13 §1): a region's own indicators and the targets of indicators.
  'indicator.created': z.object({ code: z.string(), title: z.string(), block: z.string() }),
  'indicator.updated': changes,
  'indicator_target.created': z.object({
    indicatorCode: z.string(),
    level: z.string(),
    orgUnitId: z.string().nullable(),
    year: z.number(),
    target: z.number(),
    warn: z.number(),
  }),
  'indicator_target.updated': changes,
  'indicator_target.deleted': z.object({ indicatorCode: z.string(), level: z.string(), year: z.number() }),
  // Helper «monitoring» (issue 13 §2): monitoring campaigns and the participants' forms.
  'monitoring.created': z.object({ title: z.string(), kind: z.string(), participants: z.number() }),
  'monitoring.updated': z.object({ changes: z.array(change), participants: z.number().optional() }),
  'monitoring.opened': z.object({ participants: z.number(), fields: z.number() }),
  'monitoring.closed': z.object({ notSubmitted: z.number() }),
  'monitoring_response.saved': z.object({ monitoringId: z.string(), answered: z.number() }),
  'monitoring_response.submitted': z.object({ monitoringId: z.string(), answered: z.number() }),
  'monitoring_response.reviewed': z.object({
    monitoringId: z.string(),
    decision: z.enum(['accept', 'return']),
    comment: z.string().nullable(),
  }),
  // Helper «reports» (issue 13 §5): analytic reports and the reviews that take decisions on them.
  'analytic_report.generation_started': z.object({
    template: z.string(),
    year: z.number(),
    title: z.string(),
  }),
  'analytic_report.updated': z.object({
    findings: z.number(),
    recommendations: z.number(),
    added: z.number(),
    removed: z.number(),
  }),
  'analytic_report.issued': z.object({ title: z.string(), docxFileId: z.string(), pdfFileId: z.string() }),
  ...PEOPLE_EVENT_PAYLOADS,
  ...PUBLICATION_EVENT_PAYLOADS,
  ...SECURITY_EVENT_PAYLOADS,
  ...PRACTICE_EVENT_PAYLOADS,
  ...NOTIFICATION_EVENT_PAYLOADS,
  ...ASSESSMENT_TABLE_EVENT_PAYLOADS,
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export type Change = z.infer<typeof change>;

/** Field-by-field difference of two records over the given keys. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: (keyof T)[],
): Change[] {
  const out: Change[] = [];
  for (const k of keys) {
    if (!(k in after)) continue;
    const o = before[k] ?? null;
    const n = after[k] ?? null;
    if (JSON.stringify(o) !== JSON.stringify(n)) out.push({ field: String(k), old: o, new: n });
  }
  return out;
}

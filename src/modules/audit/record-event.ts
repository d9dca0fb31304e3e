import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { Actor, AnyActor } from '../access/actor.js';
import { notifyFromEvents } from '../notifications/from-events.js';
import type { EventPayload, EventType } from './events.js';

export type EventTarget = {
  entityType:
    | 'roadmap'
    | 'section'
    | 'item'
    | 'task'
    | 'org_unit'
    | 'user'
    | 'session'
    | 'assessment_data'
    | 'methodology'
    | 'identification_run'
    | 'identification_list'
    | 'risk_instrument'
    | 'risk_factors'
    | 'school_document'
    | 'program_template'
    | 'expertise_criteria_set'
    | 'expertise_review'
    | 'expertise_round'
    | 'expertise_sample'
    | 'risk_campaign'
    | 'risk_verification'
    // Helper «events»
    | 'event'
    // helper «meetings»
    | 'working_body'
    | 'meeting'
    | 'meeting_decision'
    // Helper «people» (issue 12 §1).
    | 'organisation_order'
    | 'coordinator_appointment'
    | 'curator'
    | 'curator_assignment'
    | 'mentor_pair'
    | 'partnership_agreement'
    // Helper «indicators» (issue 13 §1).
    | 'indicator_definition'
    | 'indicator_target'
    // Helper «monitoring» (issue 13 §2).
    | 'monitoring'
    | 'monitoring_response'
    // Helper «reports» (issue 13 §5).
    | 'analytic_report'
    // Support of people (issue 14): staff, diagnostics, routes, mentoring, courses; pupils at risk.
    | 'staff_member'
    | 'deficit_scale'
    | 'deficit_diagnostic'
    | 'diagnostic_import'
    | 'individual_route'
    | 'route_activity'
    | 'course'
    | 'course_enrolment'
    | 'teacher_mentorship'
    | 'pupil_record'
    // Openness and attention (issue 15): publications, the bank of practices, notifications.
    | 'publication'
    | 'practice'
    | 'notification_settings'
    | 'escalation_rule'
    // Assessment tables of any layout (issue 16 §1): saved mappings.
    | 'assessment_table_template'
    | 'school_name_confirmation'
    // The audit log itself (issue 17 §7): its exports.
    | 'audit_log';
  entityId: string;
  roadmapId?: string | null;
  itemId?: string | null;
  orgUnitId?: string | null;
};

/**
 * Who an event is by: an actor, the system, a user known only by id and name (the moment of signing in),
 * or nobody (a failed sign-in by an unknown login).
 */
export type AuditAuthor = AnyActor | Pick<Actor, 'userId' | 'fullName'> | null;

/** Writes one history event; call it inside the mutation's transaction so both land or neither. */
export async function recordEvent<T extends EventType>(
  db: Db,
  actor: AuditAuthor,
  type: T,
  target: EventTarget,
  payload: EventPayload<T>,
): Promise<void> {
  await recordEvents(db, actor, type, [{ target, payload }]);
}

/** Events of one type by one author (an operation on several rows), in one insert. */
export async function recordEvents<T extends EventType>(
  db: Db,
  actor: AuditAuthor,
  type: T,
  events: { target: EventTarget; payload: EventPayload<T> }[],
): Promise<void> {
  if (events.length === 0) return;
  const actorId = actor === null || !('userId' in actor) ? null : actor.userId;
  await db.insert(auditEvents).values(
    events.map(({ target, payload }) => ({
      actorId,
      actorName: actor?.fullName ?? null,
      type,
      entityType: target.entityType,
      entityId: target.entityId,
      roadmapId: target.roadmapId ?? null,
      itemId: target.itemId ?? null,
      orgUnitId: target.orgUnitId ?? null,
      payload,
    })),
  );
  // Notifications that follow from these events, in the same transaction (issue 15 §3).
  await notifyFromEvents(db, actor, type, events);
}

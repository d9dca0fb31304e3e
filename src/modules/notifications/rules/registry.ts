import { campaignOpened, listApproved, monitoringOpened } from './campaigns-lists.js';
import {
  activityStatusChanged,
  documentStatusChanged,
  reviewAssignedRule,
  reviewReassignedRule,
} from './people-documents.js';
import {
  objectPublished,
  practicePublished,
  practiceReviewed,
  practiceSubmitted,
} from './practices-publication.js';
import { itemConfirmed, itemStatusChanged } from './roadmap-items.js';
import type { EventRules } from './types.js';

/**
 * Which history events notify whom (issue 15 §3): one rule per event type; every other type notifies
 * nobody. The due-soon, overdue and escalation notices come from the daily sweep, not from here.
 */
export const EVENT_RULES: EventRules = {
  'item.status_changed': itemStatusChanged,
  'item.confirmed': itemConfirmed,
  'route_activity.status_changed': activityStatusChanged,
  'school_document.status_changed': documentStatusChanged,
  'expertise_review.assigned': reviewAssignedRule,
  'expertise_review.reassigned': reviewReassignedRule,
  'risk_campaign.opened': campaignOpened,
  'monitoring.opened': monitoringOpened,
  'identification_list.approved': listApproved,
  'practice.submitted': practiceSubmitted,
  'practice.reviewed': practiceReviewed,
  'practice.published': practicePublished,
  'publication.published': objectPublished,
};

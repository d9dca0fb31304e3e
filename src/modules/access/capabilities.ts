import type { Role } from '../../db/schema/auth.js';
import { riskReferenceRegions } from '../risk-profiles/instrument-access.js';
import type { Actor } from './actor.js';
import { isRegionLevel } from './region-level.js';
import { ROADMAP_KEEPER_ROLES } from './roadmap-rules.js';

// What a user can do and where he can have data, for the menu and the start page: a teacher is not
// shown «Мои задачи» or «Ждут подтверждения», which no rule ever fills for him. Derived from the same
// rules the server applies (canManageUnit, canConfirmUnit, the cascade, identification-access), and
// only a convenience: every endpoint still checks access itself, so hiding an item protects nothing.

export type Capabilities = {
  /** Keeps some unit's roadmaps: creates, imports, marks execution (canManageUnit). */
  keepsRoadmaps: boolean;
  /** Receives measures of the level above as tasks: a municipality or a school (cascade.ts). */
  receivesTasks: boolean;
  /** Confirms execution of a level below (canConfirmUnit). */
  confirms: boolean;
  /** Follows execution across units: overdue measures and the coming deadlines. */
  monitors: boolean;
  /** 'region': data, methodology, runs and every list; 'approved': approved lists of his schools. */
  identification: 'region' | 'approved' | null;
  admin: boolean;
  /** «Анкеты и факторы риска»: the regional operator and the admin edit, region-level roles and municipalities read. */
  riskReference: 'edit' | 'read' | null;
  /** Works with school documents (helper «programs»): the school's team, its curator, the levels above, experts. */
  programs: boolean;
  /** Expertise: the region level sees the region and the summary; a municipal coordinator his schools' documents. */
  expertiseOrganizer: 'region' | 'municipality' | null;
  /** Fills reviews he is named for: experts, the regional centre, school teams (mutual expertise). */
  expertiseReviewer: boolean;
  /** Risk profiles: 'map' — the heat map of the schools he sees; 'school' — his school's profile. */
  riskProfiles: 'map' | 'school' | null;
  /** Questionnaire campaigns: 'owner' runs them (region operator, municipal coordinator), 'reader' follows them. */
  campaigns: 'owner' | 'reader' | null;
  /** «Организация работы» (issue 12): 'keep' appoints curators and mentors of his schools; 'read' sees them. */
  organisation: 'keep' | 'read' | null;
  /** «Охват и пробелы»: the coverage of the units below and what is missing (region and municipality levels). */
  coverage: boolean;
  /** Indicators, positive change, the effect of support (issue 13): the widest level he analyses. */
  analysis: 'region' | 'municipality' | 'school' | null;
  /** Monitoring campaigns: 'owner' runs them and reviews forms, 'participant' fills his unit's forms, 'reader' follows. */
  monitorings: 'owner' | 'participant' | 'reader' | null;
  /** Analytic reports and the registry of управленческие решения: 'keep' generates and issues, 'read' reads. */
  reports: 'keep' | 'read' | null;
  /**
   * Support of teachers (issue 14 §1, access/people-rules.ts): 'school' keeps its staff, routes and
   * mentoring; 'region' and 'municipality' run diagnostics and courses and read the schools below;
   * 'read' follows (curator, admin); 'self' is a teacher with his own record and route.
   */
  people: 'school' | 'municipality' | 'region' | 'read' | 'self' | null;
  /** Pupils at risk (access/pupil-rules.ts): 'registry' keeps the school's registry, 'teacher' sees his pupils, 'summary' counts only. */
  pupils: 'registry' | 'teacher' | 'summary' | null;
  /** Publishes his unit's approved roadmaps, documents, reports and lists on its public page (issue 15 §1). */
  publishes: boolean;
  /** The bank of practices: 'review' reviews and publishes (and submits its own), 'submit' submits, 'read' reads. */
  practices: 'review' | 'submit' | 'read';
  /** «Эскалации»: overdue work of the units below reported up to him (curator, municipality, region). */
  escalations: boolean;
  /** «Журнал аудита» (issue 17 §7): the administrator and the security officer read their region's log. */
  audit: boolean;
  /**
   * Takes part in the work (any role but the security officer's): false hides the menu of the work and
   * the start page, which hold nothing for a reader of the audit log alone.
   */
  participant: boolean;
};

const has = (actor: Actor, roles: readonly Role[]) => actor.assignments.some((a) => roles.includes(a.role));

export function capabilitiesOf(actor: Actor): Capabilities {
  const keepsRoadmaps = has(actor, ROADMAP_KEEPER_ROLES);
  const receivesTasks = actor.assignments.some(
    (a) =>
      (a.role === 'municipal_coordinator' && a.unitKind === 'municipality') ||
      (a.role === 'school_team' && a.unitKind === 'school'),
  );
  const confirms = has(actor, ['curator', 'municipal_coordinator', 'regional_operator']);
  const admin = has(actor, ['admin']);
  // Region-level readers of identification (identification-access.ts); the municipality, the curator
  // and the school see the approved lists that concern their schools. The teacher and an expert
  // outside the region level have no list that concerns them.
  const regionReader = actor.assignments.some(
    (a) => ['admin', 'regional_operator', 'regional_center', 'expert'].includes(a.role) && isRegionLevel(a),
  );
  const listReader = has(actor, ['municipal_coordinator', 'curator', 'school_team']);
  return {
    keepsRoadmaps,
    receivesTasks,
    confirms,
    monitors: keepsRoadmaps || confirms || admin,
    identification: regionReader ? 'region' : listReader ? 'approved' : null,
    admin,
    riskReference: riskReferenceRegions(actor, 'write').length
      ? 'edit'
      : riskReferenceRegions(actor, 'read').length
        ? 'read'
        : null,
    programs: has(actor, [
      'school_team',
      'curator',
      'municipal_coordinator',
      'regional_operator',
      'regional_center',
      'expert',
      'admin',
    ]),
    expertiseOrganizer: regionReader
      ? 'region'
      : has(actor, ['municipal_coordinator'])
        ? 'municipality'
        : null,
    expertiseReviewer: has(actor, ['expert', 'regional_center', 'school_team']),
    riskProfiles: has(actor, [
      'admin',
      'regional_operator',
      'regional_center',
      'expert',
      'municipal_coordinator',
      'curator',
    ])
      ? 'map'
      : has(actor, ['school_team', 'teacher'])
        ? 'school'
        : null,
    // The rule of risk-campaigns/campaign-access.ts: a teacher answers by a link and follows nothing.
    campaigns: has(actor, ['regional_operator', 'municipal_coordinator'])
      ? 'owner'
      : has(actor, ['admin', 'regional_center', 'expert', 'curator', 'school_team'])
        ? 'reader'
        : null,
    organisation: has(actor, ['regional_operator', 'municipal_coordinator'])
      ? 'keep'
      : has(actor, ['admin', 'regional_center', 'expert', 'curator', 'school_team'])
        ? 'read'
        : null,
    coverage: has(actor, ['admin', 'regional_operator', 'regional_center', 'municipal_coordinator']),
    analysis: regionReader
      ? 'region'
      : has(actor, ['municipal_coordinator', 'curator'])
        ? 'municipality'
        : has(actor, ['school_team'])
          ? 'school'
          : null,
    monitorings: has(actor, ['regional_operator', 'municipal_coordinator'])
      ? 'owner'
      : has(actor, ['school_team'])
        ? 'participant'
        : has(actor, ['admin', 'regional_center', 'curator'])
          ? 'reader'
          : null,
    reports: has(actor, ['regional_operator', 'municipal_coordinator'])
      ? 'keep'
      : has(actor, ['admin', 'regional_center', 'expert', 'curator'])
        ? 'read'
        : null,
    people: has(actor, ['school_team'])
      ? 'school'
      : has(actor, ['regional_center', 'regional_operator'])
        ? 'region'
        : has(actor, ['municipal_coordinator'])
          ? 'municipality'
          : has(actor, ['curator', 'admin'])
            ? 'read'
            : has(actor, ['teacher'])
              ? 'self'
              : null,
    pupils: has(actor, ['school_team'])
      ? 'registry'
      : has(actor, ['regional_operator', 'regional_center', 'municipal_coordinator', 'curator', 'admin'])
        ? 'summary'
        : has(actor, ['teacher'])
          ? 'teacher'
          : null,
    publishes: keepsRoadmaps,
    practices: has(actor, ['regional_operator', 'regional_center', 'municipal_coordinator'])
      ? 'review'
      : has(actor, ['school_team'])
        ? 'submit'
        : 'read',
    escalations: has(actor, [
      'regional_operator',
      'regional_center',
      'municipal_coordinator',
      'curator',
      'admin',
    ]),
    audit: has(actor, ['admin', 'security_officer']),
    participant: actor.assignments.some((a) => a.role !== 'security_officer'),
  };
}

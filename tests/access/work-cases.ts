import { type Case, caseKit } from './case-kit.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import {
  CAMPAIGN_OWNERS,
  CAMPAIGN_READERS,
  EVENT_RIGHTS,
  type Login,
  PARTICIPANTS,
  REGION_LEVEL,
  SCHOOL_ORGANISERS,
  UNIT_READERS,
} from './scope.js';

// The matrix's cases for risk profiles, questionnaire campaigns, events and the organisation of the work
// (orders, coordinators, curators, agreements, mentor pairs).

export function workCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const { all, byUnit } = caseKit(s, user);
  switch (rule) {
    // Risk profiles: every login sees a school of the demo's campaign; verification is per school.
    case 'risk-campaign.read':
    case 'risk-campaign.compute':
      return [
        {
          label: 'riskCampaign',
          params: { id: s.riskCampaignId },
          target: { all, user },
          sees: PARTICIPANTS,
          may: rule === 'risk-campaign.read' ? PARTICIPANTS : ['region'],
        },
      ];
    case 'risk-verification.keep':
    case 'risk-priorities.keep': {
      const may: Record<'school' | 'school2', Login[]> =
        rule === 'risk-verification.keep'
          ? { school: ['curator'], school2: [] }
          : { school: ['curator', 'school'], school2: ['school2'] };
      return (['school', 'school2'] as const).map((u) => ({
        label: u,
        params: { id: s.riskCampaignId, schoolId: s.units[u].unitId },
        target: { unit: s.units[u], all, user },
        sees: UNIT_READERS[u],
        may: may[u],
      }));
    }
    // Questionnaire campaigns (issue 11 §2).
    case 'campaign.create':
    case 'monitoring.create':
      return byUnit(
        () => ({}),
        (u) => UNIT_READERS[u],
        (u) => CAMPAIGN_OWNERS[u],
      );
    case 'campaign.read':
    case 'campaign.keep':
    case 'campaign.school':
      return [
        {
          label: 'openCampaign',
          params: { id: s.campaign.id, schoolId: s.campaign.schoolId },
          target: { all, user },
          sees: CAMPAIGN_READERS,
          may:
            rule === 'campaign.read'
              ? CAMPAIGN_READERS
              : rule === 'campaign.keep'
                ? ['municipality']
                : ['school'],
        },
      ];
    // Helper «events»: the demo's upcoming regional webinar and municipal seminar.
    case 'event.read':
    case 'event.keep': {
      const read = rule === 'event.read';
      return [
        {
          label: 'regionalEvent',
          params: { id: s.events.regionalId, materialId: s.events.regionalMaterialId },
          target: { all, user },
          sees: EVENT_RIGHTS.regional.sees,
          may: read ? EVENT_RIGHTS.regional.sees : EVENT_RIGHTS.regional.keep,
        },
        {
          label: 'municipalEvent',
          params: { id: s.events.municipalId },
          target: { all, user },
          sees: EVENT_RIGHTS.municipal.sees,
          may: read ? EVENT_RIGHTS.municipal.sees : EVENT_RIGHTS.municipal.keep,
        },
      ];
    }
    case 'event.register':
      return [
        {
          label: 'municipalEvent',
          params: { id: s.events.municipalId, participantId: s.events.participantId },
          target: { all, user },
          sees: EVENT_RIGHTS.municipal.sees,
          may: EVENT_RIGHTS.municipal.register,
        },
      ];
    // Helper «people» (issue 12 §1): the demo's order, coordinator, curator, assignments, pairs, agreements.
    case 'organisation-order.read':
    case 'organisation-order.keep':
      return [
        {
          label: 'regionOrder',
          params: { id: s.people.orderId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: rule === 'organisation-order.read' ? REGION_LEVEL : ['region'],
        },
      ];
    case 'coordinator.keep':
      return [
        {
          label: 'coordinator',
          params: { id: s.people.coordinatorId },
          target: { all, user },
          sees: UNIT_READERS.ownMunicipality,
          may: ['region'],
        },
      ];
    case 'curator.keep':
      return [
        {
          label: 'curator',
          params: { id: s.people.curatorId },
          target: { all, user },
          sees: UNIT_READERS.school,
          may: ['region', 'municipality'],
        },
      ];
    case 'agreement.read':
      return (['school', 'school2'] as const).map((u) => ({
        label: u,
        params: { id: s.people[u].agreementId },
        target: { unit: s.units[u], all, user },
        sees: UNIT_READERS[u],
        may: UNIT_READERS[u],
      }));
    case 'school.organise':
    case 'curator-assignment.organise':
    case 'mentor-pair.organise':
    case 'agreement.organise':
      return (['school', 'school2'] as const).map((u) => {
        const p = s.people[u];
        const id =
          rule === 'curator-assignment.organise'
            ? p.assignmentId
            : rule === 'mentor-pair.organise'
              ? p.pairId
              : rule === 'agreement.organise'
                ? p.agreementId
                : '';
        return {
          label: u,
          params: (id ? { id } : {}) as Record<string, string>,
          target: { unit: s.units[u], all, user },
          sees: UNIT_READERS[u],
          may: SCHOOL_ORGANISERS[u],
        };
      });
    default:
      return null;
  }
}

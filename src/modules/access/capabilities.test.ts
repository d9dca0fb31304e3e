import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema/auth.js';
import type { OrgKind } from '../../db/schema/orgs.js';
import type { Actor } from './actor.js';
import { capabilitiesOf } from './capabilities.js';

// The menu of each role (issue 10, part 5) follows the server's own rules; these are the roles of the
// demo on a region R → municipality M → school S, with the institution I (an ИРО) under the region.
const UNITS: Record<string, { kind: OrgKind; path: string; governing: string; governingPath: string }> = {
  R: { kind: 'region', path: '/R/', governing: 'R', governingPath: '/R/' },
  I: { kind: 'institution', path: '/R/I/', governing: 'R', governingPath: '/R/' },
  M: { kind: 'municipality', path: '/R/M/', governing: 'M', governingPath: '/R/M/' },
  S: { kind: 'school', path: '/R/M/S/', governing: 'S', governingPath: '/R/M/S/' },
};

const actor = (role: Role, unit: keyof typeof UNITS): Actor => {
  const u = UNITS[unit];
  if (!u) throw new Error(unit);
  return {
    kind: 'user',
    userId: 'u',
    login: role,
    fullName: role,
    assignments: [
      {
        role,
        orgUnitId: unit,
        unitName: unit,
        unitKind: u.kind,
        unitPath: u.path,
        governingId: u.governing,
        governingPath: u.governingPath,
      },
    ],
  };
};

describe('capabilities of each role', () => {
  it.each([
    [
      'admin',
      'R',
      {
        keepsRoadmaps: false,
        receivesTasks: false,
        confirms: false,
        monitors: true,
        identification: 'region',
        admin: true,
        riskReference: 'edit',
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'regional_operator',
      'R',
      {
        keepsRoadmaps: true,
        receivesTasks: false,
        confirms: true,
        monitors: true,
        identification: 'region',
        admin: false,
        riskReference: 'edit',
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'regional_center',
      'I',
      {
        keepsRoadmaps: true,
        receivesTasks: false,
        confirms: false,
        monitors: true,
        identification: 'region',
        admin: false,
        riskReference: 'read',
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'municipal_coordinator',
      'M',
      {
        keepsRoadmaps: true,
        receivesTasks: true,
        confirms: true,
        monitors: true,
        identification: 'approved',
        admin: false,
        riskReference: 'read',
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'curator',
      'S',
      {
        keepsRoadmaps: false,
        receivesTasks: false,
        confirms: true,
        monitors: true,
        identification: 'approved',
        admin: false,
        riskReference: null,
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'school_team',
      'S',
      {
        keepsRoadmaps: true,
        receivesTasks: true,
        confirms: false,
        monitors: true,
        identification: 'approved',
        admin: false,
        riskReference: null,
        programs: true,
        riskProfiles: 'school',
      },
    ],
    [
      'expert',
      'R',
      {
        keepsRoadmaps: false,
        receivesTasks: false,
        confirms: false,
        monitors: false,
        identification: 'region',
        admin: false,
        riskReference: 'read',
        programs: true,
        riskProfiles: 'map',
      },
    ],
    [
      'teacher',
      'S',
      {
        keepsRoadmaps: false,
        receivesTasks: false,
        confirms: false,
        monitors: false,
        identification: null,
        admin: false,
        riskReference: null,
        programs: false,
        riskProfiles: 'school',
      },
    ],
  ] as const)('%s of %s', (role, unit, expected) => {
    const {
      campaigns: _,
      organisation: _o,
      coverage: _c,
      analysis: _a,
      monitorings: _m,
      reports: _r,
      people: _p,
      pupils: _u,
      publishes: _pb,
      practices: _pr,
      escalations: _e,
      audit: _au,
      participant: _pa,
      ...rest
    } = capabilitiesOf(actor(role, unit));
    expect(rest).toEqual({ ...expected, ...EXPERTISE_CAPS[role] });
  });

  it.each([
    ['regional_operator', 'R', 'owner'],
    ['municipal_coordinator', 'M', 'owner'],
    ['curator', 'S', 'reader'],
    ['school_team', 'S', 'reader'],
    ['teacher', 'S', null],
  ] as const)('campaigns: %s of %s', (role, unit, expected) => {
    expect(capabilitiesOf(actor(role, unit)).campaigns).toBe(expected);
  });

  // «Организация работы» is kept by those who appoint curators and mentors; «Охват и пробелы» is for
  // the levels that govern schools; a teacher has neither.
  it.each([
    ['admin', 'R', 'read', true],
    ['regional_operator', 'R', 'keep', true],
    ['regional_center', 'I', 'read', true],
    ['municipal_coordinator', 'M', 'keep', true],
    ['curator', 'S', 'read', false],
    ['school_team', 'S', 'read', false],
    ['expert', 'R', 'read', false],
    ['teacher', 'S', null, false],
  ] as const)('organisation: %s of %s', (role, unit, organisation, coverage) => {
    const caps = capabilitiesOf(actor(role, unit));
    expect({ organisation: caps.organisation, coverage: caps.coverage }).toEqual({ organisation, coverage });
  });

  // Monitoring and analysis (issue 13): the region level analyses the region, a municipality and a
  // curator their schools, a school itself; those who run campaigns run monitorings and issue reports.
  it.each([
    ['admin', 'R', 'region', 'reader', 'read'],
    ['regional_operator', 'R', 'region', 'owner', 'keep'],
    ['regional_center', 'I', 'region', 'reader', 'read'],
    ['municipal_coordinator', 'M', 'municipality', 'owner', 'keep'],
    ['curator', 'S', 'municipality', 'reader', 'read'],
    ['school_team', 'S', 'school', 'participant', null],
    ['expert', 'R', 'region', null, 'read'],
    ['teacher', 'S', null, null, null],
  ] as const)('analysis: %s of %s', (role, unit, analysis, monitorings, reports) => {
    const caps = capabilitiesOf(actor(role, unit));
    expect({ analysis: caps.analysis, monitorings: caps.monitorings, reports: caps.reports }).toEqual({
      analysis,
      monitorings,
      reports,
    });
  });

  // Support of people (issue 14, access/people-rules.ts and pupil-rules.ts): pupils' identities only in
  // the school; an expert has nothing of teachers or pupils.
  it.each([
    ['admin', 'R', 'read', 'summary'],
    ['regional_operator', 'R', 'region', 'summary'],
    ['regional_center', 'I', 'region', 'summary'],
    ['municipal_coordinator', 'M', 'municipality', 'summary'],
    ['curator', 'S', 'read', 'summary'],
    ['school_team', 'S', 'school', 'registry'],
    ['expert', 'R', null, null],
    ['teacher', 'S', 'self', 'teacher'],
  ] as const)('people: %s of %s', (role, unit, people, pupils) => {
    const caps = capabilitiesOf(actor(role, unit));
    expect({ people: caps.people, pupils: caps.pupils }).toEqual({ people, pupils });
  });

  // Openness and attention (issue 15): those who keep a unit publish it; the levels above a school review
  // practices; everyone above a school's own work sees its escalations.
  it.each([
    ['admin', 'R', false, 'read', true],
    ['regional_operator', 'R', true, 'review', true],
    ['regional_center', 'I', true, 'review', true],
    ['municipal_coordinator', 'M', true, 'review', true],
    ['curator', 'S', false, 'read', true],
    ['school_team', 'S', true, 'submit', false],
    ['expert', 'R', false, 'read', false],
    ['teacher', 'S', false, 'read', false],
  ] as const)('openness: %s of %s', (role, unit, publishes, practices, escalations) => {
    const caps = capabilitiesOf(actor(role, unit));
    expect({ publishes: caps.publishes, practices: caps.practices, escalations: caps.escalations }).toEqual({
      publishes,
      practices,
      escalations,
    });
  });

  it('an expert of a municipality is not a reader of the region', () => {
    expect(capabilitiesOf(actor('expert', 'M')).identification).toBeNull();
    expect(capabilitiesOf(actor('expert', 'M')).riskReference).toBeNull();
  });

  // The audit log (issue 17 §7): the administrator and the security officer; the officer takes no part
  // in the work, so his menu is the log alone.
  it.each([
    ['admin', 'R', true, true],
    ['security_officer', 'R', true, false],
    ['regional_operator', 'R', false, true],
    ['school_team', 'S', false, true],
    ['teacher', 'S', false, true],
  ] as const)('audit: %s of %s', (role, unit, audit, participant) => {
    const caps = capabilitiesOf(actor(role, unit));
    expect({ audit: caps.audit, participant: caps.participant }).toEqual({ audit, participant });
  });
});

// Expertise (issue 11 §6), written out by hand: who organizes and who may be named to examine.
const EXPERTISE_CAPS = {
  admin: { expertiseOrganizer: 'region', expertiseReviewer: false },
  regional_operator: { expertiseOrganizer: 'region', expertiseReviewer: false },
  regional_center: { expertiseOrganizer: 'region', expertiseReviewer: true },
  municipal_coordinator: { expertiseOrganizer: 'municipality', expertiseReviewer: false },
  curator: { expertiseOrganizer: null, expertiseReviewer: false },
  school_team: { expertiseOrganizer: null, expertiseReviewer: true },
  expert: { expertiseOrganizer: 'region', expertiseReviewer: true },
  teacher: { expertiseOrganizer: null, expertiseReviewer: false },
} as const;

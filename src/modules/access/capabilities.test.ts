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
      },
    ],
  ] as const)('%s of %s', (role, unit, expected) => {
    const { campaigns: _, ...rest } = capabilitiesOf(actor(role, unit));
    expect(rest).toEqual(expected);
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

  it('an expert of a municipality is not a reader of the region', () => {
    expect(capabilitiesOf(actor('expert', 'M')).identification).toBeNull();
  });
});

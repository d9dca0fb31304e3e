import type { Request, Target } from './requests.js';
import type { Samples } from './samples.js';
import { type Login, UNIT_READERS, UNITS } from './scope.js';

// Helper «coverage» (issue 14 §1): teachers' support coverage is read by the roles that read teachers'
// data (people-rules `staffReader`) for a unit they see; an expert and a teacher see units but read no
// teacher's data — 403 where they see the unit, 404 elsewhere.

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

const NOT_STAFF_READERS: readonly Login[] = ['expert', 'teacher'];

export function peopleCoverageCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  if (rule !== 'people-coverage.read') return null;
  return UNITS.map((u) => ({
    label: u,
    params: {},
    target: { unit: s.units[u], all: s, user },
    sees: UNIT_READERS[u],
    may: UNIT_READERS[u].filter((l) => !NOT_STAFF_READERS.includes(l)),
  }));
}

export const PEOPLE_COVERAGE_REQUESTS: Record<string, (t: Target) => Request> = {
  'GET /api/people-coverage': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026&group=shnor` }),
  'GET /api/people-coverage/export': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026` }),
};

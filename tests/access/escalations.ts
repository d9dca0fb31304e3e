import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «deadlines» (issue 15 §3): the «Эскалации» list and the region's rules have no object in the
// path — they answer with what is reported to the caller (access/… deadlines/scope.ts); the rules are the
// caller's region's. Who may call, written out by hand from escalationScope.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

/** Those overdue work is reported to: the region's operator and centre, the administrator, the municipality, the curator. */
export const ESCALATION_READERS: Login[] = ['admin', 'region', 'center', 'municipality', 'curator'];

export function escalationCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  if (rule !== 'escalations.read') return null;
  return [{ label: rule, params: {}, target: { all: s, user }, sees: LOGINS, may: ESCALATION_READERS }];
}

/** The rules' PUT with a stale version: 409 for the regional operator, nothing changes. */
export const ESCALATION_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'PUT /api/escalation-rules': () => ({
    body: {
      enabled: true,
      dueSoonDays: 7,
      schoolOverdueDays: 14,
      municipalityOverdueDays: 14,
      version: STALE,
    },
  }),
};

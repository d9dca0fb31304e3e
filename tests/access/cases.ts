import type { Case } from './case-kit.js';
import { courseCases } from './courses.js';
import { diagnosticCases } from './diagnostics.js';
import { escalationCases } from './escalations.js';
import { indicatorCases } from './indicators.js';
import { meetingCases } from './meetings.js';
import { mfaCases } from './mfa.js';
import { monitoringCases } from './monitorings.js';
import { notificationCases } from './notifications.js';
import { peopleCoverageCases } from './people-coverage.js';
import { planCases } from './plan-cases.js';
import { practiceCases } from './practices.js';
import { publicationCases } from './publication.js';
import { pupilCases } from './pupils.js';
import { regionExportCases } from './region-exports.js';
import { reportCases } from './reports.js';
import type { Target } from './requests.js';
import { routeCases } from './routes.js';
import type { Samples } from './samples.js';
import { LOGINS, ROLE_RULES } from './scope.js';
import { staffCases } from './staff.js';
import { workCases } from './work-cases.js';

// The cases of an access rule: the matrix's own (plan-cases.ts, work-cases.ts), then each helper's, then a
// rule on the user accounts. Null: a rule nobody knows (the matrix fails on it).

export function casesOf(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const all = s;
  const own = planCases(rule, s, user) ?? workCases(rule, s, user);
  if (own) return own;
  // Helper «meetings»: bodies, meetings, decisions (tests/access/meetings.ts).
  const meetingRuleCases = meetingCases(rule, s, user);
  if (meetingRuleCases) return meetingRuleCases;
  const indicatorRuleCases = indicatorCases(rule, s, user);
  if (indicatorRuleCases) return indicatorRuleCases;
  // Helper «monitoring»: the demo's monitorings (tests/access/monitorings.ts).
  const monitoringRuleCases = monitoringCases(rule, s, user);
  if (monitoringRuleCases) return monitoringRuleCases;
  const reportRuleCases = reportCases(rule, s, user);
  if (reportRuleCases) return reportRuleCases;
  // Helper «coverage» (issue 14 §1): teachers' support coverage.
  const peopleCoverageRuleCases = peopleCoverageCases(rule, s, user);
  if (peopleCoverageRuleCases) return peopleCoverageRuleCases;
  // Helper «routes»: the demo's individual routes (tests/access/routes.ts).
  const routeRuleCases = routeCases(rule, s, user);
  if (routeRuleCases) return routeRuleCases;
  // Helper «courses»: the demo's courses and enrolments (tests/access/courses.ts).
  const courseRuleCases = courseCases(rule, s, user);
  if (courseRuleCases) return courseRuleCases;
  // Helper «deadlines»: escalations and the region's rules (tests/access/escalations.ts).
  const escalationRuleCases = escalationCases(rule, s, user);
  if (escalationRuleCases) return escalationRuleCases;
  // Helper «diagnostics»: the demo's diagnostic, an import, the teacher's results (tests/access/diagnostics.ts).
  const diagnosticRuleCases = diagnosticCases(rule, s, user);
  if (diagnosticRuleCases) return diagnosticRuleCases;
  // Helper «staff»: staff records and mentoring pairs (tests/access/staff.ts).
  const staffRuleCases = staffCases(rule, s, user);
  if (staffRuleCases) return staffRuleCases;
  // Helper «pupils»: the demo's pupils at risk (tests/access/pupils.ts).
  const pupilRuleCases = pupilCases(rule, s, user);
  if (pupilRuleCases) return pupilRuleCases;
  // Helper «publish»: publishing the objects of other rules' cases, withdrawing (tests/access/publication.ts).
  const publicationRuleCases = publicationCases(rule, s, user, (other) => casesOf(other, s, user));
  if (publicationRuleCases) return publicationRuleCases;
  // Helper «practices»: the demo's practices in each state (tests/access/practices.ts).
  const practiceRuleCases = practiceCases(rule, s, user);
  if (practiceRuleCases) return practiceRuleCases;
  // Helper «notifications»: the centre and e-mail settings (tests/access/notifications.ts).
  const notificationRuleCases = notificationCases(rule, s, user);
  if (notificationRuleCases) return notificationRuleCases;
  const regionExportRuleCases = regionExportCases(rule, s, user);
  if (regionExportRuleCases) return regionExportRuleCases;
  // Helper «mfa»: the second factor and the sessions (tests/access/mfa.ts).
  const mfaRuleCases = mfaCases(rule, s, user);
  if (mfaRuleCases) return mfaRuleCases;
  const roles = ROLE_RULES[rule];
  if (!roles) return null;
  return [
    {
      label: rule,
      params: { id: user.id, assignmentId: user.assignmentId, identityId: user.identityId ?? '' },
      target: { all, user },
      sees: LOGINS,
      may: roles,
    },
  ];
}

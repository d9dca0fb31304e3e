import { loadDemoCourses } from './demo-courses.js';
import { loadDemoDiagnostics } from './demo-diagnostics.js';
import { loadDemoIndividualRoutes } from './demo-individual-routes.js';
import { loadDemoMentoring } from './demo-mentoring.js';
import { bindDemoPeopleCoverage } from './demo-people-coverage.js';
import { loadDemoPupils } from './demo-pupils.js';
import type { DemoRun } from './demo-run.js';
import { loadDemoStaff } from './demo-staff.js';

// Support of people (issue 14 §3), after the lists and the mentor pairs of the list in force: staff of
// the ШНОР and their mentor schools, a diagnostic with results, mentoring pairs, routes, courses and the course demand,
// registries of pupils at risk with two checkpoints, and a roadmap indicator bound to teachers' coverage.
export async function loadDemoSupport(run: DemoRun): Promise<{ teachers: number; schools: number }> {
  const staff = await loadDemoStaff(run);
  await loadDemoDiagnostics(run);
  await loadDemoMentoring(run);
  await loadDemoIndividualRoutes(run);
  await loadDemoCourses(run);
  await loadDemoPupils(run);
  await bindDemoPeopleCoverage(run);
  return { teachers: [...staff.values()].reduce((a, b) => a + b, 0), schools: staff.size };
}

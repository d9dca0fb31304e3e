import { bindDemoCoverage } from './demo-org-coverage.js';
import { loadDemoEvents } from './demo-org-events.js';
import { loadDemoMeetings } from './demo-org-meetings.js';
import { coverDemoListInForce, loadDemoPeople } from './demo-org-people.js';
import type { DemoRun } from './demo-run.js';

// The organisation of the demo region's work (issue 12 §6): coordinators, curators with their schools,
// mentor pairs with agreements, a working group meeting monthly with its decisions, webinars and
// seminars with participation — each with a deliberate gap, so that «Пробелы» has something true to show.

/** After the roadmaps, profiles and programs: the organisation refers to them. */
export async function loadDemoOrganisation(run: DemoRun): Promise<void> {
  await loadDemoPeople(run);
  await loadDemoMeetings(run);
  await loadDemoEvents(run);
}

/**
 * After the identification lists: the ШНОР of the list in force get their curators and mentors (the
 * mentors chosen off both lists), then the bound indicators read all of it.
 */
export async function bindDemoIndicators(run: DemoRun): Promise<void> {
  await coverDemoListInForce(run);
  await bindDemoCoverage(run);
}

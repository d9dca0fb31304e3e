import { loadDemoNotifications } from './demo-notifications.js';
import { loadDemoPractices } from './demo-practices.js';
import { loadDemoPublications } from './demo-publications.js';
import type { DemoRun } from './demo-run.js';

// Openness and attention (issue 15), last: publications of what the demo approved (roadmaps, programs,
// reports, lists), the bank of practices, and the notifications and escalations that the demo's
// deadlines and history give (the daily sweep run once at load).
export async function loadDemoOpenness(run: DemoRun): Promise<void> {
  await loadDemoPublications(run);
  await loadDemoPractices(run);
  await loadDemoNotifications(run);
}

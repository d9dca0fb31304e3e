import type { DemoRun } from './demo-run.js';

// Slot of helper «individual-routes» (issue 14 §3): filled by the helper.
export async function loadDemoIndividualRoutes(_run: DemoRun): Promise<void> {}

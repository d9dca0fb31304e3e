import type { DemoRun } from './demo-run.js';

// Slot of helper «people-coverage» (issue 14 §3): filled by the helper.
export async function bindDemoPeopleCoverage(_run: DemoRun): Promise<void> {}

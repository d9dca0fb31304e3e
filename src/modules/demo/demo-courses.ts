import type { DemoRun } from './demo-run.js';

// Slot of helper «courses» (issue 14 §3): filled by the helper.
export async function loadDemoCourses(_run: DemoRun): Promise<void> {}

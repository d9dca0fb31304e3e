import type { DemoRun } from './demo-run.js';

// Slot of helper «practices» (issue 15).
export async function loadDemoPractices(_run: DemoRun): Promise<void> {}

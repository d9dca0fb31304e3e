import type { DemoRun } from './demo-run.js';

// Slot of helper «pupils» (issue 14 §3): filled by the helper.
export async function loadDemoPupils(_run: DemoRun): Promise<void> {}

import type { DemoRun } from './demo-run.js';

// Slot of helper «diagnostics» (issue 14 §3): filled by the helper.
export async function loadDemoDiagnostics(_run: DemoRun): Promise<void> {}

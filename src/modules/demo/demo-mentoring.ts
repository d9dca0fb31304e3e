import type { DemoRun } from './demo-run.js';

// Slot of helper «staff» (issue 14 §3): filled by the helper.
export async function loadDemoMentoring(_run: DemoRun): Promise<void> {}
